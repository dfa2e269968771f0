/**
 * The centre server's HTTP surface on Fastify: bearer auth with roles per route, CORS for the
 * app's browser mode, gzip of JSON answers, request metrics, Russian error bodies in the
 * cur-feed shape, request bodies capped.
 */
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { TokenRole } from '../../shared/centre/protocol';
import type { ServerContext } from '../context';
import { registerAccountRoutes } from '../accounts/routes';
import { registerNotifyRoutes } from '../feed/notify-routes';
import { registerFeedRoutes } from '../feed/routes';
import { registerIntakeRoutes } from '../intake/routes';
import { registerRecordRoutes } from '../records/routes';
import { registerAdminRoutes } from './admin-routes';
import type { TokenOwner } from './tokens';
import { sendError } from './validate';

const gzipAsync = promisify(gzip);
/** JSON bodies (shared records, admin calls); uploads have their own, larger limit. */
export const JSON_BODY_LIMIT = 1024 * 1024;
const GZIP_ABOVE_BYTES = 1024;
/** The same answer text sent to many workstations at once (a shared catch-up page) is compressed once. */
const GZIP_CACHE_ENTRIES = 16;
const LOCAL_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/;

declare module 'fastify' {
  interface FastifyRequest {
    owner: TokenOwner | null;
    startedAt: bigint;
  }
  interface FastifyContextConfig {
    /** Roles allowed; absent = no token needed (health, metrics). */
    roles?: readonly TokenRole[];
  }
}

function bearer(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match ? match[1]! : null;
}

export function buildApp(ctx: ServerContext): FastifyInstance {
  const app = Fastify({ logger: false, bodyLimit: JSON_BODY_LIMIT, return503OnClosing: true, routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 } });
  app.decorateRequest('owner', null);
  app.decorateRequest('startedAt', 0n);

  const compressed = new Map<string, Promise<Buffer>>();
  const gzipOnce = (text: string): Promise<Buffer> => {
    let done = compressed.get(text);
    if (!done) {
      // Level 3: most of level 6's saving on JSON at a fraction of the CPU, which pages of a thousand appeals need.
      done = gzipAsync(Buffer.from(text, 'utf8'), { level: 3 });
      if (compressed.size >= GZIP_CACHE_ENTRIES) compressed.delete(compressed.keys().next().value!);
      compressed.set(text, done);
      done.catch(() => compressed.delete(text));
    }
    return done;
  };
  const corsAllowed = (origin: string | undefined): origin is string => !!origin && (LOCAL_ORIGIN.test(origin) || ctx.allowedOrigins.includes(origin));

  app.addHook('onRequest', async (request, reply) => {
    request.startedAt = process.hrtime.bigint();
    const origin = request.headers.origin;
    if (corsAllowed(origin)) {
      reply.headers({
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Headers': 'Authorization, Content-Type, X-Cur-Feed-Version',
        'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
        'Access-Control-Expose-Headers': 'Retry-After',
        'Access-Control-Max-Age': '600',
        Vary: 'Origin',
      });
    }
    if (request.method === 'OPTIONS') return reply.code(204).send();
    const roles = request.routeOptions.config.roles;
    if (!roles) return undefined;
    const token = bearer(request);
    const owner = token ? await ctx.tokens.verify(token) : null;
    if (!owner) return sendError(reply, 401, 'unauthorized', 'Нужен действующий токен (Authorization: Bearer …)', { 'WWW-Authenticate': 'Bearer' });
    if (!roles.includes(owner.role) && owner.role !== 'admin') return sendError(reply, 403, 'forbidden', 'Этому токену такое действие не разрешено');
    request.owner = owner;
    return undefined;
  });

  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (reply.getHeader('Cache-Control') === undefined) reply.header('Cache-Control', 'no-store');
    const type = String(reply.getHeader('Content-Type') ?? '');
    const accepts = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    if (!accepts || !type.startsWith('application/json') || reply.getHeader('Content-Encoding')) return payload;
    const bytes = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : Buffer.isBuffer(payload) ? payload : null;
    if (!bytes || bytes.length < GZIP_ABOVE_BYTES) return payload;
    reply.header('Content-Encoding', 'gzip');
    reply.header('Vary', 'Accept-Encoding');
    reply.removeHeader('Content-Length');
    if (typeof payload === 'string') return gzipOnce(payload);
    return gzipAsync(bytes, { level: 3 });
  });

  app.addHook('onResponse', async (request, reply) => {
    const seconds = Number(process.hrtime.bigint() - request.startedAt) / 1e9;
    ctx.metrics.observeRequest(request.method, request.routeOptions.url ?? 'unmatched', reply.statusCode, seconds);
  });

  app.setNotFoundHandler((_request, reply) => sendError(reply, 404, 'not-found', 'Нет такого адреса'));
  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
    const status = error.statusCode ?? 500;
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendError(reply, 413, 'too-large', 'Тело запроса слишком велико');
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return sendError(reply, 415, 'bad-request', 'Неподдерживаемый тип содержимого');
    if (status >= 400 && status < 500) return sendError(reply, status, 'bad-request', `Запрос отклонён: ${error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ? 'пустое тело JSON' : 'тело запроса не читается как JSON'}`);
    request.log.error(error);
    console.error(`cur-server: ${request.method} ${request.routeOptions.url ?? request.url}: ${error.message}`);
    return sendError(reply, 503, 'unavailable', 'Сервер временно не может ответить, повторите позже', { 'Retry-After': '2' });
  });

  app.get('/health', async (_request, reply) => {
    try {
      await ctx.db.query('SELECT 1');
      return reply.send({ status: 'ok', database: ctx.db.engine, datasetId: ctx.feed.datasetId, uptimeSeconds: Math.round((ctx.clock() - ctx.startedAt) / 1000) });
    } catch {
      return reply.code(503).header('Retry-After', '5').send({ status: 'unavailable', database: ctx.db.engine });
    }
  });
  app.get('/metrics', async (_request, reply) => reply.type('text/plain; version=0.0.4; charset=utf-8').send(ctx.metrics.render()));

  registerFeedRoutes(app, ctx);
  registerRecordRoutes(app, ctx);
  registerAdminRoutes(app, ctx);
  registerIntakeRoutes(app, ctx);
  registerAccountRoutes(app, ctx);
  registerNotifyRoutes(app, ctx);
  return app;
}
