import { describe, expect, it } from 'vitest';
import { missedStep, pairedRatios, storeCostRows } from './report.ts';
import type { BenchResults } from './results.ts';
import type { LatencyRun } from './scenarios/latency.ts';
import type { ThroughputStep } from './scenarios/throughput.ts';

function run(roundsP99?: number[]): LatencyRun {
  const p99 = roundsP99 ? [...roundsP99].sort((a, b) => a - b)[Math.floor((roundsP99.length - 1) / 2)]! : 10;
  return {
    label: '200 clients / 20 rooms',
    clients: 200,
    rooms: 20,
    servers: [],
    latency: { n: 1000, p50: 1, p95: 5, p99, mean: 2, max: p99 },
    sent: 100,
    delivered: 1,
    dropped: 0,
    serverCpuMs: null,
    cpuMsPerKUpdates: null,
    mainThreadCpuMsPerK: null,
    disk: null,
    ...(roundsP99 ? { roundsP99 } : {}),
  };
}

describe('pairedRatios', () => {
  it('compares each round with the reference run of the same round, not the two medians', () => {
    // The machine slowed down in round 3: both sides suffered, so that round's ratio is 1.
    const tafel = run([6, 8, 60]);
    const reference = run([4, 5, 60]);
    expect(pairedRatios(tafel, reference)).toEqual([1.5, 1.6, 1]);
    // Medians per side would give 8 / 5 = 1.6; the rounds' ratios have median 1.5.
  });

  it('gives nothing for a configuration that ran once', () => {
    expect(pairedRatios(run(), run())).toBeNull();
  });
});

function step(offeredPerSec: number, p99: number, slowestFsyncMs: number | null, tries = 1): ThroughputStep {
  const sent = offeredPerSec * 4;
  return {
    offeredPerSec,
    sent,
    observed: sent,
    sentPerSec: offeredPerSec,
    acceptedPerSec: offeredPerSec,
    latency: { n: sent, p50: 2, p95: p99 / 2, p99, mean: 3, max: p99 },
    serverCpuMs: null,
    dropped: 0,
    disk: slowestFsyncMs === null ? null : { fsyncs: 50, slowestMs: slowestFsyncMs },
    tries,
  };
}

describe('missedStep', () => {
  it('says which rate ended the climb and how slow the disk was during each try', () => {
    const steps = [step(4000, 30, 2.1), step(5000, 92, 480), step(5000, 61, 3.5, 2)];
    expect(missedStep({ bestPerSec: 4000, capped: false, steps })).toBe("; missed 5000/s: p99 92 ms while the disk's slowest fsync took 480 ms, then p99 61 ms while the disk's slowest fsync took 3.5 ms");
  });

  it('says nothing when every offered rate was kept up with', () => {
    expect(missedStep({ bestPerSec: 5000, capped: true, steps: [step(5000, 20, 1)] })).toBe('');
  });
});

describe('storeCostRows', () => {
  it("puts storing one update beside the reference's CPU per relayed update", () => {
    const reference = { ...run(), cpuMsPerKUpdates: 250 };
    const results = {
      latency: { tafel: [], reference: [reference], tafelInMemory: null, hocuspocus: [] },
      storeCost: { stores: [{ dir: '/dev/shm', cpuUs: 100, systemUs: 30, wallUs: 80 }], handOverCpuUs: 25 },
    } as unknown as BenchResults;
    const [row] = storeCostRows(results);
    expect(row).toMatchObject({ tafel: 100, unit: 'µs' });
    // 250 µs of relaying plus 100 µs of storing: at least 1.4× the reference.
    expect(row!.note).toContain('storing alone puts Tafel at 1.4× at the least');
    expect(row!.note).toContain('the hand-over alone 25 µs');
  });
});
