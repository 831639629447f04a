import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { accessFor } from '../../shared/access/accessFor.ts';
import { ConsentRequest, GrantRequest } from '../../shared/api.ts';
import type { Consent } from '../../shared/caseModel.ts';
import { newId } from '../../shared/ids.ts';
import { may } from '../../shared/access/may.ts';
import { mustOpenToSomeone } from '../access/sharing.ts';
import type { AuditEventName } from '../audit/auditLog.ts';
import type { Services } from '../services.ts';
import { HttpError, notFound, parse } from './errors.ts';
import { requireParticipant } from './requestContext.ts';
import { readableAmong, sectionFor } from './sectionAccess.ts';

type Actor = Awaited<ReturnType<typeof requireParticipant>>['me'];

const forbidden = (message: string) => new HttpError(403, 'forbidden', message);

/** Consents, legal grounds and explicit grants; every change re-checks open sockets at once. */
export function accessRoutes(app: FastifyInstance, s: Services): void {
  /** Records who changed access to a section, then has every open socket and stream of the case re-checked. */
  const accessChanged = async (me: Actor, caseId: string, event: AuditEventName, sectionId: string, detail?: string) => {
    await s.audit.record({ event, caseId, sectionId, userId: me.userId, role: me.role, organisationId: me.organisationId, ...(detail === undefined ? {} : { detail }) });
    s.fanout.control({ type: 'access-changed', caseId });
  };

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
    await mustOpenToSomeone(s, caseId, section, grantee);
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
    await accessChanged(me, caseId, 'toestemming-gegeven', section.id, JSON.stringify({ basis: consent.basis, grantee: consent.grantee }));
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
    await accessChanged(me, caseId, 'toestemming-ingetrokken', consent.sectionInstanceId);
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
    await accessChanged(me, caseId, 'toegang-gewijzigd', section.id, JSON.stringify({ voor: target.userId, niveau: body.level, reden: body.reason }));
    // What the grant achieves after legal locks, so the regisseur sees when a lock wins.
    const effective = accessFor(target, section, await s.cases.accessContext(caseId));
    return { grant, effective: effective.level };
  });
}
