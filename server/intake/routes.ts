/**
 * Intake API for the administrator and intake robots: upload an export file (streamed to disk,
 * capped at the import's file limit, taken in at once), the runs with their counts and errors,
 * and the pull sources.
 */
import { createWriteStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CENTRE_PATHS, intakeFileQuerySchema, intakeSourceCreateSchema, type IntakeSourceCreate } from '../../shared/centre/protocol';
import { LIMITS } from '../../shared/import/errors';
import type { ServerContext } from '../context';
import { sendError, validate } from '../http/validate';
import { getRun, listRuns } from './runs';
import { publicSource } from './service';

const INTAKE = { roles: ['intake'] as const };
const ADMIN = { roles: ['admin'] as const };
const sourceParams = z.object({ id: z.string().min(1).max(60).regex(/^[a-z0-9-]+$/, { message: 'идентификатор источника' }) });
const runParams = z.object({ id: z.coerce.number().int().positive() });
const runsQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) });

class TooLarge extends Error {}

export function registerIntakeRoutes(app: FastifyInstance, ctx: ServerContext): void {
  // Export files arrive as raw bytes; the handler streams them to disk itself.
  app.addContentTypeParser(['application/octet-stream', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'], (_request, _payload, done) => done(null));

  app.post(CENTRE_PATHS.intakeFiles, { config: INTAKE, preHandler: validate({ query: intakeFileQuerySchema }) }, async (request, reply) => {
    const query = request.query as z.infer<typeof intakeFileQuerySchema>;
    const declared = Number(request.headers['content-length'] ?? NaN);
    if (Number.isFinite(declared) && declared > LIMITS.maxFileBytes) return sendError(reply, 413, 'too-large', `Файл больше ${Math.round(LIMITS.maxFileBytes / 1024 / 1024)} МБ: разбейте выгрузку по периодам`);
    const path = ctx.intake.incomingPath();
    let size = 0;
    const cap = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        size += chunk.length;
        callback(size > LIMITS.maxFileBytes ? new TooLarge() : null, chunk);
      },
    });
    try {
      await pipeline(request.raw, cap, createWriteStream(path, { flags: 'wx' }));
    } catch (error) {
      await unlink(path).catch(() => undefined);
      if (error instanceof TooLarge) return sendError(reply, 413, 'too-large', `Файл больше ${Math.round(LIMITS.maxFileBytes / 1024 / 1024)} МБ: разбейте выгрузку по периодам`);
      throw error;
    }
    const run = await ctx.intake.runFile(path, query.name, query.type ?? null);
    return reply.code(run.status === 'failed' ? 422 : 200).send({ run });
  });

  app.get(CENTRE_PATHS.intakeRuns, { config: INTAKE, preHandler: validate({ query: runsQuery }) }, async (request, reply) => {
    const { limit } = request.query as z.infer<typeof runsQuery>;
    return reply.send({ runs: await listRuns(ctx.db, limit) });
  });

  app.get(`${CENTRE_PATHS.intakeRuns}/:id`, { config: INTAKE, preHandler: validate({ params: runParams }) }, async (request, reply) => {
    const { id } = request.params as z.infer<typeof runParams>;
    const run = await getRun(ctx.db, id);
    return run ? reply.send({ run }) : sendError(reply, 404, 'not-found', `Приёма №${id} нет`);
  });

  app.get(CENTRE_PATHS.intakeSources, { config: ADMIN }, async (_request, reply) => reply.send({ sources: (await ctx.intake.listSources()).map(publicSource) }));

  app.post(CENTRE_PATHS.intakeSources, { config: ADMIN, preHandler: validate({ body: intakeSourceCreateSchema }) }, async (request, reply) => {
    const source = await ctx.intake.addSource(request.body as IntakeSourceCreate);
    return reply.code(201).send({ source: publicSource(source) });
  });

  app.delete(CENTRE_PATHS.intakeSource, { config: ADMIN, preHandler: validate({ params: sourceParams }) }, async (request, reply) => {
    const { id } = request.params as z.infer<typeof sourceParams>;
    return (await ctx.intake.removeSource(id)) ? reply.send({ removed: id }) : sendError(reply, 404, 'not-found', `Источника ${id} нет`);
  });

  app.post(CENTRE_PATHS.intakeSourceRun, { config: ADMIN, preHandler: validate({ params: sourceParams }) }, async (request, reply) => {
    const { id } = request.params as z.infer<typeof sourceParams>;
    if (!(await ctx.intake.source(id))) return sendError(reply, 404, 'not-found', `Источника ${id} нет`);
    return reply.send({ run: await ctx.intake.runSource(id) });
  });
}
