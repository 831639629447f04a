import { accessFor } from '../../shared/access/accessFor.ts';
import { may, type Verdict } from '../../shared/access/may.ts';
import type { z } from 'zod';
import type { ConsentRequest, GrantRequest } from '../../shared/api.ts';
import type { AccessGrant, AccessLevel, Consent, Participant } from '../../shared/caseModel.ts';
import { newId } from '../../shared/ids.ts';
import type { AuditEventName } from '../audit/auditLog.ts';
import { DomainError } from '../domainError.ts';
import type { Services } from '../services.ts';
import { mustOpenToSomeone } from './sharing.ts';
import { sectionFor } from './sectionAccess.ts';

/** What an access command needs: the case store, the audit log and the live events. */
export type AccessDeps = Pick<Services, 'cases' | 'audit' | 'events'>;

/*
 * The commands that change who reads a section: a consent or a legal ground, its withdrawal, an
 * explicit grant. Each checks its rule (`may`), writes, logs who changed access (NEN 7513), and
 * has every open socket and stream of the case looked at again, in every process
 * (`access-changed`, to `AccessWatch`). A refusal is a `DomainError`.
 */

/** Gives consent to read one's own section, or records a legal ground that opens it. */
export async function giveConsent(s: AccessDeps, me: Participant, caseId: string, request: ConsentRequest): Promise<Consent> {
  const { section } = await sectionFor(s, me, caseId, request.sectionId);
  const grantee = request.grantee as Consent['grantee'];
  refuseUnless(request.basis === 'toestemming' ? may(me, 'give-consent', { section }) : may(me, 'record-legal-ground', { section, grantee, reason: request.reason }));
  await mustOpenToSomeone(s, caseId, section, grantee, { basis: request.basis, until: request.until });
  const consent: Consent = {
    id: newId('tst'),
    caseId: caseId as Consent['caseId'],
    sectionInstanceId: section.id,
    basis: request.basis,
    grantee,
    reason: request.reason,
    givenBy: me.userId,
    givenAt: new Date().toISOString(),
    until: request.until,
    withdrawnAt: null,
  };
  await s.cases.addConsent(consent);
  await accessChanged(s, me, caseId, 'toestemming-gegeven', section.id, JSON.stringify({ basis: consent.basis, grantee: consent.grantee }));
  return consent;
}

/** Withdraws a consent or legal ground: whoever gave it, or (for a legal ground) who may record one. */
export async function withdrawConsent(s: AccessDeps, me: Participant, caseId: string, consentId: string): Promise<void> {
  const consent = (await s.cases.consents(caseId)).find((c) => c.id === consentId);
  if (!consent) throw new DomainError('not_found', 'Niet gevonden.');
  refuseUnless(may(me, 'withdraw-consent', { consent }));
  await s.cases.withdrawConsent(caseId, consentId, new Date().toISOString());
  await accessChanged(s, me, caseId, 'toestemming-ingetrokken', consent.sectionInstanceId);
}

/**
 * Gives one participant an explicit level on a section, with a reason. Answers what the grant
 * achieves after legal locks, so the regisseur sees when a lock wins.
 */
export async function grantAccess(s: AccessDeps, me: Participant, caseId: string, request: z.infer<typeof GrantRequest>): Promise<{ grant: AccessGrant; effective: AccessLevel }> {
  refuseUnless(may(me, 'manage-grants', null));
  const [{ section }, target] = await Promise.all([sectionFor(s, me, caseId, request.sectionId), s.cases.participant(caseId, request.userId)]);
  if (!target) throw new DomainError('not_found', 'Niet gevonden.');
  const grant: AccessGrant = {
    id: newId('tgk'),
    caseId: caseId as AccessGrant['caseId'],
    sectionInstanceId: section.id,
    userId: target.userId,
    level: request.level,
    reason: request.reason,
    grantedBy: me.userId,
    grantedAt: new Date().toISOString(),
  };
  await s.cases.addGrant(grant);
  await accessChanged(s, me, caseId, 'toegang-gewijzigd', section.id, JSON.stringify({ voor: target.userId, niveau: request.level, reden: request.reason }));
  return { grant, effective: accessFor(target, section, await s.cases.accessContext(caseId)).level };
}

/** Takes a participant out of the case; their open sockets and streams close at once. */
export async function removeParticipant(s: AccessDeps, me: Participant, caseId: string, userId: string): Promise<void> {
  refuseUnless(may(me, 'manage-participants', null));
  if (userId === me.userId) throw new DomainError('invalid', 'je kunt jezelf niet verwijderen.', 'userId');
  if (!(await s.cases.removeParticipant(caseId, userId, new Date().toISOString()))) throw new DomainError('not_found', 'Niet gevonden.');
  await accessChanged(s, me, caseId, 'deelnemer-verwijderd', null, userId);
}

/** A refusal of `may`: bad input when it is about a field, else not allowed. */
export function refuseUnless(verdict: Verdict): void {
  if (verdict.ok) return;
  throw verdict.field ? new DomainError('invalid', verdict.reason, verdict.field) : new DomainError('forbidden', verdict.reason, verdict.about);
}

/** Records who changed access, then has everything open of the case looked at again. */
async function accessChanged(s: AccessDeps, me: Participant, caseId: string, event: AuditEventName, sectionId: string | null, detail?: string): Promise<void> {
  await s.audit.record({ event, caseId, sectionId, userId: me.userId, role: me.role, organisationId: me.organisationId, detail: detail ?? null });
  s.events.publish({ type: 'access-changed', caseId });
}
