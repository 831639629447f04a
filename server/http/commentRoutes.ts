import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AnswerRequest, NewReply, NewThread, ResolveThread, type ThreadView } from '../../shared/comments.ts';
import { answerRequest, reply, setResolved, startThread } from '../comments/commentCommands.ts';
import { visibleThread, visibleThreads } from '../comments/threadQueries.ts';
import type { Services } from '../services.ts';
import { notFound, parse } from './errors.ts';
import { requireParticipant } from './requestContext.ts';
import { requireSection, sectionFor } from './sectionAccess.ts';

/**
 * Comment threads on sections. Reading needs read access to the section, writing comment access.
 * A professionals-only thread does not exist for a family member: not in a list, not by id (the
 * same 404 as an unknown id), not in a live event. The rules, writes, audit and live events are
 * the commands' (`comments/commentCommands.ts`).
 */
export function commentRoutes(app: FastifyInstance, s: Services): void {
  app.get('/api/cases/:caseId/sections/:sectionId/threads', async (req): Promise<ThreadView[]> => {
    const ctx = await requireSection(s, req);
    return visibleThreads(s.comments, ctx.me, ctx.caseId, [ctx.section.id]);
  });

  app.post('/api/cases/:caseId/sections/:sectionId/threads', async (req): Promise<ThreadView> => {
    const ctx = await requireSection(s, req);
    return startThread(s, ctx, parse(NewThread, req.body));
  });

  app.post('/api/cases/:caseId/threads/:threadId/comments', async (req): Promise<ThreadView> => {
    const { ctx, thread } = await requireThread(s, req);
    return reply(s, ctx, thread, parse(NewReply, req.body));
  });

  app.post('/api/cases/:caseId/threads/:threadId/resolve', async (req): Promise<ThreadView> => {
    const { ctx, thread } = await requireThread(s, req);
    return setResolved(s, ctx, thread, parse(ResolveThread, req.body).resolved);
  });

  /** The answer to a family member's request: by someone who may edit the section, with the reason. */
  app.post('/api/cases/:caseId/threads/:threadId/decision', async (req): Promise<ThreadView> => {
    const { ctx, thread } = await requireThread(s, req);
    return answerRequest(s, ctx, thread, parse(AnswerRequest, req.body));
  });
}

/**
 * The thread in the URL and its section, as the caller may see them. Unknown thread, a section the
 * caller cannot see, and a professionals-only thread for a family member: one and the same 404.
 */
async function requireThread(s: Services, req: FastifyRequest) {
  const { me, caseId } = await requireParticipant(s, req);
  const thread = await visibleThread(s.comments, me, caseId, (req.params as { threadId?: unknown }).threadId);
  if (!thread) throw notFound();
  const ctx = await sectionFor(s, me, caseId, thread.sectionId);
  return { ctx, thread };
}
