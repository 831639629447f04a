import { monoNow, sleep } from '../clock.ts';
import type { DiskProbe, DiskWindow } from '../diskProbe.ts';
import type { BenchOptions } from '../options.ts';
import { type BenchServer, clientSpec, serverCpu } from '../servers.ts';
import { round, type Summary, summarize } from '../stats.ts';
import type { WorkerPool } from '../workerPool.ts';

export interface LatencyRun {
  label: string;
  clients: number;
  rooms: number;
  servers: string[];
  latency: Summary;
  /** Stamps typed inside the window, and the share of expected receipts that arrived. */
  sent: number;
  delivered: number;
  dropped: number;
  /** Server CPU (ms, user + system, every thread) used in the measured window, summed over its processes. */
  serverCpuMs: number | null;
  /** That CPU per 1,000 updates typed in the window (each relayed to the rest of its room). */
  cpuMsPerKUpdates: number | null;
  /** Of it, the main threads' (the event loop); the rest is other threads: writer, GC helpers, libuv. */
  mainThreadCpuMsPerK: number | null;
  /**
   * Tafel only: of the updates stored in the window, the bound (ms) that half and 99% stayed
   * within from being accepted to being stored (hand-over to the writer thread, commit, back).
   */
  store?: { p50LeMs: number; p99LeMs: number; n: number };
  /** What the disk did meanwhile (Tafel waits for it before relaying; the reference does not). */
  disk: DiskWindow | null;
  /** When the configuration ran in several rounds: the p99 of each (this run is the median one). */
  roundsP99?: number[];
  /** ... and the slowest fsync the disk probe saw in each. */
  roundsSlowestFsyncMs?: (number | null)[];
  /** ... and the server CPU per 1,000 updates in each, all threads and the main thread's. */
  roundsCpuMsPerK?: (number | null)[];
  roundsMainCpuMsPerK?: (number | null)[];
  /** ... and (Tafel) the bound 99% of its stores stayed within in each. */
  roundsStoreP99LeMs?: (number | null)[];
}

/** The configuration the latency target is about: the most clients, spread over several rooms. */
export function largestManyRoomConfig(configs: readonly LatencyConfig[]): LatencyConfig {
  return configs.reduce((a, c) => (c.clients > a.clients && c.rooms > 1 ? c : a));
}

/** The run with the median p99 of several rounds, carrying every round's p99. */
export function medianRun(runs: readonly LatencyRun[]): LatencyRun {
  const sorted = [...runs].sort((a, b) => a.latency.p99 - b.latency.p99);
  const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
  return runs.length > 1
    ? { ...median, roundsP99: runs.map((r) => r.latency.p99), roundsSlowestFsyncMs: runs.map((r) => r.disk?.slowestMs ?? null), roundsCpuMsPerK: runs.map((r) => r.cpuMsPerKUpdates), roundsMainCpuMsPerK: runs.map((r) => r.mainThreadCpuMsPerK), roundsStoreP99LeMs: runs.map((r) => r.store?.p99LeMs ?? null) }
    : median;
}

type LatencyConfig = BenchOptions['latency']['configs'][number];

/**
 * Scenario 1: every client types stamps at human speed into its own paragraph of a shared room
 * and measures when the others' stamps arrive. Client i joins room i mod rooms; with several
 * servers, consecutive groups of clients alternate between them so every room spans all of them.
 */
export async function measureLatency(
  pool: WorkerPool,
  servers: readonly BenchServer[],
  roomIds: readonly string[],
  config: LatencyConfig,
  opts: BenchOptions['latency'],
  disk: DiskProbe | null = null,
): Promise<LatencyRun> {
  const specs = Array.from({ length: config.clients }, (_, i) => {
    const server = servers[Math.floor(i / config.rooms) % servers.length]!;
    return clientSpec(server, roomIds[i % config.rooms]!);
  });
  await pool.connect('typist', specs);
  const startAt = monoNow() + 150;
  // The stamps that count are typed after the warm-up; the last of them arrive within the grace time.
  const measuredFrom = startAt + opts.warmupMs;
  // CPU counts from the end of the warm-up (the connections' set-up is not per update) until the
  // clients left and the rooms were unloaded (what a server does later for each update, such as
  // compacting the log, counts); the updates typed in the window are the divisor.
  const cpuNow = () => [serverCpu(servers), serverCpu(servers, true)] as const;
  const cpuFrom = sleep(Math.max(0, measuredFrom - monoNow())).then(cpuNow);
  const storeFrom = sleep(Math.max(0, measuredFrom - monoNow())).then(() => storeHistogram(servers));
  const result = await pool.run({ startAt, ratePerClient: opts.ratePerClient, warmupMs: opts.warmupMs, durationMs: opts.durationMs, graceMs: opts.graceMs });
  const [cpuBefore, mainBefore] = await cpuFrom;
  const store = storeBounds(await storeFrom, await storeHistogram(servers));
  const diskWindow = disk?.between(measuredFrom, measuredFrom + opts.durationMs + opts.graceMs) ?? null;
  await pool.disconnect();
  // Let the servers unload the rooms before the next run.
  await sleep(opts.graceMs);
  const [cpuAfter, mainAfter] = cpuNow();
  if (result.latencies.length === 0 || result.dropped > 0) warnServers(servers, `${config.label}: ${result.latencies.length} samples, ${result.dropped} clients dropped`);
  const perRoom = (r: number) => specs.filter((_, i) => i % config.rooms === r).length;
  const cpuMs = cpuBefore !== null && cpuAfter !== null ? cpuAfter - cpuBefore : null;
  const receiversPerStamp = Array.from({ length: config.rooms }, (_, r) => perRoom(r)).reduce((a, n) => a + n * (n - 1), 0) / config.clients;
  return {
    label: config.label,
    clients: config.clients,
    rooms: config.rooms,
    servers: servers.map((s) => s.label),
    latency: summarize(result.latencies),
    sent: result.sent,
    delivered: result.sent > 0 ? result.latencies.length / (result.sent * receiversPerStamp) : 0,
    dropped: result.dropped,
    serverCpuMs: cpuMs,
    cpuMsPerKUpdates: cpuMs !== null && result.sent > 0 ? round((cpuMs * 1000) / result.sent) : null,
    mainThreadCpuMsPerK: mainBefore !== null && mainAfter !== null && result.sent > 0 ? round(((mainAfter - mainBefore) * 1000) / result.sent) : null,
    disk: diskWindow,
    ...(store ? { store } : {}),
  };
}

type Buckets = { leMs: number; count: number }[];

/** The store-latency buckets of a single Tafel server now (null for the others or several servers). */
async function storeHistogram(servers: readonly BenchServer[]): Promise<Buckets | null> {
  return servers.length === 1 ? servers[0]!.storeLatency() : null;
}

/** The buckets that half and 99% of the stores between two readings fell within. */
export function storeBounds(before: Buckets | null, after: Buckets | null): LatencyRun['store'] | null {
  if (!before || !after || before.length !== after.length) return null;
  const diff = after.map((b, i) => ({ leMs: b.leMs, count: b.count - before[i]!.count }));
  const n = diff.at(-1)!.count;
  if (n <= 0) return null;
  const within = (q: number) => diff.find((b) => b.count >= q * n)!.leMs;
  return { p50LeMs: within(0.5), p99LeMs: within(0.99), n };
}

/** A run without samples means the server failed; show what it printed so the cause is not lost. */
export function warnServers(servers: readonly BenchServer[], what: string): void {
  for (const s of servers) console.warn(`[bench] ${s.label}: ${what}. Server output:\n${s.recentOutput() || '(nothing)'}`);
}
