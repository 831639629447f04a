import { createHash } from 'node:crypto';
import { may } from '../../shared/access/may.ts';
import type { FamilyInvitation, ProfessionalInvitation } from '../../shared/api.ts';
import type { Participant } from '../../shared/caseModel.ts';
import type { InvitationOutcome, InvitationState, InvitationSummary, MailState, NetworkInvitation } from '../../shared/invitationsApi.ts';
import { Role } from '../../shared/roles.ts';
import type { AuditLog } from '../audit/auditLog.ts';
import { addPerson, type CasePersonsDeps } from '../cases/casePersons.ts';
import { DomainError } from '../domainError.ts';
import type { DomainEvents } from '../events/domainEvents.ts';
import { addedMail, invitationMail } from '../mail/invitationMail.ts';
import type { MailQueue } from '../mail/mailQueue.ts';
import type { SqlStore } from '../store/db.ts';
import type { InvitationsTable } from '../store/schema.ts';
import { expiryOf, hashToken, type Invitations } from './invitations.ts';

export interface InviteDeps {
  sql: SqlStore;
  invitations: Invitations;
  mail: MailQueue;
  audit: AuditLog;
  events: Pick<DomainEvents, 'publish'>;
  publicOrigin: () => string;
  persons: CasePersonsDeps;
}

/**
 * What the regisseur does with invitations: invite (a family or network member by link, a
 * professional from the directory at once), and list, resend or revoke a link. Each checks
 * `may`, writes, logs and mails in one call.
 */
function mayManage(me: Participant): void {
  const verdict = may(me, 'manage-participants', null);
  if (!verdict.ok) throw new DomainError('forbidden', verdict.reason);
}

const auditOf = (me: Participant, caseId: string) => ({ caseId, userId: me.userId, role: me.role, organisationId: me.organisationId });

/** A stable name for an invitation in the API: derived from the token's hash, so it gives away neither. */
export const invitationId = (tokenHash: string) => createHash('sha256').update(`uitnodiging:${tokenHash}`).digest('base64url').slice(0, 22);

/** Sends the link by mail (tried again when the SMTP server is down) and says what the regisseur sees. */
async function mailLink(d: InviteDeps, me: Participant, row: Pick<InvitationsTable, 'email' | 'name'>, token: string): Promise<InvitationOutcome> {
  const link = `${d.publicOrigin()}/uitnodiging/${token}`;
  const sent = await d.mail.send(invitationMail({ to: row.email, inviteeName: row.name, inviterName: me.name, link }), hashToken(token));
  const mail = sent === 'sent' ? 'verstuurd' : sent === 'retrying' ? 'wacht' : 'geen-smtp';
  return { link, mailed: sent === 'sent', mail, added: false };
}

/** Invites a family or network member by link, or adds a professional from the directory. */
export async function invite(
  d: InviteDeps,
  me: Participant,
  caseId: string,
  body: { family: FamilyInvitation } | { network: NetworkInvitation } | { professional: ProfessionalInvitation },
): Promise<InvitationOutcome> {
  mayManage(me);
  if ('professional' in body) {
    const added = await d.invitations.addProfessional(caseId, body.professional);
    await d.audit.record({ ...auditOf(me, caseId), event: 'uitnodiging', detail: JSON.stringify({ account: added.userId, rol: added.role, direct: true }) });
    d.events.publish({ type: 'access-changed', caseId });
    const sent = await d.mail.send(addedMail({ to: added.email, name: added.name, inviterName: me.name, link: `${d.publicOrigin()}/` }));
    return { mailed: sent === 'sent', mail: sent === 'sent' ? 'verstuurd' : sent === 'retrying' ? 'wacht' : 'geen-smtp', added: true };
  }
  let family: FamilyInvitation;
  if ('network' in body) {
    // A teacher or neighbour who is not yet a person of the case becomes one, with their relation.
    const person = await addPerson(d.persons, me, caseId, { name: body.network.name, kind: 'netwerk', relation: body.network.relation });
    family = { name: body.network.name, email: body.network.email, role: 'netwerk', personId: person.id };
  } else family = body.family;
  const token = await d.invitations.inviteFamily(me, caseId, family);
  await d.audit.record({ ...auditOf(me, caseId), event: 'uitnodiging', detail: JSON.stringify({ rol: family.role, persoon: family.personId }) });
  return mailLink(d, me, family, token);
}

function stateOf(row: InvitationsTable, now: number): InvitationState {
  if (row.used_at) return 'gebruikt';
  if (row.revoked_at) return 'ingetrokken';
  return Date.parse(expiryOf(row)) < now ? 'verlopen' : 'open';
}

/** Every invitation of the case, newest first, with its state and how its mail went (for the regisseur). */
export async function listInvitations(d: InviteDeps, me: Participant, caseId: string): Promise<InvitationSummary[]> {
  mayManage(me);
  const rows = await d.sql.db.selectFrom('invitations').selectAll().where('case_id', '=', caseId).orderBy('created_at', 'desc').execute();
  const now = Date.now();
  return rows.map((r) => ({
    id: invitationId(r.token_hash),
    name: r.name,
    email: r.email,
    role: Role.parse(r.role),
    createdAt: r.created_at,
    expiresAt: expiryOf(r),
    state: stateOf(r, now),
    mail: (r.mail_state as MailState | null) ?? null,
  }));
}

/** The invitation of this case with this id, or 404 (also for another case's). */
async function invitationOf(d: InviteDeps, caseId: string, id: string): Promise<InvitationsTable> {
  const rows = await d.sql.db.selectFrom('invitations').selectAll().where('case_id', '=', caseId).execute();
  const row = rows.find((r) => invitationId(r.token_hash) === id);
  if (!row) throw new DomainError('not_found', 'Deze uitnodiging bestaat niet.');
  return row;
}

/** Takes a link back: it no longer works, and a mail still waiting for it is not sent. */
export async function revokeInvitation(d: InviteDeps, me: Participant, caseId: string, id: string): Promise<void> {
  mayManage(me);
  const row = await invitationOf(d, caseId, id);
  if (row.used_at) throw new DomainError('conflict', 'Deze uitnodiging is al gebruikt; haal de persoon zo nodig uit de zaak.');
  if (!row.revoked_at) await d.sql.db.updateTable('invitations').set({ revoked_at: new Date().toISOString() }).where('token_hash', '=', row.token_hash).execute();
  await d.mail.forget(row.token_hash);
  await d.audit.record({ ...auditOf(me, caseId), event: 'uitnodiging-ingetrokken', detail: JSON.stringify({ uitnodiging: id, rol: row.role }) });
}

/**
 * Sends an invitation again with a new link and a new term of 7 days; the old link stops
 * working. For a link that is not used yet (open, expired or revoked).
 */
export async function resendInvitation(d: InviteDeps, me: Participant, caseId: string, id: string): Promise<InvitationOutcome & { id: string }> {
  mayManage(me);
  const row = await invitationOf(d, caseId, id);
  if (row.used_at) throw new DomainError('conflict', 'Deze uitnodiging is al gebruikt.');
  // The person may have left the case since: then there is nobody to invite as that person.
  if (row.person_id) {
    const person = await d.sql.db.selectFrom('persons').select('id').where('case_id', '=', caseId).where('id', '=', row.person_id).where('removed_at', 'is', null).executeTakeFirst();
    if (!person) throw new DomainError('gone', 'Deze persoon hoort niet meer bij de zaak.');
  }
  await d.sql.db.updateTable('invitations').set({ revoked_at: row.revoked_at ?? new Date().toISOString() }).where('token_hash', '=', row.token_hash).execute();
  await d.mail.forget(row.token_hash);
  const token = await d.invitations.store(me, caseId, { email: row.email, name: row.name, role: row.role, organisation_id: row.organisation_id, person_id: row.person_id });
  await d.audit.record({ ...auditOf(me, caseId), event: 'uitnodiging-opnieuw', detail: JSON.stringify({ uitnodiging: id, nieuw: invitationId(hashToken(token)), rol: row.role }) });
  return { ...(await mailLink(d, me, row, token)), id: invitationId(hashToken(token)) };
}
