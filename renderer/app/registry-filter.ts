/**
 * The registry's filter as a value and as a URL (`#/registry?…`), so any number anywhere in the app
 * can link to exactly the appeals behind it and a view can be shared between windows.
 *
 * Every field is optional; an absent field does not filter. Serialisation is canonical (fixed key
 * order, defaults omitted) so equal filters give equal URLs, and `parseRegistryFilter` drops any
 * value it does not understand instead of failing: URLs are typed and pasted by people.
 */
import { NORMALIZED_STATUSES, SOURCE_KINDS, type NormalizedStatus, type SourceKind } from '../../shared/domain/appeal';

/** Deadline state «now» (see classifyAt in the domain core). */
export const DEADLINE_STATES = [
  /** open with openDueAt < now */
  'overdue',
  /** open, not overdue, due within 24 hours */
  'at-risk-24h',
  /** open, not overdue, due within 3 working days */
  'at-risk-3wd',
  /** open, due after the 24-hour (hour-based: 3-hour) risk band: the rest of «в работе в срок» */
  'in-time',
  /** not finished (shared/domain/outcome `isFinished`), any deadline or none */
  'open',
  /** finished at or before the deadline (`answerTimelinessOf`) */
  'answered-on-time',
  /** finished after the deadline */
  'answered-late',
  'no-deadline',
] as const;
export type DeadlineState = (typeof DEADLINE_STATES)[number];

/** Applicant's rating, 4–5 counting as satisfied (domain brief). */
export const SATISFACTIONS = ['satisfied', 'unsatisfied', 'rated', 'unrated'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];

export const REGISTRY_SORTS = [
  /** newest received first (default) */
  'received-desc',
  'received-asc',
  /** open appeals by deadline, most overdue first («по дням просрочки») */
  'due-asc',
  'due-desc',
  /** text search relevance (only with a text query) */
  'relevance',
] as const;
export type RegistrySort = (typeof REGISTRY_SORTS)[number];

export interface RegistryFilter {
  /** Received from this region-local day, inclusive, `YYYY-MM-DD`. */
  from?: string;
  /** Received up to this region-local day, inclusive, `YYYY-MM-DD`. */
  to?: string;
  source?: SourceKind;
  /** Channel / form code as the source gives it (e.g. MED_DOC_EPGU). */
  channel?: string;
  sector?: string;
  category?: string;
  /** Municipality id from the region pack; `UNKNOWN_MUNICIPALITY` for appeals without one. */
  municipality?: string;
  /** Current organisation (`orgCurrent`). */
  organisation?: string;
  /** Any of these normalised statuses. */
  status?: NormalizedStatus[];
  deadline?: DeadlineState;
  repeat?: boolean;
  /** Finished («отвечено»: answered, closed or final status, `isFinished`) or not. */
  answered?: boolean;
  /** Postponed («отложено»: by status or outcome, `isPostponed`) or not. */
  postponed?: boolean;
  /** Has an answer time (`hasAnswerTime`): the appeals the average answer time is taken over. */
  answerTime?: boolean;
  satisfaction?: Satisfaction;
  /** ИМ «Итог» (`resolved` / `unresolved` / `postponed`); `-` for none. */
  outcome?: string;
  /** ИМ author's reaction (`satisfied` / `neutral` / `dissatisfied`); `-` for none. */
  reaction?: string;
  /** Importance (`high` / `normal` / `private`); `-` for none. */
  importance?: string;
  /** Exact applicant's rating 1–5, or 0 for «без оценки». */
  rating?: number;
  fastTrack?: boolean;
  /** Executor (official) as the source names them; `-` for none. */
  executor?: string;
  /** Full-text query (Russian word forms match). */
  q?: string;
  sort?: RegistrySort;
  /**
   * The value is one of these (a group of municipalities, say); `-` stands for «не указано».
   * In the URL as repeated `in.<key>=` parameters.
   */
  among?: ListConditions;
  /**
   * The value is none of these: a pivot's «остальные» is «not one of the shown values».
   * In the URL as repeated `not.<key>=` parameters.
   */
  except?: ListConditions;
}

/** Fields a list condition («one of» / «none of») can test. */
export const LIST_KEYS = ['sector', 'category', 'municipality', 'organisation', 'channel', 'outcome', 'reaction', 'importance', 'executor'] as const;
export type ListKey = (typeof LIST_KEYS)[number];
export type ListConditions = Partial<Record<ListKey, string[]>>;
/** Values a list condition may hold, so a pasted URL cannot make a filter of unbounded size. */
export const MAX_LIST_VALUES = 1000;

/** Filter value for «муниципалитет не определён» (stored as muniKey ''). */
export const UNKNOWN_MUNICIPALITY = '-';
/** Filter value for «не указано» of the outcome, reaction, importance, executor, category, organisation and channel fields. */
export const NONE_VALUE = '-';

export const DEFAULT_SORT: RegistrySort = 'received-desc';

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_TEXT = 500;

/** Key order of the URL query: stable, so equal filters give equal links. */
const TEXT_KEYS = ['channel', 'sector', 'category', 'municipality', 'organisation', 'outcome', 'reaction', 'importance', 'executor'] as const;
/** Yes/no conditions, in the URL as `1` / `0`. */
const FLAG_KEYS = ['repeat', 'answered', 'postponed', 'answerTime', 'fastTrack'] as const;

function isDay(value: string): boolean {
  if (!DAY_RE.test(value)) return false;
  const y = Number(value.slice(0, 4));
  const m = Number(value.slice(5, 7));
  const d = Number(value.slice(8, 10));
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function oneOf<T extends string>(list: readonly T[], value: string | null): T | undefined {
  return value !== null && (list as readonly string[]).includes(value) ? (value as T) : undefined;
}

function cleanText(value: string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim().slice(0, MAX_TEXT);
  return text.length > 0 ? text : undefined;
}

/** Drops empty and invalid fields and sorts status lists, so equal meaning gives equal values. */
export function normalizeRegistryFilter(filter: RegistryFilter): RegistryFilter {
  const out: RegistryFilter = {};
  if (filter.from && isDay(filter.from)) out.from = filter.from;
  if (filter.to && isDay(filter.to)) out.to = filter.to;
  if (filter.source && (SOURCE_KINDS as readonly string[]).includes(filter.source)) out.source = filter.source;
  for (const key of TEXT_KEYS) {
    const text = cleanText(filter[key]);
    if (text !== undefined) out[key] = text;
  }
  if (filter.status && filter.status.length > 0) {
    const statuses = NORMALIZED_STATUSES.filter((s) => filter.status!.includes(s));
    if (statuses.length > 0) out.status = statuses;
  }
  if (filter.deadline && (DEADLINE_STATES as readonly string[]).includes(filter.deadline)) out.deadline = filter.deadline;
  for (const key of FLAG_KEYS) if (typeof filter[key] === 'boolean') out[key] = filter[key];
  if (filter.satisfaction && (SATISFACTIONS as readonly string[]).includes(filter.satisfaction)) {
    out.satisfaction = filter.satisfaction;
  }
  if (typeof filter.rating === 'number' && Number.isInteger(filter.rating) && filter.rating >= 0 && filter.rating <= 5) out.rating = filter.rating;
  const q = cleanText(filter.q);
  if (q !== undefined) out.q = q;
  const among = normalizeLists(filter.among);
  if (among) out.among = among;
  const except = normalizeLists(filter.except);
  if (except) out.except = except;
  if (filter.sort && filter.sort !== DEFAULT_SORT && (REGISTRY_SORTS as readonly string[]).includes(filter.sort)) {
    out.sort = filter.sort;
  }
  return out;
}

/** Sorted, deduplicated, bounded lists in LIST_KEYS order; undefined when none is left. */
function normalizeLists(lists: ListConditions | undefined): ListConditions | undefined {
  if (!lists) return undefined;
  const out: ListConditions = {};
  let any = false;
  for (const key of LIST_KEYS) {
    const values = lists[key];
    if (!values) continue;
    const clean = [...new Set(values.map((v) => cleanText(v)).filter((v): v is string => v !== undefined))].sort().slice(0, MAX_LIST_VALUES);
    if (clean.length === 0) continue;
    out[key] = clean;
    any = true;
  }
  return any ? out : undefined;
}

/** The query string (without `?`) for a filter; '' for «everything». */
export function registryQuery(filter: RegistryFilter): string {
  const f = normalizeRegistryFilter(filter);
  const params = new URLSearchParams();
  if (f.from) params.set('from', f.from);
  if (f.to) params.set('to', f.to);
  if (f.source) params.set('source', f.source);
  for (const key of TEXT_KEYS) {
    const value = f[key];
    if (value !== undefined) params.set(key, value);
  }
  if (f.status) params.set('status', f.status.join(','));
  if (f.deadline) params.set('deadline', f.deadline);
  for (const key of FLAG_KEYS) {
    const value = f[key];
    if (value !== undefined) params.set(key, value ? '1' : '0');
  }
  if (f.satisfaction) params.set('satisfaction', f.satisfaction);
  if (f.rating !== undefined) params.set('rating', String(f.rating));
  if (f.q) params.set('q', f.q);
  if (f.sort) params.set('sort', f.sort);
  for (const key of LIST_KEYS) for (const value of f.among?.[key] ?? []) params.append(`in.${key}`, value);
  for (const key of LIST_KEYS) for (const value of f.except?.[key] ?? []) params.append(`not.${key}`, value);
  return params.toString();
}

/** `#/registry?…` for a filter. Every number on overview, sector and overdue screens links with it. */
export function registryHref(filter: RegistryFilter = {}): string {
  const query = registryQuery(filter);
  return query ? `#/registry?${query}` : '#/registry';
}

/**
 * Reads a filter from a query string (`a=1&b=2`, with or without a leading `?`), a
 * `URLSearchParams`, or a whole `#/registry?…` hash. Unknown or invalid values are dropped.
 */
export function parseRegistryFilter(query: string | URLSearchParams): RegistryFilter {
  let params: URLSearchParams;
  if (typeof query === 'string') {
    const at = query.indexOf('?');
    params = new URLSearchParams(at >= 0 ? query.slice(at + 1) : query);
  } else {
    params = query;
  }
  const raw: RegistryFilter = {
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
    source: oneOf(SOURCE_KINDS, params.get('source')),
    deadline: oneOf(DEADLINE_STATES, params.get('deadline')),
    satisfaction: oneOf(SATISFACTIONS, params.get('satisfaction')),
    sort: oneOf(REGISTRY_SORTS, params.get('sort')),
    q: params.get('q') ?? undefined,
  };
  for (const key of TEXT_KEYS) raw[key] = params.get(key) ?? undefined;
  const rating = params.get('rating');
  if (rating !== null && /^[0-5]$/.test(rating)) raw.rating = Number(rating);
  const status = params.get('status');
  if (status) raw.status = status.split(',').filter((s): s is NormalizedStatus => oneOf(NORMALIZED_STATUSES, s) !== undefined);
  for (const key of FLAG_KEYS) {
    const value = params.get(key);
    if (value === '1') raw[key] = true;
    else if (value === '0') raw[key] = false;
  }
  raw.among = {};
  raw.except = {};
  for (const key of LIST_KEYS) {
    const among = params.getAll(`in.${key}`);
    if (among.length > 0) raw.among[key] = among;
    const except = params.getAll(`not.${key}`);
    if (except.length > 0) raw.except[key] = except;
  }
  return normalizeRegistryFilter(raw);
}

/** Route of an appeal's card. */
export function appealHref(id: string): string {
  return `#/appeal/${encodeURIComponent(id)}`;
}

/** The appeal id from a card route path (`appeal/<id>` or `#/appeal/<id>`), or null. */
export function parseAppealPath(path: string): string | null {
  const match = /^#?\/?appeal\/([^?#]+)/.exec(path);
  if (!match?.[1]) return null;
  try {
    const id = decodeURIComponent(match[1]);
    return id.length > 0 ? id : null;
  } catch {
    return null;
  }
}

/** No municipality id is this (ids are ASCII slugs): an «among» list that admits nothing. */
const NO_MUNICIPALITY = '∅';

/**
 * The filter within the global municipality scope: its municipality list becomes «one of the
 * scope's members» (intersected with a list the filter already has). The URL keeps the filter as
 * typed; the scope travels beside it (`mo=`), so clearing the scope widens the same list again.
 */
export function withMunicipalityScope(filter: RegistryFilter, members: readonly string[] | null): RegistryFilter {
  if (!members) return filter;
  const own = filter.among?.municipality;
  const allowed = own ? members.filter((m) => own.includes(m)) : [...members];
  return { ...filter, among: { ...filter.among, municipality: allowed.length > 0 ? allowed : [NO_MUNICIPALITY] } };
}
