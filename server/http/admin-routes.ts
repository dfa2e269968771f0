/** Administrator's API: workstation and intake tokens (issue, list, revoke). */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CENTRE_PATHS, tokenCreateSchema } from '../../shared/centre/protocol';
import type { ServerContext } from '../context';
import { issueToken, listTokens, revokeToken } from './tokens';
import { sendError, validate } from './validate';

const ADMIN = { roles: ['admin'] as const };
const idParams = z.object({ id: z.string().uuid({ message: 'ожидался идентификатор токена' }) });

export function registerAdminRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get(CENTRE_PATHS.tokens, { config: ADMIN }, async (_request, reply) => reply.send({ tokens: await listTokens(ctx.db) }));

  app.post(CENTRE_PATHS.tokens, { config: ADMIN, preHandler: validate({ body: tokenCreateSchema }) }, async (request, reply) => {
    const { label, role } = request.body as z.infer<typeof tokenCreateSchema>;
    const issued = await issueToken(ctx.db, label, role, ctx.clock());
    return reply.code(201).send({ ...issued, label, role });
  });

  app.delete(CENTRE_PATHS.token, { config: ADMIN, preHandler: validate({ params: idParams }) }, async (request, reply) => {
    const { id } = request.params as z.infer<typeof idParams>;
    if (!(await revokeToken(ctx.db, id, ctx.clock()))) return sendError(reply, 404, 'not-found', 'Нет такого действующего токена');
    ctx.tokens.forget();
    return reply.send({ revoked: id });
  });
}
