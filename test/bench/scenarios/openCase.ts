import { sleep } from '../clock.ts';
import type { BenchOptions } from '../options.ts';
import { BENCH_ACCOUNT, type BenchServer, DEMO_CASE, DEMO_PASSWORD } from '../servers.ts';
import { type Summary, summarize } from '../stats.ts';
import type { WorkerPool } from '../workerPool.ts';

export interface OpenCaseResult {
  sections: string[];
  tafel: { total: Summary; signIn: Summary; afterSignIn: Summary; runsMs: number[] };
  reference: { total: Summary; runsMs: number[] };
}

/**
 * Scenario 3 (headless): sign in, read the case, sync its first N sections, measured in a client
 * worker. One unmeasured warm-up each; between runs Tafel unloads the sections again, so every
 * run loads them from storage like a case nobody had open.
 */
export async function measureOpenCase(pool: WorkerPool, tafel: BenchServer, reference: BenchServer, opts: BenchOptions['openCase']): Promise<OpenCaseResult> {
  const tafelReq = { kind: 'tafel', http: tafel.http, ws: tafel.ws, email: BENCH_ACCOUNT, password: DEMO_PASSWORD, caseId: DEMO_CASE, sections: opts.sections } as const;
  const warm = await pool.openCase(tafelReq);
  const sections = warm.sections;
  const tafelRuns: { totalMs: number; signInMs: number }[] = [];
  for (let i = 0; i < opts.repeats; i++) {
    await sleep(400);
    tafelRuns.push(await pool.openCase(tafelReq));
  }
  const refReq = { kind: 'reference', ws: reference.ws, rooms: sections } as const;
  await pool.openCase(refReq);
  const refRuns: number[] = [];
  for (let i = 0; i < opts.repeats; i++) {
    await sleep(400);
    refRuns.push((await pool.openCase(refReq)).totalMs);
  }
  return {
    sections,
    tafel: { total: summarize(tafelRuns.map((r) => r.totalMs)), signIn: summarize(tafelRuns.map((r) => r.signInMs)),
      afterSignIn: summarize(tafelRuns.map((r) => r.totalMs - r.signInMs)),
      runsMs: tafelRuns.map((r) => r.totalMs) },
    reference: { total: summarize(refRuns), runsMs: refRuns },
  };
}
