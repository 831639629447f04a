import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { type DestinationStream, type LevelWithSilent, type Logger, pino } from 'pino';

export type { Logger } from 'pino';

/**
 * The older way modules report trouble: a message, and the error if there was one. Modules that
 * still take it get {@link messageLog} of a pino logger.
 */
export type MessageLog = (msg: string, err?: unknown) => void;

/** A request id we take over from a proxy: short, and nothing a log reader could trip over. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * Headers that carry a session or a token. Tafel's own serializers never log headers; these paths
 * are there for the day someone logs a raw request or response.
 */
const REDACTED = [
  'req.headers.cookie',
  'req.headers.authorization',
  'headers.cookie',
  'headers.authorization',
  'res.headers["set-cookie"]',
  '*.headers.cookie',
  '*.headers.authorization',
];

/**
 * The server's logger: JSON lines on stdout (or `destination`) at `level`. Request lines hold the
 * method, the path without its query (search words, sign-in codes) and with invitation tokens left
 * out; errors hold their type, message, code and stack, not the extra fields a driver attaches
 * (PostgreSQL's `detail` repeats the values of a row).
 */
export function createLogger(level: LevelWithSilent, destination?: DestinationStream): Logger {
  const options = {
    level,
    redact: { paths: REDACTED, censor: '[verborgen]' },
    serializers: { req: requestLine, err: errorLine },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** A {@link MessageLog} over a pino logger: with an error at `error`, without at `warn`. */
export function messageLog(log: Logger): MessageLog {
  return (msg, err) => (err === undefined ? log.warn(msg) : log.error({ err }, msg));
}

/** Fastify's `genReqId`: the caller's `X-Request-Id` when it is a safe token, else a fresh UUID. */
export function requestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
}

/** Sends the request id back, so a user's report or a proxy's log points at the server's lines. */
export function installRequestIdHeader(app: FastifyInstance): void {
  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
}

/**
 * Logs a sync socket's upgrade and its end under one connection id. What the sync server decides
 * (admitted, refused) goes to its own log; the socket's path holds only the case and section ids.
 */
export function logSyncSocket(log: Logger, req: IncomingMessage, socket: Duplex): void {
  const started = Date.now();
  const connection = log.child({ connId: requestId(req) });
  connection.info({ path: pathOf(req.url) }, 'sync socket opened');
  socket.once('close', () => connection.info({ durationMs: Date.now() - started }, 'sync socket closed'));
}

/** What a log line says of a request; also used for a bare `IncomingMessage`. */
function requestLine(req: { method?: string; url?: string; ip?: string; socket?: { remoteAddress?: string } }) {
  return { method: req.method, url: pathOf(req.url), remoteAddress: req.ip ?? req.socket?.remoteAddress };
}

function errorLine(err: unknown) {
  if (!(err instanceof Error)) return { message: String(err) };
  const code = (err as { code?: unknown }).code;
  return { type: err.name, message: err.message, ...(typeof code === 'string' ? { code } : {}), stack: err.stack };
}

/** The path without query, and an invitation's token (`/api/invitations/<token>`) left out. */
function pathOf(url: string | undefined): string | undefined {
  return url?.split('?')[0]?.replace(/^(\/api\/invitations\/)[^/]+/, '$1[token]');
}
