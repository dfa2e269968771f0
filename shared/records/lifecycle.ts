/**
 * One lifecycle for the centre's own records (escalations, information requests, instructions):
 * the statuses each kind stores, which moves between them are allowed, which statuses are still
 * open (the deadline runs), and the derived «просрочено» — never stored, because it depends on the
 * clock: an open record whose deadline has passed reads as overdue at that instant and not before.
 */

export const RECORD_KINDS = ['escalation', 'info-request', 'instruction'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const INSTRUCTION_STATUSES = ['issued', 'in-progress', 'done', 'withdrawn'] as const;
export type InstructionStatus = (typeof INSTRUCTION_STATUSES)[number];

export const ESCALATION_STATUSES = ['open', 'in-progress', 'resolved'] as const;
export type EscalationStatus = (typeof ESCALATION_STATUSES)[number];

export const INFO_REQUEST_STATUSES = ['open', 'answered', 'cancelled'] as const;
export type InfoRequestStatus = (typeof INFO_REQUEST_STATUSES)[number];

export interface StatusByKind {
  escalation: EscalationStatus;
  'info-request': InfoRequestStatus;
  instruction: InstructionStatus;
}

export type AnyRecordStatus = StatusByKind[RecordKind];

/** What a list shows: the stored status, or «overdue» derived from the clock. */
export type EffectiveStatus<S extends string> = S | 'overdue';

interface KindRules<S extends string> {
  statuses: readonly S[];
  initial: S;
  /** Statuses in which the deadline runs. */
  open: readonly S[];
  /** Allowed moves: from → the statuses it may go to. */
  moves: Readonly<Record<S, readonly S[]>>;
  /** Moves that must say why or show the result (evidence of completion, the answer, the reason). */
  needsNote: readonly S[];
}

/**
 * The rules per kind. An instruction: выдано → в работе → исполнено, or снято at any open step;
 * an executed instruction may be returned to work when its evidence does not hold (the centre's
 * practice), a withdrawn one is final. An escalation moves forward only; a request is answered or
 * cancelled once.
 */
export const LIFECYCLE: { [K in RecordKind]: KindRules<StatusByKind[K]> } = {
  instruction: {
    statuses: INSTRUCTION_STATUSES,
    initial: 'issued',
    open: ['issued', 'in-progress'],
    moves: {
      issued: ['in-progress', 'done', 'withdrawn'],
      'in-progress': ['done', 'withdrawn'],
      done: ['in-progress'],
      withdrawn: [],
    },
    needsNote: ['done', 'withdrawn'],
  },
  escalation: {
    statuses: ESCALATION_STATUSES,
    initial: 'open',
    open: ['open', 'in-progress'],
    moves: { open: ['in-progress', 'resolved'], 'in-progress': ['resolved'], resolved: [] },
    needsNote: [],
  },
  'info-request': {
    statuses: INFO_REQUEST_STATUSES,
    initial: 'open',
    open: ['open'],
    moves: { open: ['answered', 'cancelled'], answered: [], cancelled: [] },
    needsNote: [],
  },
};

export function isStatusOf<K extends RecordKind>(kind: K, value: unknown): value is StatusByKind[K] {
  return typeof value === 'string' && (LIFECYCLE[kind].statuses as readonly string[]).includes(value);
}

export function canMove<K extends RecordKind>(kind: K, from: StatusByKind[K], to: StatusByKind[K]): boolean {
  const moves = LIFECYCLE[kind].moves as Readonly<Record<string, readonly string[]>>;
  return (moves[from] ?? []).includes(to);
}

/** The statuses a record may move to next (what the card offers). */
export function nextStatuses<K extends RecordKind>(kind: K, from: StatusByKind[K]): readonly StatusByKind[K][] {
  const moves = LIFECYCLE[kind].moves as Readonly<Record<string, readonly StatusByKind[K][]>>;
  return moves[from] ?? [];
}

export function isOpenStatus<K extends RecordKind>(kind: K, status: StatusByKind[K]): boolean {
  return (LIFECYCLE[kind].open as readonly string[]).includes(status);
}

export function needsNote<K extends RecordKind>(kind: K, to: StatusByKind[K]): boolean {
  return (LIFECYCLE[kind].needsNote as readonly string[]).includes(to);
}

/**
 * Overdue at `now`: open, with a deadline, and the deadline has passed (a deadline is the last
 * instant allowed, so at exactly `dueAt` the record is still on time).
 */
export function isOverdueAt<K extends RecordKind>(kind: K, record: { status: StatusByKind[K]; dueAt: number | null }, now: number): boolean {
  return record.dueAt !== null && isOpenStatus(kind, record.status) && now > record.dueAt;
}

/** The status a list shows at `now`. */
export function effectiveStatus<K extends RecordKind>(
  kind: K,
  record: { status: StatusByKind[K]; dueAt: number | null },
  now: number,
): EffectiveStatus<StatusByKind[K]> {
  return isOverdueAt(kind, record, now) ? 'overdue' : record.status;
}

/** Open and due within `windowMs` from `now` (not yet overdue): «скоро срок». */
export function isDueSoonAt<K extends RecordKind>(
  kind: K,
  record: { status: StatusByKind[K]; dueAt: number | null },
  now: number,
  windowMs: number,
): boolean {
  return record.dueAt !== null && isOpenStatus(kind, record.status) && now <= record.dueAt && record.dueAt - now <= windowMs;
}
