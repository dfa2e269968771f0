/**
 * Request validation with the shared zod schemas: a preHandler parses the query, params or body
 * and replaces it with the parsed value, or answers 400 with the problems named in Russian
 * (docs/feed-protocol.md §5 error body).
 */
import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { z } from 'zod';
import { describeIssues } from '../../shared/feed/protocol';

export interface ErrorBody {
  error: { code: string; message: string };
}

export function errorBody(code: string, message: string): ErrorBody {
  return { error: { code, message } };
}

export function sendError(reply: FastifyReply, status: number, code: string, message: string, headers: Record<string, string> = {}): FastifyReply {
  return reply.code(status).headers(headers).send(errorBody(code, message));
}

type Part = 'query' | 'params' | 'body';

export function validate(schemas: Partial<Record<Part, z.ZodType>>): preHandlerAsyncHookHandler {
  return async function validateRequest(request: FastifyRequest, reply: FastifyReply) {
    for (const part of ['params', 'query', 'body'] as const) {
      const schema = schemas[part];
      if (!schema) continue;
      const result = schema.safeParse(request[part]);
      if (!result.success) {
        const where = part === 'body' ? 'тело запроса' : part === 'query' ? 'параметры запроса' : 'адрес';
        return sendError(reply, 400, 'bad-request', `Запрос отклонён (${where}): ${describeIssues(result.error)}`);
      }
      (request as unknown as Record<Part, unknown>)[part] = result.data;
    }
    return undefined;
  };
}

/** The parsed value a `validate` preHandler left on the request. */
export function parsed<T extends z.ZodType>(_schema: T, value: unknown): z.infer<T> {
  return value as z.infer<T>;
}
