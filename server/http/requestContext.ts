import type { FastifyRequest } from 'fastify';
import type { Verdict } from '../../shared/access/may.ts';
import type { Participant } from '../../shared/caseModel.ts';
import { CaseId } from '../../shared/ids.ts';
import { SESSION_COOKIE } from '../../shared/protocol.ts';
import type { SessionUser } from '../auth/sessions.ts';
import type { Services } from '../services.ts';
import { HttpError, notFound, parse } from './errors.ts';

export async function requireUser(s: Services, req: FastifyRequest): Promise<SessionUser> {
  const user = await s.sessions.userFor(req.cookies[SESSION_COOKIE]);
  if (!user) throw new HttpError(401, 'not_signed_in', 'Je bent niet ingelogd.');
  return user;
}

/**
 * The caller as a participant of the case in the URL. Not being in the case gives the same 404
 * as an unknown case, so case ids cannot be probed. Under emergency access the caller only reads:
 * every request that changes something is refused here, whatever the role would allow, except
 * ending that access (`emergencyMayEnd`).
 */
export async function requireParticipant(
  s: Services,
  req: FastifyRequest,
  opts: { emergencyMayEnd?: boolean } = {},
): Promise<{ user: SessionUser; me: Participant; caseId: string }> {
  const user = await requireUser(s, req);
  const caseId = parse(CaseId, (req.params as { caseId?: unknown }).caseId, 'params');
  const me = await s.cases.participant(caseId, user.id);
  if (!me) throw notFound();
  const reading = req.method === 'GET' || req.method === 'HEAD';
  if (me.emergency && !reading && !opts.emergencyMayEnd) throw new HttpError(403, 'emergency_read_only', 'Met noodtoegang kun je alleen lezen.');
  return { user, me, caseId };
}

/** Refuses with 403 where `may` says no: under emergency access with the code that says so. */
export function mustMay(me: Participant, verdict: Verdict): void {
  if (!verdict.ok) throw new HttpError(403, me.emergency ? 'emergency_read_only' : 'forbidden', verdict.reason);
}
