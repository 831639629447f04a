import { may } from '../../shared/access/may.ts';
import type { Participant } from '../../shared/caseModel.ts';
import { newId } from '../../shared/ids.ts';
import { ownRightsFrom } from '../../shared/ownRights.ts';
import { answerDueOn, type DestructionAnswer, type DestructionRequests, type NewDestructionRequest } from '../../shared/retention.ts';
import type { NameOf } from '../directory/names.ts';
import { DomainError } from '../domainError.ts';
import { notify } from '../notices/notices.ts';
import type { CaseStore } from '../store/caseStore.ts';
import { type DestroyedMailDeps, queueDestroyedMails, toldOfDestruction } from './destroyedMails.ts';
import { destroyCase, type RetentionDeps } from './retention.ts';

export interface RequestDeps extends RetentionDeps, Pick<DestroyedMailDeps, 'mail'> {
  cases: Pick<CaseStore, 'persons' | 'participants'>;
  namesOf(ids: Iterable<string>): Promise<NameOf>;
}

const auditOf = (me: Participant, caseId: string) => ({ caseId, userId: me.userId, role: me.role, organisationId: me.organisationId });

/** Whether the person this participant represents has turned 16 (their birth date, in the Netherlands). */
async function hasOwnRights(d: RequestDeps, me: Participant, caseId: string): Promise<boolean> {
  if (me.personId === null) return false;
  const person = (await d.cases.persons(caseId)).find((p) => p.id === me.personId);
  return !!person?.birth_date && ownRightsFrom(person.birth_date) <= new Date().toISOString();
}

const mayFile = async (d: RequestDeps, me: Participant, caseId: string) => may(me, 'request-destruction', { ownRights: await hasOwnRights(d, me, caseId) });

/**
 * The family asks to destroy the case (Jeugdwet art. 7.3.9): a parent, or the young person from
 * 16. Recorded with its day; the answer is due 3 months later. Logged without the explanation.
 */
export async function fileRequest(d: RequestDeps, me: Participant, caseId: string, body: NewDestructionRequest): Promise<DestructionRequests> {
  const verdict = await mayFile(d, me, caseId);
  if (!verdict.ok) throw new DomainError('forbidden', verdict.reason);
  const now = new Date();
  const id = newId('vv');
  const dueOn = answerDueOn(now);
  const row = { id, case_id: caseId, filed_by: me.userId, filed_at: now.toISOString(), due_on: dueOn, explanation: body.explanation || null, status: 'open', answer: null, answered_by: null, answered_at: null };
  if (!(await d.retention.file(row))) throw new DomainError('conflict', 'Je hebt al gevraagd om het dossier te vernietigen. Je krijgt eerst antwoord op die vraag.');
  await d.audit.record({ ...auditOf(me, caseId), event: 'vernietigingsverzoek-ingediend', detail: JSON.stringify({ verzoek: id, antwoordUiterlijk: dueOn }) });
  // Who answers hears of it at once, with the day the answer is due (and sees it in "Mijn zaken").
  for (const p of await d.cases.participants(caseId)) {
    if (may(p, 'answer-destruction', null).ok) await notify(d, { kind: 'vernietiging-gevraagd', userId: p.userId, caseId, link: `/zaken/${caseId}/deelnemers`, until: dueOn, key: `vernietiging:${id}` });
  }
  d.events.publish({ type: 'case-changed', caseId, what: 'status' });
  return listRequests(d, me, caseId);
}

/** The requests the caller may read: the family their own, professionals every one. */
export async function listRequests(d: RequestDeps, me: Participant, caseId: string): Promise<DestructionRequests> {
  const rows = (await d.retention.requests(caseId)).filter((r) => may(me, 'read-destruction-request', { filedBy: r.filed_by }).ok);
  const name = await d.namesOf(rows.flatMap((r) => [r.filed_by, r.answered_by ?? '']));
  const filing = await mayFile(d, me, caseId);
  const waiting = rows.some((r) => r.filed_by === me.userId && r.status === 'open');
  return {
    mayFile: filing.ok && !waiting,
    // Why not, to the people the file is about only: the young person under 16 hears she may ask from 16.
    whyNot: filing.ok || !may(me, 'hear-of-destruction', null).ok ? null : filing.reason,
    requests: rows.map((r) => ({
      id: r.id,
      filedBy: name(r.filed_by),
      filedAt: r.filed_at,
      dueOn: r.due_on,
      explanation: r.explanation,
      status: r.status === 'geweigerd' ? 'geweigerd' : 'open',
      answer: r.status === 'geweigerd' ? { reason: r.answer ?? '', by: name(r.answered_by ?? ''), at: r.answered_at ?? '' } : null,
    })),
  };
}

/**
 * The regisseur answers an open request. Refused: with the written reason, which the family
 * reads. Carried out: the case is destroyed whole, as the retention job does, and only when it is
 * closed (so no one writes in it meanwhile) and no legal hold keeps it. Returns null when the case is gone.
 */
export async function answerRequest(d: RequestDeps, me: Participant, caseId: string, id: string, body: DestructionAnswer): Promise<DestructionRequests | null> {
  const verdict = may(me, 'answer-destruction', null);
  if (!verdict.ok) throw new DomainError('forbidden', verdict.reason);
  const request = await d.retention.request(caseId, id);
  if (!request) throw new DomainError('not_found', 'Dit verzoek is niet gevonden.');
  if (request.status !== 'open') throw new DomainError('conflict', 'Dit verzoek is al beantwoord.');
  if (body.decision === 'weigeren') {
    if (!(await d.retention.refuse(caseId, id, me.userId, body.reason, new Date().toISOString()))) throw new DomainError('conflict', 'Dit verzoek is al beantwoord.');
    await d.audit.record({ ...auditOf(me, caseId), event: 'vernietigingsverzoek-geweigerd', detail: JSON.stringify({ verzoek: id }) });
    await notify(d, { kind: 'vernietiging-beantwoord', userId: request.filed_by, caseId, link: `/zaken/${caseId}/thuis`, key: `vernietiging-antwoord:${id}` });
    d.events.publish({ type: 'case-changed', caseId, what: 'status' });
    return listRequests(d, me, caseId);
  }
  if (await d.retention.activeHold(caseId)) throw new DomainError('conflict', 'Op deze zaak ligt een bewaarplicht. Zolang die er ligt, wordt de zaak niet vernietigd.');
  if (!(await d.closing.record(caseId))?.closedAt) throw new DomainError('conflict', 'Sluit de zaak eerst; daarna kun je het verzoek uitvoeren.');
  const told = await toldOfDestruction(d, caseId);
  let mails: string[] = [];
  const destroyed = await destroyCase(d, caseId, { grond: 'verzoek', verzoek: id }, async (trx) => {
    mails = await queueDestroyedMails(d, trx, told);
  });
  if (destroyed === null) throw new DomainError('conflict', 'Op deze zaak ligt een bewaarplicht. Zolang die er ligt, wordt de zaak niet vernietigd.');
  await d.audit.record({ ...auditOf(me, caseId), event: 'vernietigingsverzoek-uitgevoerd', detail: JSON.stringify({ verzoek: id }) });
  // Sent now; what the SMTP server does not take (or a failing database keeps) the queue's sweep
  // sends later, in any process: the case is gone either way, so the answer says so.
  await d.mail.retryDue(new Date(), mails).catch(() => 0);
  return null;
}
