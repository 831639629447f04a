import { may } from '../../shared/access/may.ts';
import type { Participant } from '../../shared/caseModel.ts';
import type { Role } from '../../shared/roles.ts';
import { type EmergencyStarted, emergencyEnd, type StartEmergencyRequest } from '../../shared/emergency.ts';
import { newId } from '../../shared/ids.ts';
import { DomainError } from '../domainError.ts';
import type { Services } from '../services.ts';
import { refuseUnless } from './accessCommands.ts';

/** Emergency accesses one crisis worker may start per hour: breaking the glass is rare. */
const STARTS_PER_HOUR = 5;

export type EmergencyDeps = Pick<Services, 'cases' | 'audit' | 'events'>;

/*
 * Noodtoegang: a crisis worker who is not in the case starts it with a reason and reads the safety
 * sections for a few hours (the policy decides which, `accessFor`). Starting and ending are logged
 * with the reason; the regisseur or the crisis worker can end it early, which closes its sockets.
 */

/** A member of the crisisdienst, as the staff list knows them. */
export interface CrisisWorker {
  userId: string;
  role: Role;
  organisationId: string;
}

/** The caller as a crisis worker; anyone else may not ask for emergency access. */
export async function crisisWorker(s: EmergencyDeps, userId: string): Promise<CrisisWorker> {
  const staff = await s.cases.emergency.staffMember(userId);
  if (!staff) throw new DomainError('forbidden', 'Alleen de crisisdienst kan noodtoegang vragen. Hoor je bij deze zaak, vraag dan de regisseur je toe te voegen.');
  return { userId, ...staff };
}

/** Starts an emergency access of a crisis worker to a case; a case that does not exist is `not_found` on `caseId`. */
export async function startEmergency(s: EmergencyDeps, staff: CrisisWorker, request: StartEmergencyRequest): Promise<EmergencyStarted> {
  const { userId } = staff;
  if (!(await s.cases.caseById(request.caseId))) throw new DomainError('not_found', 'caseId: er is geen zaak met dit zaaknummer.', 'caseId');
  if (await s.cases.member(request.caseId, userId)) throw new DomainError('already_in_case', 'Je doet al mee in deze zaak; noodtoegang is niet nodig.');
  if ((await s.cases.emergency.startedSince(userId, new Date(Date.now() - 3_600_000).toISOString())) >= STARTS_PER_HOUR) {
    throw new DomainError('too_many', `Je hebt het afgelopen uur al ${STARTS_PER_HOUR} keer noodtoegang gestart. Voor meer heb je de regisseur van de zaak nodig.`);
  }
  const now = new Date();
  const until = emergencyEnd(now);
  await s.cases.emergency.start({
    id: newId('nood'),
    case_id: request.caseId,
    user_id: userId,
    role: staff.role,
    organisation_id: staff.organisationId,
    reason: request.reason,
    started_at: now.toISOString(),
    until,
  });
  await s.audit.record({ event: 'noodtoegang', caseId: request.caseId, userId, role: staff.role, organisationId: staff.organisationId, detail: request.reason });
  s.events.publish({ type: 'access-changed', caseId: request.caseId });
  return { caseId: request.caseId, until };
}

/** Ends an emergency access: one's own, or (the regisseur) someone else's. */
export async function endEmergency(s: EmergencyDeps, me: Participant, caseId: string, accessId: string): Promise<void> {
  const own = me.emergency?.id === accessId;
  refuseUnless(may(me, 'end-emergency', { own }));
  const who = own ? me : (await s.cases.participants(caseId)).find((p) => p.emergency?.id === accessId);
  if (!who || !(await s.cases.emergency.end(caseId, who.userId, me.userId, new Date().toISOString()))) throw new DomainError('not_found', 'Niet gevonden.');
  await s.audit.record({ event: 'noodtoegang-beeindigd', caseId, userId: me.userId, role: me.role, organisationId: me.organisationId, detail: who.name });
  s.events.publish({ type: 'access-changed', caseId });
}
