import { describe, expect, it } from 'vitest';
import { keptUp } from './scenarios/throughput.ts';

const opts = { p99CeilingMs: 50, durationMs: 4000 };
const step = { offeredPerSec: 5000, sent: 19_996, observed: 19_996, p99: 45.9, dropped: 0 };

describe('keptUp', () => {
  it('counts a step whose window caught a few updates fewer than offered, all of them stored', () => {
    expect(keptUp(step, opts)).toBe(true);
  });

  it('fails a step where the server lost or still held updates at the end', () => {
    expect(keptUp({ ...step, observed: 19_700 }, opts)).toBe(false);
  });

  it('fails a step the writers could not offer, since its rate would not be shown', () => {
    expect(keptUp({ ...step, sent: 18_000, observed: 18_000 }, opts)).toBe(false);
  });

  it('fails a step past the latency ceiling or with a dropped client', () => {
    expect(keptUp({ ...step, p99: 50.1 }, opts)).toBe(false);
    expect(keptUp({ ...step, dropped: 1 }, opts)).toBe(false);
  });
});
