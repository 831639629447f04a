import type { BenchResults, Row, TargetCheck } from './results.ts';
import type { LatencyRun } from './scenarios/latency.ts';
import { median, round } from './stats.ts';

const MB = 1024 * 1024;

function row(scenario: string, unit: string, tafel: number | null, reference: number | null, note?: string): Row {
  const ratio = tafel !== null && reference !== null && reference > 0 && Number.isFinite(tafel) ? round(tafel / reference) : null;
  return { scenario, unit, tafel: tafel === null ? null : round(tafel), reference: reference === null ? null : round(reference), ratio, ...(note ? { note } : {}) };
}

/** The table's rows, scenario by scenario. */
export function buildRows(r: BenchResults): Row[] {
  const rows: Row[] = [];
  r.latency.tafel.forEach((t, i) => {
    const ref = r.latency.reference[i]!;
    const paired = pairedRatios(t, ref);
    const rounds = t.roundsP99 && ref.roundsP99 && paired ? `median of ${t.roundsP99.length} rounds; p99 per round ${t.roundsP99.map(fmt).join(' / ')} vs ${ref.roundsP99.map(fmt).join(' / ')} ms, ratio ${paired.map(fmt).join(' / ')}` : undefined;
    for (const q of ['p50', 'p95', 'p99'] as const) rows.push(row(`1 latency ${t.label} ${q}`, 'ms', t.latency[q], ref.latency[q], q === 'p99' ? rounds : undefined));
  });
  const mem = r.latency.tafelInMemory;
  const memRef = mem && r.latency.reference.find((x) => x.label === mem.label);
  if (mem && memRef) {
    const paired = pairedRatios(mem, memRef);
    const rounds = paired ? `; median of the rounds' ratios ${fmt(median(paired))} (per round ${paired.map(fmt).join(' / ')})` : '';
    rows.push(row(`1 latency ${mem.label} p99, Tafel with its data in memory`, 'ms', mem.latency.p99, memRef.latency.p99, `diagnostic: tmpfs, where an fsync costs nothing (not durable against a power cut)${rounds}`));
  }
  const tp = r.throughput;
  // The try that passed is the last one at that rate.
  const counted = (side: typeof tp.tafel) => side.steps.findLast((s) => s.offeredPerSec === side.bestPerSec)?.acceptedPerSec;
  const retried = (side: typeof tp.tafel) => side.steps.filter((s) => s.tries > 1).map((s) => s.offeredPerSec);
  const secondTries = [retried(tp.tafel), retried(tp.reference)];
  const tpNote = [
    `highest offered rate kept up with; counted in the window ${counted(tp.tafel) ?? '—'} vs ${counted(tp.reference) ?? '—'} /s`,
    secondTries.some((r) => r.length > 0) ? `second try at ${secondTries.map((r) => (r.length > 0 ? r.join(', ') : 'none')).join(' vs ')} /s` : null,
    tp.reference.capped ? 'reference capped by the highest offered rate' : null,
  ];
  rows.push(row('2 durable updates/s at p99 ≤ 50 ms', '/s', tp.tafel.bestPerSec, tp.reference.bestPerSec, tpNote.filter(Boolean).join('; ')));
  rows.push(row(`3 open case, ${r.openCase.sections.length} sections (median)`, 'ms', r.openCase.tafel.total.p50, r.openCase.reference.total.p50, 'Tafel includes sign-in; the reference has none'));
  rows.push(row('3 open case, after sign-in (median)', 'ms', r.openCase.tafel.afterSignIn.p50, r.openCase.reference.total.p50, 'reading the case + syncing every section'));
  const fk = r.firstKeystroke;
  rows.push('skipped' in fk ? row('3 first keystroke, Chromium (median)', 'ms', null, null, fk.skipped) : row('3 first keystroke, Chromium (median)', 'ms', fk.total.p50, null, `page-measured; no reference (needs the Tafel app)${fk.developmentBundle ? "; served bundle is React's development build" : ''}`));
  const cl = r.coldLoad.sqlite;
  rows.push(row(`4 cold load ${cl.updates} updates, before compaction`, 'ms', cl.beforeMedianMs, null, 'reference keeps nothing on disk'));
  rows.push(row(`4 cold load ${cl.updates} updates, after compaction`, 'ms', cl.afterMedianMs, null));
  const pgl = r.coldLoad.postgres;
  if (pgl) {
    rows.push(row(`4 cold load ${pgl.updates} updates, PostgreSQL, before`, 'ms', pgl.beforeMedianMs, null));
    rows.push(row(`4 cold load ${pgl.updates} updates, PostgreSQL, after`, 'ms', pgl.afterMedianMs, null));
  }
  const m = r.memory;
  rows.push(row(`5 RSS per open doc (${m.tafel.docs} docs)`, 'KB', m.tafel.rssPerDocBytes / 1024, m.reference.rssPerDocBytes / 1024, `JS heap per doc: ${fmt(m.tafel.heapPerDocBytes / 1024)} KB vs ${fmt(m.reference.heapPerDocBytes / 1024)} KB`));
  for (const c of r.contentCheck) {
    rows.push(row(`6 content check, ${c.paragraphs} paragraphs: typed character (median)`, 'µs', c.typedUs.p50, null, `p99 ${fmt(c.typedUs.p99)} µs; the reference checks nothing`));
    rows.push(row(`6 content check, ${c.paragraphs} paragraphs: new paragraph (median)`, 'ms', c.newParagraphMs.p50, null, `p99 ${fmt(c.newParagraphMs.p99)} ms; tried on the guard's copy of the section`));
  }
  if ('skipped' in r.scaleOut) {
    rows.push(row('8 scale-out latency p99, 2 processes', 'ms', null, null, r.scaleOut.skipped));
  } else {
    const { single, pair } = r.scaleOut;
    const ref = r.latency.reference.find((x) => x.label === single.label);
    rows.push(row(`8 PostgreSQL+Redis, 1 process, ${single.label} p99`, 'ms', single.latency.p99, ref?.latency.p99 ?? null));
    for (const q of ['p50', 'p95', 'p99'] as const) rows.push(row(`8 scale-out 2 processes vs 1, ${pair.label} ${q}`, 'ms', pair.latency[q], single.latency[q], 'reference column = all clients on 1 of the 2 processes'));
  }
  return rows;
}

/** The performance targets, judged on this run. */
export function checkTargets(r: BenchResults): TargetCheck[] {
  const quickNote = r.quick ? 'quick run: sizes too small to judge' : undefined;
  const largest = r.latency.tafel.reduce((a, t, i) => (t.clients > r.latency.tafel[a]!.clients && t.rooms > 1 ? i : a), 0);
  const lt = r.latency.tafel[largest]!;
  const lr = r.latency.reference[largest]!;
  const paired = pairedRatios(lt, lr);
  // Each round's two runs share the machine's state of that minute; their ratio cancels the drift
  // that separate medians of Tafel and reference would keep.
  const latencyRatio = paired ? median(paired) : lt.latency.p99 / lr.latency.p99;
  const diskNote = latencyNote(r, lt, lr);
  const checks: TargetCheck[] = [
    {
      target: `latency p99 ${lt.label} ≤ 1.25 × reference`,
      measured: paired
        ? `median of the ${paired.length} rounds' ratios ${paired.map(fmt).join(' / ')} = ${fmt(latencyRatio)}× (median rounds ${fmt(lt.latency.p99)} ms vs ${fmt(lr.latency.p99)} ms; the reference's own p99 ${spread(lr.roundsP99!)} ms over the rounds)`
        : `${fmt(lt.latency.p99)} ms vs ${fmt(lr.latency.p99)} ms = ${fmt(latencyRatio)}×`,
      ...(diskNote ? { note: diskNote } : {}),
      met: r.quick ? null : latencyRatio <= 1.25,
      ...(quickNote ? { note: quickNote } : {}),
    },
    {
      target: '≥ 5,000 durable updates/s on SQLite',
      measured: `${r.throughput.tafel.bestPerSec}/s${r.throughput.tafel.capped ? ' (capped by the highest offered rate)' : ''}; the reference ${r.throughput.reference.bestPerSec}/s in this run${missedStep(r.throughput.tafel)}`,
      met: r.quick ? null : r.throughput.tafel.bestPerSec >= 5000,
      ...(quickNote ? { note: quickNote } : {}),
    },
    {
      target: 'open a 20-section case ≤ 300 ms headless',
      measured: `${fmt(r.openCase.tafel.total.p50)} ms (median; sign-in ${fmt(r.openCase.tafel.signIn.p50)} ms, after sign-in ${fmt(r.openCase.tafel.afterSignIn.p50)} ms)`,
      met: r.openCase.tafel.total.p50 <= 300,
    },
  ];
  const fk = r.firstKeystroke;
  checks.push(
    'skipped' in fk
      ? { target: 'first keystroke ≤ 1.5 s in Chromium', measured: '—', met: null, note: fk.skipped }
      : { target: 'first keystroke ≤ 1.5 s in Chromium', measured: `${fmt(fk.total.p50)} ms (median)`, met: fk.total.p50 <= 1500 && fk.typed, ...(fk.typed ? {} : { note: 'typed text did not appear' }) },
  );
  const cl = r.coldLoad.sqlite;
  checks.push({
    target: 'cold load of 10,000 logged updates ≤ 50 ms after compaction',
    measured: `${fmt(cl.afterMedianMs)} ms after, ${fmt(cl.beforeMedianMs)} ms before (${cl.updates} updates)`,
    met: cl.updates >= 10_000 ? cl.afterMedianMs <= 50 : null,
    ...(cl.updates < 10_000 ? { note: quickNote ?? 'fewer than 10,000 updates' } : {}),
  });
  checks.push({
    target: '≤ 1 MB RSS per open section doc',
    measured: `${fmt(r.memory.tafel.rssPerDocBytes / 1024)} KB (${r.memory.tafel.docs} docs)`,
    met: r.memory.tafel.rssPerDocBytes <= MB,
  });
  return checks;
}

/** Tafel's p99 ÷ the reference's, round by round (the two ran back to back), when there were rounds. */
export function pairedRatios(tafel: LatencyRun, reference: LatencyRun): number[] | null {
  const t = tafel.roundsP99;
  const r = reference.roundsP99;
  if (!t || !r || t.length !== r.length) return null;
  return t.map((p99, i) => round(p99 / r[i]!));
}

/**
 * Beside the latency verdict: how slow the disk was in Tafel's rounds, and the ratio of the Tafel
 * whose data was in memory in the same rounds, so a reader sees how much of a miss was the disk.
 */
function latencyNote(r: BenchResults, tafel: LatencyRun, reference: LatencyRun): string | null {
  const parts: string[] = [];
  if (tafel.roundsSlowestFsyncMs?.some((ms) => ms !== null)) parts.push(`the disk's slowest fsync in Tafel's rounds ${tafel.roundsSlowestFsyncMs.map(fmt).join(' / ')} ms`);
  const mem = r.latency.tafelInMemory;
  const paired = mem && mem.label === tafel.label ? pairedRatios(mem, reference) : null;
  if (paired) parts.push(`with its data in memory, the same rounds: ${fmt(median(paired))}×`);
  return parts.length > 0 ? parts.join('; ') : null;
}

/** The step that ended the climb, try by try, with what the disk did meanwhile: Tafel relays only what is on disk. */
export function missedStep(side: BenchResults['throughput']['tafel']): string {
  if (side.capped) return '';
  const missed = side.steps.filter((s) => s.offeredPerSec > side.bestPerSec);
  const tries = missed.map((s) => `p99 ${fmt(s.latency.p99)} ms${s.disk ? ` while the disk's slowest fsync took ${fmt(s.disk.slowestMs)} ms` : ''}`);
  return missed.length > 0 ? `; missed ${missed[0]!.offeredPerSec}/s: ${tries.join(', then ')}` : '';
}

/** Lowest to highest, so a reader sees how much the machine moved between rounds. */
function spread(xs: readonly number[]): string {
  return `${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))}`;
}

function fmt(x: number | null): string {
  if (x === null || !Number.isFinite(x)) return '—';
  return x >= 100 ? Math.round(x).toLocaleString('en-US') : String(round(x));
}

/** The table as printed: ratio first, then the absolute figures. */
export function formatTable(rows: readonly Row[], checks: readonly TargetCheck[]): string {
  const head = ['scenario', 'ratio', 'Tafel', 'reference', 'note'];
  const body = rows.map((r) => [
    r.scenario,
    r.ratio === null ? '—' : `${fmt(r.ratio)}×`,
    r.tafel === null ? '—' : `${fmt(r.tafel)} ${r.unit}`,
    r.reference === null ? '—' : `${fmt(r.reference)} ${r.unit}`,
    r.note ?? '',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 || i === 4 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  const out = [line(head), `|${widths.map((w, i) => (i === 0 || i === 4 ? ':' : '-') + '-'.repeat(w) + (i === 0 || i === 4 ? '-' : ':')).join('|')}|`, ...body.map(line)];
  out.push('', 'Targets (ratio = Tafel ÷ reference):');
  for (const c of checks) {
    const mark = c.met === null ? 'n/a ' : c.met ? 'PASS' : 'MISS';
    out.push(`  [${mark}] ${c.target}: ${c.measured}${c.note ? ` (${c.note})` : ''}`);
  }
  return out.join('\n');
}
