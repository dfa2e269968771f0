/**
 * Accounts issued by the centre: the administrator's user management (`/admin/users`, with the
 * administrator token or an administrator user's token), the users list a workstation copies into
 * its local accounts (`GET /v1/users`), and sign-in (`POST /v1/sign-in`, with the workstation's
 * token): one answer for an unknown login, a wrong password and a disabled user; a growing delay
 * per workstation after wrong attempts; on success one token for this user on this workstation
 * (an earlier one of the same pair is revoked), stored as a hash only.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { checkPassword } from '../../shared/access/password-policy';
import { ACCOUNT_PATHS, PASSWORD_PROBLEM_TEXT, userChangeSchema, userCreateSchema, signInRequestSchema, type SignInAnswer, type UserChange, type UserCreate } from '../../shared/centre/accounts';
import type { ServerContext } from '../context';
import { issueToken } from '../http/tokens';
import { sendError, validate } from '../http/validate';
import { createUser, listUsers, publicUser, revokeUserTokens, updateUser, userById, userByLogin } from './users';

const ADMIN = { roles: ['admin'] as const };
const WORKSTATION = { roles: ['workstation'] as const };
const idParams = z.object({ id: z.string().uuid({ message: 'ожидался идентификатор пользователя' }) });

export const SIGN_IN_FAILED = 'Неверное имя для входа или пароль';

function signInFailed(reply: FastifyReply, waitMs: number): FastifyReply {
  const headers: Record<string, string> = waitMs > 0 ? { 'Retry-After': String(Math.ceil(waitMs / 1000)) } : {};
  return sendError(reply, 401, 'sign-in-failed', SIGN_IN_FAILED, headers);
}

export function registerAccountRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { passwords, throttle } = ctx.accounts;

  app.post(ACCOUNT_PATHS.signIn, { config: WORKSTATION, preHandler: validate({ body: signInRequestSchema }) }, async (request, reply) => {
    const owner = request.owner!;
    const { login, password } = request.body as z.infer<typeof signInRequestSchema>;
    const now = ctx.clock();
    const wait = throttle.waitFor(owner.workstationId, now);
    if (wait > 0) return sendError(reply, 429, 'wait', `Слишком много неудачных попыток: повторите через ${Math.ceil(wait / 1000)} с`, { 'Retry-After': String(Math.ceil(wait / 1000)) });
    const user = await userByLogin(ctx.db, login);
    const valid = await passwords.verify(password, user?.passwordHash ?? null);
    if (!user || !valid || user.disabled) return signInFailed(reply, throttle.fail(owner.workstationId, ctx.clock()));
    throttle.succeed(owner.workstationId);
    const station = await ctx.db.query<{ label: string }>('SELECT label FROM api_tokens WHERE id = $1', [owner.workstationId]);
    const stationLabel = station.rows[0]?.label ?? owner.label;
    // One live token per user and workstation: a new sign-in replaces the previous one.
    await ctx.db.query('UPDATE api_tokens SET revoked_at = $3 WHERE user_id = $1 AND workstation_id = $2 AND revoked_at IS NULL', [user.id, owner.workstationId, now]);
    const issued = await issueToken(ctx.db, `${user.login} @ ${stationLabel}`, 'workstation', now, { userId: user.id, workstationId: owner.workstationId });
    ctx.tokens.forget();
    const answer: SignInAnswer = { token: issued.token, tokenId: issued.id, user: publicUser(user) };
    return reply.send(answer);
  });

  app.get(ACCOUNT_PATHS.users, { config: WORKSTATION }, async (_request, reply) => reply.send({ users: (await listUsers(ctx.db)).map(publicUser) }));

  app.get(ACCOUNT_PATHS.adminUsers, { config: ADMIN }, async (_request, reply) => reply.send({ users: (await listUsers(ctx.db)).map(publicUser) }));

  app.post(ACCOUNT_PATHS.adminUsers, { config: ADMIN, preHandler: validate({ body: userCreateSchema }) }, async (request, reply) => {
    const input = request.body as UserCreate;
    const created = await createUser(
      ctx.db,
      { login: input.login, displayName: input.displayName, role: input.role, scope: input.scope, passwordHash: await passwords.hash(input.password) },
      ctx.clock(),
    );
    if (!created) return sendError(reply, 409, 'login-taken', `Имя для входа «${input.login}» уже занято`);
    return reply.code(201).send({ user: publicUser(created) });
  });

  app.patch(ACCOUNT_PATHS.adminUser, { config: ADMIN, preHandler: validate({ params: idParams, body: userChangeSchema }) }, async (request, reply) => {
    const { id } = request.params as z.infer<typeof idParams>;
    const change = request.body as UserChange;
    const before = await userById(ctx.db, id);
    if (!before) return sendError(reply, 404, 'not-found', 'Нет такого пользователя');
    if (change.password !== undefined) {
      const problem = checkPassword(before.login, change.password);
      if (problem) return sendError(reply, 400, 'bad-request', `Запрос отклонён (тело запроса): ${PASSWORD_PROBLEM_TEXT[problem]}`);
    }
    const now = ctx.clock();
    const after = await updateUser(
      ctx.db,
      id,
      {
        displayName: change.displayName,
        role: change.role,
        scope: change.scope,
        disabled: change.disabled,
        passwordHash: change.password !== undefined ? await passwords.hash(change.password) : undefined,
      },
      now,
    );
    if (!after) return sendError(reply, 404, 'not-found', 'Нет такого пользователя');
    // A new password ends the user's sessions everywhere; a disabled user's tokens stop at the lookup.
    if (change.password !== undefined) await revokeUserTokens(ctx.db, id, now);
    ctx.tokens.forget();
    return reply.send({ user: publicUser(after) });
  });
}
