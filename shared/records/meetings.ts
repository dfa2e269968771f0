/**
 * The centre's meetings and the instructions given at them, as stored records. Pure types and
 * shapes; the storage is renderer/db/control-repo.ts.
 */
import type { DeadlineSpec } from './deadline';
import type { HistoryEntry } from './history';
import type { InstructionStatus } from './lifecycle';

export const MEETING_KINDS = ['operative', 'citizens-reception', 'headquarters'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export function isMeetingKind(value: unknown): value is MeetingKind {
  return typeof value === 'string' && (MEETING_KINDS as readonly string[]).includes(value);
}

/** What a record is about: an appeal, a territory, a block, an organisation, a spike or a pivot cell. */
export const SUBJECT_KINDS = ['appeal', 'organisation', 'municipality', 'sector', 'spike', 'cell'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

export interface RecordSubject {
  kind: SubjectKind;
  /** The id in its own list (appeal id, organisation name, municipality id, sector id, a spike's or cell's key). */
  id: string;
  /** How the form and the lists name it (no personal data: an appeal by its number). */
  label: string;
}

export function isSubjectKind(value: unknown): value is SubjectKind {
  return typeof value === 'string' && (SUBJECT_KINDS as readonly string[]).includes(value);
}

/** Links of an instruction to what it is about; any may be empty. */
export interface InstructionLinks {
  appealIds: string[];
  municipality: string | null;
  sector: string | null;
  organisation: string | null;
}

export interface Meeting {
  id: string;
  kind: MeetingKind;
  /** The day it was held, `YYYY-MM-DD`. */
  day: string;
  title: string;
  agenda: string[];
  /** Bodies and officials present, as typed. */
  participants: string;
  /** The wall playlist shown during the meeting (name), or null. */
  playlist: string | null;
  createdAt: number;
  createdBy: string;
  updatedAt: number;
  version: number;
}

export interface Instruction {
  id: string;
  /** The meeting it was given at, or null (given outside a meeting). */
  meetingId: string | null;
  /** Its number in the meeting's protocol (1, 2, …), in the order given; 0 outside a meeting. */
  number: number;
  text: string;
  responsibleBody: string;
  responsibleOfficial: string;
  deadline: DeadlineSpec;
  dueDay: string;
  dueAt: number;
  links: InstructionLinks;
  status: InstructionStatus;
  evidence: string | null;
  log: HistoryEntry<InstructionStatus>[];
  createdAt: number;
  createdBy: string;
  updatedAt: number;
  version: number;
}
