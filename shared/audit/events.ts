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
  /** Personal data about to be decrypted for an export in clear (written before the vault opens it). */
  'personal-data.export-reveal': { format: 'csv' | 'xlsx'; filter: unknown };
  /** «Тексты обращений содержат персональные данные» turned on (texts sealed from now on) or off. */
  'personal-data.texts-policy': { textsCarryPersonalData: boolean };
  'import.complete': ImportCompleteDetails;
  /** `reason` is the file-level refusal as stored (a message kind, or a legacy sentence). */
  'import.fail': { fileName: string; reason: unknown; startedAt: number };
  'import.download-report': { fileName: string; batchId: string; rows: number };
  /** A report built (renderer/features/reports): kind and period codes, file formats. */
  'report.generate': { kind: string; period: string; formats: string[] } & Record<string, unknown>;
  /** A scheduled report's file written into the reports folder (logged before the write). */
  'report.write-folder': { kind: string; period: string; fileName: string };
  'feed.save': { id: string; baseUrl: string; enabled: boolean };
  'feed.remove': { id: string };
  /** Feed tokens moved out of the page's settings into the host's sealed storage. */
  'feed.move-tokens': { count: number };
  'sync.resync': { sourceId: string };
  'sync.prune': { sourceId: string; removed: number };
  /** `appealId` is '' and `subject` says what it started from (`kind:id`) when not started from an appeal. */
  'escalation.create': { escalationId: string; appealId: string; subject?: string; reason: string; assignee: string; by: string };
  'escalation.set-status': StatusChangeDetails & { escalationId: string };
  /** `kind` and a term by kind (none: null) since request kinds; older rows have neither kind nor null. */
  'info-request.create': { infoRequestId: string; appealId: string; subject?: string; kind?: string; body: string; dueAt: number | null; by: string };
  'info-request.set-status': StatusChangeDetails & { infoRequestId: string };
  'playlist.start': { playlistId: string; name: string };
  'boundaries.import': { packId: string; fileName: string; units: number };
  'boundaries.remove': { packId: string };
  'roadmap.create': { roadmapId: string; title: string; sector: string; by: string };
  'roadmap.update': { roadmapId: string; title: string; version: number; by: string };
  'roadmap.remove': { roadmapId: string; title: string; measures: number; by: string };
  'roadmap-measure.create': { roadmapId: string; measureId: string; number: number; deadlineDay: string; by: string };
  'roadmap-measure.update': { roadmapId: string; measureId: string; version: number; deadlineDay: string; by: string };
  'roadmap-measure.set-status': { roadmapId: string; measureId: string; from: string; to: string; completedDay: string | null; by: string };
  /** A target of an indicator (a share as 0–1, a count as a number; null = cleared). */
  'indicator.set-target': { indicatorId: string; from: number | null; to: number | null; by: string };
  /** A hand-entered quarterly value of an indicator the appeals cannot give. */
  'indicator.enter-value': { indicatorId: string; quarter: string; from: number | null; to: number; by: string };
  /** A snapshot bundle created at the centre (renderer/features/snapshot): what went in, for whom. */
  'snapshot.create': SnapshotCreateDetails;
  /** A snapshot opened on this computer (viewer mode): which, from whom, how it was unlocked. */
  'snapshot.open': SnapshotOpenDetails;
  /** A snapshot file refused; `reason` is the bundle error kind (shared/bundle/errors.ts). */
  'snapshot.refuse': { fileName: string; reason: string };
  /** A snapshot's database deleted: by the person, on expiry, or replaced by a newer one. */
  'snapshot.remove': { snapshotId: string; centre: string; dataAsOf: number; why: 'user' | 'expired' | 'replaced' };
  /** A centre's public key trusted on this computer (after comparing the fingerprint, or from a file). */
  'snapshot.trust-centre': { fingerprint: string; centre: string; how: 'first-import' | 'file' };
  'snapshot.untrust-centre': { fingerprint: string };
  /** A key pair for bundles made on this computer: the laptop's, or the centre's signing key. */
  'snapshot.create-key': { kind: 'laptop' | 'signing'; fingerprint: string; origin: 'generated' | 'imported' };
  /** This workstation connected to a centre server (the token never goes to the log). */
  'centre.connect': { baseUrl: string; connectedAs: string };
  'centre.disconnect': { baseUrl: string };
  /** A person's choice in a shared record's conflict: keep this workstation's version or take the server's. */
  'shared-record.resolve': { recordId: string; kind: string; choice: 'mine' | 'theirs'; serverVersion: number };
  /** The centre's meetings and instructions (renderer/db/control-repo.ts); `version` is the record's after the change. */
  'meeting.create': { meetingId: string; kind: string; day: string; by: string };
  'meeting.update': { meetingId: string; fields: string[]; version: number; by: string };
  'meeting.export-protocol': { meetingId: string; format: string; instructions: number };
  'instruction.create': { instructionId: string; meetingId: string | null; responsibleBody: string; dueDay: string; by: string };
  'instruction.set-status': { instructionId: string; from: string; to: string; version: number; by: string };
  'instruction.comment': { instructionId: string; version: number; by: string };
  /** A write refused because another window changed the record first; `kept` is what the person chose. */
  'record.conflict': { recordId: string; storedVersion: number; expectedVersion: number };
  /** The directory of blocks → responsible officials (settings). */
  'officials.save': { blocks: number };
  /** Accounts (renderer/runtime/session.ts). A failed sign-in names the login only when it exists. */
  'account.sign-in': { login: string };
  'account.sign-in-fail': { login: string | null; disabled?: true };
  'account.sign-out': Record<string, never>;
  'account.lock': { reason: 'idle' | 'manual' };
  'account.unlock': Record<string, never>;
  'account.change-password': { login: string };
  'account.set-idle-lock': { minutes: number; before: number };
  'user.create': { userId: string; login: string; displayName: string; role: string; scope: AccountScopeDetails; firstRun?: true };
  'user.change': { userId: string; login: string; changed: string[]; role: string; scope: AccountScopeDetails; disabled: boolean };
  'user.disable': { userId: string; login: string };
  'user.reset-password': { userId: string; login: string };
  /** The centre server's user list written into this workstation's accounts (renderer/runtime/session.ts). */
  'user.centre-sync': { changed: number };
}

/** A user's scope as the audit row keeps it: ids, null for «all». */
export interface AccountScopeDetails {
  sectors: readonly string[] | null;
  municipalities: readonly string[] | null;
}

export interface SnapshotCreateDetails {
  bundleId: string;
  fileName: string;
  /** SHA-256 of the written file (hex). */
  sha256: string;
  bytes: number;
  period: { from: string; to: string };
  sectors: string[] | null;
  municipalities: string[] | null;
  withTexts: boolean;
  withPersonalData: boolean;
  personalDataReason: string | null;
  appeals: number;
  centreRecords: number;
  passphrase: boolean;
  /** Fingerprints of the laptop keys it was addressed to. */
  laptopKeys: string[];
  expiresAt: string;
  signerFingerprint: string;
}

export interface SnapshotOpenDetails {
  snapshotId: string;
  bundleId: string;
  fileName: string;
  centre: string;
  issuer: string;
  signerFingerprint: string;
  dataAsOf: string;
  expiresAt: string;
  appeals: number;
  withPersonalData: boolean;
  unlockedWith: 'passphrase' | 'laptop-key';
  /** Older snapshots of the same centre this one replaced. */
  replaced: string[];
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
