/** `GET /v1/info` and `GET /v1/changes` of the cur-feed protocol (docs/feed-protocol.md §3). */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CENTRE_PATHS, type Whoami } from '../../shared/centre/protocol';
import { FEED_PATHS, FEED_VERSION, MAX_PAGE_SIZE, MIN_PAGE_SIZE } from '../../shared/feed/protocol';
import type { ServerContext } from '../context';
import { sendError, validate } from '../http/validate';

const changesQuerySchema = z.object({
  limit: z.coerce
    .number({ message: 'ожидалось число' })
    .int({ message: 'ожидалось целое число' })
    .min(MIN_PAGE_SIZE, { message: `от ${MIN_PAGE_SIZE}` })
    .max(MAX_PAGE_SIZE, { message: `не больше ${MAX_PAGE_SIZE}` })
    .optional(),
  cursor: z.string().max(1_000, { message: 'курсор длиннее 1000 символов' }).optional(),
});

const FEED_ROLES = ['workstation'] as const;

export function registerFeedRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get(FEED_PATHS.info, { config: { roles: FEED_ROLES } }, async (_request, reply) => reply.send(await ctx.feed.info()));

  // A workstation checks its address and token here before it starts pulling ("connected as …").
  app.get(CENTRE_PATHS.whoami, { config: { roles: ['workstation', 'intake'] } }, async (request, reply) => {
    const owner = request.owner!;
    const body: Whoami = { label: owner.label, role: owner.role, region: ctx.feed.regionId ?? '', datasetId: ctx.feed.datasetId, serverTime: ctx.clock() };
    return reply.send(body);
  });

  app.get(FEED_PATHS.changes, { config: { roles: FEED_ROLES }, preHandler: validate({ query: changesQuerySchema }) }, async (request, reply) => {
    const version = request.headers['x-cur-feed-version'];
    if (version !== undefined && version !== String(FEED_VERSION)) {
      return sendError(reply, 400, 'bad-request', `Версия протокола ${String(version)} не поддерживается; поддерживается ${FEED_VERSION}`);
    }
    const query = request.query as z.infer<typeof changesQuerySchema>;
    const page = await ctx.feed.page(query.cursor, query.limit, request.owner?.user?.scope ?? null);
    if (!page.ok) return sendError(reply, page.status, page.code, page.message);
    ctx.metrics.pagesServed.inc({ stream: 'feed' });
    ctx.metrics.itemsServed.inc({ stream: 'feed' }, page.items);
    return reply.type('application/json; charset=utf-8').send(page.json);
  });
}
