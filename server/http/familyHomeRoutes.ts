import type { FastifyInstance } from 'fastify';
import { type FamilyHome, FamilyHomeQuery } from '../../shared/familyHome.ts';
import { familyHomeFor } from '../family/familyHome.ts';
import type { Services } from '../services.ts';
import { parse } from './errors.ts';
import { requireParticipant } from './requestContext.ts';
import { readableSections } from './sectionAccess.ts';

/**
 * `GET /api/cases/:caseId/home`: the family's home page, from the sections the caller may read.
 * Each read is a NEN 7513 event (`thuis-bekeken`), and the previous one is "my last visit"; a
 * page that re-reads live passes the visit it started from as `?since=`.
 */
export function familyHomeRoutes(app: FastifyInstance, s: Services): void {
  app.get('/api/cases/:caseId/home', async (req): Promise<FamilyHome> => {
    const { me, caseId } = await requireParticipant(s, req);
    const query = parse(FamilyHomeQuery, req.query, 'query');
    const since = query.since ?? (await s.audit.lastAt(caseId, me.userId, 'thuis-bekeken'));
    const readable = await readableSections(s, me, caseId);
    const home = await familyHomeFor(s, me, caseId, readable, since);
    await s.audit.record({
      event: 'thuis-bekeken',
      caseId,
      userId: me.userId,
      role: me.role,
      organisationId: me.organisationId,
      detail: JSON.stringify({ secties: readable.length, ...(me.emergency ? { noodtoegang: true } : {}) }),
    });
    return home;
  });
}
