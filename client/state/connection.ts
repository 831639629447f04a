import { create } from 'zustand';

interface ConnectionState {
  /** False while the server cannot be reached: the network is gone or the server is restarting. */
  reachable: boolean;
  /** Goes up each time the server is reached again after it was not, so pages re-read. */
  returns: number;
  /** A request or stream failed for want of a connection. */
  lost(): void;
  /** The server answered (any answer, a refusal too). */
  reached(): void;
}

/** The wait between tries while the server is away: short at first, at most 5 s. */
export function retryDelay(attempt: number): number {
  return Math.min(250 * 2 ** attempt, 5000);
}

let probing = false;

/** Asks the server whether it is back, with growing pauses, until it answers. */
async function probeUntilReached(): Promise<void> {
  if (probing) return;
  probing = true;
  try {
    for (let attempt = 0; !useConnection.getState().reachable; attempt++) {
      await new Promise((r) => setTimeout(r, retryDelay(attempt)));
      if (useConnection.getState().reachable) return;
      try {
        await fetch('/api/me', { credentials: 'same-origin', cache: 'no-store' });
        useConnection.getState().reached();
      } catch {
        // Still away; try again after a longer pause.
      }
    }
  } finally {
    probing = false;
  }
}

export const useConnection = create<ConnectionState>((set, get) => ({
  reachable: typeof navigator === 'undefined' || navigator.onLine,
  returns: 0,
  lost() {
    if (get().reachable) set({ reachable: false });
    void probeUntilReached();
  },
  reached() {
    if (!get().reachable) set((s) => ({ reachable: true, returns: s.returns + 1 }));
  },
}));

if (typeof window !== 'undefined') {
  addEventListener('offline', () => useConnection.getState().lost());
  // Back online: ask at once instead of waiting for the next pause of the loop.
  addEventListener('online', () => {
    fetch('/api/me', { credentials: 'same-origin', cache: 'no-store' }).then(
      () => useConnection.getState().reached(),
      () => useConnection.getState().lost(),
    );
  });
  if (!navigator.onLine) void probeUntilReached();
}
