import { createHash, randomBytes } from 'node:crypto';
import type { FamilyInvitation, ProfessionalInvitation } from '../../shared/api.ts';
import type { Participant } from '../../shared/caseModel.ts';
import { newId } from '../../shared/ids.ts';
import { fitsFamilyRole } from '../../shared/personRole.ts';
import { isFamilyRole, ROLE_LABEL, type Role } from '../../shared/roles.ts';
import { hashPassword, verifyPassword } from '../auth/password.ts';
import type { Directory } from '../directory/directory.ts';
import { DomainError } from '../domainError.ts';
import type { SqlStore } from '../store/db.ts';
import type { Transaction } from 'kysely';
import { NO_PASSWORD } from '../store/accountStore.ts';
import { noticeInvited } from '../notices/events.ts';
import type { Database, InvitationsTable } from '../store/schema.ts';

/** Only the hash of a link's token is kept; it is also how the mail queue names the invitation. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');
/** How long a link works (issue 22: 7 days); a resent invitation gets a new link and a new term. */
export const INVITATION_DAYS = 7;
const DAY_MS = 86_400_000;

/** When an invitation's link stops working; rows from before `expires_at` count from their creation. */
export const expiryOf = (row: Pick<InvitationsTable, 'created_at' | 'expires_at'>): string => row.expires_at ?? new Date(Date.parse(row.created_at) + INVITATION_DAYS * DAY_MS).toISOString();

/**
 * Invitations into a case: a one-time link for a family or network member, bound to a person of
 * the case; only their invitation may make a new account. A professional is not invited by link:
 * the directory account is added at once (`addProfessional`), with the role and organisation the
 * directory gives it. Accepting never changes an existing account's role or organisation.
 * Listing, revoking and resending are in invitationLinks.ts.
 */
export class Invitations {
  constructor(
    private readonly sql: SqlStore,
    private readonly directory: Directory,
  ) {}

  /** Invites a family or network member; returns the link's token. */
  async inviteFamily(by: Participant, caseId: string, body: FamilyInvitation): Promise<string> {
    // Someone taken out of the case (persons.removed_at) cannot be invited as that person any more.
    const persons = await this.sql.db.selectFrom('persons').select(['id', 'kind']).where('case_id', '=', caseId).where('removed_at', 'is', null).execute();
    const person = persons.find((p) => p.id === body.personId);
    if (!person) throw new DomainError('invalid', 'Kies welk gezinslid deze persoon is.', 'personId');
    // A parent's account is a parent's: the role follows who the person is in the family.
    if (!fitsFamilyRole(person, body.role)) throw new DomainError('invalid', `Deze persoon kan niet als ${ROLE_LABEL[body.role].toLowerCase()} worden uitgenodigd; kies de persoon die dat is.`, 'personId');
    // A professional's account stays a professional's: the family signs in with its own.
    if (await this.directory.professionalByEmail(body.email)) {
      throw new DomainError('conflict', 'Dit e-mailadres hoort bij een professional. Nodig een gezinslid uit met een eigen e-mailadres.', 'email');
    }
    return this.store(by, caseId, { email: body.email, name: body.name, role: body.role, organisation_id: 'gezin', person_id: body.personId });
  }

  /**
   * Adds a professional from the directory to the case at once, without a link: the role and
   * organisation are the directory's. An address that is not in it is refused, as is someone
   * already in the case.
   */
  async addProfessional(caseId: string, body: ProfessionalInvitation): Promise<{ userId: string; name: string; email: string; role: Role }> {
    const professional = await this.directory.professionalByEmail(body.email);
    if (!professional) {
      throw new DomainError('unknown', 'Dit e-mailadres staat niet in de directory van professionals. Vraag de beheerder van die organisatie om het account.', 'email');
    }
    if (body.role !== undefined && body.role !== professional.role) {
      throw new DomainError('invalid', `Volgens de directory is ${professional.name} ${ROLE_LABEL[professional.role]}; die rol geldt.`, 'role');
    }
    const present = await this.sql.db.selectFrom('participants').select('user_id').where('case_id', '=', caseId).where('user_id', '=', professional.userId).where('removed_at', 'is', null).executeTakeFirst();
    if (present) throw new DomainError('conflict', `${professional.name} doet al mee in deze zaak.`, 'email');
    const row = { case_id: caseId, role: professional.role as string, organisation_id: professional.organisationId as string, person_id: null };
    await this.sql.db.transaction().execute((trx) => join(trx, row, professional.userId, false, new Date().toISOString()));
    await noticeInvited(this.sql, caseId, professional.email);
    return { userId: professional.userId, name: professional.name, email: professional.email, role: professional.role };
  }

  /**
   * A link for a professional from the directory (the Tafel invitation of a newcomer uses it,
   * server/meetings/); the participants page adds professionals at once with `addProfessional`.
   */
  async inviteProfessional(by: Participant, caseId: string, body: ProfessionalInvitation): Promise<{ token: string; role: Role }> {
    const professional = await this.directory.professionalByEmail(body.email);
    if (!professional) {
      throw new DomainError('unknown', 'Dit e-mailadres staat niet in de directory van professionals. Vraag de beheerder van die organisatie om het account.', 'email');
    }
    const token = await this.store(by, caseId, { email: professional.email, name: professional.name, role: professional.role, organisation_id: professional.organisationId, person_id: null });
    return { token, role: professional.role };
  }

  /** The open invitation behind a token; refuses used, revoked and expired ones, in plain Dutch. */
  async open(token: string): Promise<InvitationsTable> {
    const row = await this.sql.db.selectFrom('invitations').selectAll().where('token_hash', '=', hashToken(token)).executeTakeFirst();
    if (!row) throw new DomainError('not_found', 'Deze uitnodiging bestaat niet. Kijk of je de hele link hebt gebruikt.');
    if (row.used_at) throw new DomainError('gone', 'Deze uitnodiging is al gebruikt.');
    if (row.revoked_at) throw new DomainError('gone', 'Deze uitnodiging is ingetrokken. Vraag de regisseur om een nieuwe uitnodiging.');
    if (Date.parse(expiryOf(row)) < Date.now()) throw new DomainError('gone', `Deze uitnodiging is verlopen: een link werkt ${INVITATION_DAYS} dagen. Vraag de regisseur om de uitnodiging opnieuw te sturen.`);
    const kase = await this.sql.db.selectFrom('cases').select('closed_at').where('id', '=', row.case_id).executeTakeFirst();
    if (kase?.closed_at) throw new DomainError('gone', 'Deze zaak is gesloten; de uitnodiging werkt niet meer.');
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

  /** Stores a new link for this person (also a resent one); returns its token. */
  async store(by: Pick<Participant, 'userId'>, caseId: string, who: Pick<InvitationsTable, 'email' | 'name' | 'role' | 'organisation_id' | 'person_id'>): Promise<string> {
    const token = randomBytes(24).toString('base64url');
    const now = Date.now();
    await this.sql.db
      .insertInto('invitations')
      .values({
        token_hash: hashToken(token),
        case_id: caseId,
        ...who,
        created_by: by.userId,
        created_at: new Date(now).toISOString(),
        expires_at: new Date(now + INVITATION_DAYS * DAY_MS).toISOString(),
        used_at: null,
      })
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
async function join(trx: Transaction<Database>, invitation: Pick<InvitationsTable, 'case_id' | 'role' | 'organisation_id' | 'person_id'>, userId: string, family: boolean, now: string): Promise<void> {
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
