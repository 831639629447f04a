import type { FastifyInstance } from 'fastify';
import { type ReviewView, StatusMove } from '../../shared/review.ts';
import type { Services } from '../services.ts';
import { parse } from './errors.ts';
import { requireSection } from './sectionAccess.ts';

/**
 * Review state of a section (status, approval, reaction period, history of moves) and moving it.
 * Who may move what is `may(me, 'move-status')` (shared/access/may.ts); the service adds the reaction
 * period before `vastgesteld` and binds an approval to the content approved.
 */
export function reviewRoutes(app: FastifyInstance, s: Services): void {
  app.get('/api/cases/:caseId/sections/:sectionId/review', async (req): Promise<ReviewView> => {
    const { caseId, section } = await requireSection(s, req);
    return s.review.view(caseId, section.id);
  });

  app.post('/api/cases/:caseId/sections/:sectionId/status', async (req): Promise<ReviewView> => {
    const { me, section, level } = await requireSection(s, req);
    const move = parse(StatusMove, req.body);
    return s.review.move(me, section, level, move);
  });
}
