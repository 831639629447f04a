import { z } from 'zod';
import { may } from '../../shared/access/may.ts';
import type { Participant } from '../../shared/caseModel.ts';
import type { StoredThread, ThreadView } from '../../shared/comments.ts';
import type { CommentStore } from './commentStore.ts';

const ThreadId = z.string().regex(/^draad-[a-z0-9]{1,40}$/);

/**
 * The threads on the given sections that the caller may read; the caller must be able to read the
 * sections. A family member gets only the threads for everyone, filtered in the query.
 */
export async function visibleThreads(comments: CommentStore, me: Participant, caseId: string, sectionIds: readonly string[]): Promise<ThreadView[]> {
  const everyoneOnly = !may(me, 'read-professional-comments', null).ok;
  return comments.views(await comments.threadsOn(caseId, sectionIds, everyoneOnly));
}

/**
 * The thread with this id as the caller may see it, or undefined. A malformed id, an unknown one
 * and a professionals-only thread for a family member are all the same undefined, so a caller
 * answers them with one and the same 404. Whether the caller may read the thread's section is
 * the caller's to check next.
 */
export async function visibleThread(comments: CommentStore, me: Participant, caseId: string, rawId: unknown): Promise<StoredThread | undefined> {
  const id = ThreadId.safeParse(rawId);
  if (!id.success) return undefined;
  const thread = await comments.thread(caseId, id.data);
  if (!thread) return undefined;
  if (thread.visibility !== 'iedereen' && !may(me, 'read-professional-comments', null).ok) return undefined;
  return thread;
}
