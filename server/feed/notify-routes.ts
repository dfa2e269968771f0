/**
 * `GET /v1/notify`: a workstation's long poll for change notices (shared/centre/notify.ts). The
 * answer carries both streams' newest stamps and whether they differ from the ones asked with;
 * the workstation then pulls through the ordinary cursors, so a notice reveals nothing a page
 * would not (and nothing at all to a token that may not pull).
 */
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { NOTIFY_PATH, notifyQuerySchema, type ChangeNotice } from '../../shared/centre/notify';
import type { ServerContext } from '../context';
import { sendError, validate } from '../http/validate';
import { differs } from './notifier';

export function registerNotifyRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get(NOTIFY_PATH, { config: { roles: ['workstation'] }, preHandler: validate({ query: notifyQuerySchema }) }, async (request, reply) => {
    const query = request.query as z.infer<typeof notifyQuerySchema>;
    const since = query.feed !== undefined && query.records !== undefined ? { feed: query.feed, records: query.records } : null;
    // The client went away (closed the connection): stop holding its place.
    const gone = new AbortController();
    const onClose = () => gone.abort();
    request.raw.once('close', onClose);
    try {
      const stamps = await ctx.notifier.wait(since, query.wait * 1000, gone.signal);
      if (!stamps) return sendError(reply, 503, 'unavailable', 'Слишком много ожидающих уведомлений: повторите позже', { 'Retry-After': '10' });
      const body: ChangeNotice = { ...stamps, changed: since !== null && differs(stamps, since), serverTime: ctx.clock() };
      ctx.metrics.notices.inc({ outcome: body.changed ? 'changed' : since ? 'unchanged' : 'current' });
      return reply.send(body);
    } finally {
      request.raw.off('close', onClose);
    }
  });
}
