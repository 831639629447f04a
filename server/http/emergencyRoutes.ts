import type { FastifyInstance } from 'fastify';
import { may } from '../../shared/access/may.ts';
import { z } from 'zod';
import { type EmergencyStarted, emergencyEnd, StartEmergencyRequest } from '../../shared/emergency.ts';
import { newId } from '../../shared/ids.ts';
import type { Services } from '../services.ts';
import { HttpError, notFound, parse } from './errors.ts';
import { requireParticipant, requireUser } from './requestContext.ts';

/**
 * Noodtoegang: a crisis worker who is not in the case starts it with a reason and reads the safety
 * sections for a few hours (the policy decides which, `accessFor`). Starting and ending are logged
 * with the reason; the regisseur or the crisis worker can end it early, which closes its sockets.
 */
/** Emergency accesses one crisis worker may start per hour, and unknown case numbers per 15 minutes. */
const STARTS_PER_HOUR = 5;
const WRONG_CASE_NUMBERS = 10;

export function emergencyRoutes(app: FastifyInstance, s: Services): void {
  app.post('/api/emergency-access', async (req, reply): Promise<EmergencyStarted> => {
    const user = await requireUser(s, req);
    const staff = await s.cases.emergency.staffMember(user.id);
    if (!staff) throw new HttpError(403, 'forbidden', 'Alleen de crisisdienst kan noodtoegang vragen. Hoor je bij deze zaak, vraag dan de regisseur je toe te voegen.');
    const body = parse(StartEmergencyRequest, req.body);
    // Breaking the glass is rare: many starts in an hour, or guessing case numbers, is stopped.
    const guesses = [{ key: `nood:${user.id}`, max: WRONG_CASE_NUMBERS }];
    const wait = s.throttle.retryAfter(guesses);
    if (wait > 0) {
      reply.header('Retry-After', String(wait));
      throw new HttpError(429, 'too_many_attempts', `Te veel onbekende zaaknummers. Probeer het over ${Math.ceil(wait / 60)} minuten opnieuw.`);
    }
    if (!(await s.cases.caseById(body.caseId))) {
      s.throttle.fail(guesses);
      throw new HttpError(404, 'not_found', 'caseId: er is geen zaak met dit zaaknummer.', 'caseId');
    }
    if (await s.cases.member(body.caseId, user.id)) throw new HttpError(409, 'already_in_case', 'Je doet al mee in deze zaak; noodtoegang is niet nodig.');
    if ((await s.cases.emergency.startedSince(user.id, new Date(Date.now() - 3_600_000).toISOString())) >= STARTS_PER_HOUR) {
      throw new HttpError(429, 'too_many_attempts', `Je hebt het afgelopen uur al ${STARTS_PER_HOUR} keer noodtoegang gestart. Voor meer heb je de regisseur van de zaak nodig.`);
    }
    const now = new Date();
    const until = emergencyEnd(now);
    await s.cases.emergency.start({
      id: newId('nood'),
      case_id: body.caseId,
      user_id: user.id,
      role: staff.role,
      organisation_id: staff.organisationId,
      reason: body.reason,
      started_at: now.toISOString(),
      until,
    });
    await s.audit.record({ event: 'noodtoegang', caseId: body.caseId, userId: user.id, role: staff.role, organisationId: staff.organisationId, detail: body.reason });
    s.fanout.control({ type: 'access-changed', caseId: body.caseId });
    reply.code(201);
    return { caseId: body.caseId, until };
  });

  app.post('/api/cases/:caseId/emergency-access/:accessId/end', async (req) => {
    const { me, caseId } = await requireParticipant(s, req, { emergencyMayEnd: true });
    const accessId = parse(z.string().min(1).max(80), (req.params as { accessId?: unknown }).accessId, 'params');
    const own = me.emergency?.id === accessId;
    const verdict = may(me, 'end-emergency', { own });
    if (!verdict.ok) throw new HttpError(403, 'forbidden', verdict.reason);
    const who = own ? me : (await s.cases.participants(caseId)).find((p) => p.emergency?.id === accessId);
    if (!who || !(await s.cases.emergency.end(caseId, who.userId, me.userId, new Date().toISOString()))) throw notFound();
    await s.audit.record({ event: 'noodtoegang-beeindigd', caseId, userId: me.userId, role: me.role, organisationId: me.organisationId, detail: who.name });
    s.fanout.control({ type: 'access-changed', caseId });
    return { ok: true };
  });
}
