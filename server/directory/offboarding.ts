import type { DomainEvents } from '../events/domainEvents.ts';
import type { SqlStore } from '../store/db.ts';

/**
 * Ends everything an account taken out of the directory still holds open, on every process: its
 * sessions end (its sockets and live-event streams close as at a sign-out) and every case it was
 * in re-checks its open sockets (as a professional it is now in none). Goes through the fan-out's
 * control messages, the one way the sync endpoint is told that access changed.
 */
export async function endAccess(sql: SqlStore, events: Pick<DomainEvents, 'publish'>, userId: string): Promise<{ sessions: number; cases: number }> {
  const sessions = await sql.db.selectFrom('sessions').select('token_hash').where('user_id', '=', userId).execute();
  await sql.db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  const cases = await sql.db.selectFrom('participants').select('case_id').distinct().where('user_id', '=', userId).where('removed_at', 'is', null).execute();
  for (const s of sessions) events.publish({ type: 'session-ended', sessionId: s.token_hash });
  for (const c of cases) events.publish({ type: 'access-changed', caseId: c.case_id });
  return { sessions: sessions.length, cases: cases.length };
}
