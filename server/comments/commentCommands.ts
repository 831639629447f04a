import * as Y from 'yjs';
import { may } from '../../shared/access/may.ts';
import { atLeast } from '../../shared/caseModel.ts';
import {
  type AnswerRequest,
  type CommentAnchor,
  type CommentVisibility,
  DESTROYING_OUTCOME,
  isRequest,
  type NewReply,
  type NewThread,
  OUTCOME_LABEL,
  REQUESTS,
  type RequestKind,
  type RequestOutcome,
  type StoredThread,
  type ThreadView,
} from '../../shared/comments.ts';
import { newId } from '../../shared/ids.ts';
import type { SectionContext } from '../access/sectionContext.ts';
import { DomainError } from '../domainError.ts';
import { checkMentions } from '../notices/mentions.ts';
import type { Services } from '../services.ts';
import type { NewComment } from './commentStore.ts';
import { destroyRequested } from './destroyRequested.ts';

/** What a comment command needs: the store, the audit log and the live events. */
export type CommentDeps = Pick<Services, 'comments' | 'audit' | 'events' | 'sql' | 'cases'>;

/*
 * The commands on comment threads. Each one takes the section as the caller may reach it
 * (`SectionContext`, from the one access policy), checks its rule, writes, logs what NEN 7513 and
 * the Jeugdwet ask to log, and tells open pages in every process; it answers with the thread as
 * the caller now sees it. A refusal is a `DomainError`.
 */

/** Starts a thread on a text range or block with its first comment; a request is logged. */
export async function startThread(s: CommentDeps, ctx: SectionContext, input: NewThread): Promise<ThreadView> {
  mayComment(ctx);
  const verdict = may(ctx.me, 'start-thread', { kind: input.kind, visibility: input.visibility });
  if (!verdict.ok) throw new DomainError('forbidden', verdict.reason, verdict.about);
  checkAnchor(input.anchor);
  const tellMentioned = await checkMentions(s, ctx, input.body, input.visibility);
  const id = newId('draad');
  await s.comments.startThread({ id, caseId: ctx.caseId, sectionId: ctx.section.id, anchor: input.anchor, visibility: input.visibility, kind: input.kind }, commentBy(ctx, input.body));
  if (isRequest(input.kind)) await recordRequest(s, ctx, input.kind, id);
  announce(s, ctx, input.visibility);
  await tellMentioned();
  return view(s, ctx.caseId, id);
}

/** Adds a comment to a thread. */
export async function reply(s: CommentDeps, ctx: SectionContext, thread: StoredThread, input: NewReply): Promise<ThreadView> {
  mayComment(ctx);
  const tellMentioned = await checkMentions(s, ctx, input.body, thread.visibility);
  await s.comments.addComment(ctx.caseId, thread.id, commentBy(ctx, input.body));
  announce(s, ctx, thread.visibility);
  await tellMentioned();
  return view(s, ctx.caseId, thread.id);
}

/** Resolves a reaction, or reopens it. A request is closed only by its answer (`answerRequest`). */
export async function setResolved(s: CommentDeps, ctx: SectionContext, thread: StoredThread, resolved: boolean): Promise<ThreadView> {
  mayComment(ctx);
  if (isRequest(thread.kind)) {
    const { name, outcomes } = REQUESTS[thread.kind];
    const [done, notDone] = outcomes.map((o) => OUTCOME_LABEL[o].toLowerCase());
    throw new DomainError('conflict', `Een ${name.toLowerCase()} sluit je met een antwoord: ${done} of ${notDone}, en waarom.`);
  }
  const verdict = may(ctx.me, 'resolve-thread', { startedBy: thread.createdBy, level: ctx.level });
  if (!verdict.ok) throw new DomainError('forbidden', verdict.reason);
  await s.comments.setResolved(ctx.caseId, thread.id, resolved ? { by: ctx.me.userId, at: new Date().toISOString() } : null);
  announce(s, ctx, thread.visibility);
  return view(s, ctx.caseId, thread.id);
}

/**
 * The answer to a family member's request, with the reason, by someone who may edit the section.
 * "Verwijderd" first destroys the text in the section and its history (`destroyRequested`): an
 * answer that is recorded has its text gone. Only the first answer counts.
 */
export async function answerRequest(s: Services, ctx: SectionContext, thread: StoredThread, input: AnswerRequest): Promise<ThreadView> {
  const { kind } = thread;
  if (!isRequest(kind)) throw new DomainError('conflict', 'Dit is een reactie, geen verzoek.');
  const { name, outcomes } = REQUESTS[kind];
  if (!outcomes.includes(input.outcome)) throw new DomainError('invalid', `een ${name.toLowerCase()} is ${outcomes.join(' of ')}.`, 'outcome');
  const verdict = may(ctx.me, 'answer-request', { kind, level: ctx.level });
  if (!verdict.ok) throw new DomainError('forbidden', verdict.reason);
  // Before destroying anything: an answered request stays answered as it was.
  if (thread.decision) throw alreadyAnswered();
  if (input.outcome === DESTROYING_OUTCOME) await destroyRequested(s, ctx, thread.id, thread.anchor);
  const reason = commentBy(ctx, input.body);
  const answered = await s.comments.answer(ctx.caseId, thread.id, { outcome: input.outcome, by: ctx.me.userId, at: reason.at }, reason);
  if (!answered) throw alreadyAnswered();
  await recordRequest(s, ctx, kind, thread.id, input.outcome);
  announce(s, ctx, thread.visibility);
  return view(s, ctx.caseId, thread.id);
}

const alreadyAnswered = () => new DomainError('conflict', 'Dit verzoek is al beantwoord.');

function mayComment(ctx: SectionContext): void {
  if (!atLeast(ctx.level, 'comment')) throw new DomainError('forbidden', 'Je mag dit onderdeel lezen, maar er niet op reageren.');
}

function commentBy(ctx: SectionContext, body: string): NewComment {
  return { userId: ctx.me.userId, role: ctx.me.role, body, at: new Date().toISOString() };
}

/** Range anchors must be Yjs relative positions; anything else could not follow the text. */
function checkAnchor(anchor: CommentAnchor): void {
  if (anchor.kind !== 'range') return;
  for (const field of ['start', 'end'] as const) {
    try {
      const bytes = Buffer.from(anchor[field], 'base64');
      if (bytes.length === 0) throw new Error('empty');
      Y.decodeRelativePosition(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    } catch {
      throw new DomainError('invalid', 'geen geldige positie in de tekst.', `anchor.${field}`);
    }
  }
}

const REQUEST_EVENTS = {
  correctieverzoek: ['correctie-gevraagd', 'correctie-beantwoord'],
  verwijderverzoek: ['verwijdering-gevraagd', 'verwijdering-beantwoord'],
} as const;

/** Logs a request (no outcome yet) or its answer; an ordinary comment is not an audit event. */
function recordRequest(s: CommentDeps, ctx: SectionContext, kind: RequestKind, threadId: string, outcome?: RequestOutcome) {
  const { me, caseId, section } = ctx;
  const [asked, answered] = REQUEST_EVENTS[kind];
  return s.audit.record({
    event: outcome ? answered : asked,
    caseId,
    sectionId: section.id,
    userId: me.userId,
    role: me.role,
    organisationId: me.organisationId,
    detail: JSON.stringify({ draad: threadId, ...(outcome ? { uitkomst: outcome } : {}) }),
  });
}

/** Tells open pages to re-read the section's threads; a professionals-only thread is no news for the family. */
function announce(s: CommentDeps, ctx: SectionContext, visibility: CommentVisibility): void {
  s.events.publish({
    type: 'case-changed',
    caseId: ctx.caseId,
    what: 'comments',
    sectionId: ctx.section.id,
    ...(visibility === 'professionals' ? { professionalsOnly: true as const } : {}),
  });
}

async function view(s: CommentDeps, caseId: string, threadId: string): Promise<ThreadView> {
  const thread = await s.comments.thread(caseId, threadId);
  if (!thread) throw new DomainError('not_found', 'Niet gevonden.');
  const [shown] = await s.comments.views([thread]);
  return shown!;
}
