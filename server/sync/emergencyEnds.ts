import type { Fanout } from '../fanout/fanout.ts';
import type { EmergencyStore } from '../store/emergencyStore.ts';

/** Looked at again in the next sweep too, for a clock a moment behind this one; twice is harmless. */
const OVERLAP_MS = 5_000;

/**
 * An emergency access can end where this process does not hear of it: the operator's
 * `npm run crisisdienst -- remove` has no way to reach a running server, and a Redis outage loses
 * the message another process sent. So every process looks in the store itself, and re-checks the
 * sockets and live streams of each case in which one ended: they close within one sweep.
 */
export function watchEmergencyEnds(store: EmergencyStore, fanout: Fanout, log: (msg: string, err?: unknown) => void, everyMs: number): () => void {
  let since = new Date().toISOString();
  let busy = false;
  const sweep = async () => {
    if (busy) return;
    busy = true;
    const startedAt = Date.now();
    try {
      for (const caseId of await store.casesEndedSince(since)) fanout.controlHere({ type: 'access-changed', caseId });
      since = new Date(startedAt - OVERLAP_MS).toISOString();
    } catch (e) {
      log('looking for ended emergency accesses', e);
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void sweep(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
