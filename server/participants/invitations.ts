import { createHash, randomBytes } from 'node:crypto';
import type { FamilyInvitation, ProfessionalInvitation } from '../../shared/api.ts';
import type { Participant } from '../../shared/caseModel.ts';
import { newId } from '../../shared/ids.ts';
import { isFamilyRole, ROLE_LABEL, type Role } from '../../shared/roles.ts';
import { hashPassword, verifyPassword } from '../auth/password.ts';
import type { Directory } from '../directory/directory.ts';
import { DomainError } from '../domainError.ts';
import type { SqlStore } from '../store/db.ts';
import type { Transaction } from 'kysely';
import { NO_PASSWORD } from '../store/accountStore.ts';
import { noticeInvited } from '../notices/events.ts';
import type { Database, InvitationsTable } from '../store/schema.ts';

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');
const INVITATION_DAYS = 14;

/**
 * Invitations into a case: a one-time link. A professional is invited as the directory account
 * they are, with the role and organisation the directory gives them; only a family or network
 * member is invited as a person of the case, and only their invitation may make a new account.
 * Accepting never changes an existing account's role or organisation.
 */
export class Invitations {
  constructor(
    private readonly sql: SqlStore,
    private readonly directory: Directory,
  ) {}

  /** Invites a family or network member; returns the link's token. */
  async inviteFamily(by: Participant, caseId: string, body: FamilyInvitation): Promise<string> {
    // Someone taken out of the case (persons.removed_at) cannot be invited as that person any more.
    const persons = await this.sql.db.selectFrom('persons').select('id').where('case_id', '=', caseId).where('removed_at', 'is', null).execute();
    if (!persons.some((p) => p.id === body.personId)) throw new DomainError('invalid', 'Kies welk gezinslid deze persoon is.', 'personId');
    // A professional's account stays a professional's: the family signs in with its own.
    if (await this.directory.professionalByEmail(body.email)) {
      throw new DomainError('conflict', 'Dit e-mailadres hoort bij een professional. Nodig een gezinslid uit met een eigen e-mailadres.', 'email');
    }
    return this.store(by, caseId, { email: body.email, name: body.name, role: body.role, organisation_id: 'gezin', person_id: body.personId });
  }

  /** Invites a professional from the directory; an address that is not in it is refused. */
  async inviteProfessional(by: Participant, caseId: string, body: ProfessionalInvitation): Promise<{ token: string; role: Role }> {
    const professional = await this.directory.professionalByEmail(body.email);
    if (!professional) {
      throw new DomainError('unknown', 'Dit e-mailadres staat niet in de directory van professionals. Vraag de beheerder van die organisatie om het account.', 'email');
    }
    if (body.role !== undefined && body.role !== professional.role) {
      throw new DomainError('invalid', `Volgens de directory is ${professional.name} ${ROLE_LABEL[professional.role]}; die rol geldt.`, 'role');
    }
    const token = await this.store(by, caseId, {
      email: professional.email,
      name: professional.name,
      role: professional.role,
      organisation_id: professional.organisationId,
      person_id: null,
    });
    return { token, role: professional.role };
  }

  /** The open invitation behind a token; refuses used and expired ones. */
  async open(token: string): Promise<InvitationsTable> {
    const row = await this.sql.db.selectFrom('invitations').selectAll().where('token_hash', '=', hashToken(token)).executeTakeFirst();
    if (!row) throw new DomainError('not_found', 'Deze uitnodiging bestaat niet.');
    if (row.used_at) throw new DomainError('gone', 'Deze uitnodiging is al gebruikt.');
    if (Date.parse(row.created_at) + INVITATION_DAYS * 86_400_000 < Date.now()) throw new DomainError('gone', 'Deze uitnodiging is verlopen.');
    return row;
  }

  /**
   * Accepts an invitation: someone who already has an account proves it with their own password
   * (an invitation link must never be a way into another person's account). Returns the user id.
   */
  async accept(token: string, password: string): Promise<{ userId: string; caseId: string }> {
    const invitation = await this.open(token);
    const now = new Date().toISOString();
    const existing = await this.sql.db.selectFrom('users').select(['id', 'password_hash']).where('email', '=', invitation.email).executeTakeFirst();
    if (existing && !(await verifyPassword(password, existing.password_hash))) {
      throw new DomainError('bad_credentials', 'Dit e-mailadres heeft al een account. Vul je eigen wachtwoord in om de uitnodiging aan te nemen.', 'password');
    }
    const family = isFamilyRole(invitation.role as Role);
    if (!family) {
      // The role was the directory's when the invitation was made; it must still be.
      const professional = existing ? await this.directory.professionalById(existing.id) : undefined;
      if (!professional) throw new DomainError('gone', 'Dit account staat niet (meer) in de directory van professionals.');
    }
    const userId = existing?.id ?? newId('u');
    const passwordHash = existing ? null : await hashPassword(password);
    await this.sql.db.transaction().execute(async (trx) => {
      await useOnce(trx, token, now);
      if (passwordHash !== null) {
        await trx.insertInto('users').values({ id: userId, email: invitation.email, name: invitation.name, password_hash: passwordHash, created_at: now }).execute();
      }
      await join(trx, invitation, userId, family, now);
    });
    return { userId, caseId: invitation.case_id };
  }

  /** The open invitation behind a token, if it is for a family or network member. */
  async openForFamily(token: string): Promise<InvitationsTable> {
    const invitation = await this.open(token);
    if (!isFamilyRole(invitation.role as Role)) throw new DomainError('forbidden', 'Deze uitnodiging is voor een professional; die logt in bij de eigen organisatie.');
    return invitation;
  }

  /**
   * Accepts a family invitation for someone who signed in at the family's identity provider: as
   * the account already linked to that identity, or as a new account without a password that is
   * linked to it now. An existing account of the invited address is not taken over this way (the
   * link could have been forwarded): its owner accepts with their own password.
   */
  async acceptWithIdentity(token: string, identity: { issuer: string; subject: string }, linkedUserId: string | undefined): Promise<{ userId: string; caseId: string }> {
    const invitation = await this.openForFamily(token);
    const now = new Date().toISOString();
    let userId = linkedUserId;
    if (!userId && (await this.sql.db.selectFrom('users').select('id').where('email', '=', invitation.email).executeTakeFirst())) {
      throw new DomainError('conflict', 'Bij dit e-mailadres hoort al een account. Neem de uitnodiging aan met je eigen wachtwoord.');
    }
    const newUserId = userId ? null : newId('u');
    userId ??= newUserId!;
    await this.sql.db.transaction().execute(async (trx) => {
      await useOnce(trx, token, now);
      if (newUserId) {
        await trx.insertInto('users').values({ id: newUserId, email: invitation.email, name: invitation.name, password_hash: NO_PASSWORD, created_at: now }).execute();
        await trx.insertInto('identities').values({ issuer: identity.issuer, subject: identity.subject, user_id: newUserId, linked_at: now }).execute();
      }
      await join(trx, invitation, userId, true, now);
    });
    return { userId, caseId: invitation.case_id };
  }

  private async store(by: Participant, caseId: string, who: Pick<InvitationsTable, 'email' | 'name' | 'role' | 'organisation_id' | 'person_id'>): Promise<string> {
    const token = randomBytes(24).toString('base64url');
    await this.sql.db
      .insertInto('invitations')
      .values({ token_hash: hashToken(token), case_id: caseId, ...who, created_by: by.userId, created_at: new Date().toISOString(), used_at: null })
      .execute();
    await noticeInvited(this.sql, caseId, who.email);
    return token;
  }
}

/** Marks the invitation used, or refuses when another acceptance came first. */
async function useOnce(trx: Transaction<Database>, token: string, now: string): Promise<void> {
  const used = await trx.updateTable('invitations').set({ used_at: now }).where('token_hash', '=', hashToken(token)).where('used_at', 'is', null).executeTakeFirst();
  if (Number(used.numUpdatedRows) === 0) throw new DomainError('gone', 'Deze uitnodiging is al gebruikt.');
}

/** Makes the account a participant of the invitation's case, replacing an earlier row of it. */
async function join(trx: Transaction<Database>, invitation: InvitationsTable, userId: string, family: boolean, now: string): Promise<void> {
  await trx.deleteFrom('participants').where('case_id', '=', invitation.case_id).where('user_id', '=', userId).execute();
  // For a professional the row's role is a record of the invitation; the directory decides (participantRow.ts).
  await trx
    .insertInto('participants')
    .values({
      case_id: invitation.case_id,
      user_id: userId,
      role: invitation.role,
      organisation_id: invitation.organisation_id,
      person_id: family ? invitation.person_id : null,
      added_at: now,
      removed_at: null,
    })
    .execute();
}
