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
import type { Fanout } from '../fanout/fanout.ts';
import type { CaseStore } from '../store/caseStore.ts';
import { type ConnectionHooks, SyncConnection } from './connection.ts';
import type { DocRegistry } from './docRegistry.ts';
import type { StoredEdit } from '../review/reviewService.ts';
import type { Peer, SectionDoc } from './sectionDoc.ts';

export interface SyncServerDeps {
  sessions: Sessions;
  cases: CaseStore;
  registry: DocRegistry;
  audit: AuditLog;
  fanout: Fanout;
  /** Decides whether a browser Origin may open sockets; requests without Origin are not browsers. */
  originAllowed: (origin: string, host: string | undefined) => boolean;
  log: (msg: string, err?: unknown) => void;
  /**
   * Called with the sections changed since the last flush (at most every 150 ms), after the edits
   * were stored: review withdraws approvals of content that changed.
   */
  afterEdits?: (edits: StoredEdit[]) => Promise<void>;
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
  private readonly hooks: ConnectionHooks;
  /** Sections with a change not yet announced as a live event, with the server's own edits. */
  private readonly pendingAnnouncements = new Map<string, StoredEdit>();
  /** Per room, the socket whose stored update came last since the flush. */
  private readonly lastEditor = new Map<string, SyncConnection>();
  /** Sockets that stored an update since the flush (for the audit log). */
  private readonly editedBy = new Set<SyncConnection>();
  private announceTimer: NodeJS.Timeout | null = null;
  /** Set by {@link close}: sockets admitted from then on are closed with 1012 at once. */
  private stopping = false;
  /** Per case with open sockets: a timer for the moment its next consent ends. */
  private readonly expiryTimers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly deps: SyncServerDeps) {
    this.hooks = {
      onStored: (conn) => {
        // Per keystroke only this bookkeeping; the rest waits for the flush (scheduleAnnouncements).
        this.editedBy.add(conn);
        this.lastEditor.set(conn.doc.room, conn);
        this.scheduleAnnouncements();
      },
      onStorageFailure: (conn, error) => this.dropAfterStorageFailure(conn.doc, error),
      onClose: (conn) => {
        this.connections.delete(conn);
        deps.registry.release(conn.doc.room);
        this.announcePresence(conn.caseId, conn.sectionId);
      },
    };
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
      this.deps.registry.release(admission.accept.room);
      outcome = { close: CloseCode.restart };
    }
    if (socket.destroyed) {
      if ('accept' in outcome) this.deps.registry.release(outcome.accept.room);
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
      if ('close' in outcome) {
        ws.close(outcome.close, '');
        return;
      }
      const a = outcome.accept;
      const doc = a.doc;
      const conn = new SyncConnection(ws, socket, doc, a.caseId, a.sectionId, a.participant, a.level, a.presence, this.hooks);
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

    const room = roomName(caseId.data, sectionId.data);
    const doc = await this.deps.registry.acquire(room);
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
        doc,
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

  /**
   * Storing an update of `doc` failed: its memory may hold what is not stored, so it is dropped and
   * its sockets close; their clients reconnect, load it again from storage and send what is missing.
   */
  private dropAfterStorageFailure(doc: SectionDoc, error: unknown): void {
    this.deps.log(`storing an update of ${doc.room} failed; reloading it`, error);
    this.deps.registry.evict(doc.room, doc);
    const { code, reason } = CloseEvents.storageFailure;
    for (const c of this.connections) if (c.doc === doc) c.close(code, reason);
  }

  /** Someone signed out: every socket of that session closes, on this process (the others hear it too). */
  private closeSession(sessionId: string): void {
    for (const conn of this.connections) if (this.sessionOf.get(conn) === sessionId) conn.close(CloseCode.notSignedIn, 'signed out');
  }

  get openConnections(): number {
    return this.connections.size;
  }

  /**
   * Tells the case's live listeners (overview, section list) that a section changed. Batched:
   * six people typing should not turn into hundreds of events per second.
   */
  private announceChange(edit: StoredEdit): void {
    const room = roomName(edit.caseId as CaseId, edit.sectionId as SectionInstanceId);
    this.lastEditor.delete(room);
    this.pendingAnnouncements.set(room, edit);
    this.scheduleAnnouncements();
  }

  private scheduleAnnouncements(): void {
    this.announceTimer ??= setTimeout(() => {
      this.announceTimer = null;
      const at = new Date().toISOString();
      for (const [room, conn] of this.lastEditor) {
        const { userId, name } = conn.participant;
        this.pendingAnnouncements.set(room, { caseId: conn.caseId, sectionId: conn.sectionId, userId, name, at });
      }
      this.lastEditor.clear();
      for (const conn of this.editedBy) {
        const { userId, role, organisationId } = conn.participant;
        void this.deps.audit.recordEdit({ caseId: conn.caseId, sectionId: conn.sectionId, userId, role, organisationId }).catch((e) => this.deps.log('audit', e));
      }
      this.editedBy.clear();
      // The last editor of the batch is the one named when this withdraws an approval.
      const edits = [...this.pendingAnnouncements.values()];
      this.pendingAnnouncements.clear();
      // Once per flush, not per keystroke: one transaction (one disk sync) for all these sections.
      void this.deps.cases.markSectionsChanged(edits).catch((e) => this.deps.log('markSectionsChanged', e));
      for (const { caseId: c, sectionId: id } of edits) this.deps.fanout.control({ type: 'case-changed', caseId: c, what: 'sections', sectionId: id });
      void this.deps.afterEdits?.(edits).catch((e) => this.deps.log('after edits', e));
    }, 150);
  }

  /**
   * A change made by the server on someone's behalf (restoring a version): applied to the live
   * document, stored in the log with that person as author, relayed to every open socket and to
   * the other processes, and announced like any edit. Rejects when storage failed.
   */
  async applyServerEdit(caseId: string, sectionId: string, author: Pick<Participant, 'userId' | 'name' | 'role' | 'organisationId'>, update: Uint8Array): Promise<void> {
    const room = roomName(caseId as CaseId, sectionId as SectionInstanceId);
    const doc = await this.deps.registry.acquire(room);
    try {
      // Not a socket: the change goes to every socket of the document.
      const server: Peer = { send() {} };
      // A server edit is made on a copy with a client id of its own, taken for the person it is made for.
      const owners = doc.checkOwners(update, { userId: author.userId, role: author.role, organisationId: author.organisationId });
      if (owners.refused) throw new Error('server edit under a client id that is not its own');
      try {
        await doc.applyLocal(update, server, author.userId, owners.claims);
      } catch (e) {
        this.dropAfterStorageFailure(doc, e);
        throw e;
      }
      const at = new Date().toISOString();
      this.announceChange({ caseId, sectionId, userId: author.userId, name: author.name, at });
      await this.deps.cases.markSectionsChanged([{ caseId, sectionId, userId: author.userId, at }]);
    } finally {
      this.deps.registry.release(room);
    }
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
    if (this.announceTimer) clearTimeout(this.announceTimer);
    for (const t of this.expiryTimers.values()) clearTimeout(t);
    await Promise.all([...new Set([...this.connections].map((c) => c.doc))].map((d) => d.settled()));
    for (const c of this.connections) c.close(CloseCode.restart, CloseEvents.restart.reason);
    this.wss.close();
  }
}

type Admission =
  | { close: number }
  | {
      accept: {
        room: string;
        doc: SectionDoc;
        caseId: string;
        sectionId: string;
        participant: Participant;
        level: AccessLevel;
        sessionId: string;
        presence: PresenceUser;
      };
    };
