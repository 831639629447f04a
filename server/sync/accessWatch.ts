import type { CaseAccessContext, Participant, SectionInstance } from '../../shared/caseModel.ts';
import type { Sessions } from '../auth/sessions.ts';
import type { DomainEvents } from '../events/domainEvents.ts';
import type { CaseStore } from '../store/caseStore.ts';

/** setTimeout's longest delay; a consent ending later is looked at again then. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** An emergency sweep looks back this far too, for a clock a moment behind this one; twice is harmless. */
const SWEEP_OVERLAP_MS = 5_000;

/** Something open that access was decided for once: a sync socket or a live-event stream. */
export interface AccessHolder {
  readonly caseId: string;
  readonly userId: string;
  /** The session (token hash) it was opened with: it ends when that session does. */
  readonly sessionId: string;
  /**
   * Access as it is now; `participant` is null when the holder is no longer in the case (removed,
   * emergency access ended). The holder closes, or takes its new level. `participants`: everyone
   * in the case now.
   */
  reconsider(participant: Participant | null, sections: readonly SectionInstance[], ctx: CaseAccessContext, participants: readonly Participant[]): void;
  /** Its session ended (signed out, expired): it ends as a sign-out does. */
  signedOut(): void;
}

export interface AccessWatchDeps {
  cases: CaseStore;
  sessions: Sessions;
  events: DomainEvents;
  log: (msg: string, err?: unknown) => void;
  /** How often the store is asked for emergency accesses that ended where this process could not hear it. */
  emergencySweepMs: number;
}

/**
 * The one way access ends on what is open, in every process: sockets and live-event streams
 * register here, and are looked at again when access changes (`access-changed`, from any
 * process), when a session ends (`session-ended`), at the moment a consent, an emergency access
 * or a parent's right to a 16-year-old's health section ends by itself (a timer per case), and
 * after an emergency access ended where no message reaches this process (the crisisdienst command,
 * a Redis outage: a sweep of the store).
 */
export class AccessWatch {
  private readonly holders = new Set<AccessHolder>();
  /** Per case with open holders: a timer for the moment its next access ends by itself. */
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly sweep: NodeJS.Timeout;

  constructor(private readonly deps: AccessWatchDeps) {
    deps.events.on((m) => {
      if (m.type === 'access-changed') this.recheckLogged(m.caseId);
      if (m.type === 'session-ended') for (const h of [...this.holders]) if (h.sessionId === m.sessionId) h.signedOut();
    });
    this.sweep = this.sweepEmergencyEnds();
  }

  /**
   * Watches an open holder. `known` is what admission just read of its case (the access context
   * and the participants with an emergency access); without it, that is read here.
   */
  add(holder: AccessHolder, known?: { ctx: CaseAccessContext; participants: readonly Participant[] }): void {
    this.holders.add(holder);
    if (known) this.arm(holder.caseId, known.ctx, known.participants);
    else void this.armFromStore(holder.caseId).catch((e) => this.deps.log('watching access ends', e));
  }

  remove(holder: AccessHolder): void {
    this.holders.delete(holder);
  }

  get size(): number {
    return this.holders.size;
  }

  /** Re-applies the policy to everything open of a case. */
  async recheckCase(caseId: string): Promise<void> {
    const open = [...this.holders].filter((h) => h.caseId === caseId);
    if (open.length === 0) {
      this.disarm(caseId);
      return;
    }
    const { cases } = this.deps;
    const [ctx, sections, participants, signedIn] = await Promise.all([
      cases.accessContext(caseId),
      cases.sections(caseId),
      cases.participants(caseId),
      this.deps.sessions.stillValid(open.map((h) => h.sessionId)),
    ]);
    this.arm(caseId, ctx, participants);
    for (const holder of open) {
      if (!this.holders.has(holder)) continue;
      // A session that expired (or ended while this process missed the message) ends as a sign-out does.
      if (!signedIn.has(holder.sessionId)) holder.signedOut();
      else holder.reconsider(participants.find((p) => p.userId === holder.userId) ?? null, sections, ctx, participants);
    }
  }

  close(): void {
    clearInterval(this.sweep);
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }

  private recheckLogged(caseId: string): void {
    void this.recheckCase(caseId).catch((e) => this.deps.log('recheck', e));
  }

  private async armFromStore(caseId: string): Promise<void> {
    const { cases } = this.deps;
    const [ctx, participants] = await Promise.all([cases.accessContext(caseId), cases.emergency.participants(caseId, new Date().toISOString())]);
    this.arm(caseId, ctx, participants);
  }

  /** Sets the case's timer for the next moment access ends by itself: nobody changes anything then. */
  private arm(caseId: string, ctx: CaseAccessContext, participants: readonly Participant[]): void {
    const now = Date.now();
    const consentEnds = ctx.consents.flatMap((c) => (c.withdrawnAt === null && c.until !== null ? [c.until] : []));
    const emergencyEnds = participants.flatMap((p) => (p.emergency ? [p.emergency.until] : []));
    const ends = [...consentEnds, ...emergencyEnds, ...Object.values(ctx.ownRightsFrom)].map((t) => Date.parse(t)).filter((t) => t > now);
    this.disarm(caseId);
    if (ends.length === 0) return;
    const timer = setTimeout(
      () => {
        this.timers.delete(caseId);
        this.recheckLogged(caseId);
      },
      // A little after the end, so the policy sees it as past.
      Math.min(Math.min(...ends) - now + 20, MAX_TIMER_MS),
    );
    timer.unref();
    this.timers.set(caseId, timer);
  }

  private disarm(caseId: string): void {
    clearTimeout(this.timers.get(caseId));
    this.timers.delete(caseId);
  }

  /**
   * The operator's `npm run crisisdienst -- remove` cannot reach a running server, and a Redis
   * outage loses the message another process sent: so every process looks in the store itself,
   * and each case in which an emergency access ended is looked at again within one sweep.
   */
  private sweepEmergencyEnds(): NodeJS.Timeout {
    let since = new Date().toISOString();
    let busy = false;
    const timer = setInterval(async () => {
      if (busy) return;
      busy = true;
      const startedAt = Date.now();
      try {
        for (const caseId of await this.deps.cases.emergency.casesEndedSince(since)) this.deps.events.publishHere({ type: 'access-changed', caseId });
        since = new Date(startedAt - SWEEP_OVERLAP_MS).toISOString();
      } catch (e) {
        this.deps.log('looking for ended emergency accesses', e);
      } finally {
        busy = false;
      }
    }, this.deps.emergencySweepMs);
    timer.unref();
    return timer;
  }
}
