import { z } from 'zod';
import { formatDateTime } from './format.ts';

/** Who can read a comment thread: the professionals only, or everyone who can read the section. */
export const CommentVisibility = z.enum(['professionals', 'iedereen']);
export type CommentVisibility = z.infer<typeof CommentVisibility>;

/**
 * Where a thread points. A text range is a pair of Yjs RelativePositions (base64 of
 * `Y.encodeRelativePosition`), so the range follows concurrent edits; a block by its id. The
 * quoted text is kept, so a thread whose text was deleted still says what it was about.
 */
export const CommentAnchor = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('range'), start: z.string().min(1).max(400), end: z.string().min(1).max(400), quote: z.string().max(2000) }),
  z.object({ kind: z.literal('block'), blockId: z.string().regex(/^[a-z0-9-]{4,64}$/), quote: z.string().max(2000) }),
]);
export type CommentAnchor = z.infer<typeof CommentAnchor>;

/**
 * A reaction, or a family member's request to correct what the file says about them (the client
 * may ask for correction, Jeugdwet 7.3.8–7.3.11). A request is closed only by an answer.
 */
export const ThreadKind = z.enum(['reactie', 'correctieverzoek']);
export type ThreadKind = z.infer<typeof ThreadKind>;

/** The answer to a correction request; its reason is the thread's last comment. */
export const CorrectionOutcome = z.enum(['verbeterd', 'niet_verbeterd']);
export type CorrectionOutcome = z.infer<typeof CorrectionOutcome>;

export const CommentView = z.object({
  id: z.string(),
  author: z.object({ userId: z.string(), name: z.string(), role: z.string() }),
  body: z.string(),
  at: z.string(),
});
export type CommentView = z.infer<typeof CommentView>;

export const ThreadView = z.object({
  id: z.string(),
  sectionId: z.string(),
  anchor: CommentAnchor,
  visibility: CommentVisibility,
  kind: ThreadKind,
  decision: z.object({ outcome: CorrectionOutcome, by: z.string(), at: z.string() }).nullable(),
  resolvedAt: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  comments: z.array(CommentView).min(1),
});
export type ThreadView = z.infer<typeof ThreadView>;

const body = z.string().trim().min(1, 'Schrijf een reactie.').max(5000, 'De reactie is te lang (maximaal 5000 tekens).');

/** `POST /api/cases/:caseId/sections/:sectionId/threads` */
export const NewThread = z.object({ anchor: CommentAnchor, visibility: CommentVisibility, kind: ThreadKind.default('reactie'), body });
export type NewThread = z.infer<typeof NewThread>;

/** `POST /api/cases/:caseId/threads/:threadId/comments` */
export const NewReply = z.object({ body });

/** `POST /api/cases/:caseId/threads/:threadId/resolve` with `{ resolved }` (false reopens). */
export const ResolveThread = z.object({ resolved: z.boolean() });

/** `POST /api/cases/:caseId/threads/:threadId/decision`: the answer to a correction request, and why. */
export const DecideCorrection = z.object({
  outcome: CorrectionOutcome,
  body: z.string().trim().min(1, 'Schrijf aan het gezin wat je hebt gedaan, of waarom niet.').max(5000, 'Het antwoord is te lang (maximaal 5000 tekens).'),
});

export const OUTCOME_LABEL: Record<CorrectionOutcome, string> = { verbeterd: 'Verbeterd', niet_verbeterd: 'Niet verbeterd' };

/** Where a correction request stands, in the words the family reads in the app and in a copy; null for a reaction. */
export function correctionState(t: Pick<ThreadView, 'kind' | 'decision'>): string | null {
  if (t.kind !== 'correctieverzoek') return null;
  if (!t.decision) return 'Verzoek om verbetering, nog niet beantwoord';
  return `Verzoek om verbetering: ${OUTCOME_LABEL[t.decision.outcome].toLowerCase()} door ${t.decision.by}, ${formatDateTime(t.decision.at)}`;
}
