import { monoNow, sleep } from '../clock.ts';
import type { BenchOptions } from '../options.ts';
import { type BenchServer, clientSpec, serverCpu } from '../servers.ts';
import { type Summary, summarize } from '../stats.ts';
import type { WorkerPool } from '../workerPool.ts';
import { warnServers } from './latency.ts';

export interface ThroughputStep {
  offeredPerSec: number;
  acceptedPerSec: number;
  latency: Summary;
  serverCpuMs: number | null;
  dropped: number;
}

export interface ThroughputResult {
  /** Highest accepted rate at which p99 stayed within the ceiling (0 if even the first step failed). */
  bestPerSec: number;
  /** True when the last (highest) step still passed: the server can do more than we offered. */
  capped: boolean;
  steps: ThroughputStep[];
}

/**
 * Scenario 2: many cheap writers (bare sockets, see WriterClient) raise their rate step by step; one
 * stock client per room counts what arrives and when. On Tafel an update is relayed only after it
 * is committed, so what arrives at the observer is what was durably accepted.
 */
export async function measureThroughput(pool: WorkerPool, server: BenchServer, roomIds: readonly string[], opts: BenchOptions['throughput']): Promise<ThroughputResult> {
  const rooms = roomIds.slice(0, opts.rooms);
  await pool.connect(
    'writer',
    Array.from({ length: opts.writers }, (_, i) => clientSpec(server, rooms[i % rooms.length]!)),
  );
  await pool.connect(
    'observer',
    rooms.map((r) => clientSpec(server, r)),
  );
  const steps: ThroughputStep[] = [];
  let bestPerSec = 0;
  let capped = true;
  try {
    for (const offeredPerSec of opts.offered) {
      const rate = offeredPerSec / opts.writers;
      const before = serverCpu([server]);
      const r = await pool.run({ startAt: monoNow() + 200, ratePerClient: rate, warmupMs: opts.warmupMs, durationMs: opts.durationMs, graceMs: 500 });
      const after = serverCpu([server]);
      const step: ThroughputStep = {
        offeredPerSec,
        acceptedPerSec: Math.round(r.observed / (opts.durationMs / 1000)),
        latency: summarize(r.latencies),
        serverCpuMs: before !== null && after !== null ? after - before : null,
        dropped: r.dropped,
      };
      steps.push(step);
      if (r.observed === 0 || r.dropped > 0) warnServers([server], `throughput at ${offeredPerSec}/s: ${r.observed} observed, ${r.dropped} clients dropped`);
      const kept = step.latency.p99 <= opts.p99CeilingMs && step.acceptedPerSec >= 0.9 * offeredPerSec && r.dropped === 0;
      if (!kept) {
        capped = false;
        break;
      }
      bestPerSec = Math.max(bestPerSec, step.acceptedPerSec);
      // A short pause so the next step does not start on the previous step's backlog.
      await sleep(500);
    }
  } finally {
    await pool.disconnect();
    await sleep(500);
  }
  return { bestPerSec, capped, steps };
}
