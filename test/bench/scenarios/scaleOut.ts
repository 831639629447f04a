import type { BenchOptions } from '../options.ts';
import { type BenchServer, dropSchema, freshSchema, type ScaleOutEnv, startTafel } from '../servers.ts';
import type { WorkerPool } from '../workerPool.ts';
import { type LatencyRun, measureLatency } from './latency.ts';

export interface ScaleOutResult {
  single: LatencyRun;
  pair: LatencyRun;
}

export interface ScaleOutServers {
  /** One process on its own schema. */
  single: BenchServer;
  /** Two processes sharing another schema and Redis. */
  pair: [BenchServer, BenchServer];
  stop(): Promise<void>;
}

/** Starts the three Tafel processes on PostgreSQL + Redis, each schema fresh. */
export async function startScaleOutServers(env: ScaleOutEnv): Promise<ScaleOutServers> {
  const singleSchema = freshSchema();
  const pairSchema = freshSchema();
  const store = (schema: string) => ({ kind: 'postgres', databaseUrl: env.databaseUrl, schema, redisUrl: env.redisUrl }) as const;
  const started: BenchServer[] = [];
  const stop = async () => {
    await Promise.all(started.map((s) => s.stop()));
    await Promise.all([singleSchema, pairSchema].map((s) => dropSchema(env.databaseUrl, s).catch(() => {})));
  };
  try {
    const track = async (p: Promise<BenchServer>) => {
      const s = await p;
      started.push(s);
      return s;
    };
    // The first of the pair seeds the demo case; the second starts on the seeded schema.
    const [single, a] = await Promise.all([track(startTafel('tafel-pg-1', store(singleSchema))), track(startTafel('tafel-pg-2a', store(pairSchema)))]);
    const b = await track(startTafel('tafel-pg-2b', store(pairSchema)));
    return { single, pair: [a, b], stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

/**
 * Issue 8's bench: the largest latency scenario on PostgreSQL + Redis, all clients on one Tafel
 * process versus split over two processes (every room spans both, so updates cross Redis).
 */
export async function measureScaleOut(pool: WorkerPool, servers: ScaleOutServers, roomIds: readonly string[], opts: BenchOptions['latency']): Promise<ScaleOutResult> {
  const config = opts.configs.reduce((a, c) => (c.clients > a.clients && c.rooms > 1 ? c : a));
  const single = await measureLatency(pool, [servers.single], roomIds, config, opts);
  const pair = await measureLatency(pool, servers.pair, roomIds, config, opts);
  return { single, pair };
}
