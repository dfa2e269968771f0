/**
 * Shared records: `PUT /v1/records/:id` (push one version, 409 with both versions on a stale
 * base) and `GET /v1/records/changes` (everyone's changes after a cursor, the same keyset
 * mechanism as the feed).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CENTRE_PATHS, recordChangesQuerySchema, recordIdSchema, recordPushSchema, type RecordChangesPage, type RecordPush } from '../../shared/centre/protocol';
import type { ServerContext } from '../context';
import { lastStamp } from '../feed/clock';
import { decodeCursor, encodeCursor } from '../feed/cursor';
import { recordInScope } from '../accounts/scope-check';
import { sendError, validate } from '../http/validate';
import { auditOf, getRecord, pushRecord, recordsAfter } from './store';

const ROLES = ['workstation'] as const;
const DEFAULT_LIMIT = 500;
const paramsSchema = z.object({ id: recordIdSchema });

export function registerRecordRoutes(app: FastifyInstance, ctx: ServerContext): void {
  // One stream of records per dataset: a restored database gives a new id and clients start over.
  const streamId = `${ctx.feed.datasetId}:records`;

  app.put(CENTRE_PATHS.record, { config: { roles: ROLES }, preHandler: validate({ params: paramsSchema, body: recordPushSchema }) }, async (request, reply) => {
    const { id } = request.params as z.infer<typeof paramsSchema>;
    const push = request.body as RecordPush;
    if (!recordInScope(push.body, request.owner?.user?.scope ?? null)) return sendError(reply, 403, 'forbidden', 'Запись об обращении вне вашей области доступа');
    const actor = request.owner?.label ?? 'unknown';
    const outcome = await pushRecord(ctx.db, id, push, actor, ctx.clock());
    ctx.metrics.recordPushes.inc({ result: outcome.status === 'applied' ? (outcome.duplicate ? 'duplicate' : 'applied') : outcome.status });
    if (outcome.status === 'kind-mismatch') return sendError(reply, 400, 'bad-request', `Запись ${id} уже существует и имеет другой вид (${outcome.server.kind})`);
    if (outcome.status === 'conflict') {
      return reply.code(409).send({
        error: {
          code: 'conflict',
          message: outcome.server
            ? `Запись изменена другим рабочим местом (версия ${outcome.server.version}, вы правили версию ${push.baseVersion}): сравните и сохраните заново`
            : `Записи ${id} на сервере нет: сохраните её как новую`,
        },
        server: outcome.server,
        yours: push,
      });
    }
    // Workstations waiting for notices pull the new version now rather than at their next timer.
    if (!outcome.duplicate) void ctx.notifier.check().catch(() => undefined);
    return reply.send({ record: outcome.record, duplicate: outcome.duplicate });
  });

  app.get(CENTRE_PATHS.record, { config: { roles: ROLES }, preHandler: validate({ params: paramsSchema }) }, async (request, reply) => {
    const { id } = request.params as z.infer<typeof paramsSchema>;
    const record = await getRecord(ctx.db, id);
    // Outside the user's scope reads the same as absent.
    if (!record || !recordInScope(record.body, request.owner?.user?.scope ?? null)) return sendError(reply, 404, 'not-found', `Записи ${id} нет`);
    return reply.send(record);
  });

  app.get('/admin/records/:id/audit', { config: { roles: ['admin'] }, preHandler: validate({ params: paramsSchema }) }, async (request, reply) => {
    const { id } = request.params as z.infer<typeof paramsSchema>;
    return reply.send({ entries: await auditOf(ctx.db, id) });
  });

  app.get(CENTRE_PATHS.recordChanges, { config: { roles: ROLES }, preHandler: validate({ query: recordChangesQuerySchema }) }, async (request, reply) => {
    const query = request.query as z.infer<typeof recordChangesQuerySchema>;
    let position: [number, string] | null = null;
    if (query.cursor) {
      const cursor = decodeCursor(query.cursor);
      if (!cursor) return sendError(reply, 400, 'bad-request', 'Курсор не распознан');
      if (cursor.datasetId !== streamId) return sendError(reply, 410, 'cursor-expired', 'Курсор относится к другому набору данных: нужна полная повторная загрузка');
      if (cursor.position && cursor.position[0] > (await lastStamp(ctx.db, 'records'))) {
        return sendError(reply, 410, 'cursor-expired', 'Курсор указывает на данные, которых на сервере нет: нужна полная повторная загрузка');
      }
      position = cursor.position ? [cursor.position[0], cursor.position[1]] : null;
    }
    const page = await recordsAfter(ctx.db, position, query.limit ?? DEFAULT_LIMIT, request.owner?.user?.scope ?? null);
    const last = page.records[page.records.length - 1];
    const next = last ? ([last.updatedAt, last.id] as const) : position;
    ctx.metrics.pagesServed.inc({ stream: 'records' });
    ctx.metrics.itemsServed.inc({ stream: 'records' }, page.records.length);
    const body: RecordChangesPage = { records: page.records, nextCursor: encodeCursor(streamId, next), hasMore: page.hasMore, serverTime: ctx.clock() };
    return reply.send(body);
  });
}
