import { createHash, randomBytes } from 'node:crypto';
import type { SqlStore } from '../store/db.ts';

/** A signed-in user as the server knows them. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  /**
   * The session the request came with: the hash of its token, as stored. This (never the token)
   * names the session to other processes, e.g. to close its sockets when it ends.
   */
  sessionId: string;
}

const SESSION_HOURS = 12;

/** Only a hash of the token is stored, so a leaked database does not hand out sessions. */
function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export class Sessions {
  constructor(private readonly sql: SqlStore) {}

  async create(userId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    await this.sql.db
      .insertInto('sessions')
      .values({
        token_hash: hashToken(token),
        user_id: userId,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString(),
      })
      .execute();
    return token;
  }

  async userFor(token: string | undefined): Promise<SessionUser | undefined> {
    if (!token || token.length > 200) return undefined;
    const row = await this.sql.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select(['users.id', 'users.email', 'users.name', 'sessions.expires_at'])
      .where('sessions.token_hash', '=', hashToken(token))
      .executeTakeFirst();
    if (!row || row.expires_at < new Date().toISOString()) return undefined;
    return { id: row.id, email: row.email, name: row.name, sessionId: hashToken(token) };
  }

  /** Of these session ids, the ones that are still signed in (not ended, not expired). */
  async stillValid(sessionIds: Iterable<string>): Promise<Set<string>> {
    const wanted = [...new Set(sessionIds)];
    if (wanted.length === 0) return new Set();
    const rows = await this.sql.db
      .selectFrom('sessions')
      .select('token_hash')
      .where('token_hash', 'in', wanted)
      .where('expires_at', '>=', new Date().toISOString())
      .execute();
    return new Set(rows.map((r) => r.token_hash));
  }

  /** Ends the session; returns its id (to close what is still open of it), or undefined without a token. */
  async destroy(token: string | undefined): Promise<string | undefined> {
    if (!token) return undefined;
    const sessionId = hashToken(token);
    await this.sql.db.deleteFrom('sessions').where('token_hash', '=', sessionId).execute();
    return sessionId;
  }
}

/** Reads one cookie from a raw `Cookie` header (the upgrade request has no Fastify parsing). */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}
