import type { SqlStore } from './db.ts';

/** An account as sign-in needs it. */
export interface Account {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  /** Directory: the professional role, null for family and network members. */
  role: string | null;
  organisationId: string | null;
  /** Keeps an organisation's part of the directory (`beheerder`): needs a second factor like a professional. */
  keeps: boolean;
}

/**
 * The `password_hash` of an account that signs in only through an identity provider (a family
 * member linked to DigiD): no password ever matches it (password.ts verifies `scrypt$…` only).
 */
export const NO_PASSWORD = '!';

/** Whether the account has a password of its own (and so, for a professional, needs a second factor). */
export const hasPassword = (a: Account): boolean => a.passwordHash.startsWith('scrypt$');

/** Accounts and their identities at identity providers, for sign-in. */
export class AccountStore {
  constructor(private readonly sql: SqlStore) {}

  async byEmail(email: string): Promise<Account | undefined> {
    const row = await this.columns().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
    return row ? toAccount(row) : undefined;
  }

  async byId(id: string): Promise<Account | undefined> {
    const row = await this.columns().where('id', '=', id).executeTakeFirst();
    return row ? toAccount(row) : undefined;
  }

  /** The account linked to this identity at this issuer, if any. */
  async identityOwner(issuer: string, subject: string): Promise<string | undefined> {
    const row = await this.sql.db.selectFrom('identities').select('user_id').where('issuer', '=', issuer).where('subject', '=', subject).executeTakeFirst();
    return row?.user_id;
  }

  /** Whether the account has an identity at this issuer already (one per account and issuer). */
  async hasIdentityAt(userId: string, issuer: string): Promise<boolean> {
    const row = await this.sql.db.selectFrom('identities').select('subject').where('user_id', '=', userId).where('issuer', '=', issuer).executeTakeFirst();
    return row !== undefined;
  }

  private columns() {
    return this.sql.db
      .selectFrom('users')
      .select(['id', 'email', 'name', 'password_hash', 'role', 'organisation_id'])
      .select((eb) => eb.exists(eb.selectFrom('beheerders').select('beheerders.user_id').whereRef('beheerders.user_id', '=', 'users.id')).as('keeps'));
  }
}

function toAccount(r: { id: string; email: string; name: string; password_hash: string; role: string | null; organisation_id: string | null; keeps: unknown }): Account {
  // SQLite answers EXISTS with 0 or 1, PostgreSQL with a boolean.
  return { id: r.id, email: r.email, name: r.name, passwordHash: r.password_hash, role: r.role, organisationId: r.organisation_id, keeps: r.keeps === true || Number(r.keeps) === 1 };
}
