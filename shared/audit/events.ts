/**
 * Every action the audit log records, as one discriminated union: the action name (`domain.verb`,
 * both parts lowercase words joined by hyphens) and the details that action carries. `logAudit`
 * accepts only these events, and the activity log's labels are an exhaustive map over
 * `AuditAction`, so a new event without a label does not type-check.
 *
 * Details never carry personal data: an appeal is named by its id, a person only by the name they
 * typed into a form of the centre's own records.
 */

/** Where the operator saved a file from: what left the application and in what form. */
export interface ExportDetails {
  format: 'csv' | 'xlsx';
  rows: number;
  fileName?: string;
  /** The filter as the screen applied it (no personal data: search text is a query, not a record). */
  filter: unknown;
  /** Whether personal fields left the application in clear. */
  personalData?: 'shown' | 'masked';
}

/** What an import wrote: the counts of its report (rejected rows and warnings are not logged). */
export interface ImportCompleteDetails {
  batchId: string;
  fileName: string;
  exportType: string;
  startedAt: number;
  rowsRead: number;
  created: number;
  changed: number;
  unchanged: number;
  rejectedCount: number;
  warningCount: number;
  error: unknown;
}

/** The status change of one of the centre's own records. */
export interface StatusChangeDetails {
  appealId: string;
  from: string;
  to: string;
  by: string;
}

export interface AuditDetailsByAction {
  'registry.export': ExportDetails;
  'escalation.export': ExportDetails;
  'info-request.export': ExportDetails;
  'audit.export': ExportDetails;
  /** A pivot table of «Аналитика» (counts only: no appeal, no personal data). */
  'analytics.export': ExportDetails;
  /** «Прочие» decomposition: a new category made from a recurring phrase, its appeals mapped to it. */
  'analytics.create-category': { category: string; sector: string; phrase: string; fromCategory: string | null; appeals: number };
  'personal-data.reveal': { appealId: string };
  'import.complete': ImportCompleteDetails;
  /** `reason` is the file-level refusal as stored (a message kind, or a legacy sentence). */
  'import.fail': { fileName: string; reason: unknown; startedAt: number };
  'import.download-report': { fileName: string; batchId: string; rows: number };
  /** A report built (renderer/features/reports): kind and period codes, file formats. */
  'report.generate': { kind: string; period: string; formats: string[] } & Record<string, unknown>;
  'feed.save': { id: string; baseUrl: string; enabled: boolean };
  'feed.remove': { id: string };
  /** Feed tokens moved out of the page's settings into the host's sealed storage. */
  'feed.move-tokens': { count: number };
  'sync.resync': { sourceId: string };
  'sync.prune': { sourceId: string; removed: number };
  'escalation.create': { escalationId: string; appealId: string; reason: string; assignee: string; by: string };
  'escalation.set-status': StatusChangeDetails & { escalationId: string };
  /** `kind` and a term by kind (none: null) since request kinds; older rows have neither kind nor null. */
  'info-request.create': { infoRequestId: string; appealId: string; kind?: string; body: string; dueAt: number | null; by: string };
  'info-request.set-status': StatusChangeDetails & { infoRequestId: string };
  'playlist.start': { playlistId: string; name: string };
  'boundaries.import': { packId: string; fileName: string; units: number };
  'boundaries.remove': { packId: string };
}

export type AuditAction = keyof AuditDetailsByAction;

/** One event: `{ action, details }`, details typed by the action. */
export type AuditEvent = { [A in AuditAction]: { action: A; details: AuditDetailsByAction[A] } }[AuditAction];

/** The shape every action name follows. */
export const AUDIT_ACTION_PATTERN = /^[a-z]+(?:-[a-z]+)*\.[a-z]+(?:-[a-z]+)*$/;

/**
 * Names written before the one naming scheme, mapped to today's. Stored rows are renamed by a
 * schema upgrade (renderer/db/migrations.ts); the map stays so the upgrade and its test agree.
 */
export const LEGACY_AUDIT_ACTIONS: Readonly<Record<string, AuditAction>> = {
  'export:escalations': 'escalation.export',
  'export:info-requests': 'info-request.export',
  'appeal.personal-data.show': 'personal-data.reveal',
  import: 'import.complete',
  'import-failed': 'import.fail',
  'sync.feed.save': 'feed.save',
  'sync.feed.remove': 'feed.remove',
  'sync.feed.token-moved': 'feed.move-tokens',
  'sync.full-resync': 'sync.resync',
  'sync.full-resync-removed': 'sync.prune',
  'escalation:create': 'escalation.create',
  'escalation:status': 'escalation.set-status',
  'info-request:create': 'info-request.create',
  'info-request:status': 'info-request.set-status',
  'wall:playlist-started': 'playlist.start',
  'wall:boundaries-imported': 'boundaries.import',
  'wall:boundaries-removed': 'boundaries.remove',
};

/** Today's name of a stored action (unchanged when it is not a legacy name). */
export function currentAuditAction(action: string): string {
  return LEGACY_AUDIT_ACTIONS[action] ?? action;
}
