import type { BenchOptions } from '../options.ts';
import type { MemoryInput, MemoryOutput } from '../probes/memoryProbe.ts';
import { runProbe } from '../probes/runProbe.ts';

export interface MemoryResult {
  tafel: MemoryOutput;
  reference: MemoryOutput;
}

/** Scenario 5: RSS per open section doc, Tafel and the reference, each in a fresh process. */
export async function measureMemory(opts: BenchOptions['memory'], parallel = false): Promise<MemoryResult> {
  const probe = (server: MemoryInput['server']) => runProbe<MemoryOutput>('memoryProbe.ts', { server, docs: opts.docs } satisfies MemoryInput, ['--expose-gc']);
  if (parallel) {
    const [tafel, reference] = await Promise.all([probe('tafel'), probe('reference')]);
    return { tafel, reference };
  }
  // One after the other in the full run, so neither probe slows the other down.
  const tafel = await probe('tafel');
  const reference = await probe('reference');
  return { tafel, reference };
}
