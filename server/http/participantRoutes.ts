import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AcceptInvitation, InvitationRequest } from '../../shared/api.ts';
import { newId } from '../../shared/ids.ts';
import { isFamilyRole } from '../../shared/roles.ts';
import { SESSION_COOKIE } from '../../shared/protocol.ts';
import { hashPassword, verifyPassword } from '../auth/password.ts';
import type { Services } from '../services.ts';
import { HttpError, notFound, parse } from './errors.ts';
import { requireParticipant } from './requestContext.ts';

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');
const INVITATION_DAYS = 14;

/** Invitations (a one-time link, no mail server) and removal of participants, by the regisseur. */
export function participantRoutes(app: FastifyInstance, s: Services): void {
  app.post('/api/cases/:caseId/invitations', async (req) => {
    const { me, caseId } = await requireParticipant(s, req);
    if (me.role !== 'regisseur') throw new HttpError(403, 'forbidden', 'Alleen de regisseur nodigt mensen uit.');
    const body = parse(InvitationRequest, req.body);
    if (isFamilyRole(body.role)) {
      const persons = await s.cases.persons(caseId);
      if (!body.personId || !persons.some((p) => p.id === body.personId)) {
        throw new HttpError(400, 'invalid_input', 'personId: kies welk gezinslid deze persoon is.', 'personId');
      }
    }
    const token = randomBytes(24).toString('base64url');
    await s.sql.db
      .insertInto('invitations')
      .values({
        token_hash: hashToken(token),
        case_id: caseId,
        email: body.email,
        name: body.name,
        role: body.role,
        organisation_id: isFamilyRole(body.role) ? 'gezin' : body.organisationId,
        person_id: isFamilyRole(body.role) ? body.personId : null,
        created_by: me.userId,
        created_at: new Date().toISOString(),
        used_at: null,
      })
      .execute();
    await s.audit.record({ event: 'uitnodiging', caseId, userId: me.userId, role: me.role, organisationId: me.organisationId, detail: JSON.stringify({ email: body.email, rol: body.role }) });
    return { link: `${s.publicOrigin()}/uitnodiging/${token}` };
  });

  app.get('/api/invitations/:token', async (req) => {
    const invitation = await openInvitation(s, (req.params as { token: string }).token);
    const kase = await s.cases.caseById(invitation.case_id);
    return { caseTitle: kase?.title ?? '', name: invitation.name, email: invitation.email, role: invitation.role };
  });

  app.post('/api/invitations/:token', async (req, reply) => {
    const token = (req.params as { token: string }).token;
    const invitation = await openInvitation(s, token);
    const { password } = parse(AcceptInvitation, req.body);
    const now = new Date().toISOString();
    const existing = await s.sql.db.selectFrom('users').select(['id', 'password_hash']).where('email', '=', invitation.email).executeTakeFirst();
    // Someone who already has an account proves it with their own password: an invitation link
    // must never be a way into another person's account.
    if (existing && !(await verifyPassword(password, existing.password_hash))) {
      throw new HttpError(401, 'bad_credentials', 'Dit e-mailadres heeft al een account. Vul je eigen wachtwoord in om de uitnodiging aan te nemen.', 'password');
    }
    const userId = existing?.id ?? newId('u');
    await s.sql.db.transaction().execute(async (trx) => {
      const used = await trx.updateTable('invitations').set({ used_at: now }).where('token_hash', '=', hashToken(token)).where('used_at', 'is', null).executeTakeFirst();
      if (Number(used.numUpdatedRows) === 0) throw new HttpError(410, 'used', 'Deze uitnodiging is al gebruikt.');
      if (!existing) {
        await trx.insertInto('users').values({ id: userId, email: invitation.email, name: invitation.name, password_hash: await hashPassword(password), created_at: now }).execute();
      }
      await trx.deleteFrom('participants').where('case_id', '=', invitation.case_id).where('user_id', '=', userId).execute();
      await trx
        .insertInto('participants')
        .values({
          case_id: invitation.case_id,
          user_id: userId,
          role: invitation.role,
          organisation_id: invitation.organisation_id,
          person_id: invitation.person_id,
          added_at: now,
          removed_at: null,
        })
        .execute();
    });
    const session = await s.sessions.create(userId);
    reply.setCookie(SESSION_COOKIE, session, { httpOnly: true, sameSite: 'lax', path: '/' });
    return { caseId: invitation.case_id };
  });

  app.delete('/api/cases/:caseId/participants/:userId', async (req) => {
    const { me, caseId } = await requireParticipant(s, req);
    if (me.role !== 'regisseur') throw new HttpError(403, 'forbidden', 'Alleen de regisseur kan deelnemers verwijderen.');
    const userId = parse(z.string().min(1).max(80), (req.params as { userId: string }).userId, 'params');
    if (userId === me.userId) throw new HttpError(400, 'invalid_input', 'userId: je kunt jezelf niet verwijderen.', 'userId');
    if (!(await s.cases.removeParticipant(caseId, userId, new Date().toISOString()))) throw notFound();
    await s.audit.record({ event: 'deelnemer-verwijderd', caseId, userId: me.userId, role: me.role, organisationId: me.organisationId, detail: userId });
    s.fanout.control({ type: 'access-changed', caseId });
    return { ok: true };
  });
}

async function openInvitation(s: Services, token: unknown) {
  const t = parse(z.string().min(10).max(100), token, 'params');
  const row = await s.sql.db.selectFrom('invitations').selectAll().where('token_hash', '=', hashToken(t)).executeTakeFirst();
  if (!row) throw notFound();
  if (row.used_at) throw new HttpError(410, 'used', 'Deze uitnodiging is al gebruikt.');
  if (Date.parse(row.created_at) + INVITATION_DAYS * 86_400_000 < Date.now()) throw new HttpError(410, 'expired', 'Deze uitnodiging is verlopen.');
  return row;
}
