import type { Kysely } from 'kysely';
import { may } from '../../shared/access/may.ts';
import { destroyedMail } from '../mail/destructionMail.ts';
import type { MailQueue } from '../mail/mailQueue.ts';
import type { CaseStore } from '../store/caseStore.ts';
import type { RetentionStore } from '../store/retentionStore.ts';
import type { Database } from '../store/schema.ts';

export interface DestroyedMailDeps {
  cases: Pick<CaseStore, 'participants'>;
  retention: Pick<RetentionStore, 'requests'>;
  mail: Pick<MailQueue, 'queueIn' | 'retryDue'>;
}

/**
 * Who hears by mail that the case was destroyed, on request or at the end of its retention term
 * (user id, and whether they asked): who filed a request that was still open, and every other
 * person the file is about with their own account in the case (a parent, the young person). A
 * parent expects to hear that what was written about their family is gone, not to find the case
 * missing from their list without a word; the file was about them as much as about who asked. The
 * others are not told who asked: in the app one family member does not see another's request
 * either. The network (a grandmother, a neighbour) is not told: the file is not about them. Nor are
 * professionals, or a crisis worker reading under emergency access: the log keeps that it happened.
 */
export async function toldOfDestruction(d: Pick<DestroyedMailDeps, 'cases' | 'retention'>, caseId: string): Promise<Map<string, boolean>> {
  const told = new Map<string, boolean>();
  for (const p of await d.cases.participants(caseId)) {
    if (!p.emergency && may(p, 'hear-of-destruction', null).ok) told.set(p.userId, false);
  }
  // Who asked is told so, also one who has left the case since.
  for (const r of await d.retention.requests(caseId)) if (r.status === 'open') told.set(r.filed_by, true);
  return told;
}

/**
 * Queues the mail that the case was destroyed (mail/destructionMail.ts: nothing of the case) to
 * each of `told`, in the transaction that destroys it, while the addresses are still known: the
 * mails exist exactly when the case is gone, and a crash after the commit loses none of them.
 * Returns their queue ids, to send after the commit.
 */
export async function queueDestroyedMails(d: Pick<DestroyedMailDeps, 'mail'>, trx: Kysely<Database>, told: ReadonlyMap<string, boolean>): Promise<string[]> {
  if (told.size === 0) return [];
  const queued: string[] = [];
  for (const user of await trx.selectFrom('users').select(['id', 'email', 'name']).where('id', 'in', [...told.keys()]).execute()) {
    const id = await d.mail.queueIn(trx, destroyedMail({ to: user.email, name: user.name, asked: told.get(user.id) === true }));
    if (id) queued.push(id);
  }
  return queued;
}
