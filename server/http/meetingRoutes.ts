import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  type AgendaItem,
  AgendaUpdate,
  AttendanceOfRest,
  AttendanceUpdate,
  CloseMeeting,
  DecisionInput,
  MeetingId,
  MeetingPlan,
  type MeetingSummary,
  type MeetingView,
  MoveToItem,
  NoteUpdate,
} from '../../shared/meetings.ts';
import { editAgenda, type MeetingDeps, meetingOf, moveTo, planMeeting, recordPresence, recordPresenceOfRest, redraft, startMeeting, writeNote } from '../meetings/meetingCommands.ts';
import { closeMeeting, recordDecision } from '../meetings/meetingDecision.ts';
import { MeetingStore } from '../meetings/meetingStore.ts';
import { MeetingReads, meetingView, summaries } from '../meetings/meetingView.ts';
import { may } from '../../shared/access/may.ts';
import type { Participant } from '../../shared/caseModel.ts';
import { DomainError } from '../domainError.ts';
import type { Services } from '../services.ts';
import { notFound, parse } from './errors.ts';
import { requireParticipant } from './requestContext.ts';

/**
 * The Jeugdbeschermingstafel of a case (server/meetings/): plan it, edit its agenda, lead it (the
 * item on, attendance, notes), the Raad's decision, and closing it with the minutes and the
 * sections shared. Every participant of the case reads a Tafel as far as they may read its items.
 */
export function meetingRoutes(app: FastifyInstance, s: Services): void {
  const deps: MeetingDeps = { s, store: new MeetingStore(s.sql) };
  const reads = new MeetingReads();
  const shown = async (me: Participant, caseId: string, meetingId: string): Promise<MeetingView> => {
    const v = await meetingView(deps, me, await meetingOf(deps.store, caseId, meetingId));
    await reads.record(deps, me, v);
    return v;
  };
  const meeting = async (req: FastifyRequest) => {
    const ctx = await requireParticipant(s, req);
    const id = MeetingId.safeParse((req.params as { meetingId?: unknown }).meetingId);
    if (!id.success) throw notFound();
    return { ...ctx, m: await meetingOf(deps.store, ctx.caseId, id.data) };
  };
  const base = '/api/cases/:caseId/meetings';
  // Asked before the body is parsed: someone who may not do this learns nothing from how their body is read.
  const mayDo = (me: Participant, action: 'plan-meeting' | 'chair-meeting' | 'record-decision') => {
    const verdict = may(me, action, null);
    if (!verdict.ok) throw new DomainError('forbidden', verdict.reason);
  };

  app.get(base, async (req): Promise<MeetingSummary[]> => {
    const { caseId } = await requireParticipant(s, req);
    return summaries(await deps.store.meetingsOf(caseId));
  });

  app.post(base, async (req, reply) => {
    const { me, caseId } = await requireParticipant(s, req);
    mayDo(me, 'plan-meeting');
    const id = await planMeeting(deps, me, caseId, parse(MeetingPlan, req.body));
    return reply.status(201).send({ id });
  });

  app.get(`${base}/:meetingId`, async (req): Promise<MeetingView> => {
    const { me, m } = await meeting(req);
    return shown(me, m.caseId, m.id);
  });

  app.put(`${base}/:meetingId/agenda`, async (req): Promise<MeetingView> => {
    const { me, m } = await meeting(req);
    mayDo(me, 'plan-meeting');
    await editAgenda(deps, me, m, parse(AgendaUpdate, req.body).items);
    return shown(me, m.caseId, m.id);
  });

  app.post(`${base}/:meetingId/agenda/draft`, async (req): Promise<{ items: AgendaItem[] }> => {
    const { me, m } = await meeting(req);
    return { items: await redraft(deps, me, m) };
  });

  const change = (path: string, action: 'chair-meeting' | 'record-decision', run: (ctx: Awaited<ReturnType<typeof meeting>>, body: unknown) => Promise<void>) =>
    app.post(`${base}/:meetingId/${path}`, async (req): Promise<MeetingView> => {
      const ctx = await meeting(req);
      mayDo(ctx.me, action);
      await run(ctx, req.body);
      return shown(ctx.me, ctx.m.caseId, ctx.m.id);
    });
  change('start', 'chair-meeting', ({ me, m }) => startMeeting(deps, me, m));
  change('current', 'chair-meeting', ({ me, m }, body) => moveTo(deps, me, m, parse(MoveToItem, body).itemId));
  change('attendance', 'chair-meeting', ({ me, m }, body) => {
    const { userId, presence } = parse(AttendanceUpdate, body);
    return recordPresence(deps, me, m, userId, presence);
  });
  change('attendance/rest', 'chair-meeting', ({ me, m }, body) => recordPresenceOfRest(deps, me, m, parse(AttendanceOfRest, body).presence));
  change('notes', 'chair-meeting', ({ me, m }, body) => {
    const { itemId, text } = parse(NoteUpdate, body);
    return writeNote(deps, me, m, itemId, text);
  });
  change('decision', 'record-decision', ({ me, m }, body) => recordDecision(deps, me, m, parse(DecisionInput, body)));
  change('close', 'chair-meeting', ({ me, m }, body) => closeMeeting(deps, me, m, parse(CloseMeeting, body ?? {}).share));
}
