import { z } from 'zod';

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
