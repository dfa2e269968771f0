/**
 * How a deadline was obtained, as `{ kind, params }` rather than a sentence: the deadline engine
 * and the importers produce it, the appeal card renders it in the interface's language
 * (renderer/i18n/deadline-explanation.ts). Days are region-local `YYYY-MM-DD`, instants epoch ms.
 * A feed may still send a sentence of its own; that is `DeadlineInfo.explanation` as a string.
 */
import { z } from 'zod';

/** A calendar-day deadline that fell on a non-working day and moved to the next working day. */
export interface MovedDay {
  fromDay: string;
  toDay: string;
  /** An ordinary weekend day (named by its weekday) rather than a holiday or a decreed day off. */
  weekend: boolean;
}

export type DeadlineExtension =
  /** An approved new day («Перенос срока обработки утвержден», a register's extended date). */
  | { kind: 'to-day'; day: string }
  /** 59-ФЗ art. 12.2: extended by days, capped at the rule's maximum, moved off a non-working day. */
  | { kind: 'by-days'; days: number; requested: number; maxDays: number; rawDay: string; moved: MovedDay | null };

export type DeadlineExplanation =
  /** The source gave the deadline (a day, or an instant when `dueDay` is null), maybe extended. */
  | { kind: 'source'; params: { dueDay: string | null; dueAt: number; extendedDay: string | null } }
  /** A rule counted hours (ИМ) from an instant. */
  | {
      kind: 'rule-hours';
      params: { ruleId: string; ruleLabel: string; amount: number; unit: 'hours' | 'working-hours'; startAt: number; dueAt: number };
    }
  /** A rule counted days from a day; `dueDay` is after any move to a working day. */
  | {
      kind: 'rule-days';
      params: {
        ruleId: string;
        ruleLabel: string;
        amount: number;
        unit: 'calendar-days' | 'working-days';
        startDay: string;
        dueDay: string;
        moved: MovedDay | null;
        extension: DeadlineExtension | null;
      };
    }
  /** ПОС export: «Дата планируемого завершения работ». */
  | { kind: 'pos-planned'; params: { day: string } }
  /** 59-ФЗ register: its own deadline, maybe extended. */
  | { kind: 'register'; params: { day: string; extendedDay: string | null } };

export type DeadlineExplanationKind = DeadlineExplanation['kind'];

const KINDS: ReadonlySet<string> = new Set<DeadlineExplanationKind>(['source', 'rule-hours', 'rule-days', 'pos-planned', 'register']);

/** Whether a value (from a feed, a stored row) is an explanation of a known kind. */
export function isDeadlineExplanation(value: unknown): value is DeadlineExplanation {
  if (!value || typeof value !== 'object') return false;
  const v = value as { kind?: unknown; params?: unknown };
  return typeof v.kind === 'string' && KINDS.has(v.kind) && !!v.params && typeof v.params === 'object' && !Array.isArray(v.params);
}

/** For the appeal schema: a sentence (older stores, a feed's own text) or an explanation of a known kind. */
export const deadlineExplanationSchema = z.union([
  z.string(),
  z.custom<DeadlineExplanation>(isDeadlineExplanation, { message: 'неизвестный вид пояснения срока' }),
]);
