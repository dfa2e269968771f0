/**
 * The one record shape for every source of appeals (ПОС, Инцидент Менеджмент, 59-ФЗ letters,
 * regional systems, voice, surveys, others). See ../shared/docs/domain.md section 7.
 *
 * Conventions used across the product:
 * - instants are epoch milliseconds (UTC) in fields named `...At`; calendar days are `YYYY-MM-DD`
 *   strings in the region's time zone;
 * - absent values are `null`, never empty strings;
 * - citizens' personal data lives only in `personal`, so every consumer can drop or mask it in one place.
 */
import type { DeadlineExplanation } from './deadline-explanation';

/** Where a record came from. The id of an appeal is `${source}:${externalId}`. */
export const SOURCE_KINDS = ['pos', 'im', 'letter59', 'regional', 'voice', 'survey', 'official', 'other'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** Legal regime: an ordinary message (outside 59-ФЗ) or an appeal under 59-ФЗ. */
export const REGIMES = ['message', 'fz59'] as const;
export type Regime = (typeof REGIMES)[number];

/** Normalised statuses (domain brief §7). `other` = an unknown raw value, kept and reported. */
export const NORMALIZED_STATUSES = [
  'new',
  'rejected',
  'routed',
  'assigned',
  'extended',
  'answered',
  'closed',
  'postponed',
  'unresolved',
  'other',
] as const;
export type NormalizedStatus = (typeof NORMALIZED_STATUSES)[number];

export const IMPORTANCES = ['high', 'normal', 'private'] as const;
/** ИМ importance: «Высокая», «Обычная», «ЛС» (private message). */
export type Importance = (typeof IMPORTANCES)[number];

export const OUTCOMES = ['resolved', 'unresolved', 'postponed'] as const;
/** ИМ «Итог» / ПОС «Тип решения» reduced to what the centre counts. */
export type Outcome = (typeof OUTCOMES)[number];

export const AUTHOR_REACTIONS = ['satisfied', 'neutral', 'dissatisfied'] as const;
/** ИМ «Причина закрытия»: Автор доволен / нейтрален / недоволен. */
export type AuthorReaction = (typeof AUTHOR_REACTIONS)[number];

/** The eight standard sector blocks; regions add their own ids (any other string). */
export const STANDARD_SECTOR_IDS = [
  'housing', // ЖКХ
  'waste', // ТКО
  'energy', // Энергетика
  'education', // Образование
  'health', // Здравоохранение
  'roads', // Дороги
  'transport', // Транспорт
  'social', // Социальная защита
] as const;
export type StandardSectorId = (typeof STANDARD_SECTOR_IDS)[number];
/** Sector id: a standard one, a region's own, or `other` («Прочее», needs mapping). */
export type SectorId = string;
export const OTHER_SECTOR_ID = 'other';

/** Citizens' personal data (152-ФЗ). Never shown on the wall, masked by default elsewhere. */
export interface PersonalData {
  fullName: string | null;
  phone: string | null;
  email: string | null;
  /** The applicant's own address (not the address of the problem). */
  address: string | null;
  /** Salted hash of normalised contacts, for repeat detection without the contacts themselves. */
  applicantKey: string | null;
}

/** How a deadline was obtained, kept so a person can see why the date is what it is. */
export interface DeadlineInfo {
  /** Effective deadline now (after any extension). */
  dueAt: number;
  /** Deadline before extension, if extended. */
  originalDueAt: number | null;
  /** Id of the rule that produced it (`record` when the source gave the deadline itself). */
  ruleId: string;
  /** Version of the rule set, so a later rule change does not silently rewrite history. */
  ruleVersion: number;
  /**
   * How the date was obtained, rendered in the interface's language. A string is a sentence as
   * written: stored before explanations had kinds, or a feed's own text.
   */
  explanation: DeadlineExplanation | string;
  /** Whether the rule counts hours (ИМ) rather than days: decides the at-risk band. */
  hourBased: boolean;
}

/** Where a record entered the store from a file import. */
export interface ImportOrigin {
  batchId: string;
  fileName: string;
  row: number;
}

export interface Appeal {
  /** `${source}:${externalId}` */
  id: string;
  source: SourceKind;
  /** Number in the source system (ПОС «Номер», ИМ «Номер инцидента», registration number). */
  externalId: string;
  /** Secondary number (ПОС «Номер ЕПГУ»). */
  secondaryId: string | null;
  /** Channel or form code: ПОС «Источник» (e.g. MED_DOC_EPGU), ИМ social network, 59-ФЗ delivery. */
  channel: string | null;
  regime: Regime;

  receivedAt: number;
  registeredAt: number | null;
  /** Null only when no rule could produce a deadline (reported as a data-quality issue). */
  deadline: DeadlineInfo | null;
  answeredAt: number | null;
  closedAt: number | null;

  /** ПОС «Стадия». */
  stage: string | null;
  statusRaw: string;
  status: NormalizedStatus;
  /** The platform's own overdue flag (ПОС «Просрочено»), kept beside ours. */
  platformOverdue: boolean | null;

  fastTrack: boolean;
  /** ПОС «Тип решения» as given. */
  resolutionType: string | null;
  outcome: Outcome | null;
  importance: Importance | null;
  /** ИМ «Время до ответа», in hours. */
  answerHours: number | null;
  /** Applicant's rating 1–5. */
  rating: number | null;
  reaction: AuthorReaction | null;

  isRepeat: boolean;
  originalId: string | null;

  /** ПОС: category → subcategory → fact; ИМ: theme group → theme (stored in category/subcategory). */
  category: string | null;
  subcategory: string | null;
  fact: string | null;
  sector: SectorId;
  /** False when the sector came from the «Прочее» fallback: the category needs mapping. */
  sectorMapped: boolean;

  /** Organisation names (ids are the normalised names). */
  orgReceived: string | null;
  orgCurrent: string | null;
  /** Municipality id from the region pack, or null when unknown. */
  municipality: string | null;
  settlement: string | null;
  /** Address of the problem (street, house), not of the applicant. */
  address: string | null;
  lat: number | null;
  lon: number | null;

  /** Officials responsible (ПОС «ФИО исполнителя», ИМ «Исполнитель»): not citizens' data. */
  executor: string | null;

  /** Untrusted text: always rendered as text. */
  text: string;
  url: string | null;
  tags: string[];

  personal: PersonalData | null;

  /** Last change of the record at its source (epoch ms). */
  updatedAt: number;
  import: ImportOrigin | null;
  /** Data-quality flags such as `unknown-status`, `unmapped-sector`, `unknown-municipality`. */
  qualityFlags: string[];
}

export function appealId(source: SourceKind, externalId: string): string {
  return `${source}:${externalId}`;
}

/**
 * A record with nothing known but its identity and receipt: every optional field empty, status
 * `other` and sector `other` (so an unfilled record is reported, never counted as classified).
 * Importers fill it from a row; tests override what they are about.
 */
export function blankAppeal(source: SourceKind, externalId: string, receivedAt: number): Appeal {
  return {
    id: appealId(source, externalId),
    source,
    externalId,
    secondaryId: null,
    channel: null,
    regime: 'message',
    receivedAt,
    registeredAt: null,
    deadline: null,
    answeredAt: null,
    closedAt: null,
    stage: null,
    statusRaw: '',
    status: 'other',
    platformOverdue: null,
    fastTrack: false,
    resolutionType: null,
    outcome: null,
    importance: null,
    answerHours: null,
    rating: null,
    reaction: null,
    isRepeat: false,
    originalId: null,
    category: null,
    subcategory: null,
    fact: null,
    sector: OTHER_SECTOR_ID,
    sectorMapped: false,
    orgReceived: null,
    orgCurrent: null,
    municipality: null,
    settlement: null,
    address: null,
    lat: null,
    lon: null,
    executor: null,
    text: '',
    url: null,
    tags: [],
    personal: null,
    updatedAt: receivedAt,
    import: null,
    qualityFlags: [],
  };
}
