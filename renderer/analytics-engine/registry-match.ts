/**
 * The registry's filter over the columnar index: the same conditions as the registry's row
 * predicate (renderer/features/registry/query-plan `matchesFilter`), evaluated on typed arrays, and
 * the page of candidates in the registry's order (receipt or deadline, ties by id, as the
 * IndexedDB indexes order them). The registry then reads just those rows by primary key.
 */
import type { ColumnStore } from '../../shared/analytics/columns';
import { FLAG, type DictDim } from '../../shared/analytics/facts';
import { workCalendar } from '../../shared/domain/calendar';
import { regionDayEnd, regionDayStart } from '../../shared/domain/time';
import { LIST_KEYS, NONE_VALUE, UNKNOWN_MUNICIPALITY, type ListKey, type RegistryFilter, type RegistrySort } from '../app/registry-filter';
import { deadlineBands, type DeadlineBands } from '../db/deadline-bands';
import { effectiveScope } from '../runtime/access';

/** Position after the last row of a page: its sort key and id. */
export interface EngineCursor {
  key: number;
  id: string;
}

export type EngineSort = Exclude<RegistrySort, 'relevance'>;

export function compileRegistryFilter(store: ColumnStore, filter: RegistryFilter, now: number, timeZone: string): (row: number) => boolean {
  const from = filter.from ? regionDayStart(filter.from, timeZone) : -Infinity;
  const until = filter.to ? regionDayEnd(filter.to, timeZone) + 1 : Infinity;
  const bands: DeadlineBands = deadlineBands(now, timeZone, workCalendar);
  const { receivedAt, flags, openDueAt, rating, answerHours, dims } = store.cols;
  const codeChecks: { column: Uint8Array | Uint16Array | Uint32Array; code: number }[] = [];
  let impossible = false;
  const byValue = (dim: DictDim, value: string | undefined) => {
    if (value === undefined) return;
    const code = store.dicts[dim].find(value);
    if (code < 0) impossible = true;
    codeChecks.push({ column: dims[dim], code });
  };
  const orNone = (value: string | undefined) => (value === NONE_VALUE ? '' : value);
  byValue('source', filter.source);
  byValue('channel', orNone(filter.channel));
  byValue('sector', filter.sector);
  byValue('category', orNone(filter.category));
  byValue('municipality', filter.municipality === UNKNOWN_MUNICIPALITY ? '' : filter.municipality);
  byValue('organisation', orNone(filter.organisation));
  byValue('outcome', orNone(filter.outcome));
  byValue('reaction', orNone(filter.reaction));
  byValue('importance', orNone(filter.importance));
  byValue('executor', orNone(filter.executor));
  // «One of» / «none of» lists become a per-code lookup table over the column's dictionary.
  const listChecks: { column: Uint8Array | Uint16Array | Uint32Array; allowed: Uint8Array; unseen: number }[] = [];
  const listCheck = (key: ListKey, values: string[] | undefined, inside: boolean) => {
    if (!values) return;
    const dict = store.dicts[key];
    const allowed = new Uint8Array(dict.size + 1).fill(inside ? 0 : 1);
    for (const value of values) {
      const code = dict.find(key === 'municipality' && value === UNKNOWN_MUNICIPALITY ? '' : orNone(value)!);
      if (code >= 0 && code < allowed.length) allowed[code] = inside ? 1 : 0;
    }
    // A value the dictionary learns after compiling is in no list.
    listChecks.push({ column: dims[key], allowed, unseen: inside ? 0 : 1 });
  };
  for (const key of LIST_KEYS) {
    listCheck(key, filter.among?.[key], true);
    listCheck(key, filter.except?.[key], false);
  }
  if (impossible) return () => false;
  // The viewer's scope (runtime/access.ts) as sets of dictionary codes: rows outside never match.
  const scope = effectiveScope();
  const scopeCodes = (dim: DictDim, ids: readonly string[] | null) =>
    ids === null ? null : new Set(ids.map((id) => store.dicts[dim].find(id)).filter((c) => c >= 0));
  const sectorCodes = scopeCodes('sector', scope.sectors);
  const muniCodes = scopeCodes('municipality', scope.municipalities);
  const sectorColumn = dims.sector;
  const muniColumn = dims.municipality;
  const statusCodes = filter.status ? new Set(filter.status.map((s) => store.dicts.status.find(s)).filter((c) => c >= 0)) : null;
  const statusColumn = dims.status;
  const flagEquals: { bit: number; want: boolean }[] = [];
  if (filter.repeat !== undefined) flagEquals.push({ bit: FLAG.repeat, want: filter.repeat });
  if (filter.answered !== undefined) flagEquals.push({ bit: FLAG.finished, want: filter.answered });
  if (filter.postponed !== undefined) flagEquals.push({ bit: FLAG.postponed, want: filter.postponed });
  if (filter.fastTrack !== undefined) flagEquals.push({ bit: FLAG.fastTrack, want: filter.fastTrack });

  const deadline = filter.deadline;
  const satisfaction = filter.satisfaction;
  const exactRating = filter.rating;
  const answerTime = filter.answerTime;
  return (row) => {
    const at = receivedAt[row]!;
    if (at < from || at >= until) return false;
    const f = flags[row]!;
    if (f & FLAG.deleted) return false;
    if (sectorCodes && !sectorCodes.has(sectorColumn[row]!)) return false;
    if (muniCodes && !muniCodes.has(muniColumn[row]!)) return false;
    for (let i = 0; i < codeChecks.length; i++) if (codeChecks[i]!.column[row] !== codeChecks[i]!.code) return false;
    for (let i = 0; i < listChecks.length; i++) {
      const check = listChecks[i]!;
      if ((check.allowed[check.column[row]!] ?? check.unseen) !== 1) return false;
    }
    if (statusCodes && !statusCodes.has(statusColumn[row]!)) return false;
    for (let i = 0; i < flagEquals.length; i++) if (((f & flagEquals[i]!.bit) !== 0) !== flagEquals[i]!.want) return false;
    if (answerTime !== undefined && (answerHours[row] === answerHours[row]) !== answerTime) return false;
    const score = rating[row]!;
    if (exactRating !== undefined && score !== exactRating) return false;
    if (satisfaction !== undefined) {
      if (satisfaction === 'rated' && score === 0) return false;
      if (satisfaction === 'unrated' && score !== 0) return false;
      if (satisfaction === 'satisfied' && score < 4) return false;
      if (satisfaction === 'unsatisfied' && (score === 0 || score >= 4)) return false;
    }
    if (deadline !== undefined) {
      const due = openDueAt[row]!;
      const hourBased = (f & FLAG.hourBased) !== 0;
      switch (deadline) {
        case 'overdue':
          if (!(due < bands.now)) return false;
          break;
        case 'at-risk-24h':
          if (!(due >= bands.now && due < (hourBased ? bands.hourRiskEnd : bands.dayRiskEnd))) return false;
          break;
        case 'at-risk-3wd':
          if (!(due >= bands.now && due < (hourBased ? bands.hourRiskEnd : bands.workRiskEnd))) return false;
          break;
        case 'in-time':
          if (!(due >= (hourBased ? bands.hourRiskEnd : bands.dayRiskEnd))) return false;
          break;
        case 'open':
          if (f & FLAG.finished) return false;
          break;
        case 'answered-on-time':
          if (!(f & FLAG.onTime)) return false;
          break;
        case 'answered-late':
          if (!(f & FLAG.late)) return false;
          break;
        case 'no-deadline':
          if (f & FLAG.hasDeadline) return false;
          break;
      }
    }
    return true;
  };
}

/** Number of rows the filter matches. */
export function countMatches(store: ColumnStore, match: (row: number) => boolean): number {
  let n = 0;
  for (let row = 0; row < store.length; row++) if (match(row)) n++;
  return n;
}

/**
 * The next `pageSize` matching rows after `after`, in the registry's order. A bounded selection
 * (a buffer of twice the page, trimmed by sorting) keeps it one pass whatever the number of matches.
 * Deadline orders list open appeals with a deadline only, like the `openDueAt` indexes.
 */
export function pageOfMatches(
  store: ColumnStore,
  match: (row: number) => boolean,
  sort: EngineSort,
  after: EngineCursor | null,
  pageSize: number,
): { rows: number[]; next: EngineCursor | null } {
  const byDue = sort === 'due-asc' || sort === 'due-desc';
  const keys = byDue ? store.cols.openDueAt : store.cols.receivedAt;
  const ascending = sort === 'received-asc' || sort === 'due-asc';
  const ids = store.ids;
  // compare(a, b) < 0 when a comes first.
  const compare = (ka: number, ia: string, kb: number, ib: string) => {
    const d = ascending ? ka - kb : kb - ka;
    if (d !== 0) return d;
    return ascending ? (ia < ib ? -1 : ia > ib ? 1 : 0) : ia > ib ? -1 : ia < ib ? 1 : 0;
  };
  let buffer: number[] = [];
  let worst: number | null = null;
  const order = (a: number, b: number) => compare(keys[a]!, ids[a]!, keys[b]!, ids[b]!);
  let more = false;
  for (let row = 0; row < store.length; row++) {
    const k = keys[row]!;
    if (k !== k) continue;
    if (after && compare(k, ids[row]!, after.key, after.id) <= 0) continue;
    if (worst !== null && order(row, worst) >= 0) {
      if (match(row)) more = true;
      continue;
    }
    if (!match(row)) continue;
    buffer.push(row);
    if (buffer.length >= pageSize * 4 + 1) {
      buffer.sort(order);
      buffer = buffer.slice(0, pageSize + 1);
      worst = buffer[pageSize]!;
      more = true;
    }
  }
  buffer.sort(order);
  if (buffer.length > pageSize) more = true;
  const rows = buffer.slice(0, pageSize);
  const last = rows.at(-1);
  return { rows, next: more && last !== undefined ? { key: keys[last]!, id: ids[last]! } : null };
}
