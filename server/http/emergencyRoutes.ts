import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { type EmergencyStarted, StartEmergencyRequest } from '../../shared/emergency.ts';
import { crisisWorker, endEmergency, startEmergency } from '../access/emergencyCommands.ts';
import { DomainError } from '../domainError.ts';
import type { Services } from '../services.ts';
import { HttpError, parse } from './errors.ts';
import { requireParticipant, requireUser } from './requestContext.ts';

/** Unknown case numbers one crisis worker may try per 15 minutes: guessing is stopped. */
const WRONG_CASE_NUMBERS = 10;

/** Noodtoegang (access/emergencyCommands.ts), with the guessing of case numbers slowed down here. */
export function emergencyRoutes(app: FastifyInstance, s: Services): void {
  app.post('/api/emergency-access', async (req, reply): Promise<EmergencyStarted> => {
    const user = await requireUser(s, req);
    const staff = await crisisWorker(s, user.id);
    const body = parse(StartEmergencyRequest, req.body);
    const guesses = [{ key: `nood:${user.id}`, max: WRONG_CASE_NUMBERS }];
    const wait = s.throttle.retryAfter(guesses);
    if (wait > 0) {
      reply.header('Retry-After', String(wait));
      throw new HttpError(429, 'too_many_attempts', `Te veel onbekende zaaknummers. Probeer het over ${Math.ceil(wait / 60)} minuten opnieuw.`);
    }
    try {
      const started = await startEmergency(s, staff, body);
      reply.code(201);
      return started;
    } catch (e) {
      if (e instanceof DomainError && e.kind === 'not_found') s.throttle.fail(guesses);
      throw e;
    }
  });

  app.post('/api/cases/:caseId/emergency-access/:accessId/end', async (req) => {
    const { me, caseId } = await requireParticipant(s, req, { emergencyMayEnd: true });
    await endEmergency(s, me, caseId, parse(z.string().min(1).max(80), (req.params as { accessId?: unknown }).accessId, 'params'));
    return { ok: true };
  });
}
