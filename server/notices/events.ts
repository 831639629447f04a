import { isFamilyRole } from '../../shared/roles.ts';
import type { SqlStore } from '../store/db.ts';
import { readersOf, sectionById } from './audience.ts';
import { notify } from './notices.ts';

/*
 * The notices of events that happen in other modules, each called with one line where the event
 * happens. They decide who is told (by the one access policy) so the callers need not.
 */

/**
 * An invitation into a case was made for this address: an account that exists gets a notice in the
 * app. No mail: the invitation mail is the mail (and only it carries the link that lets one in).
 */
export async function noticeInvited(sql: SqlStore, caseId: string, email: string): Promise<void> {
  const user = await sql.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  if (user) await notify({ sql }, { kind: 'uitgenodigd', userId: user.id, caseId, link: '/', mail: false });
}

/**
 * A section went to `gedeeld`: each member of the family who may read it is asked for their
 * reaction, with the last day. Once per sharing (the key holds the end date); the sections shared
 * on one day (after a Tafel) come in one mail.
 */
export async function noticeShared(sql: SqlStore, caseId: string, sectionId: string, until: string): Promise<void> {
  const section = await sectionById({ sql }, caseId, sectionId);
  if (!section) return;
  for (const p of await readersOf({ sql }, section)) {
    if (!isFamilyRole(p.role)) continue;
    await notify({ sql }, { kind: 'reactie-gevraagd', userId: p.userId, caseId, sectionId, link: `/zaken/${caseId}`, until, key: `reactie-gevraagd:${caseId}:${sectionId}:${until}` });
  }
}
