import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { accessFor } from '../../shared/access/accessFor.ts';
import { CaseId, roomName, SectionInstanceId } from '../../shared/ids.ts';
import type { AccessLevel, CaseAccessContext, Participant, SectionInstance } from '../../shared/caseModel.ts';
import { colorFor, type PresenceUser } from '../../shared/identity.ts';
import { CloseCode, CloseEvents, MAX_MESSAGE_BYTES, SESSION_COOKIE } from '../../shared/protocol.ts';
import type { AuditLog } from '../audit/auditLog.ts';
import { cookieValue, type Sessions } from '../auth/sessions.ts';
import type { Room } from '../documents/room.ts';
import type { SectionDocuments } from '../documents/sectionDocuments.ts';
import type { DomainEvents } from '../events/domainEvents.ts';
import type { CaseStore } from '../store/caseStore.ts';
import type { AccessHolder, AccessWatch } from './accessWatch.ts';
import { SyncConnection } from './connection.ts';

export interface SyncServerDeps {
  sessions: Sessions;
  cases: CaseStore;
  documents: SectionDocuments;
  audit: AuditLog;
  events: DomainEvents;
  /** Where open sockets are looked at again when access changes or ends. */
  watch: AccessWatch;
  /** Decides whether a browser Origin may open sockets; requests without Origin are not browsers. */
  originAllowed: (origin: string, host: string | undefined) => boolean;
  log: (msg: string, err?: unknown) => void;
}

const SYNC_PATH = /^\/sync\/([^/]+)\/([^/]+)$/;

/**
 * The sync endpoint `/sync/<caseId>/<sectionInstanceId>`: authenticates at upgrade, decides the
 * access level once with the shared policy, and re-decides it for open sockets when access changes.
 */
export class SyncServer {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 16 * MAX_MESSAGE_BYTES });
  private readonly connections = new Set<SyncConnection>();
  /** How each open socket is watched: it closes when access or its session ends. */
  private readonly holderOf = new WeakMap<SyncConnection, AccessHolder>();
  private readonly closed = (conn: SyncConnection) => {
    this.connections.delete(conn);
    const holder = this.holderOf.get(conn);
    if (holder) this.deps.watch.remove(holder);
    this.deps.documents.release(conn.room.name);
    this.announcePresence(conn.caseId, conn.sectionId);
  };
  /** Set by {@link close}: sockets admitted from then on are closed with 1012 at once. */
  private stopping = false;

  constructor(private readonly deps: SyncServerDeps) {}

  /** True when this request is for the sync endpoint (the HTTP server hands it over). */
  handles(req: IncomingMessage): boolean {
    return (req.url ?? '').startsWith('/sync/');
  }

  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const origin = req.headers.origin;
    if (origin !== undefined && !this.deps.originAllowed(origin, req.headers.host)) {
      // Another site's page: closed before its session or the section is looked at, with a code
      // the page can read (a browser hides an HTTP status on a failed upgrade).
      this.finish(req, socket, head, { close: CloseCode.badOrigin });
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
      const conn = new SyncConnection(ws, socket, a.room, a.caseId, a.sectionId, a.participant, a.level, a.presence, a.readers, this.closed);
      this.connections.add(conn);
      const holder = socketHolder(conn, a.sessionId);
      this.holderOf.set(conn, holder);
      this.deps.watch.add(holder, a.known);
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
    // Only a writer names parties in an agreement; readers need not know who else reads.
    const readers = level === 'edit' ? readersOf(await cases.participants(caseId.data), section, ctx) : [];

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
        readers,
        sessionId: user.sessionId,
        known: { ctx, participants: emergencies },
        presence: { userId: user.id, name: user.name, role: participant.role, color: colorFor(user.id) },
      },
    };
  }

  get openConnections(): number {
    return this.connections.size;
  }

  /** Someone opened or left a section: the section list shows who is in it now. */
  private announcePresence(caseId: string, sectionId: string): void {
    this.deps.events.publish({ type: 'case-changed', caseId, what: 'presence', sectionId });
  }

  /**
   * A graceful stop (a deploy): nothing new is let in, everything accepted is stored, and only then
   * do the sockets close with 1012, so clients reconnect to the next process and find their edits.
   */
  async close(): Promise<void> {
    this.stopping = true;
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
        readers: readonly string[];
        sessionId: string;
        known: Parameters<AccessWatch['add']>[1];
        presence: PresenceUser;
      };
    };

/** A socket as the access watch sees it: it closes when its access or its session ends, or takes its new level. */
function socketHolder(conn: SyncConnection, sessionId: string): AccessHolder {
  return {
    caseId: conn.caseId,
    userId: conn.participant.userId,
    sessionId,
    reconsider(participant, sections, ctx, participants) {
      const section = sections.find((s) => s.id === conn.sectionId);
      const level = section ? accessFor(participant, section, ctx).level : 'none';
      if (level === 'none') conn.close(CloseCode.forbidden, CloseEvents.forbidden.reason);
      else conn.level = level;
      if (section) conn.readers = level === 'edit' ? readersOf(participants, section, ctx) : [];
    },
    signedOut: () => conn.close(CloseCode.notSignedIn, CloseEvents.notSignedIn.reason),
  };
}

/** The user ids that may read a section now, by the one policy; crisis workers under emergency access are not parties. */
function readersOf(participants: readonly Participant[], section: SectionInstance, ctx: CaseAccessContext): string[] {
  return participants.filter((p) => !p.emergency && accessFor(p, section, ctx).level !== 'none').map((p) => p.userId);
}
