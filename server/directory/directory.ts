import { randomBytes } from 'node:crypto';
import { Organisation, Professional } from '../../shared/directory.ts';
import { newId } from '../../shared/ids.ts';
import { hashPassword } from '../auth/password.ts';
import type { SqlStore } from '../store/db.ts';
import { type NameOf, namesOf, type OrganisationNameOf, organisationNamesOf } from './names.ts';

/**
 * The directory of organisations and professional accounts, kept by the operator
 * (`npm run beheer`) and, for its own part, by an organisation's beheerder (directoryCommands.ts). A professional's role and organisation are read from here, never from an
 * invitation or a participant row (see participantRow.ts).
 */
export class Directory {
  constructor(private readonly sql: SqlStore) {}

  /** Display names of these users, as `namesOf` gives them. */
  namesOf(userIds: Iterable<string>): Promise<NameOf> {
    return namesOf(this.sql, userIds);
  }

  /** Names of these organisations, as `organisationNamesOf` gives them (none for the family). */
  organisationNamesOf(organisationIds: Iterable<string | null>): Promise<OrganisationNameOf> {
    return organisationNamesOf(this.sql, organisationIds);
  }

  async organisations(): Promise<Organisation[]> {
    const rows = await this.sql.db.selectFrom('organisations').selectAll().orderBy('id').execute();
    return rows.map((r) => Organisation.parse(r));
  }

  async putOrganisation(org: Organisation): Promise<void> {
    await this.sql.db
      .insertInto('organisations')
      .values(org)
      .onConflict((oc) => oc.column('id').doUpdateSet({ name: org.name, kind: org.kind, region: org.region }))
      .execute();
  }

  async organisation(id: string): Promise<Organisation | undefined> {
    const row = await this.sql.db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? Organisation.parse(row) : undefined;
  }

  /** The professional with this e-mail address, or undefined when it is not a directory account. */
  async professionalByEmail(email: string): Promise<Professional | undefined> {
    const row = await this.sql.db
      .selectFrom('users')
      .select(['id', 'email', 'name', 'role', 'organisation_id'])
      .where('email', '=', email.trim().toLowerCase())
      .executeTakeFirst();
    return row ? toProfessional(row) : undefined;
  }

  async professionalById(userId: string): Promise<Professional | undefined> {
    const row = await this.sql.db.selectFrom('users').select(['id', 'email', 'name', 'role', 'organisation_id']).where('id', '=', userId).executeTakeFirst();
    return row ? toProfessional(row) : undefined;
  }

  /** The professionals of one organisation, by name. */
  async professionalsOf(organisationId: string): Promise<Professional[]> {
    const rows = await this.sql.db.selectFrom('users').select(['id', 'email', 'name', 'role', 'organisation_id']).where('organisation_id', '=', organisationId).where('role', 'is not', null).orderBy('name').execute();
    return rows.flatMap((r) => toProfessional(r) ?? []);
  }

  /** Any account with this address, in the directory or not (a family member's, one taken out). */
  async accountByEmail(email: string): Promise<{ id: string; role: string | null; organisationId: string | null } | undefined> {
    const row = await this.sql.db.selectFrom('users').select(['id', 'role', 'organisation_id']).where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
    return row ? { id: row.id, role: row.role, organisationId: row.organisation_id } : undefined;
  }

  /** The organisations this account keeps as their `beheerder` (a role outside cases). */
  async keptBy(userId: string): Promise<string[]> {
    const rows = await this.sql.db.selectFrom('beheerders').select('organisation_id').where('user_id', '=', userId).orderBy('organisation_id').execute();
    return rows.map((r) => r.organisation_id);
  }

  /** Makes the account a beheerder of the organisation, or (`keeps` false) no longer. */
  async setKeeper(userId: string, organisationId: string, keeps: boolean): Promise<void> {
    await this.sql.db.deleteFrom('beheerders').where('user_id', '=', userId).where('organisation_id', '=', organisationId).execute();
    if (keeps) await this.sql.db.insertInto('beheerders').values({ user_id: userId, organisation_id: organisationId, added_at: new Date().toISOString() }).execute();
  }

  /** Moves an account to a new e-mail address (sign-in and mail go there from now on). */
  async setEmail(userId: string, email: string): Promise<void> {
    await this.sql.db.updateTable('users').set({ email }).where('id', '=', userId).execute();
  }

  /** Corrects the name shown for an account. */
  async rename(userId: string, name: string): Promise<void> {
    await this.sql.db.updateTable('users').set({ name }).where('id', '=', userId).execute();
  }

  async professionals(): Promise<Professional[]> {
    const rows = await this.sql.db.selectFrom('users').select(['id', 'email', 'name', 'role', 'organisation_id']).where('role', 'is not', null).orderBy('email').execute();
    return rows.flatMap((r) => toProfessional(r) ?? []);
  }

  /**
   * The account with this address, made if there is none yet. A new account gets a random
   * password, returned once so the operator can pass it on; an existing one keeps its own.
   */
  async ensureAccount(email: string, name: string): Promise<{ userId: string; password: string | null }> {
    const user = await this.sql.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
    if (user) return { userId: user.id, password: null };
    const password = randomBytes(12).toString('base64url');
    const userId = newId('u');
    await this.sql.db.insertInto('users').values({ id: userId, email, name, password_hash: await hashPassword(password), created_at: new Date().toISOString() }).execute();
    return { userId, password };
  }

  /** Puts an existing account in the directory with this role and organisation. */
  async setProfessional(userId: string, role: Professional['role'], organisationId: string): Promise<void> {
    await this.sql.db.updateTable('users').set({ role, organisation_id: organisationId }).where('id', '=', userId).execute();
  }

  /** Takes an account out of the directory: it is a member of no case as a professional any more. */
  async removeProfessional(userId: string): Promise<boolean> {
    const r = await this.sql.db.updateTable('users').set({ role: null, organisation_id: null }).where('id', '=', userId).where('role', 'is not', null).executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }
}

function toProfessional(r: { id: string; email: string; name: string; role: string | null; organisation_id: string | null }): Professional | undefined {
  if (r.role === null || r.organisation_id === null) return undefined;
  const parsed = Professional.safeParse({ userId: r.id, email: r.email, name: r.name, role: r.role, organisationId: r.organisation_id });
  return parsed.success ? parsed.data : undefined;
}
