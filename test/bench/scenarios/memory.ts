import type { BenchOptions } from '../options.ts';
import type { MemoryInput, MemoryOutput } from '../probes/memoryProbe.ts';
import { runProbe } from '../probes/runProbe.ts';

export interface MemoryResult {
  tafel: MemoryOutput;
  reference: MemoryOutput;
}

/** Scenario 5: RSS per open section doc, Tafel and the reference, each in a fresh process. */
export async function measureMemory(opts: BenchOptions['memory']): Promise<MemoryResult> {
  const probe = (server: MemoryInput['server']) => runProbe<MemoryOutput>('memoryProbe.ts', { server, docs: opts.docs } satisfies MemoryInput, ['--expose-gc']);
  // One after the other: two probes at once would compete for the machine's memory bandwidth.
  const tafel = await probe('tafel');
  const reference = await probe('reference');
  return { tafel, reference };
}
