/**
 * A workstation's client for the centre server's shared records: one push (200 or 409 with both
 * versions) and one page of changes after a cursor, every answer validated. Transport is passed
 * in (the app's platform fetch, or Node's fetch in tests).
 */
import { describeIssues } from '../feed/protocol';
import { CENTRE_PATHS, recordChangesPageSchema, recordConflictSchema, recordPushResultSchema, type RecordChangesPage, type RecordPush, type SharedRecord } from './protocol';

export interface CentreHttp {
  (request: { url: string; method: string; headers: Record<string, string>; body?: string }): Promise<{ status: number; body: string }>;
}

export type PushAnswer = { status: 'applied'; record: SharedRecord; duplicate: boolean } | { status: 'conflict'; server: SharedRecord | null };

export class CentreClientError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'CentreClientError';
  }
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    throw new CentreClientError('Сервер центра прислал повреждённый ответ (не JSON)', 200);
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
  return new CentreClientError(message, status);
}

export function createCentreClient(options: { baseUrl: string; token: string; http: CentreHttp }) {
  const base = options.baseUrl.replace(/\/+$/, '');
  const headers = { Authorization: `Bearer ${options.token}` };
  return {
    async push(id: string, push: RecordPush): Promise<PushAnswer> {
      const response = await options.http({ url: `${base}${CENTRE_PATHS.record.replace(':id', encodeURIComponent(id))}`, method: 'PUT', headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify(push) });
      if (response.status === 200) {
        const parsed = recordPushResultSchema.safeParse(parseJson(response.body));
        if (!parsed.success) throw new CentreClientError(`Ответ сервера центра отклонён: ${describeIssues(parsed.error)}`, 200);
        return { status: 'applied', record: parsed.data.record, duplicate: parsed.data.duplicate };
      }
      if (response.status === 409) {
        const parsed = recordConflictSchema.safeParse(parseJson(response.body));
        if (!parsed.success) throw new CentreClientError(`Ответ сервера центра отклонён: ${describeIssues(parsed.error)}`, 409);
        return { status: 'conflict', server: parsed.data.server };
      }
      throw failure(response.status, response.body);
    },

    async changes(cursor: string | null, limit = 500): Promise<RecordChangesPage> {
      const query = `limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const response = await options.http({ url: `${base}${CENTRE_PATHS.recordChanges}?${query}`, method: 'GET', headers });
      if (response.status !== 200) throw failure(response.status, response.body);
      const parsed = recordChangesPageSchema.safeParse(parseJson(response.body));
      if (!parsed.success) throw new CentreClientError(`Страница общих записей отклонена: ${describeIssues(parsed.error)}`, 200);
      return parsed.data;
    },
  };
}

export type CentreClient = ReturnType<typeof createCentreClient>;
