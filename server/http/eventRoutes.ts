import type { FastifyInstance } from 'fastify';
import type { CaseEvent } from '../../shared/api.ts';
import type { Services } from '../services.ts';
import { requireParticipant } from './requestContext.ts';

type Listener = (caseId: string, event: CaseEvent) => void;

/**
 * `GET /api/cases/:caseId/events`: server-sent events that only say what kind of thing changed
 * (confirmations, comments, status, access); the client re-reads through the access-checked API,
 * so an event can never carry content a listener may not see.
 */
export function eventRoutes(app: FastifyInstance, s: Services): void {
  const listeners = new Set<Listener>();
  s.fanout.onControl((m) => {
    const event: CaseEvent =
      m.type === 'access-changed' ? { type: 'case-changed', what: 'access' } : { type: 'case-changed', what: m.what };
    for (const l of listeners) l(m.caseId, event);
  });

  app.get('/api/cases/:caseId/events', async (req, reply) => {
    const { caseId } = await requireParticipant(s, req);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': verbonden\n\n');
    const listener: Listener = (id, event) => {
      if (id === caseId) res.write(`data: ${JSON.stringify(event)}\n\n`);
    };
    listeners.add(listener);
    const ping = setInterval(() => res.write(': ping\n\n'), 25_000);
    req.raw.on('close', () => {
      clearInterval(ping);
      listeners.delete(listener);
    });
  });
}
