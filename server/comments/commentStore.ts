import { type CommentAnchor, type CommentVisibility, StoredComment, type StoredDecision, StoredThread, type ThreadView } from '../../shared/comments.ts';
import { namesOf } from '../directory/names.ts';
import type { SqlStore } from '../store/db.ts';
import type { CommentThreadsTable, CommentsTable } from '../store/schema.ts';

/** A comment about to be written: by whom (and in which role), what, when. */
export interface NewComment {
  userId: string;
  role: string;
  body: string;
  at: string;
}

/**
 * Comment threads and their comments in SQL. Rows are parsed with the shared zod schemas
 * (`StoredThread`, `StoredComment`) on the way out, so a corrupt row fails here and not in a view.
 * No rule lives here: who may read or write what is decided by the callers (`commentCommands.ts`,
 * `threadQueries.ts`).
 */
export class CommentStore {
  constructor(private readonly sql: SqlStore) {}

  private get db() {
    return this.sql.db;
  }

  async thread(caseId: string, id: string): Promise<StoredThread | undefined> {
    const row = await this.db.selectFrom('comment_threads').selectAll().where('case_id', '=', caseId).where('id', '=', id).executeTakeFirst();
    return row ? toThread(row) : undefined;
  }

  /**
   * The threads on these sections, oldest first. `everyoneOnly` filters in the query, so rows
   * meant for professionals are never read out for someone who may not see them.
   */
  async threadsOn(caseId: string, sectionIds: readonly string[], everyoneOnly: boolean): Promise<StoredThread[]> {
    if (sectionIds.length === 0) return [];
    let query = this.db.selectFrom('comment_threads').selectAll().where('case_id', '=', caseId).where('section_id', 'in', [...sectionIds]);
    if (everyoneOnly) query = query.where('visibility', '=', 'iedereen' satisfies CommentVisibility);
    return (await query.orderBy('created_at').orderBy('id').execute()).map(toThread);
  }

  /** A new thread with its first comment, in one transaction. */
  async startThread(thread: Pick<StoredThread, 'id' | 'caseId' | 'sectionId' | 'anchor' | 'visibility' | 'kind'>, first: NewComment): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('comment_threads')
        .values({
          id: thread.id,
          case_id: thread.caseId,
          section_id: thread.sectionId,
          anchor: JSON.stringify(thread.anchor),
          visibility: thread.visibility,
          kind: thread.kind,
          decision: null,
          decided_by: null,
          decided_at: null,
          created_by: first.userId,
          created_at: first.at,
          resolved_at: null,
          resolved_by: null,
        })
        .execute();
      await trx.insertInto('comments').values(commentRow(thread.caseId, thread.id, first)).execute();
    });
  }

  async addComment(caseId: string, threadId: string, comment: NewComment): Promise<void> {
    await this.db.insertInto('comments').values(commentRow(caseId, threadId, comment)).execute();
  }

  /** Marks a thread resolved (by whom, when), or open again with `null`. */
  async setResolved(caseId: string, threadId: string, resolution: { by: string; at: string } | null): Promise<void> {
    const set = resolution ? { resolved_at: resolution.at, resolved_by: resolution.by } : { resolved_at: null, resolved_by: null };
    await this.db.updateTable('comment_threads').set(set).where('case_id', '=', caseId).where('id', '=', threadId).execute();
  }

  /**
   * Records a request's answer, resolving the thread, with the answer's reason as a comment, in
   * one transaction. Only the first answer counts: false when the thread had one already (also
   * one given at the same moment by someone else), and then nothing is written.
   */
  async answer(caseId: string, threadId: string, decision: StoredDecision, reason: NewComment): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const set = await trx
        .updateTable('comment_threads')
        .set({ decision: decision.outcome, decided_by: decision.by, decided_at: decision.at, resolved_at: decision.at, resolved_by: decision.by })
        .where('case_id', '=', caseId)
        .where('id', '=', threadId)
        .where('decision', 'is', null)
        .executeTakeFirst();
      if (Number(set.numUpdatedRows) === 0) return false;
      await trx.insertInto('comments').values(commentRow(caseId, threadId, reason)).execute();
      return true;
    });
  }

  async setAnchor(caseId: string, threadId: string, anchor: CommentAnchor): Promise<void> {
    await this.db.updateTable('comment_threads').set({ anchor: JSON.stringify(anchor) }).where('case_id', '=', caseId).where('id', '=', threadId).execute();
  }

  /** The threads as their readers see them: with their comments and the names of who wrote, answered and resolved. */
  async views(threads: readonly StoredThread[]): Promise<ThreadView[]> {
    if (threads.length === 0) return [];
    const rows = await this.db
      .selectFrom('comments')
      .selectAll()
      .where(
        'thread_id',
        'in',
        threads.map((t) => t.id),
      )
      .orderBy('id')
      .execute();
    const comments = rows.map(toComment);
    const nameOf = await namesOf(this.sql, [...comments.map((c) => c.userId), ...threads.flatMap((t) => [t.resolvedBy, t.decision?.by].filter((u) => u != null))]);
    return threads.map((t) => ({
      id: t.id,
      sectionId: t.sectionId,
      anchor: t.anchor,
      visibility: t.visibility,
      kind: t.kind,
      decision: t.decision ? { ...t.decision, by: nameOf(t.decision.by) } : null,
      resolvedAt: t.resolvedAt,
      resolvedBy: t.resolvedBy ? nameOf(t.resolvedBy) : null,
      comments: comments
        .filter((c) => c.threadId === t.id)
        .map((c) => ({ id: String(c.id), author: { userId: c.userId, name: nameOf(c.userId), role: c.role }, body: c.body, at: c.at })),
    }));
  }
}

function commentRow(caseId: string, threadId: string, c: NewComment) {
  return { thread_id: threadId, case_id: caseId, user_id: c.userId, role: c.role, body: c.body, at: c.at };
}

function toThread(r: CommentThreadsTable): StoredThread {
  return StoredThread.parse({
    id: r.id,
    caseId: r.case_id,
    sectionId: r.section_id,
    anchor: JSON.parse(r.anchor),
    visibility: r.visibility,
    kind: r.kind,
    // An answer is whole or absent: outcome, who and when.
    decision: r.decision && r.decided_by && r.decided_at ? { outcome: r.decision, by: r.decided_by, at: r.decided_at } : null,
    createdBy: r.created_by,
    createdAt: r.created_at,
    resolvedAt: r.resolved_at,
    resolvedBy: r.resolved_by,
  });
}

function toComment(r: Omit<CommentsTable, 'id'> & { id: number }): StoredComment {
  return StoredComment.parse({ id: r.id, threadId: r.thread_id, userId: r.user_id, role: r.role, body: r.body, at: r.at });
}
