import os from 'node:os';
import type { BenchOptions } from '../options.ts';
import { runProbe } from '../probes/runProbe.ts';
import type { StoreCostInput, StoreCostOutput } from '../probes/storeCostProbe.ts';
import { IN_MEMORY_DIR } from '../servers.ts';

export type StoreCostResult = StoreCostOutput;

/**
 * Scenario 10: the CPU of storing one update on its own, on the file system the bench's Tafel
 * stores on and on tmpfs, and of the hand-over to the writer thread alone. Beside the reference's
 * CPU per relayed update it gives the floor of Tafel's ratio: what storing before relaying costs
 * however little else the server does.
 */
export function measureStoreCost(opts: BenchOptions['storeCost']): Promise<StoreCostResult> {
  const dirs = [os.tmpdir(), ...(IN_MEMORY_DIR ? [IN_MEMORY_DIR] : [])];
  return runProbe<StoreCostOutput>('storeCostProbe.ts', { dirs, updates: opts.updates } satisfies StoreCostInput);
}
