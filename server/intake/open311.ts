/**
 * An Open311 GeoReport v2 pull source (a city's 311 service): the service list, then service
 * requests changed after the last one taken (`updated_after`), page by page. Endpoints differ in
 * what they honour, so the pager checks the answers: a full page whose newest change is later
 * than the checkpoint continues from that change; a full page that does not move the checkpoint
 * (the endpoint ignores `updated_after`, or one instant has more requests than a page) falls back
 * to `page=N+1`. Requests are mapped to appeals of source `regional`.
 */
import { SaxesParser } from 'saxes';
import type { Open311Config } from '../../shared/centre/protocol';
import { blankAppeal, type Appeal, type NormalizedStatus } from '../../shared/domain/appeal';
import { DEFAULT_SECTOR_MAPPING, mapSector, mergeSectorMappings } from '../../shared/domain/mapping';
import type { RegionPack } from '../../shared/domain/region-pack';
import { describeIssues } from '../../shared/feed/protocol';
import { appealSchema } from '../../shared/domain/validation';

/** One service request or service, fields as the endpoint wrote them. */
export type Open311Record = Record<string, string | null>;

export interface Open311Checkpoint {
  /** ISO instant: requests updated after it are still to take. */
  updatedAfter: string | null;
}

export type FetchText = (url: string) => Promise<string>;

const MAX_PAGES_PER_RUN = 500;
const MAX_RESPONSE_CHARS = 50 * 1024 * 1024;

/** Parses a GeoReport v2 answer (`services` or `service_requests`) in JSON or XML into flat records. */
export function parseOpen311(text: string, format: 'json' | 'xml', element: 'request' | 'service'): Open311Record[] {
  if (text.length > MAX_RESPONSE_CHARS) throw new Error('ответ Open311 слишком велик');
  if (format === 'json') {
    const value = JSON.parse(text) as unknown;
    if (!Array.isArray(value)) throw new Error('ответ Open311: ожидался массив');
    return value.map((entry) => {
      const out: Open311Record = {};
      if (entry && typeof entry === 'object') {
        for (const [key, field] of Object.entries(entry as Record<string, unknown>)) {
          out[key] = field === null || field === undefined ? null : typeof field === 'object' ? JSON.stringify(field) : String(field);
        }
      }
      return out;
    });
  }
  const records: Open311Record[] = [];
  const parser = new SaxesParser({ xmlns: false });
  let current: Open311Record | null = null;
  let field: string | null = null;
  let depth = 0;
  let text_ = '';
  parser.on('opentag', (tag) => {
    depth++;
    if (tag.name === element) {
      current = {};
      depth = 0;
    } else if (current && depth === 1) {
      field = tag.name;
      text_ = '';
    }
  });
  parser.on('text', (t) => {
    if (field) text_ += t;
  });
  parser.on('cdata', (t) => {
    if (field) text_ += t;
  });
  parser.on('closetag', (tag) => {
    if (current && tag.name === element) {
      records.push(current);
      current = null;
    } else if (current && field === tag.name && depth === 1) {
      current[field] = text_.trim() === '' ? null : text_.trim();
      field = null;
    }
    depth--;
  });
  parser.write(text).close();
  return records;
}

function instant(value: string | null | undefined): number | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) && ms >= 0 ? ms : null;
}

function coordinate(value: string | null | undefined, limit: number): number | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) && Math.abs(n) <= limit ? n : null;
}

const STATUS: Record<string, NormalizedStatus> = { open: 'new', closed: 'closed' };

export interface Open311Mapped {
  appeals: Appeal[];
  rejected: string[];
}

/** Service requests → appeals (`regional:<source id>-<service_request_id>`), invalid ones refused with the reason. */
export function open311ToAppeals(requests: readonly Open311Record[], services: ReadonlyMap<string, Open311Record>, sourceId: string, config: Open311Config, pack: RegionPack): Open311Mapped {
  const sectors = mergeSectorMappings(pack.sectorMapping, DEFAULT_SECTOR_MAPPING);
  const appeals: Appeal[] = [];
  const rejected: string[] = [];
  for (const request of requests) {
    const srid = request.service_request_id?.trim();
    const requested = instant(request.requested_datetime);
    if (!srid || requested === null) {
      rejected.push(`Заявка ${srid ?? '(без номера)'}: нет номера или времени подачи (requested_datetime)`);
      continue;
    }
    const service = request.service_code ? services.get(request.service_code) : undefined;
    const serviceName = request.service_name ?? service?.service_name ?? null;
    const group = service?.group ?? null;
    const rawStatus = (request.status ?? '').trim().toLowerCase();
    const updated = instant(request.updated_datetime) ?? requested;
    const expected = instant(request.expected_datetime);
    let status = STATUS[rawStatus] ?? 'other';
    if (status === 'new' && request.agency_responsible) status = 'routed';
    const mapped = mapSector(sectors, { source: 'regional', category: group ?? serviceName, subcategory: serviceName });
    const media = request.media_url?.trim() ?? null;
    const appeal: Appeal = {
      ...blankAppeal('regional', `${sourceId}-${srid}`, requested),
      channel: 'open311',
      registeredAt: requested,
      statusRaw: request.status ?? '',
      status,
      closedAt: status === 'closed' ? updated : null,
      deadline: expected !== null ? { dueAt: expected, originalDueAt: null, ruleId: 'record', ruleVersion: 1, explanation: 'Срок из системы Open311 (expected_datetime)', hourBased: false } : null,
      category: group ?? serviceName,
      subcategory: group ? serviceName : null,
      sector: mapped.sector,
      sectorMapped: mapped.mapped,
      orgCurrent: request.agency_responsible ?? null,
      municipality: config.municipality,
      address: request.address ?? null,
      lat: coordinate(request.lat, 90),
      lon: coordinate(request.long, 180),
      text: [request.description, request.status_notes].filter((t): t is string => !!t).join('\n'),
      url: media && /^https?:\/\//.test(media) ? media : null,
      updatedAt: updated,
      qualityFlags: status === 'other' ? ['unknown-status'] : [],
    };
    const check = appealSchema.safeParse(appeal);
    if (!check.success) rejected.push(`Заявка ${srid}: ${describeIssues(check.error)}`);
    else appeals.push(check.data);
  }
  return { appeals, rejected };
}

function withQuery(base: string, path: string, params: Record<string, string | undefined>): string {
  const url = new URL(base.replace(/\/+$/, '') + path);
  for (const [key, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(key, value);
  return url.toString();
}

export interface Open311Pull {
  requests: Open311Record[];
  services: Map<string, Open311Record>;
  checkpoint: Open311Checkpoint;
  pages: number;
  /** True when the page fallback was used at least once. */
  pagedByNumber: boolean;
}

/** Pulls everything changed after the checkpoint; the newest version of each request wins. */
export async function pullOpen311(config: Open311Config, checkpoint: Open311Checkpoint, fetchText: FetchText): Promise<Open311Pull> {
  const common = { api_key: config.apiKey, jurisdiction_id: config.jurisdictionId };
  const servicesList = parseOpen311(await fetchText(withQuery(config.baseUrl, `/services.${config.format}`, common)), config.format, 'service');
  const services = new Map(servicesList.filter((s) => s.service_code).map((s) => [s.service_code!, s]));
  const byId = new Map<string, Open311Record>();
  let after = checkpoint.updatedAfter;
  let page = 1;
  let pages = 0;
  let pagedByNumber = false;
  let complete = false;
  let newest = instant(after) ?? -1;
  while (pages < MAX_PAGES_PER_RUN) {
    const url = withQuery(config.baseUrl, `/requests.${config.format}`, {
      ...common,
      updated_after: after ?? undefined,
      page: page > 1 ? String(page) : undefined,
      page_size: String(config.pageSize),
    });
    const batch = parseOpen311(await fetchText(url), config.format, 'request');
    pages++;
    let pageNewest = -1;
    let fresh = 0;
    let ascending = true;
    let previous = -1;
    for (const request of batch) {
      const id = request.service_request_id;
      if (!id) continue;
      const updated = instant(request.updated_datetime) ?? instant(request.requested_datetime) ?? -1;
      const known = byId.get(id);
      const knownUpdated = known ? (instant(known.updated_datetime) ?? -1) : -2;
      if (updated > knownUpdated) {
        byId.set(id, request);
        fresh++;
      }
      pageNewest = Math.max(pageNewest, updated);
      if (updated < previous) ascending = false;
      previous = updated;
    }
    newest = Math.max(newest, pageNewest);
    if (batch.length < config.pageSize) {
      complete = true;
      break;
    }
    const moved = pageNewest > (instant(after) ?? -1);
    // Continuing from the newest change is safe only when the page is in change order.
    if (!pagedByNumber && ascending && moved && fresh > 0) {
      // Keyset by time: continue from the newest change seen; repeats are de-duplicated above.
      after = new Date(pageNewest).toISOString();
      page = 1;
      continue;
    }
    // A full page that did not move the checkpoint: number the pages instead, until a page brings nothing new.
    if (pagedByNumber && fresh === 0) {
      complete = true;
      break;
    }
    pagedByNumber = true;
    page++;
  }
  // An unfinished pull (page limit) resumes from the last boundary known to have nothing missing before it.
  const resumeFrom = complete ? (newest >= 0 ? new Date(newest).toISOString() : checkpoint.updatedAfter) : pagedByNumber ? checkpoint.updatedAfter : after;
  return { requests: [...byId.values()], services, checkpoint: { updatedAfter: resumeFrom }, pages, pagedByNumber };
}
