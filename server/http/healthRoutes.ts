import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { healthOf } from '../health.ts';
import type { Services } from '../services.ts';

/** Whether `Authorization` carries the health token; compared in constant time (as hashes, so the length does not show either). */
export function bearerMatches(header: string | undefined, token: string | undefined): boolean {
  if (!token || !header?.startsWith('Bearer ')) return false;
  const digest = (v: string) => createHash('sha256').update(v).digest();
  return timingSafeEqual(digest(header.slice('Bearer '.length)), digest(token));
}

/**
 * `GET /api/health` for a load balancer: `{ status: 'up' | 'degraded' | 'down' }` for anyone
 * (503 when storage is down). The details — storage, fan-out state, open documents and sockets —
 * tell an outsider how busy the server is and whether Redis is away, so only a monitor with
 * `Authorization: Bearer <TAFEL_HEALTH_TOKEN>` sees them; without that setting nobody does.
 */
export function healthRoutes(app: FastifyInstance, s: Services, healthToken?: string): void {
  app.get('/api/health', async (req, reply) => {
    const health = await healthOf(s);
    const body = bearerMatches(req.headers.authorization, healthToken) ? health : { status: health.status };
    return reply.status(health.storage.status === 'ok' ? 200 : 503).send(body);
  });
}
