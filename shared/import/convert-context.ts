/**
 * What a row converter needs from the domain and from the centre's mapping tables, passed in
 * rather than imported so the converters stay pure and testable. The renderer builds it from
 * shared/domain (normalizeStatus, mapSector, mapOrganisation, computeDeadline) plus the
 * operator's in-place mappings.
 */
import { blankAppeal, type Appeal, type DeadlineInfo, type NormalizedStatus, type SectorId, type SourceKind } from '../domain/appeal';
import type { Cell } from './cells';
import { problem, type FieldProblem, type ImportRowMessage } from './messages';
import type { HeaderMapping } from './headers';
import { parseLocalDateTime, type LocalDateTime, type Parsed } from './values';

export interface ConvertContext {
  timeZone: string;
  /** Epoch ms of a region-local midnight. */
  regionDayStart(isoDay: string, timeZone: string): number;
  normalizeStatus(source: SourceKind, raw: string): { status: NormalizedStatus; known: boolean };
  mapSector(input: { source: SourceKind; category: string | null; subcategory: string | null }): { sector: SectorId; mapped: boolean };
  /** Municipality id of an organisation, or null when the mapping table does not know it. */
  municipalityOfOrganisation(name: string): string | null;
  /** Whether the organisation is in the mapping table at all (regional bodies are, without a municipality). */
  isKnownOrganisation(name: string): boolean;
  /** Municipality id from a municipality name written in the file (ИМ, 59-ФЗ), or null. */
  municipalityByName(name: string): string | null;
  /** Fallback deadline when the record carries none (rules of the domain's deadline engine). */
  deadlineFor(draft: Appeal): DeadlineInfo | null;
  /** Import instant: `updatedAt` of new and changed records. */
  now: number;
  batchId: string;
  fileName: string;
}

/** A value that the mapping tables did not know: listed in the preview, mappable in place. */
export interface NeedsMapping {
  kind: 'category' | 'organisation' | 'status';
  value: string;
}

export type RowResult =
  | { ok: true; appeal: Appeal; warnings: ImportRowMessage[]; needs: NeedsMapping[] }
  | { ok: false; reason: ImportRowMessage };

export type RowConverter = (cells: Cell[], row: number, mapping: HeaderMapping, ctx: ConvertContext) => RowResult;

/** Reads fields of one row and collects field errors (which reject the row) and warnings. */
export class RowReader {
  readonly errors: FieldProblem[] = [];
  readonly warnings: ImportRowMessage[] = [];
  readonly needs: NeedsMapping[] = [];

  constructor(
    private readonly cells: Cell[],
    private readonly mapping: HeaderMapping,
    private readonly labels: Record<string, string>,
    readonly ctx: ConvertContext,
  ) {}

  cell(key: string): Cell | undefined {
    const index = this.mapping[key];
    return index === undefined ? undefined : this.cells[index];
  }

  has(key: string): boolean {
    return this.mapping[key] !== undefined;
  }

  /** Parses a field; an unparsable value of a required field is an error, otherwise a warning and null. */
  get<T>(key: string, parse: (cell: Cell | undefined) => Parsed<T>, required = false): T | null {
    const result = parse(this.cell(key));
    if (result.error !== undefined) {
      const field: FieldProblem = { field: this.labels[key] ?? key, problem: result.error };
      if (required) this.errors.push(field);
      else this.warnings.push({ kind: 'value-dropped', params: field });
      return null;
    }
    return (result.value ?? null) as T | null;
  }

  /** Epoch ms of a local date-time; a date without time is the start of that day. */
  instant(value: LocalDateTime | null): number | null {
    if (!value) return null;
    return this.ctx.regionDayStart(value.day, this.ctx.timeZone) + value.seconds * 1000;
  }

  /** A date-only deadline means the end of that day. */
  deadlineInstant(value: LocalDateTime | null): number | null {
    if (!value) return null;
    if (value.hasTime) return this.instant(value);
    return this.ctx.regionDayStart(value.day, this.ctx.timeZone) + 86_400_000 - 1;
  }
}

export function labelsOf(fields: { key: string; headers: string[] }[]): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [f.key, f.headers[0] ?? f.key]));
}

/** A row whose number and first date could be read: the reader to go on with, and both values. */
export interface StartedRow {
  reader: RowReader;
  externalId: string;
  date: LocalDateTime;
}

/**
 * Common start of every converter: the record's number and its first date (`dateKey`) are
 * required, and a row without either is rejected with every reason found.
 */
export function startRow(
  cells: Cell[],
  mapping: HeaderMapping,
  labels: Record<string, string>,
  ctx: ConvertContext,
  dateKey: string,
): StartedRow | { ok: false; reason: ImportRowMessage } {
  const reader = new RowReader(cells, mapping, labels, ctx);
  const externalId = reader.get('number', parseExternalId, true);
  const date = reader.get(dateKey, parseLocalDateTime, true);
  if (!date && reader.errors.length === 0) reader.errors.push({ field: labels[dateKey] ?? dateKey, problem: problem('date-missing', {}) });
  if (reader.errors.length > 0 || externalId === null || !date) return { ok: false, reason: { kind: 'row-rejected', params: { errors: reader.errors } } };
  return { reader, externalId, date };
}

/** Common tail of every converter: status, sector, municipality, quality flags, deadline; the row's result. */
export function finishAppeal(reader: RowReader, appeal: Appeal, municipalitySource: { orgs: (string | null)[]; name: string | null }): RowResult {
  const { ctx } = reader;
  const status = ctx.normalizeStatus(appeal.source, appeal.statusRaw);
  appeal.status = status.status;
  if (!status.known) {
    appeal.qualityFlags.push('unknown-status');
    if (appeal.statusRaw) reader.needs.push({ kind: 'status', value: appeal.statusRaw });
  }
  const sector = ctx.mapSector({ source: appeal.source, category: appeal.category, subcategory: appeal.subcategory });
  appeal.sector = sector.sector;
  appeal.sectorMapped = sector.mapped;
  if (!sector.mapped) {
    appeal.qualityFlags.push('unmapped-sector');
    if (appeal.category) reader.needs.push({ kind: 'category', value: appeal.category });
  }
  // The file's own municipality first, then the organisation handling the appeal, then the one it
  // was sent to (a regional ministry has no municipality; the municipal body it came from may).
  const orgs = [...new Set(municipalitySource.orgs.filter((o): o is string => !!o))];
  let municipality: string | null = null;
  if (municipalitySource.name) municipality = ctx.municipalityByName(municipalitySource.name);
  for (const org of orgs) {
    if (municipality) break;
    municipality = ctx.municipalityOfOrganisation(org);
  }
  appeal.municipality = municipality;
  if (!municipality) {
    appeal.qualityFlags.push('unknown-municipality');
    // Only organisations missing from the table need mapping; known regional bodies do not.
    const unknown = municipalitySource.name ? undefined : orgs.find((o) => !ctx.isKnownOrganisation(o));
    if (unknown) reader.needs.push({ kind: 'organisation', value: unknown });
  }
  if (!appeal.deadline) {
    appeal.deadline = ctx.deadlineFor(appeal);
    if (!appeal.deadline) appeal.qualityFlags.push('no-deadline');
  }
  return { ok: true, appeal, warnings: reader.warnings, needs: reader.needs };
}

export function emptyAppeal(source: SourceKind, externalId: string, receivedAt: number, ctx: ConvertContext, row: number): Appeal {
  return {
    ...blankAppeal(source, externalId, receivedAt),
    updatedAt: ctx.now,
    import: { batchId: ctx.batchId, fileName: ctx.fileName, row },
  };
}

/** External numbers: digits and separators only matter; Excel may have turned them into numbers. */
export function parseExternalId(cell: Cell | undefined): Parsed<string | null> {
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return { error: problem('bad-number', {}) };
    return { value: Number.isInteger(cell) ? String(cell) : String(cell) };
  }
  if (typeof cell === 'object' && cell !== null) return { error: problem('cell-error', { code: cell.error }) };
  const text = cell === null || cell === undefined ? '' : String(cell).trim();
  if (!text || text === '-') return { error: problem('number-missing', {}) };
  if (text.length > 100 || /[\u0000-\u001f]/.test(text)) return { error: problem('invalid-number', { raw: text.slice(0, 40) }) };
  return { value: text };
}
