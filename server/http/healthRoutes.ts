import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Services } from '../services.ts';

/** `GET /api/health` for a load balancer: storage, fan-out and open documents. */
export function healthRoutes(app: FastifyInstance, s: Services): void {
  app.get('/api/health', async (_req, reply) => {
    let storage: 'ok' | 'down' = 'ok';
    try {
      await sql`select 1`.execute(s.sql.db);
    } catch {
      storage = 'down';
    }
    const fanout = s.fanout.status();
    const body = {
      status: storage === 'ok' ? (fanout === 'down' ? 'degraded' : 'ok') : 'down',
      storage: { kind: s.sql.dialect, status: storage },
      fanout,
      openDocuments: s.registry.size,
      openSockets: s.sync.openConnections,
    };
    return reply.status(storage === 'ok' ? 200 : 503).send(body);
  });
}
