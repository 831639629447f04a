import { monoNow } from './clock.ts';

/**
 * A latency stamp is plain text typed into a paragraph: `~<monotonic ms>`. Plain text keeps it a
 * legal Tafel edit (the content guard only accepts the editor's document field) and costs the
 * reference server exactly the same bytes.
 */
export function stamp(now = monoNow()): string {
  return `~${now.toFixed(3)}`;
}

const STAMP = /~(\d+\.\d{3})/g;

/** The stamp times found in an inserted string. */
export function stampsIn(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(STAMP)) out.push(Number(m[1]));
  return out;
}
