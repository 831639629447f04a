import { z } from 'zod';
import { AccessLevel, LEVEL_LABEL, SectionStatus } from './caseModel.ts';
import { formatFullDateTime } from './format.ts';
import type { Role } from './roles.ts';
import { statusLabelFor } from './statusLabels.ts';

/** One version of a section: a run of edits with no pause longer than the session gap. */
export const VersionView = z.object({
  /** Id of the last logged update in the run; the version is the document as of that update. */
  id: z.number().int(),
  from: z.string(),
  until: z.string(),
  authors: z.array(z.object({ userId: z.string(), name: z.string() })),
});
export type VersionView = z.infer<typeof VersionView>;

/** Edits that are this close together form one version. */
export const SESSION_GAP_MS = 5 * 60_000;

/** A run of text in a diff, with who added or removed it. */
export const DiffRun = z.object({
  kind: z.enum(['same', 'added', 'removed']),
  text: z.string(),
  /** Who wrote (added) or deleted (removed) it; null for unchanged text. */
  by: z.object({ userId: z.string(), name: z.string() }).nullable(),
});
export type DiffRun = z.infer<typeof DiffRun>;

/** `GET …/versions/:versionId`: the version as ProseMirror JSON, and its diff against now per block. */
export const VersionDetail = z.object({
  version: VersionView,
  content: z.unknown(),
  diff: z.array(z.object({ runs: z.array(DiffRun) })),
});
export type VersionDetail = z.infer<typeof VersionDetail>;

/** The version a moment belongs to: the last stored update at or before it (null: before the first). */
const AtVersion = z.number().int().nullable();

/** A move of the section's status (concept → review → goedgekeurd → gedeeld → vastgesteld, or back). */
export const StatusMark = z.object({
  kind: z.literal('status'),
  at: z.string(),
  by: z.string(),
  from: SectionStatus,
  to: SectionStatus,
  reason: z.string(),
  versionId: AtVersion,
});
export type StatusMark = z.infer<typeof StatusMark>;

/**
 * The section opened to someone: a consent of the person it is about, a legal ground written down
 * by a professional, or an explicit grant by the regisseur. `with`: to whom, in words.
 */
export const ShareMark = z.object({
  kind: z.literal('share'),
  at: z.string(),
  by: z.string(),
  with: z.string(),
  basis: z.enum(['toestemming', 'wettelijke_grond', 'toekenning']),
  /** For a grant: what it allows. */
  level: AccessLevel.nullable(),
  until: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  versionId: AtVersion,
});
export type ShareMark = z.infer<typeof ShareMark>;

/** `GET …/sections/:sectionId/history-marks`: status changes and shares, oldest first, as the reader may know of them. */
export const HistoryMark = z.discriminatedUnion('kind', [StatusMark, ShareMark]);
export type HistoryMark = z.infer<typeof HistoryMark>;

/**
 * A mark in words, as the history shows it to someone in `role` (the family reads their own
 * status words): "Status: In review → Goedgekeurd, door Lotte Hendriks op 3 dec 2026, 10:15".
 */
export function historyMarkLine(mark: HistoryMark, role: Role): string {
  const when = `op ${formatFullDateTime(mark.at)}`;
  if (mark.kind === 'status') {
    const reason = mark.reason ? ` (${mark.reason})` : '';
    return `Status: ${statusLabelFor(role, mark.from)} → ${statusLabelFor(role, mark.to)}, door ${mark.by} ${when}${reason}`;
  }
  const line =
    mark.basis === 'toestemming'
      ? `Gedeeld met ${mark.with}: toestemming van ${mark.by} ${when}`
      : mark.basis === 'wettelijke_grond'
        ? `Gedeeld met ${mark.with}: wettelijke grond, vastgelegd door ${mark.by} ${when}`
        : `Gedeeld met ${mark.with} (${LEVEL_LABEL[mark.level ?? 'read']}): toegekend door ${mark.by} ${when}`;
  if (mark.withdrawnAt) return `${line} (ingetrokken op ${formatFullDateTime(mark.withdrawnAt)})`;
  return mark.until ? `${line} (tot ${formatFullDateTime(mark.until)})` : line;
}
