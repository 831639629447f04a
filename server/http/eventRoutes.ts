import type { FastifyInstance } from 'fastify';
import { accessFor } from '../../shared/access/accessFor.ts';
import { may } from '../../shared/access/may.ts';
import type { CaseEvent } from '../../shared/api.ts';
import type { CaseAccessContext, Participant, SectionInstance } from '../../shared/caseModel.ts';
import type { ControlMessage } from '../fanout/fanout.ts';
import type { Services } from '../services.ts';
import type { AccessHolder } from '../sync/accessWatch.ts';
import { requireParticipant } from './requestContext.ts';

/** An open stream; the access watch ends it when its access or its session ends. */
interface Listener extends AccessHolder {
  me: Participant;
  send(event: CaseEvent): void;
  /** Ends the stream: the listener is no longer in the case. */
  end(): void;
}

/**
 * `GET /api/cases/:caseId/events`: server-sent events that only say what kind of thing changed
 * (confirmations, comments, status, access, sections); the client re-reads through the
 * access-checked API, so an event never carries content. An event about one section reaches only
 * those who may read it, so even the moment a hidden section changes stays hidden.
 */
export function eventRoutes(app: FastifyInstance, s: Services): void {
  const listeners = new Set<Listener>();
  const reads = new CaseReads(s.cases);
  s.events.on((m) => void deliver(reads, listeners, m).catch((e) => s.log('live event', e)));
  // An open stream would hold a graceful stop until it is killed; the browser reconnects by itself.
  app.addHook('preClose', async () => {
    for (const l of [...listeners]) l.end();
  });

  app.get('/api/cases/:caseId/events', async (req, reply) => {
    const { caseId, me, user } = await requireParticipant(s, req);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': verbonden\n\n');
    const ping = setInterval(() => res.write(': ping\n\n'), 25_000);
    const listener: Listener = {
      caseId,
      userId: me.userId,
      me,
      sessionId: user.sessionId,
      // A delivery that started before the stream ended may still reach it.
      send: (event) => {
        if (!res.writableEnded) res.write(`data: ${JSON.stringify(event)}\n\n`);
      },
      end: () => {
        forget();
        res.end();
      },
      // Someone removed from the case, whose emergency access ended or whose session expired, stops listening.
      reconsider: (current) => {
        if (!current) return listener.end();
        listener.me = current;
        listener.send({ type: 'case-changed', what: 'access' });
      },
      signedOut: () => listener.end(),
    };
    const forget = () => {
      clearInterval(ping);
      listeners.delete(listener);
      s.accessWatch.remove(listener);
    };
    listeners.add(listener);
    s.accessWatch.add(listener);
    req.raw.on('close', forget);
  });
}

/**
 * What deciding an event's audience reads of a case, shared by the events handed out together: a
 * flush of edits announces every section it touched at once, and each would otherwise read the
 * case's sections, consents and grants again. Shared only until the current callback ends, so no
 * write (a withdrawn consent) can have been stored between the first reader and the last.
 */
class CaseReads {
  private readonly handedOutTogether = new Map<string, Promise<[SectionInstance[], CaseAccessContext]>>();

  constructor(private readonly cases: Services['cases']) {}

  sectionsAndAccess(caseId: string): Promise<[SectionInstance[], CaseAccessContext]> {
    let read = this.handedOutTogether.get(caseId);
    if (!read) {
      read = Promise.all([this.cases.sections(caseId), this.cases.accessContext(caseId)]);
      this.handedOutTogether.set(caseId, read);
      process.nextTick(() => this.handedOutTogether.delete(caseId));
    }
    return read;
  }
}

async function deliver(reads: CaseReads, listeners: Set<Listener>, m: ControlMessage): Promise<void> {
  // Bookkeeping between processes, and access, which the access watch looks at (it tells the streams).
  if (m.type !== 'case-changed') return;
  let audience = [...listeners].filter((l) => l.caseId === m.caseId);
  if (audience.length === 0) return;
  const event: CaseEvent = { type: 'case-changed', what: m.what };
  // A professionals-only thread: who may not read it (the family) does not learn that one was written, not even when.
  if (m.professionalsOnly) audience = audience.filter((l) => may(l.me, 'read-professional-comments', null).ok);
  if (!m.sectionId) {
    for (const l of audience) l.send(event);
    return;
  }
  const [sections, ctx] = await reads.sectionsAndAccess(m.caseId);
  const section = sections.find((x) => x.id === m.sectionId);
  if (!section) return;
  for (const l of audience) if (accessFor(l.me, section, ctx).level !== 'none') l.send(event);
}
