import type { FastifyInstance } from 'fastify';
import { type Confirmation, ConfirmRequest } from '../../shared/api.ts';
import { confirmAgreement, visibleConfirmations } from '../confirmations/confirmations.ts';
import type { Services } from '../services.ts';
import { parse } from './errors.ts';
import { requireParticipant } from './requestContext.ts';
import { readableSections, sectionFor } from './sectionAccess.ts';

/**
 * Confirmations of safety agreements: those on the sections the caller may read, and confirming
 * one the caller is named in (`confirmations/confirmations.ts` holds the rule).
 */
export function confirmationRoutes(app: FastifyInstance, s: Services): void {
  app.get('/api/cases/:caseId/confirmations', async (req): Promise<Confirmation[]> => {
    const { me, caseId } = await requireParticipant(s, req);
    return visibleConfirmations(s, caseId, await readableSections(s, me, caseId));
  });

  app.post('/api/cases/:caseId/confirmations', async (req): Promise<Confirmation> => {
    const { me, caseId } = await requireParticipant(s, req);
    const body = parse(ConfirmRequest, req.body);
    return confirmAgreement(s, await sectionFor(s, me, caseId, body.sectionId), body.blockId);
  });
}
