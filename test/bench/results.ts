import type { DiskProbe } from './diskProbe.ts';
import type { ColdLoadResult } from './scenarios/coldLoad.ts';
import type { CapacityResult } from './scenarios/capacity.ts';
import type { ContentCheckResult } from './scenarios/contentCheck.ts';
import type { StoreCostResult } from './scenarios/storeCost.ts';
import type { FirstKeystrokeResult } from './scenarios/firstKeystroke.ts';
import type { KillResult } from './scenarios/killNine.ts';
import type { LatencyRun } from './scenarios/latency.ts';
import type { MemoryResult } from './scenarios/memory.ts';
import type { OpenCaseResult } from './scenarios/openCase.ts';
import type { ScaleOutResult } from './scenarios/scaleOut.ts';
import type { ThroughputResult } from './scenarios/throughput.ts';

/** Everything one bench run measured; written to bench-results.json as is. */
export interface BenchResults {
  machine: {
    cpus: number;
    cpuModel: string;
    totalMemBytes: number;
    node: string;
    platform: string;
    /** 1-minute load average at each step of the run. */
    load: { atS: number; load1: number; step: string }[];
    /** Small fsyncs on the servers' file system all through the run (see DiskProbe). */
    disk: ReturnType<DiskProbe['summary']>;
  };
  quick: boolean;
  startedAt: string;
  durationS: number;
  latency: {
    tafel: LatencyRun[];
    reference: LatencyRun[];
    /**
     * The target configuration once more, with a Tafel whose data is in memory (tmpfs), in the same
     * rounds: what the server costs apart from the disk. Null where the machine has no tmpfs.
     */
    tafelInMemory: LatencyRun | null;
    /** Hocuspocus (SQLite, default debounce) in the configurations with many rooms, same rounds. */
    hocuspocus: LatencyRun[];
  };
  throughput: { tafel: ThroughputResult; reference: ThroughputResult };
  /** Clients one Tafel process serves at p99 ≤ 50 ms (scenario 9). */
  capacity: CapacityResult;
  /** Edits others had received that are gone after kill -9 and a restart (scenario 7). */
  killNine: { tafel: KillResult; hocuspocus: KillResult };
  openCase: OpenCaseResult;
  firstKeystroke: FirstKeystrokeResult;
  coldLoad: { sqlite: ColdLoadResult; postgres: ColdLoadResult | null };
  memory: MemoryResult;
  contentCheck: ContentCheckResult[];
  /** CPU of storing one update on its own (scenario 10). */
  storeCost: StoreCostResult;
  scaleOut: ScaleOutResult | { skipped: string };
}

/** One line of the table: Tafel and the reference side by side (ratio = Tafel ÷ reference). */
export interface Row {
  scenario: string;
  unit: string;
  tafel: number | null;
  reference: number | null;
  ratio: number | null;
  /** Why a figure is missing, or what the reference column means on this row. */
  note?: string;
}

export interface TargetCheck {
  target: string;
  measured: string;
  /** null when this run cannot judge it (skipped, or --quick sizes). */
  met: boolean | null;
  note?: string;
}
