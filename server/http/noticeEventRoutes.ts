import type { FastifyInstance } from 'fastify';
import type { NoticeCountEvent } from '../../shared/notices.ts';
import { onNoticesChanged } from '../notices/noticeSignal.ts';
import { noticesOf } from '../notices/noticeStore.ts';
import type { Services } from '../services.ts';
import { requireUser } from './requestContext.ts';

/** One open header stream: its reader, and how it counts again and ends. */
interface CountStream {
  userId: string;
  sessionId: string;
  recount(): void;
  end(): void;
}

/**
 * `GET /api/notices/events`: server-sent events with the reader's own unread count ("Meldingen 3"),
 * at once and whenever their notices change, in whichever process the change was made (a
 * `notices-changed` control message names only the user; each stream counts for its own reader).
 * A stream ends with its session (signed out) and on a stop; the browser opens it again.
 */
export function noticeEventRoutes(app: FastifyInstance, s: Services): void {
  const streams = new Set<CountStream>();
  onNoticesChanged(s.sql, (userId) => s.events.publish({ type: 'notices-changed', userId }));
  s.events.on((m) => {
    if (m.type === 'notices-changed') for (const st of streams) if (st.userId === m.userId) st.recount();
    if (m.type === 'session-ended') for (const st of [...streams]) if (st.sessionId === m.sessionId) st.end();
    // A notice about a section someone can no longer read leaves their list: its members count again.
    if (m.type === 'access-changed' && streams.size > 0) void recountMembers(m.caseId).catch((e) => s.log('notice count stream', e));
  });
  const recountMembers = async (caseId: string) => {
    // Someone removed from the case is no longer listed: their count follows at their next change or when the page shows again.
    const members = new Set<string>((await s.cases.participants(caseId)).map((p) => p.userId));
    for (const st of streams) if (members.has(st.userId)) st.recount();
  };
  app.addHook('preClose', async () => {
    for (const st of [...streams]) st.end();
  });

  app.get('/api/notices/events', async (req, reply) => {
    const user = await requireUser(s, req);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    // A session that expired (no sign-out, so no message) ends its stream at the next ping or count.
    const signedIn = async () => {
      if ((await s.sessions.stillValid([user.sessionId])).has(user.sessionId)) return true;
      stream.end();
      return false;
    };
    const ping = setInterval(() => {
      res.write(': ping\n\n');
      void signedIn().catch((e) => s.log('notice count stream', e));
    }, 25_000);
    let sent: number | null = null;
    let counting: Promise<void> | null = null;
    let again = false;
    const count = async () => {
      do {
        again = false;
        if (!(await signedIn())) return;
        const { unread } = await noticesOf(s, user.id);
        if (unread !== sent && !res.writableEnded) {
          sent = unread;
          const event: NoticeCountEvent = { type: 'notices', unread };
          res.write(`data: ${JSON.stringify(event)}\n\n`);
        }
      } while (again && !res.writableEnded);
    };
    const stream: CountStream = {
      userId: user.id,
      sessionId: user.sessionId,
      // Changes that arrive while counting make one more count, not one each.
      recount: () => {
        if (counting) {
          again = true;
          return;
        }
        counting = count()
          .catch((e) => s.log('notice count stream', e))
          .finally(() => {
            counting = null;
          });
      },
      end: () => {
        forget();
        res.end();
      },
    };
    const forget = () => {
      clearInterval(ping);
      streams.delete(stream);
    };
    streams.add(stream);
    req.raw.on('close', forget);
    stream.recount();
  });
}
