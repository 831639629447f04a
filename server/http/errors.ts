import type { FastifyError, FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { DomainError, type DomainErrorKind } from '../domainError.ts';

/** An error with a status and a message that is safe to show to the client. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export const notFound = () => new HttpError(404, 'not_found', 'Niet gevonden.');

/** How a domain refusal answers over HTTP: status and error code. */
const DOMAIN_STATUS: Record<DomainErrorKind, [number, string]> = {
  invalid: [400, 'invalid_input'],
  bad_credentials: [401, 'bad_credentials'],
  forbidden: [403, 'forbidden'],
  not_found: [404, 'not_found'],
  conflict: [409, 'conflict'],
  not_removed: [409, 'not_removed'],
  reaction_period: [409, 'reaction_period'],
  already_in_case: [409, 'already_in_case'],
  too_many: [429, 'too_many_attempts'],
  gone: [410, 'gone'],
  unknown: [422, 'unknown_account'],
};

/** Parses input with a zod schema; a failure names the first offending field. */
export function parse<T>(schema: z.ZodType<T>, input: unknown, where: 'body' | 'params' | 'query' = 'body'): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.join('.') || where;
  throw new HttpError(400, 'invalid_input', `${field}: ${issue?.message ?? 'ongeldige invoer'}`, field);
}

/** Maps every error to `{ error: { code, message } }`; never a stack trace. */
export function installErrorHandler(app: FastifyInstance, log: (msg: string, err?: unknown) => void): void {
  app.setErrorHandler((err: FastifyError | HttpError | DomainError, _req, reply) => {
    if (err instanceof DomainError) {
      const [status, code] = DOMAIN_STATUS[err.kind];
      const message = err.field && err.kind === 'invalid' ? `${err.field}: ${err.message}` : err.message;
      return reply.status(status).send({ error: { code, message, ...(err.field ? { field: err.field } : {}) } });
    }
    if (err instanceof HttpError) {
      return reply.status(err.status).send({ error: { code: err.code, message: err.message, ...(err.field ? { field: err.field } : {}) } });
    }
    const status = err.statusCode ?? 500;
    if (status >= 500) {
      log('request failed', err);
      return reply.status(500).send({ error: { code: 'internal', message: 'Er ging iets mis. Probeer het opnieuw.' } });
    }
    const code = err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError ? 'invalid_json' : err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'too_large' : 'bad_request';
    const message = code === 'invalid_json' ? 'body: Dit is geen geldige JSON.' : code === 'too_large' ? 'body: Dit is te groot om te versturen.' : 'Ongeldig verzoek.';
    return reply.status(status).send({ error: { code, message, field: 'body' } });
  });
}

/** 404 for the API; with a client build, every other GET path gets the app shell (the client routes). */
export function installNotFound(app: FastifyInstance, serveShell: boolean): void {
  app.setNotFoundHandler((req, reply) => {
    const isPage = req.method === 'GET' && !req.url.startsWith('/api/') && !req.url.startsWith('/sync/');
    if (serveShell && isPage) return reply.sendFile('index.html');
    return reply.status(404).send({ error: { code: 'not_found', message: 'Niet gevonden.' } });
  });
}
