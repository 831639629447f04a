import { z } from 'zod';
import { type DiffRun, VersionDetail } from './history.ts';

/**
 * An approval of a section as the history shows it: who approved, when, whether a later change
 * withdrew it, and the version (row id of the update log) that was approved.
 */
export const ApprovalMark = z.object({
  by: z.string(),
  byUserId: z.string(),
  at: z.string(),
  withdrawnAt: z.string().nullable(),
  withdrawnBy: z.string().nullable(),
  /** The version approved: the last stored update at the moment of approval (null: the section was empty). */
  versionId: z.number().int().nullable(),
});
export type ApprovalMark = z.infer<typeof ApprovalMark>;

/** How much a diff changed, in words and blocks: the one line under a version. */
export const DiffSummary = z.object({ wordsAdded: z.number().int(), wordsRemoved: z.number().int(), blocksChanged: z.number().int() });
export type DiffSummary = z.infer<typeof DiffSummary>;

/** `GET …/sections/:sectionId/version-summaries`: what each recent version changed against the one before it. */
export const VersionSummary = z.object({ versionId: z.number().int(), summary: DiffSummary });
export type VersionSummary = z.infer<typeof VersionSummary>;

/** `GET …/sections/:sectionId/since-approval`: what changed since the latest approval, word by word. */
export const SinceApproval = z.object({ approval: ApprovalMark, detail: VersionDetail, summary: DiffSummary });
export type SinceApproval = z.infer<typeof SinceApproval>;

const wordCount = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/** Words added and removed and the blocks (paragraphs, list items, safety-plan blocks) that differ. */
export function summariseDiff(diff: readonly { runs: readonly Pick<DiffRun, 'kind' | 'text'>[] }[]): DiffSummary {
  let wordsAdded = 0;
  let wordsRemoved = 0;
  let blocksChanged = 0;
  for (const block of diff) {
    if (block.runs.some((r) => r.kind !== 'same')) blocksChanged++;
    for (const r of block.runs) {
      if (r.kind === 'added') wordsAdded += wordCount(r.text);
      if (r.kind === 'removed') wordsRemoved += wordCount(r.text);
    }
  }
  return { wordsAdded, wordsRemoved, blocksChanged };
}

/** "+12 / −3 woorden, 2 alinea's of blokken": the summary in words. */
export function summaryLine(s: DiffSummary): string {
  if (s.blocksChanged === 0) return 'geen verschil';
  const blocks = s.blocksChanged === 1 ? '1 alinea of blok' : `${s.blocksChanged} alinea's of blokken`;
  return `+${s.wordsAdded} / −${s.wordsRemoved} woorden in ${blocks}`;
}
