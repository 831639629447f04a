import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ConsentRequest, GrantRequest } from '../../shared/api.ts';
import { may } from '../../shared/access/may.ts';
import { giveConsent, grantAccess, refuseUnless, withdrawConsent } from '../access/accessCommands.ts';
import type { Services } from '../services.ts';
import { parse } from './errors.ts';
import { requireParticipant } from './requestContext.ts';
import { readableAmong } from './sectionAccess.ts';

/** Consents, legal grounds and explicit grants (access/accessCommands.ts); every change re-checks open sockets at once. */
export function accessRoutes(app: FastifyInstance, s: Services): void {
  app.get('/api/cases/:caseId/consents', async (req) => {
    const { me, caseId } = await requireParticipant(s, req);
    const [sections, ctx] = await Promise.all([s.cases.sections(caseId), s.cases.accessContext(caseId)]);
    const visible = new Set(readableAmong(me, caseId, sections, ctx).map((r) => r.section.id));
    return ctx.consents.filter((c) => visible.has(c.sectionInstanceId));
  });

  app.post('/api/cases/:caseId/consents', async (req) => {
    const { me, caseId } = await requireParticipant(s, req);
    return giveConsent(s, me, caseId, parse(ConsentRequest, req.body));
  });

  app.post('/api/cases/:caseId/consents/:consentId/withdraw', async (req) => {
    const { me, caseId } = await requireParticipant(s, req);
    await withdrawConsent(s, me, caseId, parse(z.string().min(1).max(80), (req.params as { consentId: string }).consentId, 'params'));
    return { ok: true };
  });

  app.post('/api/cases/:caseId/grants', async (req) => {
    const { me, caseId } = await requireParticipant(s, req);
    // Asked before the body is read: who may not grant learns nothing from its validation.
    refuseUnless(may(me, 'manage-grants', null));
    return grantAccess(s, me, caseId, parse(GrantRequest, req.body));
  });
}
