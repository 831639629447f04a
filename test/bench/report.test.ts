import { describe, expect, it } from 'vitest';
import { pairedRatios } from './report.ts';
import type { LatencyRun } from './scenarios/latency.ts';

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
