import type { DiskProbe } from '../diskProbe.ts';
import type { BenchOptions } from '../options.ts';
import { type BenchServer, dropSchema, freshSchema, type ScaleOutEnv, startTafel } from '../servers.ts';
import type { WorkerPool } from '../workerPool.ts';
import { largestManyRoomConfig, type LatencyRun, measureLatency } from './latency.ts';

export interface ScaleOutResult {
  single: LatencyRun;
  pair: LatencyRun;
}

export interface ScaleOutServers {
  /** Two Tafel processes on one fresh schema and Redis. */
  pair: [BenchServer, BenchServer];
  stop(): Promise<void>;
}

/** Starts two Tafel processes on PostgreSQL + Redis, sharing a fresh schema. */
export async function startScaleOutServers(env: ScaleOutEnv): Promise<ScaleOutServers> {
  const schema = freshSchema();
  const store = { kind: 'postgres', databaseUrl: env.databaseUrl, schema, redisUrl: env.redisUrl } as const;
  const started: BenchServer[] = [];
  const stop = async () => {
    await Promise.all(started.map((s) => s.stop()));
    await dropSchema(env.databaseUrl, schema).catch(() => {});
  };
  try {
    // The first seeds the demo case; the second starts on the seeded schema.
    started.push(await startTafel('tafel-pg-a', store));
    started.push(await startTafel('tafel-pg-b', store));
    return { pair: [started[0]!, started[1]!], stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

/**
 * Scale-out: the largest latency scenario on PostgreSQL + Redis, first with every client on
 * process A, then split over A and B (every room spans both, so updates cross Redis). Same
 * processes, same schema: the only difference is the split.
 */
export async function measureScaleOut(
  pool: WorkerPool,
  servers: ScaleOutServers,
  roomIds: readonly string[],
  opts: BenchOptions['latency'],
  disk: DiskProbe | null = null,
): Promise<ScaleOutResult> {
  const config = largestManyRoomConfig(opts.configs);
  const single = await measureLatency(pool, [servers.pair[0]], roomIds, config, opts, disk);
  const pair = await measureLatency(pool, servers.pair, roomIds, config, opts, disk);
  return { single, pair };
}
