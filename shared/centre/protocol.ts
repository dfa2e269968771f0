/**
 * The centre server's own API beside the cur-feed stream (server/, docs/guide/ for the
 * administrator): the centre's shared records (escalations, information requests, instructions …)
 * that workstations push and pull, the intake sources and runs, and workstation tokens. One
 * definition for the server's validation and the workstation's client.
 */
import { z } from 'zod';

export const CENTRE_PATHS = {
  whoami: '/v1/whoami',
  recordChanges: '/v1/records/changes',
  record: '/v1/records/:id',
  tokens: '/admin/tokens',
  token: '/admin/tokens/:id',
  intakeFiles: '/admin/intake/files',
  intakeRuns: '/admin/intake/runs',
  intakeSources: '/admin/intake/sources',
  intakeSource: '/admin/intake/sources/:id',
  intakeSourceRun: '/admin/intake/sources/:id/run',
} as const;

/** Kinds of the centre's own records a workstation may share. */
export const SHARED_RECORD_KINDS = ['escalation', 'information-request', 'instruction', 'meeting', 'roadmap', 'roadmap-measure', 'indicator-entry', 'analysis', 'playlist'] as const;
export type SharedRecordKind = (typeof SHARED_RECORD_KINDS)[number];

/** Largest body of one shared record, as JSON text. */
export const MAX_RECORD_BODY_CHARS = 256 * 1024;

const recordId = z
  .string({ message: 'ожидался идентификатор записи (строка)' })
  .min(1, { message: 'пустой идентификатор' })
  .max(120, { message: 'идентификатор длиннее 120 символов' })
  .regex(/^[A-Za-z0-9._:-]+$/, { message: 'идентификатор: только латинские буквы, цифры и . _ : -' });

const changeId = z
  .string({ message: 'ожидался идентификатор изменения (строка)' })
  .min(8, { message: 'идентификатор изменения короче 8 символов' })
  .max(80, { message: 'идентификатор изменения длиннее 80 символов' })
  .regex(/^[A-Za-z0-9._:-]+$/, { message: 'идентификатор изменения: только латинские буквы, цифры и . _ : -' });

const body = z
  .record(z.string(), z.unknown(), { message: 'ожидался объект (тело записи)' })
  .refine((value) => JSON.stringify(value).length <= MAX_RECORD_BODY_CHARS, { message: `тело записи длиннее ${MAX_RECORD_BODY_CHARS} символов` });

export const recordIdSchema = recordId;

/** A workstation's write: the version it edited (0 for a new record), the new body, its change id. */
export const recordPushSchema = z.object({
  kind: z.enum(SHARED_RECORD_KINDS, { message: `вид записи: ${SHARED_RECORD_KINDS.join(', ')}` }),
  baseVersion: z.number({ message: 'ожидалась версия (число)' }).int({ message: 'версия: целое число' }).min(0, { message: 'версия не может быть отрицательной' }),
  changeId,
  deleted: z.boolean().default(false),
  body,
});
export type RecordPush = z.infer<typeof recordPushSchema>;

export const sharedRecordSchema = z.object({
  id: recordId,
  kind: z.enum(SHARED_RECORD_KINDS),
  version: z.number().int().min(1),
  deleted: z.boolean(),
  body: z.record(z.string(), z.unknown()),
  updatedAt: z.number().int().nonnegative(),
  updatedBy: z.string(),
  changeId: z.string(),
});
export type SharedRecord = z.infer<typeof sharedRecordSchema>;

/** 200: the version the server now holds (`duplicate` when this exact change was already applied). */
export const recordPushResultSchema = z.object({ record: sharedRecordSchema, duplicate: z.boolean() });
export type RecordPushResult = z.infer<typeof recordPushResultSchema>;

/** 409: a write based on an old version; both versions are returned, nothing is overwritten. */
export const recordConflictSchema = z.object({
  error: z.object({ code: z.literal('conflict'), message: z.string() }),
  /** Null when the edited version names a record the server does not have. */
  server: sharedRecordSchema.nullable(),
  yours: recordPushSchema,
});
export type RecordConflict = z.infer<typeof recordConflictSchema>;

export const recordChangesQuerySchema = z.object({
  cursor: z.string().max(1_000, { message: 'курсор длиннее 1000 символов' }).optional(),
  limit: z.coerce.number({ message: 'ожидалось число' }).int({ message: 'целое число' }).min(1, { message: 'от 1' }).max(5_000, { message: 'не больше 5000' }).optional(),
});

export const recordChangesPageSchema = z.object({
  records: z.array(sharedRecordSchema),
  nextCursor: z.string().min(1),
  hasMore: z.boolean(),
  serverTime: z.number().int().nonnegative(),
});
export type RecordChangesPage = z.infer<typeof recordChangesPageSchema>;

/** `GET /v1/whoami`: who the token belongs to, so a workstation can check a connection before using it. */
export const whoamiSchema = z.object({
  label: z.string(),
  role: z.enum(['admin', 'workstation', 'intake']),
  region: z.string(),
  datasetId: z.string(),
  serverTime: z.number().int().nonnegative(),
});
export type Whoami = z.infer<typeof whoamiSchema>;

export const TOKEN_ROLES = ['admin', 'workstation', 'intake'] as const;
export type TokenRole = (typeof TOKEN_ROLES)[number];

export const tokenCreateSchema = z.object({
  label: z.string({ message: 'ожидалось название (строка)' }).trim().min(1, { message: 'пустое название' }).max(120, { message: 'название длиннее 120 символов' }),
  role: z.enum(TOKEN_ROLES, { message: `роль: ${TOKEN_ROLES.join(', ')}` }).default('workstation'),
});

const httpUrl = z
  .string({ message: 'ожидался адрес (строка)' })
  .max(2_000)
  // Scheme and host checked without URL (shared/ runs without DOM types); the server parses it again.
  .regex(/^https?:\/\/[^\s/?#@]+(?:\/[^\s]*)?$/i, { message: 'ожидался адрес http:// или https://' });

export const open311ConfigSchema = z.object({
  /** Base URL of the GeoReport v2 endpoint (…/services.json lives under it). */
  baseUrl: httpUrl,
  /** `json` or `xml` (the path suffix the endpoint serves). */
  format: z.enum(['json', 'xml']).default('json'),
  apiKey: z.string().max(200).optional(),
  jurisdictionId: z.string().max(200).optional(),
  /** Requests per page the endpoint returns at most; a full page means "there may be more". */
  pageSize: z.number().int().min(1).max(10_000).default(100),
  /** Municipality id for every request of this endpoint (an Open311 endpoint serves one city). */
  municipality: z.string().max(100).nullable().default(null),
});
export type Open311Config = z.infer<typeof open311ConfigSchema>;

export const curFeedConfigSchema = z.object({
  baseUrl: httpUrl,
  token: z.string().min(1).max(500),
  pageSize: z.number().int().min(1).max(10_000).default(1_000),
});
export type CurFeedConfig = z.infer<typeof curFeedConfigSchema>;

const sourceId = z.string().min(1).max(60).regex(/^[a-z0-9-]+$/, { message: 'идентификатор источника: строчные латинские буквы, цифры и дефис' });

export const intakeSourceCreateSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('open311'), id: sourceId, label: z.string().trim().min(1).max(120), intervalSeconds: z.number().int().min(10).max(86_400).default(300), config: open311ConfigSchema }),
    z.object({ kind: z.literal('cur-feed'), id: sourceId, label: z.string().trim().min(1).max(120), intervalSeconds: z.number().int().min(10).max(86_400).default(60), config: curFeedConfigSchema }),
  ],
  { message: 'вид источника: open311 или cur-feed' },
);
export type IntakeSourceCreate = z.infer<typeof intakeSourceCreateSchema>;

export const intakeFileQuerySchema = z.object({
  name: z
    .string({ message: 'name: ожидалось имя файла' })
    .min(1, { message: 'name: пустое имя файла' })
    .max(200, { message: 'name: имя файла длиннее 200 символов' })
    .refine((n) => !/[\\/\u0000-\u001f]/.test(n) && n !== '.' && n !== '..', { message: 'name: имя файла без каталогов и служебных символов' }),
  type: z.enum(['pos', 'im', 'letter59']).optional(),
});

export interface IntakeRun {
  id: number;
  kind: string;
  source: string;
  startedAt: number;
  finishedAt: number | null;
  status: 'running' | 'ok' | 'partial' | 'failed';
  rowsRead: number;
  created: number;
  changed: number;
  unchanged: number;
  deleted: number;
  rejected: number;
  errors: string[];
  detail: string | null;
}
