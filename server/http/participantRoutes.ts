import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { may } from '../../shared/access/may.ts';
import { AcceptInvitation, FamilyInvitation, ProfessionalInvitation } from '../../shared/api.ts';
import { SESSION_COOKIE } from '../../shared/protocol.ts';
import { isFamilyRole, Role } from '../../shared/roles.ts';
import { invitationMail } from '../mail/invitationMail.ts';
import type { Services } from '../services.ts';
import { HttpError, notFound, parse } from './errors.ts';
import { requireParticipant } from './requestContext.ts';

const Token = z.string().min(10).max(100);

/** Invitations (a one-time link; the rules are in participants/invitations.ts) and removal of participants, by the regisseur. */
export function participantRoutes(app: FastifyInstance, s: Services): void {
  app.post('/api/cases/:caseId/invitations', async (req) => {
    const { me, caseId } = await requireParticipant(s, req);
    const verdict = may(me, 'manage-participants', null);
    if (!verdict.ok) throw new HttpError(403, 'forbidden', verdict.reason);
    // The role sent decides which kind of invitation this is; for a professional, only the directory's role counts.
    const { role } = parse(z.object({ role: Role.optional() }), req.body);
    let token: string;
    let invitedRole: Role;
    let email: string;
    let name: string;
    if (role !== undefined && isFamilyRole(role)) {
      const body = parse(FamilyInvitation, req.body);
      token = await s.invitations.inviteFamily(me, caseId, body);
      invitedRole = body.role;
      ({ email, name } = body);
    } else {
      const body = parse(ProfessionalInvitation, req.body);
      ({ token, role: invitedRole } = await s.invitations.inviteProfessional(me, caseId, body));
      email = body.email;
      name = (await s.directory.professionalByEmail(email))?.name ?? email;
    }
    await s.audit.record({ event: 'uitnodiging', caseId, userId: me.userId, role: me.role, organisationId: me.organisationId, detail: JSON.stringify({ email, rol: invitedRole }) });
    const link = `${s.publicOrigin()}/uitnodiging/${token}`;
    // Not mailed (no SMTP server, or it failed): the regisseur passes the link on herself.
    const mailed = (await s.mailer.send(invitationMail({ to: email, inviteeName: name, inviterName: me.name, link }))) === 'sent';
    return { link, mailed };
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
    const verdict = may(me, 'manage-participants', null);
    if (!verdict.ok) throw new HttpError(403, 'forbidden', verdict.reason);
    const userId = parse(z.string().min(1).max(80), (req.params as { userId: string }).userId, 'params');
    if (userId === me.userId) throw new HttpError(400, 'invalid_input', 'userId: je kunt jezelf niet verwijderen.', 'userId');
    if (!(await s.cases.removeParticipant(caseId, userId, new Date().toISOString()))) throw notFound();
    await s.audit.record({ event: 'deelnemer-verwijderd', caseId, userId: me.userId, role: me.role, organisationId: me.organisationId, detail: userId });
    s.fanout.control({ type: 'access-changed', caseId });
    return { ok: true };
  });
}
