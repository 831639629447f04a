import { z } from 'zod';
import type { ApprovalMark } from '../../shared/sinceApproval.ts';
import type { NameOf } from '../directory/names.ts';
import type { UpdateLog } from '../documents/updateLog.ts';
import type { SqlStore } from '../store/db.ts';
import { versionAt } from './historyMarks.ts';

const ApprovalRow = z.object({
  approved_by: z.string(),
  approved_at: z.string(),
  withdrawn_at: z.string().nullable(),
  withdrawn_by: z.string().nullable(),
});
type ApprovalRow = z.infer<typeof ApprovalRow>;

/** The approvals of one section, newest first (rows of `approvals`, parsed). */
export async function approvalRows(sql: SqlStore, caseId: string, sectionId: string): Promise<ApprovalRow[]> {
  const rows = await sql.db
    .selectFrom('approvals')
    .select(['approved_by', 'approved_at', 'withdrawn_at', 'withdrawn_by'])
    .where('case_id', '=', caseId)
    .where('section_id', '=', sectionId)
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ApprovalRow.parse(r));
}

/**
 * Each approval with the version it approved: the last update stored at or before the moment of
 * approval. An approval is bound to the live document's content (review/reviewService.ts), and
 * every update is stored before anyone sees it, so that update is the approved content.
 */
export async function approvalMarks(
  sql: SqlStore,
  log: UpdateLog,
  namesOf: (ids: string[]) => Promise<NameOf>,
  where: { caseId: string; sectionId: string; room: string },
): Promise<ApprovalMark[]> {
  const rows = await approvalRows(sql, where.caseId, where.sectionId);
  if (rows.length === 0) return [];
  const nameOf = await namesOf(rows.flatMap((r) => [r.approved_by, ...(r.withdrawn_by ? [r.withdrawn_by] : [])]));
  const room = where.room;
  const updates = await log.updatesAfter(room, 0);
  return rows.map((r) => ({
    by: nameOf(r.approved_by),
    byUserId: r.approved_by,
    at: r.approved_at,
    withdrawnAt: r.withdrawn_at,
    withdrawnBy: r.withdrawn_by ? nameOf(r.withdrawn_by) : null,
    versionId: versionAt(updates, r.approved_at),
  }));
}
