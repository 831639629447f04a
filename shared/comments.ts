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
 * A reaction, or a family member's request about what the file says: to correct it, or to remove
 * it (the client may ask for correction or destruction, Jeugdwet 7.3.8–7.3.11). A request is
 * closed only by an answer, with a reason, from someone who may edit the section.
 */
export const ThreadKind = z.enum(['reactie', 'correctieverzoek', 'verwijderverzoek']);
export type ThreadKind = z.infer<typeof ThreadKind>;
export type RequestKind = Exclude<ThreadKind, 'reactie'>;

export function isRequest(kind: ThreadKind): kind is RequestKind {
  return kind !== 'reactie';
}

/** The answer to a request; its reason is the thread's last comment. */
export const RequestOutcome = z.enum(['verbeterd', 'niet_verbeterd', 'verwijderd', 'niet_verwijderd']);
export type RequestOutcome = z.infer<typeof RequestOutcome>;

/** Per kind of request: what it is called, and the two answers it can get (done, not done). */
export const REQUESTS: Record<RequestKind, { name: string; outcomes: readonly [RequestOutcome, RequestOutcome] }> = {
  correctieverzoek: { name: 'Verzoek om verbetering', outcomes: ['verbeterd', 'niet_verbeterd'] },
  verwijderverzoek: { name: 'Verzoek om verwijdering', outcomes: ['verwijderd', 'niet_verwijderd'] },
};

/**
 * The answer that destroys: "Verwijderd" is only accepted once the text is out of the section,
 * and then also removes it from the section's history (Jeugdwet 7.3.9).
 */
export const DESTROYING_OUTCOME: RequestOutcome = 'verwijderd';

export const OUTCOME_LABEL: Record<RequestOutcome, string> = { verbeterd: 'Verbeterd', niet_verbeterd: 'Niet verbeterd', verwijderd: 'Verwijderd', niet_verwijderd: 'Niet verwijderd' };

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
  decision: z.object({ outcome: RequestOutcome, by: z.string(), at: z.string() }).nullable(),
  resolvedAt: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  comments: z.array(CommentView).min(1),
});
export type ThreadView = z.infer<typeof ThreadView>;

/**
 * A thread as the server stores it: a view without its comments, plus its case and who started it
 * when; people (`decision.by`, `resolvedBy`, `createdBy`) are user ids where the view has names.
 * Rows are read through this.
 */
export const StoredThread = ThreadView.omit({ comments: true }).extend({ caseId: z.string(), createdBy: z.string(), createdAt: z.string() });
export type StoredThread = z.infer<typeof StoredThread>;
/** A request's answer as stored: the outcome, who gave it (user id) and when. */
export type StoredDecision = NonNullable<StoredThread['decision']>;

/** One comment of a thread as stored; `role` is the author's role when writing. */
export const StoredComment = z.object({ id: z.number().int(), threadId: z.string(), userId: z.string(), role: z.string(), body: z.string(), at: z.string() });
export type StoredComment = z.infer<typeof StoredComment>;

const body = z.string().trim().min(1, 'Schrijf een reactie.').max(5000, 'De reactie is te lang (maximaal 5000 tekens).');

/** `POST /api/cases/:caseId/sections/:sectionId/threads` */
export const NewThread = z.object({ anchor: CommentAnchor, visibility: CommentVisibility, kind: ThreadKind.default('reactie'), body });
export type NewThread = z.infer<typeof NewThread>;

/** `POST /api/cases/:caseId/threads/:threadId/comments` */
export const NewReply = z.object({ body });
export type NewReply = z.infer<typeof NewReply>;

/** `POST /api/cases/:caseId/threads/:threadId/resolve` with `{ resolved }` (false reopens). */
export const ResolveThread = z.object({ resolved: z.boolean() });

/** `POST /api/cases/:caseId/threads/:threadId/decision`: the answer to a request, and why. */
export const AnswerRequest = z.object({
  outcome: RequestOutcome,
  body: z.string().trim().min(1, 'Schrijf aan het gezin wat je hebt gedaan, of waarom niet.').max(5000, 'Het antwoord is te lang (maximaal 5000 tekens).'),
});
export type AnswerRequest = z.infer<typeof AnswerRequest>;

/** Where a request stands, in the words the family reads in the app and in a copy; null for a reaction. */
export function requestState(t: Pick<ThreadView, 'kind' | 'decision'>): string | null {
  if (!isRequest(t.kind)) return null;
  const { name } = REQUESTS[t.kind];
  if (!t.decision) return `${name}, nog niet beantwoord`;
  const history = t.decision.outcome === DESTROYING_OUTCOME ? ' (ook uit de geschiedenis)' : '';
  return `${name}: ${OUTCOME_LABEL[t.decision.outcome].toLowerCase()}${history} door ${t.decision.by}, ${formatDateTime(t.decision.at)}`;
}
