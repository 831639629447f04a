/**
 * Whether what someone typed in one section is stored at the server, decided from the server's
 * answers only, never from the socket being open.
 *
 * The acknowledgement is part of the stock y-websocket protocol: the server answers a sync step 1
 * with a sync step 2 only after every update it received earlier on that socket is stored
 * (`SectionDoc.answerSyncStep1` waits for the store; pinned by
 * `test/integration/gracefulRestart.test.ts`). The server sends no other sync step 2, so the n-th
 * step 2 on a socket answers the n-th step 1 sent on it. The provider sends the first step 1 when
 * the socket opens, before it has sent what the server misses; later ones ("probes") are ours.
 *
 * Answers count as acknowledgements only on a socket where the server asked for our state with
 * its own sync step 1: it does so for sockets with edit access only. On a read-only socket
 * nothing local is ever stored, so nothing becomes "saved".
 */

/** What the section shows about saving. `pending` counts local changes not known to be stored. */
export type SaveState = { kind: 'saved' } | { kind: 'saving'; pending: number } | { kind: 'offline'; pending: number };

/** A probe unanswered this long means the socket is dead even if the browser has not noticed. */
export const DEAD_AFTER_MS = 5000;
/** While idle, a probe this often, so a silently dropped connection shows within seconds. */
export const HEARTBEAT_MS = 10_000;
/** A socket still connecting after this long hangs (a handshake lost on the way): try again. */
export const CONNECT_TIMEOUT_MS = 10_000;

/** What the session must do after {@link SaveTracker.tick}. */
export type TickAction = 'none' | 'probe' | 'reconnect';

export class SaveTracker {
  /** Local changes made so far (restored ones included) and how many of them are stored. */
  private made: number;
  private stored = 0;
  private open = false;
  private browserOnline = true;
  /** Whether the server asked for our state on this socket (it does only for editors). */
  private mayAcknowledge = false;
  /** Per step 1 sent on this socket, oldest first: the changes it covers, or null for the provider's own. */
  private readonly asked: (number | null)[] = [];
  /** How many changes the last probe on this socket covered. */
  private coveredByLastProbe = 0;
  private lastProbeAt = 0;
  private lastAnswerAt = 0;
  /** When the current connection attempt started, or null when none is under way. */
  private connectingSince: number | null = null;

  /** `restoredPending`: changes from before a reload that were not known to be stored. */
  constructor(restoredPending = 0) {
    this.made = restoredPending;
  }

  get pending(): number {
    return this.made - this.stored;
  }

  get state(): SaveState {
    if (!this.open || !this.browserOnline) return { kind: 'offline', pending: this.pending };
    return this.pending === 0 ? { kind: 'saved' } : { kind: 'saving', pending: this.pending };
  }

  /** A change typed here (not one from the server or from the local copy). */
  localChange(): void {
    this.made++;
  }

  /** The provider started a connection attempt. */
  socketConnecting(now: number): void {
    this.connectingSince = now;
  }

  /** The socket opened; the provider sends its own sync step 1 on it at once. */
  socketOpened(now: number): void {
    this.connectingSince = null;
    this.open = true;
    this.mayAcknowledge = false;
    this.asked.length = 0;
    this.asked.push(null);
    // A probe on the old socket may never have been answered: what it covered is asked again.
    this.coveredByLastProbe = this.stored;
    this.lastProbeAt = now;
    this.lastAnswerAt = now;
  }

  socketClosed(): void {
    this.connectingSince = null;
    this.open = false;
    this.mayAcknowledge = false;
    this.asked.length = 0;
  }

  browserConnectivity(online: boolean): void {
    this.browserOnline = online;
  }

  /** The server sent its sync step 1: it will apply and store what we send on this socket. */
  serverAskedForState(): void {
    if (this.open) this.mayAcknowledge = true;
  }

  /** Whether a probe should go out now: changes the last one did not cover, and none in flight. */
  wantsProbe(): boolean {
    return this.open && this.mayAcknowledge && this.asked.length === 0 && this.made > this.coveredByLastProbe;
  }

  /** A sync step 1 of ours went out on the open socket, after everything typed so far. */
  probeSent(now: number): void {
    if (!this.open) return;
    this.asked.push(this.made);
    this.coveredByLastProbe = this.made;
    this.lastProbeAt = now;
  }

  /**
   * A sync step 2 arrived: the answer to the oldest step 1 still open. True when it confirms a
   * probe of ours as stored (not the provider's first step 1, not on a read-only socket).
   */
  answerReceived(now: number): boolean {
    const covered = this.asked.shift();
    this.lastAnswerAt = now;
    if (covered === undefined || covered === null || !this.mayAcknowledge) return false;
    this.stored = Math.max(this.stored, covered);
    return true;
  }

  /** Called about every second: probes to keep the state honest, or gives up on a dead socket. */
  tick(now: number): TickAction {
    if (!this.open) return this.connectingSince !== null && now - this.connectingSince > CONNECT_TIMEOUT_MS ? 'reconnect' : 'none';
    if (this.asked.length > 0 && now - this.lastProbeAt > DEAD_AFTER_MS) return 'reconnect';
    if (this.asked.length === 0 && (this.wantsProbe() || now - this.lastAnswerAt > HEARTBEAT_MS)) return 'probe';
    return 'none';
  }
}

/** "1 wijziging", "3 wijzigingen". */
export function changesCount(n: number): string {
  return `${n} ${n === 1 ? 'wijziging' : 'wijzigingen'}`;
}

/** The sentence a person reads, in plain Dutch (B1). */
export function saveStateText(state: SaveState): string {
  if (state.kind === 'saved') return 'Opgeslagen';
  if (state.kind === 'saving') return 'Bezig met opslaan…';
  const count = state.pending === 0 ? 'Alles wat je typte is al opgeslagen.' : `Nog niet opgeslagen: ${changesCount(state.pending)}.`;
  return `Geen verbinding: je wijzigingen staan veilig op dit apparaat en gaan mee zodra er weer verbinding is. ${count}`;
}
