import type { FastifyInstance } from 'fastify';
import { AuditQuery, type AuditLogView } from '../../shared/api.ts';
import { logView } from '../audit/logView.ts';
import type { Services } from '../services.ts';
import { parse } from './errors.ts';
import { requireParticipant } from './requestContext.ts';

/** The case's audit log, as this reader may read it (audit/logView.ts). */
export function auditRoutes(app: FastifyInstance, s: Services): void {
  app.get('/api/cases/:caseId/audit', async (req): Promise<AuditLogView> => {
    const { me, caseId } = await requireParticipant(s, req);
    return logView(s, me, caseId, parse(AuditQuery, req.query, 'query'));
  });
}
