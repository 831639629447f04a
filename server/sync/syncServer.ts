import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { accessFor } from '../../shared/access/accessFor.ts';
import { CaseId, roomName, SectionInstanceId } from '../../shared/ids.ts';
import type { AccessLevel, CaseAccessContext, Participant } from '../../shared/caseModel.ts';
import { colorFor, type PresenceUser } from '../../shared/identity.ts';
import { CloseCode, CloseEvents, MAX_MESSAGE_BYTES, SESSION_COOKIE } from '../../shared/protocol.ts';
import type { AuditLog } from '../audit/auditLog.ts';
import { cookieValue, type Sessions } from '../auth/sessions.ts';
import type { Room } from '../documents/room.ts';
import type { SectionDocuments } from '../documents/sectionDocuments.ts';
import type { Fanout } from '../fanout/fanout.ts';
import type { CaseStore } from '../store/caseStore.ts';
import { SyncConnection } from './connection.ts';

export interface SyncServerDeps {
  sessions: Sessions;
  cases: CaseStore;
  documents: SectionDocuments;
  audit: AuditLog;
  fanout: Fanout;
  /** Decides whether a browser Origin may open sockets; requests without Origin are not browsers. */
  originAllowed: (origin: string, host: string | undefined) => boolean;
  log: (msg: string, err?: unknown) => void;
}

const SYNC_PATH = /^\/sync\/([^/]+)\/([^/]+)$/;

/** setTimeout's longest delay; a consent ending later is looked at again then. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The sync endpoint `/sync/<caseId>/<sectionInstanceId>`: authenticates at upgrade, decides the
 * access level once with the shared policy, and re-decides it for open sockets when access changes.
 */
export class SyncServer {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 16 * MAX_MESSAGE_BYTES });
  private readonly connections = new Set<SyncConnection>();
  /** The session (token hash) each open socket was admitted with: it closes when that session ends. */
  private readonly sessionOf = new WeakMap<SyncConnection, string>();
  private readonly closed = (conn: SyncConnection) => {
    this.connections.delete(conn);
    this.deps.documents.release(conn.room.name);
    this.announcePresence(conn.caseId, conn.sectionId);
  };
  /** Set by {@link close}: sockets admitted from then on are closed with 1012 at once. */
  private stopping = false;
  /** Per case with open sockets: a timer for the moment its next consent ends. */
  private readonly expiryTimers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly deps: SyncServerDeps) {
    deps.fanout.onControl((m) => {
      if (m.type === 'access-changed') void this.recheckCase(m.caseId).catch((e) => deps.log('recheck', e));
      if (m.type === 'session-ended') this.closeSession(m.sessionId);
    });
  }

  /** True when this request is for the sync endpoint (the HTTP server hands it over). */
  handles(req: IncomingMessage): boolean {
    return (req.url ?? '').startsWith('/sync/');
  }

  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const origin = req.headers.origin;
    if (origin !== undefined && !this.deps.originAllowed(origin, req.headers.host)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    this.admit(req).then(
      (outcome) => this.finish(req, socket, head, outcome),
      (e) => {
        this.deps.log('upgrade failed', e);
        this.finish(req, socket, head, { close: 1011 });
      },
    );
  }

  private finish(req: IncomingMessage, socket: Duplex, head: Buffer, admission: Admission): void {
    let outcome = admission;
    if (this.stopping && 'accept' in admission) {
      // Let in while the server was stopping: the client reconnects to the next process.
      this.deps.documents.release(admission.accept.room.name);
      outcome = { close: CloseCode.restart };
    }
    if (socket.destroyed) {
      if ('accept' in outcome) this.deps.documents.release(outcome.accept.room.name);
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
      if ('close' in outcome) {
        ws.close(outcome.close, '');
        return;
      }
      const a = outcome.accept;
      const conn = new SyncConnection(ws, socket, a.room, a.caseId, a.sectionId, a.participant, a.level, a.presence, this.closed);
      this.connections.add(conn);
      this.sessionOf.set(conn, a.sessionId);
      this.announcePresence(a.caseId, a.sectionId);
    });
  }

  /** Decides what happens to an upgrade request, loading the document when it is let in. */
  private async admit(req: IncomingMessage): Promise<Admission> {
    const match = SYNC_PATH.exec((req.url ?? '').split('?')[0] ?? '');
    const caseId = CaseId.safeParse(match?.[1]);
    const sectionId = SectionInstanceId.safeParse(match?.[2]);
    const user = await this.deps.sessions.userFor(cookieValue(req.headers.cookie, SESSION_COOKIE));
    if (!user) return { close: CloseCode.notSignedIn };
    if (!caseId.success || !sectionId.success) return { close: CloseCode.notFound };
    const { cases } = this.deps;
    // Someone outside the case learns nothing about it: same answer as for an unknown case.
    const participant = await cases.participant(caseId.data, user.id);
    if (!participant) return { close: CloseCode.notFound };
    const section = await cases.section(caseId.data, sectionId.data);
    if (!section) return { close: CloseCode.notFound };
    // Only emergency accesses have an end among participants: the members need not be read again.
    const [ctx, emergencies] = await Promise.all([cases.accessContext(caseId.data), cases.emergency.participants(caseId.data, new Date().toISOString())]);
    const { level } = accessFor(participant, section, ctx);
    if (level === 'none') return { close: CloseCode.forbidden };
    this.watchAccessEnds(caseId.data, ctx, emergencies);

    const room = await this.deps.documents.open(roomName(caseId.data, sectionId.data));
    void this.deps.audit
      .record({
        event: 'sectie-bekeken',
        caseId: caseId.data,
        sectionId: sectionId.data,
        userId: user.id,
        role: participant.role,
        organisationId: participant.organisationId,
        // NEN 7513: a look under emergency access is logged as such.
        detail: participant.emergency ? 'noodtoegang' : null,
      })
      .catch((e) => this.deps.log('audit', e));
    return {
      accept: {
        room,
        caseId: caseId.data,
        sectionId: sectionId.data,
        participant,
        level,
        sessionId: user.sessionId,
        presence: { userId: user.id, name: user.name, role: participant.role, color: colorFor(user.id) },
      },
    };
  }

  /** Re-applies the policy to every open socket of a case: closes lost access, adjusts levels. */
  async recheckCase(caseId: string): Promise<void> {
    const open = [...this.connections].filter((c) => c.caseId === caseId);
    if (open.length === 0) {
      clearTimeout(this.expiryTimers.get(caseId));
      this.expiryTimers.delete(caseId);
      return;
    }
    const { cases } = this.deps;
    const [ctx, sections, participants, signedIn] = await Promise.all([
      cases.accessContext(caseId),
      cases.sections(caseId),
      cases.participants(caseId),
      this.deps.sessions.stillValid(open.map((c) => this.sessionOf.get(c) ?? '')),
    ]);
    this.watchAccessEnds(caseId, ctx, participants);
    for (const conn of open) {
      // A session that expired (or ended while this process missed the message) closes as a sign-out does.
      if (!signedIn.has(this.sessionOf.get(conn) ?? '')) {
        conn.close(CloseCode.notSignedIn, 'session ended');
        continue;
      }
      const participant = participants.find((p) => p.userId === conn.participant.userId) ?? null;
      const section = sections.find((s) => s.id === conn.sectionId);
      const level = section ? accessFor(participant, section, ctx).level : 'none';
      if (level === 'none') conn.close(CloseCode.forbidden, 'access revoked');
      else conn.level = level;
    }
  }

  /**
   * A consent with an end date (`until`) and an emergency access end by themselves, and a child's
   * 16th birthday closes her health section to her parents: nobody changes anything then, so the
   * open sockets are looked at again at that moment.
   */
  private watchAccessEnds(caseId: string, ctx: CaseAccessContext, participants: readonly Participant[]): void {
    const now = Date.now();
    const consentEnds = ctx.consents.flatMap((c) => (c.withdrawnAt === null && c.until !== null ? [c.until] : []));
    const emergencyEnds = participants.flatMap((p) => (p.emergency ? [p.emergency.until] : []));
    const ends = [...consentEnds, ...emergencyEnds, ...Object.values(ctx.ownRightsFrom)].map((t) => Date.parse(t)).filter((t) => t > now);
    clearTimeout(this.expiryTimers.get(caseId));
    this.expiryTimers.delete(caseId);
    if (ends.length === 0) return;
    const timer = setTimeout(
      () => {
        this.expiryTimers.delete(caseId);
        void this.recheckCase(caseId).catch((e) => this.deps.log('recheck', e));
      },
      // A little after the end, so the policy sees it as past.
      Math.min(Math.min(...ends) - now + 20, MAX_TIMER_MS),
    );
    timer.unref();
    this.expiryTimers.set(caseId, timer);
  }

  /** Someone signed out: every socket of that session closes, on this process (the others hear it too). */
  private closeSession(sessionId: string): void {
    for (const conn of this.connections) if (this.sessionOf.get(conn) === sessionId) conn.close(CloseCode.notSignedIn, 'signed out');
  }

  get openConnections(): number {
    return this.connections.size;
  }

  /** Someone opened or left a section: the section list shows who is in it now. */
  private announcePresence(caseId: string, sectionId: string): void {
    this.deps.fanout.control({ type: 'case-changed', caseId, what: 'presence', sectionId });
  }

  /**
   * A graceful stop (a deploy): nothing new is let in, everything accepted is stored, and only then
   * do the sockets close with 1012, so clients reconnect to the next process and find their edits.
   */
  async close(): Promise<void> {
    this.stopping = true;
    for (const t of this.expiryTimers.values()) clearTimeout(t);
    await Promise.all([...new Set([...this.connections].map((c) => c.room))].map((r) => r.settled()));
    for (const c of this.connections) c.close(CloseCode.restart, CloseEvents.restart.reason);
    this.wss.close();
  }
}

type Admission =
  | { close: number }
  | {
      accept: {
        room: Room;
        caseId: string;
        sectionId: string;
        participant: Participant;
        level: AccessLevel;
        sessionId: string;
        presence: PresenceUser;
      };
    };
