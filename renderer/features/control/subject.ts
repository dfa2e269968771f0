/**
 * What a record starts from, read from the URL other screens link to (features never import each
 * other): `#/control/new?kind=escalation|info-request|instruction&<subject>=<id>[&label=…]`, where
 * the subject is the first of appeal, cell, spike, organisation, municipality, sector present; the
 * others that are present are context (a spike in a block, a cell in a municipality). Pure.
 */
import { RECORD_KINDS, type RecordKind, type RecordSubject, type SubjectKind } from '../../../shared/records';

const ORDER: SubjectKind[] = ['appeal', 'cell', 'spike', 'organisation', 'municipality', 'sector'];
const MAX_PARAM = 300;

export interface NewRecordRequest {
  kind: RecordKind;
  subject: RecordSubject | null;
  /** Context the subject carries: the block, territory and organisation it belongs to. */
  sector: string | null;
  municipality: string | null;
  organisation: string | null;
}

function param(query: URLSearchParams, name: string): string | null {
  const value = query.get(name)?.trim();
  return value ? value.slice(0, MAX_PARAM) : null;
}

export function parseNewRecordQuery(query: URLSearchParams): NewRecordRequest {
  const rawKind = query.get('kind');
  const kind = (RECORD_KINDS as readonly string[]).includes(rawKind ?? '') ? (rawKind as RecordKind) : 'escalation';
  const subjectKind = ORDER.find((k) => param(query, k) !== null) ?? null;
  const subject = subjectKind ? { kind: subjectKind, id: param(query, subjectKind)!, label: param(query, 'label') ?? param(query, subjectKind)! } : null;
  return { kind, subject, sector: param(query, 'sector'), municipality: param(query, 'municipality'), organisation: param(query, 'organisation') };
}
