import type { BenchOptions } from '../options.ts';
import type { ContentCheckInput, ContentCheckOutput } from '../probes/contentCheckProbe.ts';
import { runProbe } from '../probes/runProbe.ts';
import { type Summary, summarize } from '../stats.ts';

export interface ContentCheckResult {
  paragraphs: number;
  /** Per typed character, in µs (this check is a few µs; ms would round it to nothing). */
  typedUs: Summary;
  /** Per new paragraph, in ms. */
  newParagraphMs: Summary;
}

/** Scenario 6: the server's check of each change, in sections of each size. */
export async function measureContentCheck(opts: BenchOptions['contentCheck']): Promise<ContentCheckResult[]> {
  const results: ContentCheckResult[] = [];
  for (const paragraphs of opts.paragraphs) {
    const out = await runProbe<ContentCheckOutput>('contentCheckProbe.ts', { paragraphs, rounds: opts.rounds } satisfies ContentCheckInput);
    results.push({ paragraphs, typedUs: summarize(out.typedMs.map((ms) => ms * 1000)), newParagraphMs: summarize(out.newParagraphMs) });
  }
  return results;
}
