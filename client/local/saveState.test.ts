import { describe, expect, it } from 'vitest';
import { CONNECT_TIMEOUT_MS, DEAD_AFTER_MS, HEARTBEAT_MS, SaveTracker, saveStateText } from './saveState.ts';

/** A socket as the server runs it for an editor: opened, first answer received, state asked. */
function connectedEditor(t: SaveTracker, now = 0): void {
  t.socketOpened(now);
  t.serverAskedForState();
  t.answerReceived(now); // the answer to the provider's own first sync step 1
}

describe('saved state of a section', () => {
  it('says "Opgeslagen" only after the server answered a question asked after the typing', () => {
    const t = new SaveTracker();
    connectedEditor(t);
    expect(t.state).toEqual({ kind: 'saved' });
    t.localChange();
    t.localChange();
    expect(t.state).toEqual({ kind: 'saving', pending: 2 });
    expect(t.wantsProbe()).toBe(true);
    t.probeSent(10);
    t.localChange(); // typed while the question was on its way: not covered by its answer
    expect(t.answerReceived(20)).toBe(true);
    expect(t.state).toEqual({ kind: 'saving', pending: 1 });
    t.probeSent(30);
    t.answerReceived(40);
    expect(t.state).toEqual({ kind: 'saved' });
  });

  it('does not count the answer to the first sync step 1 of a socket: it was asked before the offline edits went out', () => {
    const t = new SaveTracker(3);
    t.socketOpened(0);
    t.serverAskedForState();
    expect(t.answerReceived(5)).toBe(false);
    expect(t.state).toEqual({ kind: 'saving', pending: 3 });
    t.probeSent(6);
    t.answerReceived(7);
    expect(t.state).toEqual({ kind: 'saved' });
  });

  it('never says saved on a socket where the server did not ask for our state (read-only)', () => {
    const t = new SaveTracker(2);
    t.socketOpened(0);
    t.answerReceived(1);
    expect(t.wantsProbe()).toBe(false);
    // A heartbeat still goes out to see that the socket lives, but its answer confirms nothing.
    expect(t.tick(HEARTBEAT_MS + 5)).toBe('probe');
    t.probeSent(HEARTBEAT_MS + 5);
    expect(t.answerReceived(HEARTBEAT_MS + 6)).toBe(false);
    expect(t.state).toEqual({ kind: 'saving', pending: 2 });
  });

  it('is offline with the count when the socket closes or the browser goes offline', () => {
    const t = new SaveTracker();
    connectedEditor(t);
    t.localChange();
    t.socketClosed();
    expect(t.state).toEqual({ kind: 'offline', pending: 1 });
    connectedEditor(t, 100);
    t.browserConnectivity(false);
    expect(t.state).toEqual({ kind: 'offline', pending: 1 });
    t.browserConnectivity(true);
    expect(t.state).toEqual({ kind: 'saving', pending: 1 });
  });

  it('asks again on a new socket what an unanswered question on the old one covered', () => {
    const t = new SaveTracker();
    connectedEditor(t);
    t.localChange();
    t.probeSent(1);
    t.socketClosed(); // the answer never came: the server may not have stored it
    connectedEditor(t, 50);
    expect(t.wantsProbe()).toBe(true);
    t.probeSent(51);
    t.answerReceived(52);
    expect(t.state).toEqual({ kind: 'saved' });
  });

  it('gives up on a socket whose answer does not come, so it reconnects', () => {
    const t = new SaveTracker();
    connectedEditor(t);
    t.localChange();
    t.probeSent(1000);
    expect(t.tick(1000 + DEAD_AFTER_MS - 1)).toBe('none');
    expect(t.tick(1000 + DEAD_AFTER_MS + 1)).toBe('reconnect');
  });

  it('tries again when a connection attempt hangs', () => {
    const t = new SaveTracker();
    t.socketConnecting(0);
    expect(t.tick(CONNECT_TIMEOUT_MS - 1)).toBe('none');
    expect(t.tick(CONNECT_TIMEOUT_MS + 1)).toBe('reconnect');
    t.socketOpened(CONNECT_TIMEOUT_MS + 2);
    expect(t.tick(CONNECT_TIMEOUT_MS + 3)).toBe('none');
  });

  it('keeps a count restored after a reload until the server confirms it', () => {
    const t = new SaveTracker(5);
    expect(t.state).toEqual({ kind: 'offline', pending: 5 });
  });

  it('answers in the words of the issue, with a count', () => {
    expect(saveStateText({ kind: 'saved' })).toBe('Opgeslagen');
    expect(saveStateText({ kind: 'saving', pending: 1 })).toBe('Bezig met opslaan…');
    expect(saveStateText({ kind: 'offline', pending: 1 })).toBe(
      'Geen verbinding: je wijzigingen staan veilig op dit apparaat en gaan mee zodra er weer verbinding is. Nog niet opgeslagen: 1 wijziging.',
    );
    expect(saveStateText({ kind: 'offline', pending: 12 })).toContain('12 wijzigingen');
  });
});
