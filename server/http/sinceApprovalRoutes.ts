import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type ApprovalMark, type SinceApproval, summariseDiff, type VersionSummary } from '../../shared/sinceApproval.ts';
import { approvalMarks } from '../history/approvals.ts';
import type { Services } from '../services.ts';
import { notFound } from './errors.ts';
import { requireHistory } from './sectionAccess.ts';

/** The section and its approvals, for someone who may read its history. */
async function approvalsOf(s: Services, req: FastifyRequest) {
  const ctx = await requireHistory(s, req);
  const marks = await approvalMarks(s.sql, s.updateLog, (ids) => s.directory.namesOf(ids), { caseId: ctx.caseId, sectionId: ctx.section.id, room: ctx.room });
  return { ...ctx, marks };
}

/**
 * Approvals in the history of a section, and "wat is er veranderd sinds de goedkeuring": the
 * version the latest approval was given to, with its word-by-word difference with now. For
 * everyone who may read the section's history, as the versions themselves are.
 */
export function sinceApprovalRoutes(app: FastifyInstance, s: Services): void {
  app.get('/api/cases/:caseId/sections/:sectionId/approvals', async (req): Promise<ApprovalMark[]> => {
    return (await approvalsOf(s, req)).marks;
  });

  app.get('/api/cases/:caseId/sections/:sectionId/version-summaries', async (req): Promise<VersionSummary[]> => {
    const { room } = await requireHistory(s, req);
    return [...(await s.history.summaries(room))].map(([versionId, summary]) => ({ versionId, summary }));
  });

  app.get('/api/cases/:caseId/sections/:sectionId/since-approval', async (req): Promise<SinceApproval> => {
    const { room, marks } = await approvalsOf(s, req);
    const approval = marks[0];
    if (!approval || approval.versionId === null) throw notFound();
    const detail = await s.history.detail(room, approval.versionId, await s.directory.namesOf(await s.history.authors(room)), s.log);
    if (!detail) throw notFound();
    return { approval, detail, summary: summariseDiff(detail.diff) };
  });
}
