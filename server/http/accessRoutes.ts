import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { accessFor } from '../../shared/access/accessFor.ts';
import { ConsentRequest, GrantRequest } from '../../shared/api.ts';
import type { Consent } from '../../shared/caseModel.ts';
import { newId } from '../../shared/ids.ts';
import { may } from '../../shared/access/may.ts';
import type { Services } from '../services.ts';
import { HttpError, notFound, parse } from './errors.ts';
import { requireParticipant } from './requestContext.ts';
import { readableAmong, sectionFor } from './sectionAccess.ts';

const forbidden = (message: string) => new HttpError(403, 'forbidden', message);

/** Consents, legal grounds and explicit grants; every change re-checks open sockets at once. */
export function accessRoutes(app: FastifyInstance, s: Services): void {
  app.get('/api/cases/:caseId/consents', async (req) => {
    const { me, caseId } = await requireParticipant(s, req);
    const [sections, ctx] = await Promise.all([s.cases.sections(caseId), s.cases.accessContext(caseId)]);
    const visible = new Set(readableAmong(me, caseId, sections, ctx).map((r) => r.section.id));
    return ctx.consents.filter((c) => visible.has(c.sectionInstanceId));
  });

  app.post('/api/cases/:caseId/consents', async (req) => {
    const { me, caseId } = await requireParticipant(s, req);
    const body = parse(ConsentRequest, req.body);
    const { section } = await sectionFor(s, me, caseId, body.sectionId);
    const grantee = body.grantee as Consent['grantee'];
    const verdict =
      body.basis === 'toestemming' ? may(me, 'give-consent', { section }) : may(me, 'record-legal-ground', { section, grantee, reason: body.reason });
    if (!verdict.ok) throw verdict.field ? new HttpError(400, 'invalid_input', `${verdict.field}: ${verdict.reason}`, verdict.field) : forbidden(verdict.reason);
    const consent: Consent = {
      id: newId('tst'),
      caseId: caseId as Consent['caseId'],
      sectionInstanceId: section.id,
      basis: body.basis,
      grantee,
      reason: body.reason,
      givenBy: me.userId,
      givenAt: new Date().toISOString(),
      until: body.until,
      withdrawnAt: null,
    };
    await s.cases.addConsent(consent);
    await s.audit.record({
      event: 'toestemming-gegeven',
      caseId,
      sectionId: section.id,
      userId: me.userId,
      role: me.role,
      organisationId: me.organisationId,
      detail: JSON.stringify({ basis: consent.basis, grantee: consent.grantee }),
    });
    s.fanout.control({ type: 'access-changed', caseId });
    return consent;
  });

  app.post('/api/cases/:caseId/consents/:consentId/withdraw', async (req) => {
    const { me, caseId } = await requireParticipant(s, req);
    const consentId = parse(z.string().min(1).max(80), (req.params as { consentId: string }).consentId, 'params');
    const consent = (await s.cases.consents(caseId)).find((c) => c.id === consentId);
    if (!consent) throw notFound();
    const verdict = may(me, 'withdraw-consent', { consent });
    if (!verdict.ok) throw forbidden(verdict.reason);
    await s.cases.withdrawConsent(caseId, consentId, new Date().toISOString());
    await s.audit.record({
      event: 'toestemming-ingetrokken',
      caseId,
      sectionId: consent.sectionInstanceId,
      userId: me.userId,
      role: me.role,
      organisationId: me.organisationId,
    });
    s.fanout.control({ type: 'access-changed', caseId });
    return { ok: true };
  });

  app.post('/api/cases/:caseId/grants', async (req) => {
    const { me, caseId } = await requireParticipant(s, req);
    const verdict = may(me, 'manage-grants', null);
    if (!verdict.ok) throw forbidden(verdict.reason);
    const body = parse(GrantRequest, req.body);
    const [{ section }, target] = await Promise.all([sectionFor(s, me, caseId, body.sectionId), s.cases.participant(caseId, body.userId)]);
    if (!target) throw notFound();
    const grant = {
      id: newId('tgk'),
      caseId: caseId as Consent['caseId'],
      sectionInstanceId: section.id,
      userId: target.userId,
      level: body.level,
      reason: body.reason,
      grantedBy: me.userId,
      grantedAt: new Date().toISOString(),
    };
    await s.cases.addGrant(grant);
    await s.audit.record({
      event: 'toegang-gewijzigd',
      caseId,
      sectionId: section.id,
      userId: me.userId,
      role: me.role,
      organisationId: me.organisationId,
      detail: JSON.stringify({ voor: target.userId, niveau: body.level, reden: body.reason }),
    });
    s.fanout.control({ type: 'access-changed', caseId });
    // What the grant achieves after legal locks, so the regisseur sees when a lock wins.
    const effective = accessFor(target, section, await s.cases.accessContext(caseId));
    return { grant, effective: effective.level };
  });
}
