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
/** How long a checked password waits for its second factor. */
const PENDING_MINUTES = 10;

/** A password checked, the second factor still to come: `totp`, or `totp-enrol` to set one up first. */
export type PendingStage = 'totp' | 'totp-enrol';

/** A session that is not signed in yet (see `PendingStage`). */
export interface PendingSession {
  userId: string;
  stage: PendingStage;
  sessionId: string;
}

/** Only a hash of the token is stored, so a leaked database does not hand out sessions. */
function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export class Sessions {
  constructor(private readonly sql: SqlStore) {}

  /** A signed-in session; returns its token, for the cookie. */
  async create(userId: string): Promise<string> {
    return this.insert(userId, 'full', SESSION_HOURS * 3600_000);
  }

  /**
   * A session for a checked password that waits for its second factor: it reaches nothing but the
   * second-factor routes (`userFor` and `stillValid` know only full sessions), and is replaced by
   * a new token once the factor is given, so the pending token never becomes a signed-in one.
   */
  async createPending(userId: string, stage: PendingStage): Promise<string> {
    return this.insert(userId, stage, PENDING_MINUTES * 60_000);
  }

  async pendingFor(token: string | undefined): Promise<PendingSession | undefined> {
    if (!token || token.length > 200) return undefined;
    const row = await this.sql.db.selectFrom('sessions').select(['user_id', 'stage', 'expires_at']).where('token_hash', '=', hashToken(token)).executeTakeFirst();
    if (!row || row.expires_at < new Date().toISOString() || (row.stage !== 'totp' && row.stage !== 'totp-enrol')) return undefined;
    return { userId: row.user_id, stage: row.stage, sessionId: hashToken(token) };
  }

  private async insert(userId: string, stage: 'full' | PendingStage, lifetimeMs: number): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    await this.sql.db
      .insertInto('sessions')
      .values({
        token_hash: hashToken(token),
        user_id: userId,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + lifetimeMs).toISOString(),
        stage,
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
      .where('sessions.stage', '=', 'full')
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
      .where('stage', '=', 'full')
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
