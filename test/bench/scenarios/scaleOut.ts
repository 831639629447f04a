import type { BenchOptions } from '../options.ts';
import { type BenchServer, dropSchema, freshSchema, type ScaleOutEnv, startTafel } from '../servers.ts';
import type { WorkerPool } from '../workerPool.ts';
import { type LatencyRun, measureLatency } from './latency.ts';

export interface ScaleOutResult {
  single: LatencyRun;
  pair: LatencyRun;
}

/**
 * Issue 8's bench: the largest latency scenario on PostgreSQL + Redis, all clients on one Tafel
 * process versus split over two processes (every room spans both, so updates cross Redis).
 */
export async function measureScaleOut(pool: WorkerPool, env: ScaleOutEnv, roomIds: readonly string[], opts: BenchOptions['latency']): Promise<ScaleOutResult> {
  const config = opts.configs.reduce((a, c) => (c.clients > a.clients && c.rooms > 1 ? c : a));
  const singleSchema = freshSchema();
  const pairSchema = freshSchema();
  const started: BenchServer[] = [];
  try {
    const store = (schema: string) => ({ kind: 'postgres', databaseUrl: env.databaseUrl, schema, redisUrl: env.redisUrl }) as const;
    const single = await startTafel('tafel-pg-1', store(singleSchema));
    started.push(single);
    // The first of the pair seeds the demo case; the second starts on the seeded schema.
    const a = await startTafel('tafel-pg-2a', store(pairSchema));
    started.push(a);
    const b = await startTafel('tafel-pg-2b', store(pairSchema));
    started.push(b);
    const singleRun = await measureLatency(pool, [single], roomIds, config, opts);
    const pairRun = await measureLatency(pool, [a, b], roomIds, config, opts);
    return { single: singleRun, pair: pairRun };
  } finally {
    await Promise.all(started.map((s) => s.stop()));
    await Promise.all([singleSchema, pairSchema].map((s) => dropSchema(env.databaseUrl, s).catch(() => {})));
  }
}
