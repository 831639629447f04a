import type { FastifyInstance, FastifyRequest } from 'fastify';
import * as Y from 'yjs';
import { z } from 'zod';
import { atLeast, type Participant } from '../../shared/caseModel.ts';
import { AnswerRequest, CommentAnchor, type CommentVisibility, DESTROYING_OUTCOME, isRequest, NewReply, NewThread, OUTCOME_LABEL, REQUESTS, type RequestKind, RequestOutcome, ResolveThread, ThreadKind, type ThreadView } from '../../shared/comments.ts';
import { newId } from '../../shared/ids.ts';
import { may } from '../../shared/access/may.ts';
import { DestructionRefused, destroyStored } from '../history/destroyStored.ts';
import { anchorTouches, removalOf } from '../history/destruction.ts';
import { readSection } from '../sync/sectionContent.ts';
import type { Services } from '../services.ts';
import type { CommentThreadsTable } from '../store/schema.ts';
import { HttpError, notFound, parse } from './errors.ts';
import { requireParticipant } from './requestContext.ts';
import { requireSection, type SectionContext, sectionFor } from './sectionAccess.ts';

const ThreadId = z.string().regex(/^draad-[a-z0-9]{1,40}$/);

/**
 * Comment threads on sections. Reading needs read access to the section, writing comment access.
 * A professionals-only thread does not exist for a family member: not in a list, not by id (the
 * same 404 as an unknown id), not in a live event.
 */
export function commentRoutes(app: FastifyInstance, s: Services): void {
  app.get('/api/cases/:caseId/sections/:sectionId/threads', async (req): Promise<ThreadView[]> => {
    const ctx = await requireSection(s, req);
    return visibleThreads(s, ctx.me, ctx.caseId, [ctx.section.id]);
  });

  app.post('/api/cases/:caseId/sections/:sectionId/threads', async (req): Promise<ThreadView> => {
    const ctx = await requireSection(s, req);
    const body = parse(NewThread, req.body);
    mayWrite(ctx);
    const verdict = may(ctx.me, 'start-thread', { kind: body.kind, visibility: body.visibility });
    if (!verdict.ok) throw new HttpError(403, 'forbidden', verdict.reason, verdict.about);
    checkAnchor(body.anchor);
    const at = new Date().toISOString();
    const id = newId('draad');
    await s.sql.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('comment_threads')
        .values({
          id,
          case_id: ctx.caseId,
          section_id: ctx.section.id,
          anchor: JSON.stringify(body.anchor),
          visibility: body.visibility,
          kind: body.kind,
          decision: null,
          decided_by: null,
          decided_at: null,
          created_by: ctx.me.userId,
          created_at: at,
          resolved_at: null,
          resolved_by: null,
        })
        .execute();
      await trx.insertInto('comments').values({ thread_id: id, case_id: ctx.caseId, user_id: ctx.me.userId, role: ctx.me.role, body: body.body, at }).execute();
    });
    if (isRequest(body.kind)) await recordRequest(s, ctx, body.kind, id);
    announce(s, ctx, body.visibility);
    return threadView(s, ctx.caseId, id);
  });

  app.post('/api/cases/:caseId/threads/:threadId/comments', async (req): Promise<ThreadView> => {
    const { ctx, thread } = await requireThread(s, req);
    const body = parse(NewReply, req.body);
    mayWrite(ctx);
    await s.sql.db
      .insertInto('comments')
      .values({ thread_id: thread.id, case_id: ctx.caseId, user_id: ctx.me.userId, role: ctx.me.role, body: body.body, at: new Date().toISOString() })
      .execute();
    announce(s, ctx, thread.visibility as CommentVisibility);
    return threadView(s, ctx.caseId, thread.id);
  });

  app.post('/api/cases/:caseId/threads/:threadId/resolve', async (req): Promise<ThreadView> => {
    const { ctx, thread } = await requireThread(s, req);
    const body = parse(ResolveThread, req.body);
    mayWrite(ctx);
    const kind = ThreadKind.parse(thread.kind);
    if (isRequest(kind)) {
      const [done, notDone] = REQUESTS[kind].outcomes.map((o) => OUTCOME_LABEL[o].toLowerCase());
      throw new HttpError(409, 'conflict', `Een ${REQUESTS[kind].name.toLowerCase()} sluit je met een antwoord: ${done} of ${notDone}, en waarom.`);
    }
    const update = body.resolved ? { resolved_at: new Date().toISOString(), resolved_by: ctx.me.userId } : { resolved_at: null, resolved_by: null };
    await s.sql.db.updateTable('comment_threads').set(update).where('case_id', '=', ctx.caseId).where('id', '=', thread.id).execute();
    announce(s, ctx, thread.visibility as CommentVisibility);
    return threadView(s, ctx.caseId, thread.id);
  });

  /** The answer to a family member's request: by someone who may edit the section, with the reason. */
  app.post('/api/cases/:caseId/threads/:threadId/decision', async (req): Promise<ThreadView> => {
    const { ctx, thread } = await requireThread(s, req);
    const body = parse(AnswerRequest, req.body);
    const kind = ThreadKind.parse(thread.kind);
    if (!isRequest(kind)) throw new HttpError(409, 'conflict', 'Dit is een reactie, geen verzoek.');
    if (!REQUESTS[kind].outcomes.includes(body.outcome)) {
      throw new HttpError(400, 'invalid_input', `outcome: een ${REQUESTS[kind].name.toLowerCase()} is ${REQUESTS[kind].outcomes.join(' of ')}.`, 'outcome');
    }
    const verdict = may(ctx.me, 'answer-request', { kind, level: ctx.level });
    if (!verdict.ok) throw new HttpError(403, 'forbidden', verdict.reason);
    // Before destroying anything: an answered request stays answered as it was.
    if (thread.decision) throw new HttpError(409, 'conflict', 'Dit verzoek is al beantwoord.');
    const anchor = anchorOf(thread);
    const destroying = body.outcome === DESTROYING_OUTCOME;
    // Destroyed first: an answer "Verwijderd" that is recorded has its text gone from the history too.
    if (destroying) await destroyRequested(s, ctx, thread.id, anchor);
    const at = new Date().toISOString();
    const answered = await s.sql.db.transaction().execute(async (trx) => {
      // Only the first answer counts; a second one at the same moment changes nothing.
      const set = await trx
        .updateTable('comment_threads')
        .set({ decision: body.outcome, decided_by: ctx.me.userId, decided_at: at, resolved_at: at, resolved_by: ctx.me.userId })
        .where('case_id', '=', ctx.caseId)
        .where('id', '=', thread.id)
        .where('decision', 'is', null)
        .executeTakeFirst();
      if (Number(set.numUpdatedRows) === 0) return false;
      await trx.insertInto('comments').values({ thread_id: thread.id, case_id: ctx.caseId, user_id: ctx.me.userId, role: ctx.me.role, body: body.body, at }).execute();
      return true;
    });
    if (!answered) throw new HttpError(409, 'conflict', 'Dit verzoek is al beantwoord.');
    await recordRequest(s, ctx, kind, thread.id, body.outcome);
    announce(s, ctx, thread.visibility as CommentVisibility);
    return threadView(s, ctx.caseId, thread.id);
  });
}

/**
 * Takes the text of a removal request out of the section (as an edit by the one who answers) when
 * it is still there, destroys it in everything stored of the section, and tells every process.
 */
async function destroyRequested(s: Services, ctx: SectionContext, threadId: string, anchor: CommentAnchor): Promise<void> {
  const refused = (problem: DestructionRefused['problem'] | 'meer-alineas') =>
    new HttpError(
      409,
      'not_removed',
      problem === 'meer-alineas'
        ? 'Deze tekst loopt over meer dan één alinea. Haal hem zelf weg uit het onderdeel; daarna kun je "Verwijderd" antwoorden.'
        : problem === 'nog-aanwezig'
          ? 'Er staat nog iets van deze tekst in het onderdeel. Haal dat weg; daarna kun je "Verwijderd" antwoorden.'
          : 'De tekst van dit verzoek is niet te vinden in wat van dit onderdeel is opgeslagen.',
    );
  const attempt = () => destroyStored(s.documents, ctx.room, anchor).catch((e: unknown) => (e instanceof DestructionRefused ? e.problem : Promise.reject(e)));
  let result = await attempt();
  if (result === 'nog-aanwezig') {
    const removal = await readSection(s.registry, ctx.room, (doc) => removalOf(anchor, doc));
    if (!removal) throw refused('meer-alineas');
    await s.sync.applyServerEdit(ctx.caseId, ctx.section.id, ctx.me, removal);
    result = await attempt();
  }
  if (typeof result === 'string') throw refused(result);
  const destroyed = result;
  // Every thread on the section that points into it or quotes it (this request among them) loses its quote.
  const threads = await s.sql.db.selectFrom('comment_threads').select(['id', 'anchor']).where('case_id', '=', ctx.caseId).where('section_id', '=', ctx.section.id).execute();
  for (const t of threads) {
    const other = anchorOf(t);
    if (t.id !== threadId && !anchorTouches(other, destroyed.found, destroyed.texts)) continue;
    await s.sql.db.updateTable('comment_threads').set({ anchor: JSON.stringify({ ...other, quote: '' }) }).where('case_id', '=', ctx.caseId).where('id', '=', t.id).execute();
  }
  s.history.forget(ctx.room);
  s.fanout.control({ type: 'history-rewritten', caseId: ctx.caseId, room: ctx.room });
  s.fanout.control({ type: 'case-changed', caseId: ctx.caseId, what: 'sections', sectionId: ctx.section.id });
}

const REQUEST_EVENTS = {
  correctieverzoek: ['correctie-gevraagd', 'correctie-beantwoord'],
  verwijderverzoek: ['verwijdering-gevraagd', 'verwijdering-beantwoord'],
} as const;

/** Logs a request (no outcome yet) or its answer. */
function recordRequest(s: Services, ctx: SectionContext, kind: RequestKind, threadId: string, outcome?: RequestOutcome) {
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

/**
 * The threads on the given sections that the caller may read; the caller must be able to read the
 * sections. Filtered in the query: rows a family member may not see are never read out.
 */
export async function visibleThreads(s: Services, me: Participant, caseId: string, sectionIds: readonly string[]): Promise<ThreadView[]> {
  if (sectionIds.length === 0) return [];
  let query = s.sql.db.selectFrom('comment_threads').selectAll().where('case_id', '=', caseId).where('section_id', 'in', [...sectionIds]);
  if (!may(me, 'read-professional-comments', null).ok) query = query.where('visibility', '=', 'iedereen');
  return threadViews(s, await query.orderBy('created_at').orderBy('id').execute());
}

/**
 * The thread in the URL and its section, as the caller may see them. Unknown thread, a section the
 * caller cannot see, and a professionals-only thread for a family member: one and the same 404.
 */
async function requireThread(s: Services, req: FastifyRequest) {
  const { me, caseId } = await requireParticipant(s, req);
  const id = ThreadId.safeParse((req.params as { threadId?: unknown }).threadId);
  if (!id.success) throw notFound();
  const thread = await s.sql.db.selectFrom('comment_threads').selectAll().where('case_id', '=', caseId).where('id', '=', id.data).executeTakeFirst();
  if (!thread) throw notFound();
  if (thread.visibility !== 'iedereen' && !may(me, 'read-professional-comments', null).ok) throw notFound();
  const ctx = await sectionFor(s, me, caseId, thread.section_id);
  return { ctx, thread };
}

function mayWrite(ctx: SectionContext): void {
  if (!atLeast(ctx.level, 'comment')) throw new HttpError(403, 'forbidden', 'Je mag dit onderdeel lezen, maar er niet op reageren.');
}

/** A thread row's anchor, stored as JSON. */
function anchorOf(row: Pick<CommentThreadsTable, 'anchor'>): CommentAnchor {
  return CommentAnchor.parse(JSON.parse(row.anchor));
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
      throw new HttpError(400, 'invalid_input', `anchor.${field}: geen geldige positie in de tekst.`, `anchor.${field}`);
    }
  }
}

function announce(s: Services, ctx: SectionContext, visibility: CommentVisibility): void {
  s.fanout.control({
    type: 'case-changed',
    caseId: ctx.caseId,
    what: 'comments',
    sectionId: ctx.section.id,
    ...(visibility === 'professionals' ? { professionalsOnly: true as const } : {}),
  });
}

async function threadView(s: Services, caseId: string, id: string): Promise<ThreadView> {
  const row = await s.sql.db.selectFrom('comment_threads').selectAll().where('case_id', '=', caseId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  const [view] = await threadViews(s, [row]);
  return view!;
}

async function threadViews(s: Services, threads: CommentThreadsTable[]): Promise<ThreadView[]> {
  if (threads.length === 0) return [];
  const comments = await s.sql.db
    .selectFrom('comments')
    .selectAll()
    .where(
      'thread_id',
      'in',
      threads.map((t) => t.id),
    )
    .orderBy('id')
    .execute();
  const nameOf = await s.directory.namesOf([...comments.map((c) => c.user_id), ...threads.flatMap((t) => [t.resolved_by, t.decided_by].filter((u) => u !== null))]);
  return threads.map((t) => ({
    id: t.id,
    sectionId: t.section_id,
    anchor: anchorOf(t),
    visibility: t.visibility as CommentVisibility,
    kind: ThreadKind.parse(t.kind),
    decision: t.decision && t.decided_by && t.decided_at ? { outcome: RequestOutcome.parse(t.decision), by: nameOf(t.decided_by), at: t.decided_at } : null,
    resolvedAt: t.resolved_at,
    resolvedBy: t.resolved_by ? nameOf(t.resolved_by) : null,
    comments: comments
      .filter((c) => c.thread_id === t.id)
      .map((c) => ({ id: String(c.id), author: { userId: c.user_id, name: nameOf(c.user_id), role: c.role }, body: c.body, at: c.at })),
  }));
}
