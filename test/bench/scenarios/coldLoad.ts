import type { BenchOptions } from '../options.ts';
import type { ColdLoadInput, ColdLoadOutput } from '../probes/coldLoadProbe.ts';
import { runProbe } from '../probes/runProbe.ts';
import { median } from '../stats.ts';

export interface ColdLoadResult extends ColdLoadOutput {
  store: 'sqlite' | 'postgres';
  beforeMedianMs: number;
  afterMedianMs: number;
}

/** Scenario 4: a fresh process writes a long log and times loading it, before and after compaction. */
export async function measureColdLoad(opts: BenchOptions['coldLoad'], store: ColdLoadInput['store']): Promise<ColdLoadResult> {
  const out = await runProbe<ColdLoadOutput>('coldLoadProbe.ts', { updates: opts.updates, repeats: opts.repeats, store } satisfies ColdLoadInput);
  return { ...out, store: store.kind, beforeMedianMs: median(out.beforeMs), afterMedianMs: median(out.afterMs) };
}
