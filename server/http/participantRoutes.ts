import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { may } from '../../shared/access/may.ts';
import { AcceptInvitation, FamilyInvitation, ProfessionalInvitation } from '../../shared/api.ts';
import { NetworkInvitation } from '../../shared/invitationsApi.ts';
import { SESSION_COOKIE } from '../../shared/protocol.ts';
import { isFamilyRole, Role } from '../../shared/roles.ts';
import { refuseUnless, removeParticipant } from '../access/accessCommands.ts';
import { mailQueueOf } from '../mail/mailQueue.ts';
import { invite, listInvitations, resendInvitation, revokeInvitation } from '../participants/inviteCommands.ts';
import type { Services } from '../services.ts';
import { CaseSetupStore, closingStore } from '../store/caseSetupStore.ts';
import { HttpError, parse } from './errors.ts';
import { requireParticipant } from './requestContext.ts';

const Token = z.string().min(10).max(100);
const InvitationParams = z.object({ id: z.string().min(10).max(40) });

/**
 * Invitations and removal of participants, by the regisseur (the rules are in
 * participants/inviteCommands.ts and participants/invitations.ts).
 */
export function participantRoutes(app: FastifyInstance, s: Services): void {
  const mail = mailQueueOf(s);
  app.addHook('onClose', async () => mail.stop());
  const deps = {
    sql: s.sql,
    invitations: s.invitations,
    mail,
    audit: s.audit,
    events: s.events,
    publicOrigin: s.publicOrigin,
    persons: { cases: s.cases, setup: new CaseSetupStore(s.sql), audit: s.audit, events: s.events, documents: s.documents },
  };

  const closing = closingStore(s.sql);
  /** Nobody new comes into a closed case. */
  const open = async (caseId: string) => {
    if ((await closing.record(caseId))?.closedAt) throw new HttpError(409, 'closed', 'Deze zaak is gesloten; er kan niemand meer bij komen.');
  };

  app.post('/api/cases/:caseId/invitations', async (req) => {
    const { me, caseId } = await requireParticipant(s, req);
    const verdict = may(me, 'manage-participants', null);
    if (!verdict.ok) throw new HttpError(403, 'forbidden', verdict.reason);
    await open(caseId);
    // The role sent decides which kind of invitation this is; for a professional, only the directory's role counts.
    const { role, personId } = parse(z.object({ role: Role.optional(), personId: z.unknown().optional() }), req.body);
    if (role === 'netwerk' && personId === undefined) return invite(deps, me, caseId, { network: parse(NetworkInvitation, req.body) });
    if (role !== undefined && isFamilyRole(role)) return invite(deps, me, caseId, { family: parse(FamilyInvitation, req.body) });
    return invite(deps, me, caseId, { professional: parse(ProfessionalInvitation, req.body) });
  });

  app.get('/api/cases/:caseId/invitations', async (req) => {
    const { me, caseId } = await requireParticipant(s, req);
    return listInvitations(deps, me, caseId);
  });

  app.delete('/api/cases/:caseId/invitations/:id', async (req) => {
    const { me, caseId } = await requireParticipant(s, req);
    await revokeInvitation(deps, me, caseId, parse(InvitationParams, req.params, 'params').id);
    return { ok: true };
  });

  app.post('/api/cases/:caseId/invitations/:id/resend', async (req) => {
    const { me, caseId } = await requireParticipant(s, req);
    await open(caseId);
    return resendInvitation(deps, me, caseId, parse(InvitationParams, req.params, 'params').id);
  });

  app.get('/api/invitations/:token', async (req) => {
    const invitation = await s.invitations.open(parse(Token, (req.params as { token: string }).token, 'params'));
    const kase = await s.cases.caseById(invitation.case_id);
    return { caseTitle: kase?.title ?? '', name: invitation.name, email: invitation.email, role: invitation.role };
  });

  app.post('/api/invitations/:token', async (req, reply) => {
    const token = parse(Token, (req.params as { token: string }).token, 'params');
    const { password } = parse(AcceptInvitation, req.body);
    const { userId, caseId } = await s.invitations.accept(token, password);
    const session = await s.sessions.create(userId);
    reply.setCookie(SESSION_COOKIE, session, { httpOnly: true, sameSite: 'lax', path: '/' });
    return { caseId };
  });

  app.delete('/api/cases/:caseId/participants/:userId', async (req) => {
    const { me, caseId } = await requireParticipant(s, req);
    refuseUnless(may(me, 'manage-participants', null));
    await removeParticipant(s, me, caseId, parse(z.string().min(1).max(80), (req.params as { userId: string }).userId, 'params'));
    return { ok: true };
  });
}
