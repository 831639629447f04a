import { sleep } from '../clock.ts';
import type { DiskProbe } from '../diskProbe.ts';
import type { BenchOptions } from '../options.ts';
import { type BenchServer, clientSpec } from '../servers.ts';
import type { WorkerPool } from '../workerPool.ts';
import { keptUp, runStep, type ThroughputStep } from './throughput.ts';

export interface CapacityStep extends ThroughputStep {
  clients: number;
}

export interface CapacityResult {
  rooms: number;
  ratePerClient: number;
  p99CeilingMs: number;
  /** The most clients one process served within the ceiling (0 if even the first step missed). */
  mostClients: number;
  /** True when the largest step tried still passed. */
  capped: boolean;
  steps: CapacityStep[];
}

const TRIES_PER_STEP = 2;

/**
 * Scenario 9, for sizing: how many people one Tafel process serves, each typing 5 updates/s in
 * one of 20 rooms, with p99 ≤ 50 ms and every update stored and relayed. Each step connects that
 * many cheap writers (bare sockets that receive everything relayed but do not apply it, so the
 * two client processes do not run out of CPU before the server does) and one stock client per
 * room that measures; a step that misses runs once more, as in the throughput scenario.
 */
export async function measureCapacity(pool: WorkerPool, server: BenchServer, roomIds: readonly string[], opts: BenchOptions['capacity'], disk: DiskProbe | null): Promise<CapacityResult> {
  const rooms = roomIds.slice(0, opts.rooms);
  if (rooms.length < opts.rooms) throw new Error(`capacity: need ${opts.rooms} rooms, have ${rooms.length}`);
  const steps: CapacityStep[] = [];
  let mostClients = 0;
  let capped = true;
  for (const clients of opts.clients) {
    await pool.connect(
      'writer',
      Array.from({ length: clients }, (_, i) => clientSpec(server, rooms[i % rooms.length]!)),
    );
    await pool.connect(
      'observer',
      rooms.map((r) => clientSpec(server, r)),
    );
    let passed = false;
    try {
      for (let tries = 1; tries <= TRIES_PER_STEP && !passed; tries++) {
        const offeredPerSec = clients * opts.ratePerClient;
        const step = await runStep(pool, server, offeredPerSec, { writers: clients, warmupMs: opts.warmupMs, durationMs: opts.durationMs }, disk);
        steps.push({ ...step, clients, tries });
        passed = keptUp({ offeredPerSec, sent: step.sent, observed: step.observed, p99: step.latency.p99, dropped: step.dropped }, { p99CeilingMs: opts.p99CeilingMs, durationMs: opts.durationMs });
        await sleep(500);
      }
    } finally {
      await pool.disconnect();
      await sleep(500);
    }
    if (!passed) {
      capped = false;
      break;
    }
    mostClients = clients;
  }
  return { rooms: opts.rooms, ratePerClient: opts.ratePerClient, p99CeilingMs: opts.p99CeilingMs, mostClients, capped, steps };
}
