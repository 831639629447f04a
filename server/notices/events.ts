import { accessFor } from '../../shared/access/accessFor.ts';
import { may } from '../../shared/access/may.ts';
import { isFamilyRole } from '../../shared/roles.ts';
import { receivesNotice } from '../../shared/notices.ts';
import { CaseStore } from '../store/caseStore.ts';
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
    if (!receivesNotice(p.role, 'reactie-gevraagd')) continue;
    await notify({ sql }, { kind: 'reactie-gevraagd', userId: p.userId, caseId, sectionId, link: `/zaken/${caseId}`, until, key: `reactie-gevraagd:${caseId}:${sectionId}:${until}` });
  }
}

/**
 * A section went to `review` (offered, or sent back by an edit after its approval): everyone in the
 * case who may approve it now is told, by the one policy (`accessFor` for their level, `may` for the
 * move), except who sent it. When an edit made an approval lapse, who gave that approval is told so
 * in a kind of its own (`goedkeuring-vervallen`), not asked again as if it were new; the others who
 * may approve are asked as for any review. The notice names the section (to its readers only, as
 * every notice) and holds nothing of its content. Once per move: the key holds the moment of the move.
 */
export async function noticeReviewRequested(sql: SqlStore, caseId: string, sectionId: string, by: string, at: string, lapsed?: { approvedBy: string }): Promise<void> {
  const cases = new CaseStore(sql);
  const section = await sectionById({ cases }, caseId, sectionId);
  if (!section) return;
  const ctx = await cases.accessContext(caseId);
  for (const p of await readersOf({ cases }, section)) {
    if (p.userId === by) continue;
    if (!may(p, 'move-status', { from: 'review', to: 'goedgekeurd', level: accessFor(p, section, ctx).level }).ok) continue;
    const kind = p.userId === lapsed?.approvedBy ? 'goedkeuring-vervallen' : 'review-gevraagd';
    await notify({ sql }, { kind, userId: p.userId, caseId, sectionId, link: `/zaken/${caseId}`, key: `${kind}:${caseId}:${sectionId}:${at}` });
  }
}

/**
 * The Raad recorded the decision of a Tafel: everyone in the case who may read the besluit section
 * is told, except who recorded it. The notice names that section (to its readers only) and holds
 * nothing of the decision; the family's link opens their home, where the decision is.
 */
export async function noticeDecision(sql: SqlStore, caseId: string, meetingId: string, sectionId: string, recordedBy: string): Promise<void> {
  const section = await sectionById({ sql }, caseId, sectionId);
  if (!section) return;
  for (const p of await readersOf({ sql }, section)) {
    if (p.userId === recordedBy) continue;
    const link = isFamilyRole(p.role) ? `/zaken/${caseId}/thuis` : `/zaken/${caseId}/tafel/${meetingId}`;
    await notify({ sql }, { kind: 'besluit-vastgelegd', userId: p.userId, caseId, sectionId, link, key: `besluit:${meetingId}` });
  }
}

/**
 * A Tafel closed and its minutes were made: each invitee who is still in the case is told, except
 * the chair who closed it. About the Tafel, not a section: the minutes page shows each reader only
 * the items they may read.
 */
export async function noticeMinutes(sql: SqlStore, caseId: string, meetingId: string, invitees: readonly string[], chairId: string): Promise<void> {
  const members = new Set((await new CaseStore(sql).participants(caseId)).filter((p) => !p.emergency).map((p) => p.userId as string));
  for (const userId of new Set(invitees)) {
    if (userId === chairId || !members.has(userId)) continue;
    await notify({ sql }, { kind: 'verslag-klaar', userId, caseId, link: `/zaken/${caseId}/tafel/${meetingId}`, key: `verslag:${meetingId}` });
  }
}
