/**
 * A workstation's client for the centre server's own calls: who am I, one push of a shared record
 * (200, or 409 with both versions) and one page of shared-record changes after a cursor, every
 * answer validated. The transport performs a described call (the app's host keeps the address and
 * token: shared/net/fetch-centre.ts; tests pass Node's fetch). Every failure carries a fixed
 * `problem` the interface turns into a fixed phrase: the server's own text is kept only for logs.
 */
import { describeIssues } from '../feed/protocol';
import { describeCentreCall, type CentreCall } from '../net/fetch-centre';
import { centreUsersSchema, signInAnswerSchema, type CentreUser, type SignInAnswer } from './accounts';
import {
  recordChangesPageSchema,
  recordConflictSchema,
  recordPushResultSchema,
  whoamiSchema,
  type RecordChangesPage,
  type RecordPush,
  type SharedRecord,
  type Whoami,
} from './protocol';

export interface CentreHttp {
  (request: { url: string; method: string; headers: Record<string, string>; body?: string }): Promise<{ status: number; body: string }>;
}

/** Performs one described call against the configured server. */
export type CentreTransport = (call: CentreCall) => Promise<{ status: number; body: string; headers?: Record<string, string> }>;

export type PushAnswer = { status: 'applied'; record: SharedRecord; duplicate: boolean } | { status: 'conflict'; server: SharedRecord | null };

/** What went wrong, as a fixed kind: never the server's own words on screen. */
export const CENTRE_PROBLEMS = ['unreachable', 'timeout', 'refused', 'auth', 'forbidden', 'unavailable', 'rejected', 'bad-answer', 'stream-reset'] as const;
export type CentreProblem = (typeof CENTRE_PROBLEMS)[number];

export class CentreClientError extends Error {
  constructor(
    readonly problem: CentreProblem,
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'CentreClientError';
  }
}

export function problemOfStatus(status: number): CentreProblem {
  if (status === 401) return 'auth';
  if (status === 403) return 'forbidden';
  if (status === 410) return 'stream-reset';
  if (status === 400 || status === 404 || status === 413 || status === 422) return 'rejected';
  return 'unavailable';
}

/** A transport failure (no answer at all) as a problem kind. */
export function problemOfTransport(error: unknown): CentreProblem {
  if (error instanceof CentreClientError) return error.problem;
  const name = error instanceof Error ? error.name : '';
  if (name === 'FeedRequestRefused' || name === 'BodyTooLargeError') return 'refused';
  if (name === 'TimeoutError' || name === 'AbortError') return 'timeout';
  return 'unreachable';
}

function parseJson(body: string, status: number): unknown {
  try {
    return JSON.parse(body);
  } catch {
    throw new CentreClientError('bad-answer', 'Сервер центра прислал повреждённый ответ (не JSON)', status);
  }
}

function failure(status: number, body: string): CentreClientError {
  let message = `Сервер центра ответил ${status}`;
  try {
    const parsed = JSON.parse(body) as { error?: { message?: unknown } };
    if (typeof parsed.error?.message === 'string') message = parsed.error.message;
  } catch {
    /* the status says enough */
  }
  return new CentreClientError(problemOfStatus(status), message, status);
}

export type SignInOutcome = { status: 'accepted'; answer: SignInAnswer } | { status: 'refused'; waitMs: number };

function errorCode(body: string): string | null {
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown } };
    return typeof parsed.error?.code === 'string' ? parsed.error.code : null;
  } catch {
    return null;
  }
}

function retryAfterMs(response: { headers?: Record<string, string> }): number {
  const seconds = Number(response.headers?.['retry-after'] ?? 0);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0;
}

async function send(transport: CentreTransport, call: CentreCall): Promise<{ status: number; body: string; headers?: Record<string, string> }> {
  try {
    return await transport(call);
  } catch (error) {
    throw new CentreClientError(problemOfTransport(error), error instanceof Error ? error.message : String(error), null);
  }
}

export function createCentreTransportClient(transport: CentreTransport) {
  return {
    async whoami(): Promise<Whoami> {
      const response = await send(transport, { op: 'whoami' });
      if (response.status !== 200) throw failure(response.status, response.body);
      const parsed = whoamiSchema.safeParse(parseJson(response.body, 200));
      if (!parsed.success) throw new CentreClientError('bad-answer', `Ответ сервера центра отклонён: ${describeIssues(parsed.error)}`, 200);
      return parsed.data;
    },

    async push(id: string, push: RecordPush): Promise<PushAnswer> {
      const response = await send(transport, { op: 'record-push', id, push });
      if (response.status === 200) {
        const parsed = recordPushResultSchema.safeParse(parseJson(response.body, 200));
        if (!parsed.success) throw new CentreClientError('bad-answer', `Ответ сервера центра отклонён: ${describeIssues(parsed.error)}`, 200);
        return { status: 'applied', record: parsed.data.record, duplicate: parsed.data.duplicate };
      }
      if (response.status === 409) {
        const parsed = recordConflictSchema.safeParse(parseJson(response.body, 409));
        if (!parsed.success) throw new CentreClientError('bad-answer', `Ответ сервера центра отклонён: ${describeIssues(parsed.error)}`, 409);
        return { status: 'conflict', server: parsed.data.server };
      }
      throw failure(response.status, response.body);
    },

    /**
     * A user's password checked by the server: the user's token and account, or `refused` (one
     * answer for every wrong login or password; `waitMs` when the server asks to wait). Any other
     * failure (no answer, the workstation's own token refused) throws: the caller may fall back
     * to this workstation's own verifier.
     */
    async signIn(login: string, password: string): Promise<SignInOutcome> {
      const response = await send(transport, { op: 'sign-in', login, password });
      if (response.status === 200) {
        const parsed = signInAnswerSchema.safeParse(parseJson(response.body, 200));
        if (!parsed.success) throw new CentreClientError('bad-answer', `Ответ сервера центра отклонён: ${describeIssues(parsed.error)}`, 200);
        return { status: 'accepted', answer: parsed.data };
      }
      if (response.status === 429 || (response.status === 401 && errorCode(response.body) === 'sign-in-failed')) {
        return { status: 'refused', waitMs: retryAfterMs(response) };
      }
      throw failure(response.status, response.body);
    },

    async users(): Promise<CentreUser[]> {
      const response = await send(transport, { op: 'users' });
      if (response.status !== 200) throw failure(response.status, response.body);
      const parsed = centreUsersSchema.safeParse(parseJson(response.body, 200));
      if (!parsed.success) throw new CentreClientError('bad-answer', `Список пользователей отклонён: ${describeIssues(parsed.error)}`, 200);
      return parsed.data.users;
    },

    async changes(cursor: string | null, limit = 500): Promise<RecordChangesPage> {
      const response = await send(transport, { op: 'record-changes', cursor, limit });
      if (response.status !== 200) throw failure(response.status, response.body);
      const parsed = recordChangesPageSchema.safeParse(parseJson(response.body, 200));
      if (!parsed.success) throw new CentreClientError('bad-answer', `Страница общих записей отклонена: ${describeIssues(parsed.error)}`, 200);
      return parsed.data;
    },
  };
}

/** The client over a plain HTTP function (tests and tools that hold the token themselves). */
export function createCentreClient(options: { baseUrl: string; token: string; http: CentreHttp }) {
  const base = options.baseUrl.replace(/\/+$/, '');
  return createCentreTransportClient(async (call) => {
    const request = describeCentreCall(call);
    const headers: Record<string, string> = { Authorization: `Bearer ${options.token}` };
    if (request.body !== undefined) headers['Content-Type'] = 'application/json';
    return options.http({ url: `${base}${request.path}`, method: request.method, headers, ...(request.body !== undefined ? { body: request.body } : {}) });
  });
}

export type CentreClient = ReturnType<typeof createCentreTransportClient>;
