import { createHash, randomBytes } from 'node:crypto';
import type { SqlStore } from '../store/db.ts';
import type { OidcLoginsTable } from '../store/schema.ts';

/** How long a browser may stay at the identity provider before its sign-in must start again. */
export const PENDING_LOGIN_MINUTES = 10;

const hash = (v: string) => createHash('sha256').update(v).digest('base64url');

export interface PendingLogin {
  provider: string;
  state: string;
  nonce: string;
  codeVerifier: string;
  invitationToken: string | null;
}

/**
 * Sign-ins that went to an identity provider and have not come back. Each is bound to the
 * browser that started it by a random cookie (only its hash is stored), and is taken out when
 * the browser comes back: a callback counts once, and a replayed one finds nothing.
 */
export class PendingLogins {
  constructor(private readonly sql: SqlStore) {}

  /** Keeps a new sign-in; returns the cookie value that finds it again. */
  async put(login: PendingLogin): Promise<string> {
    const id = randomBytes(32).toString('base64url');
    const now = new Date();
    // Old rows of browsers that never came back go here, so the table stays small without a job.
    await this.sql.db
      .deleteFrom('oidc_logins')
      .where('created_at', '<', new Date(now.getTime() - PENDING_LOGIN_MINUTES * 60_000).toISOString())
      .execute();
    const row: OidcLoginsTable = {
      id_hash: hash(id),
      provider: login.provider,
      state: login.state,
      nonce: login.nonce,
      code_verifier: login.codeVerifier,
      invitation_token: login.invitationToken,
      created_at: now.toISOString(),
    };
    await this.sql.db.insertInto('oidc_logins').values(row).execute();
    return id;
  }

  /** Takes the sign-in of this cookie out; undefined when there is none, it was taken, or it expired. */
  async take(cookie: string | undefined): Promise<PendingLogin | undefined> {
    if (!cookie || cookie.length > 100) return undefined;
    const idHash = hash(cookie);
    const row = await this.sql.db.selectFrom('oidc_logins').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
    if (!row) return undefined;
    // Whoever deletes the row owns the callback: two at once cannot both go on.
    const deleted = await this.sql.db.deleteFrom('oidc_logins').where('id_hash', '=', idHash).executeTakeFirst();
    if (Number(deleted.numDeletedRows) === 0) return undefined;
    if (Date.parse(row.created_at) + PENDING_LOGIN_MINUTES * 60_000 < Date.now()) return undefined;
    return { provider: row.provider, state: row.state, nonce: row.nonce, codeVerifier: row.code_verifier, invitationToken: row.invitation_token };
  }
}
