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
    const p99Note = [rounds, storeNote(t), t.roundsSlowestFsyncMs?.some((x) => x !== null) ? `disk's slowest fsync per round ${t.roundsSlowestFsyncMs.map(fmt).join(' / ')} ms` : t.disk ? `disk's slowest fsync ${fmt(t.disk.slowestMs)} ms` : null];
    for (const q of ['p50', 'p95', 'p99'] as const) rows.push(row(`1 latency ${t.label} ${q}`, 'ms', t.latency[q], ref.latency[q], q === 'p99' ? p99Note.filter(Boolean).join('; ') || undefined : undefined));
  });
  const mem = r.latency.tafelInMemory;
  const memRef = mem && r.latency.reference.find((x) => x.label === mem.label);
  if (mem && memRef) {
    const paired = pairedRatios(mem, memRef);
    const rounds = paired ? `; median of the rounds' ratios ${fmt(median(paired))} (per round ${paired.map(fmt).join(' / ')})` : '';
    const store = storeNote(mem);
    rows.push(row(`1 latency ${mem.label} p99, Tafel with its data in memory`, 'ms', mem.latency.p99, memRef.latency.p99, `own overhead: tmpfs, where an fsync costs nothing (not durable against a power cut)${rounds}${store ? `; ${store}` : ''}`));
  }
  for (const hp of r.latency.hocuspocus) {
    const t = r.latency.tafel.find((x) => x.label === hp.label);
    const ref = r.latency.reference.find((x) => x.label === hp.label);
    if (!t) continue;
    const paired = pairedRatios(t, hp);
    const vsRef = ref ? `; Hocuspocus ÷ reference ${fmt(ref.latency.p99 > 0 ? hp.latency.p99 / ref.latency.p99 : null)}×` : '';
    const rounds = paired && hp.roundsP99 ? `; median of ${paired.length} rounds, Hocuspocus p99 per round ${hp.roundsP99.map(fmt).join(' / ')} ms, ratio ${paired.map(fmt).join(' / ')}` : '';
    for (const q of ['p50', 'p95', 'p99'] as const) rows.push(row(`1 latency ${hp.label} ${q}, Tafel vs Hocuspocus`, 'ms', t.latency[q], hp.latency[q], `reference column = Hocuspocus (SQLite, default debounce), same disk${q === 'p99' ? `${rounds}${vsRef}` : ''}`));
  }
  rows.push(...cpuRows(r));
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
  rows.push(...killRows(r));
  const cap = r.capacity;
  const capSteps = cap.steps.map((s) => `${s.clients}: p99 ${fmt(s.latency.p99)} ms${s.tries > 1 ? ' (2nd try)' : ''}`).join(', ');
  rows.push(
    row(
      `9 clients per process, ${cap.rooms} rooms, ${cap.ratePerClient} updates/s each, p99 ≤ ${cap.p99CeilingMs} ms`,
      'clients',
      cap.mostClients,
      null,
      `Tafel on SQLite; typing clients, plus 1 watching per room${cap.capped ? '; capped by the largest step' : ''}; steps ${capSteps}`,
    ),
  );
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
  rows.push(...storeCostRows(r));
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

/** Server CPU per 1,000 relayed updates: Tafel against the reference and against Hocuspocus, per many-room configuration. */
function cpuRows(r: BenchResults): Row[] {
  const rows: Row[] = [];
  for (const t of r.latency.tafel) {
    if (t.rooms <= 1) continue;
    const ref = r.latency.reference.find((x) => x.label === t.label);
    const hp = r.latency.hocuspocus.find((x) => x.label === t.label);
    const rounds = (a: LatencyRun, b: LatencyRun) => {
      const paired = pairedCpu(a, b);
      const main = `main thread ${fmt(mainCpuOf(a))} vs ${fmt(mainCpuOf(b))} ms`;
      return paired ? `median of the rounds' ratios ${fmt(median(paired))} (per round ${paired.map(fmt).join(' / ')}); ${main}` : main;
    };
    if (ref) rows.push(row(`1 CPU per 1,000 relayed updates, ${t.label}`, 'ms', cpuOf(t), cpuOf(ref), rounds(t, ref)));
    if (hp) rows.push(row(`1 CPU per 1,000 relayed updates, ${t.label}, Tafel vs Hocuspocus`, 'ms', cpuOf(t), cpuOf(hp), `reference column = Hocuspocus; ${rounds(t, hp)}`));
  }
  const mem = r.latency.tafelInMemory;
  const memRef = mem && r.latency.reference.find((x) => x.label === mem.label);
  if (mem && memRef) {
    const paired = pairedCpu(mem, memRef);
    rows.push(row(`1 CPU per 1,000 relayed updates, ${mem.label}, Tafel with its data in memory`, 'ms', cpuOf(mem), cpuOf(memRef), `${paired ? `median of the rounds' ratios ${fmt(median(paired))}; ` : ''}main thread ${fmt(mainCpuOf(mem))} vs ${fmt(mainCpuOf(memRef))} ms`));
  }
  return rows;
}

/**
 * Storing one update on its own, beside the reference's CPU per relayed update at the target
 * configuration: reference + storing ÷ reference is the lowest CPU ratio storing before relaying allows.
 */
export function storeCostRows(r: BenchResults): Row[] {
  const perUpdate = referenceCpuPerUpdateUs(r);
  return r.storeCost.stores.map((s) => {
    const floor = perUpdate ? `; the reference uses ${fmt(perUpdate)} µs per relayed update, so storing alone puts Tafel at ${fmt((perUpdate + s.cpuUs) / perUpdate)}× at the least` : '';
    return row(`10 CPU to store one update on its own, ${s.dir}`, 'µs', s.cpuUs, null, `hand-over to the writer thread, commit (WAL, synchronous=FULL), answer; system ${fmt(s.systemUs)} µs, wall ${fmt(s.wallUs)} µs; the hand-over alone ${fmt(r.storeCost.handOverCpuUs)} µs${floor}`);
  });
}

/** The reference's CPU per relayed update (µs) in the target configuration, or null. */
function referenceCpuPerUpdateUs(r: BenchResults): number | null {
  const configs = r.latency.reference.filter((x) => x.rooms > 1);
  const largest = configs.reduce<LatencyRun | null>((a, x) => (a === null || x.clients > a.clients ? x : a), null);
  return largest ? cpuOf(largest) : null;
}

/** What storing alone puts the CPU ratio at, on each file system measured (scenario 10). */
function storeFloor(r: BenchResults, referencePerUpdateUs: number | null): string | null {
  if (!referencePerUpdateUs || r.storeCost.stores.length === 0) return null;
  return `storing each update in a commit of its own puts it at ${r.storeCost.stores.map((s) => `${fmt((referencePerUpdateUs + s.cpuUs) / referencePerUpdateUs)}× (${s.dir})`).join(', ')}`;
}

/** Edits another client had received and that were gone after kill -9 and a restart: Tafel against Hocuspocus. */
function killRows(r: BenchResults): Row[] {
  const { tafel, hocuspocus } = r.killNine;
  const total = (k: typeof tafel) => k.repetitions.reduce((a, x) => a + x.lost, 0);
  const seen = (k: typeof tafel) => k.repetitions.reduce((a, x) => a + x.seen, 0);
  const worst = (k: typeof tafel) => Math.max(0, ...k.repetitions.map((x) => x.lostWindowMs));
  const perRep = (k: typeof tafel) => k.repetitions.map((x) => `${x.lost}/${x.seen} at ${(x.killedAtMs / 1000).toFixed(1)} s`).join(', ');
  const head = `${tafel.repetitions.length} kills, ${tafel.writers} writers in ${tafel.rooms} rooms`;
  return [
    row(`7 edits lost on kill -9 (${head})`, 'edits', total(tafel), total(hocuspocus), `lost/seen per kill: Tafel ${perRep(tafel)}; Hocuspocus ${perRep(hocuspocus)}; of ${seen(tafel)} vs ${seen(hocuspocus)} seen; reference column = Hocuspocus`),
    row('7 typing lost on kill -9, worst kill', 'ms', worst(tafel), worst(hocuspocus), `from the earliest lost edit to the kill; Hocuspocus per kill ${hocuspocus.repetitions.map((x) => fmt(x.lostWindowMs)).join(' / ')} ms`),
  ];
}

/** How long Tafel's stores took (accepted to stored, the part of its latency before the relay). */
function storeNote(run: LatencyRun): string | null {
  const rounds = run.roundsStoreP99LeMs;
  if (rounds?.some((x) => x !== null)) return `99% of stores within ${rounds.map(fmt).join(' / ')} ms per round (histogram bound)`;
  return run.store ? `stores: half within ${fmt(run.store.p50LeMs)} ms, 99% within ${fmt(run.store.p99LeMs)} ms (histogram bounds)` : null;
}

/** CPU per 1,000 updates: the median of the rounds, or the single run's. */
function cpuOf(run: LatencyRun): number | null {
  if (run.roundsCpuMsPerK?.every((x) => x !== null)) return median(run.roundsCpuMsPerK as number[]);
  return run.cpuMsPerKUpdates;
}

function mainCpuOf(run: LatencyRun): number | null {
  if (run.roundsMainCpuMsPerK?.every((x) => x !== null)) return median(run.roundsMainCpuMsPerK as number[]);
  return run.mainThreadCpuMsPerK;
}

/** Tafel's CPU per update ÷ the other server's, round by round. */
export function pairedCpu(a: LatencyRun, b: LatencyRun): number[] | null {
  const x = a.roundsCpuMsPerK;
  const y = b.roundsCpuMsPerK;
  if (!x || !y || x.length !== y.length || x.some((v) => v === null) || y.some((v) => !v)) return null;
  return x.map((v, i) => round(v! / y[i]!));
}

/** The performance targets, judged on this run. */
export function checkTargets(r: BenchResults): TargetCheck[] {
  const quickNote = r.quick ? 'quick run: sizes too small to judge' : undefined;
  const largest = r.latency.tafel.reduce((a, t, i) => (t.clients > r.latency.tafel[a]!.clients && t.rooms > 1 ? i : a), 0);
  const lt = r.latency.tafel[largest]!;
  const lr = r.latency.reference[largest]!;
  const diskNote = latencyNote(r, lt, lr);
  const judge = (ok: boolean) => (r.quick ? null : ok);
  const mem = r.latency.tafelInMemory && r.latency.tafelInMemory.label === lt.label ? r.latency.tafelInMemory : null;
  const hp = r.latency.hocuspocus.find((x) => x.label === lt.label) ?? null;
  const checks: TargetCheck[] = [];
  if (mem) {
    const { ratio, measured } = roundsRatio(mem, lr, 'reference');
    checks.push({ target: `own overhead: latency p99 ${lt.label}, Tafel with its data in memory ≤ 1.15 × reference`, measured, met: judge(ratio <= 1.15), ...(quickNote ? { note: quickNote } : {}) });
  } else {
    checks.push({ target: 'own overhead: latency p99, Tafel with its data in memory ≤ 1.15 × reference', measured: '—', met: null, note: 'no tmpfs on this machine' });
  }
  // Waiting for this shared disk is part of it, so this one is reported with the disk probe, not judged.
  checks.push({ target: `latency p99 ${lt.label}, Tafel on disk ÷ reference (reported, no target)`, measured: roundsRatio(lt, lr, 'reference').measured, met: null, ...(diskNote ? { note: diskNote } : {}) });
  if (hp) {
    const { ratio, measured } = roundsRatio(lt, hp, 'Hocuspocus');
    checks.push({ target: `latency p99 ${lt.label} on the same disk ≤ 1.5 × Hocuspocus`, measured, met: judge(ratio <= 1.5), ...(quickNote ? { note: quickNote } : {}) });
  }
  const cpuT = cpuOf(lt);
  const cpuR = cpuOf(lr);
  const pairedCpuRef = pairedCpu(lt, lr);
  const cpuRatio = pairedCpuRef ? median(pairedCpuRef) : cpuT !== null && cpuR ? cpuT / cpuR : null;
  const cpuHp = hp ? (pairedCpu(lt, hp) ?? null) : null;
  const cpuMem = mem ? pairedCpu(mem, lr) : null;
  checks.push({
    target: `CPU per relayed update ${lt.label} ≤ 1.2 × reference`,
    measured: `${fmt(cpuT)} vs ${fmt(cpuR)} ms per 1,000 updates = ${fmt(cpuRatio)}×${pairedCpuRef ? ` (median of the rounds' ratios ${pairedCpuRef.map(fmt).join(' / ')})` : ''}`,
    met: cpuRatio === null ? null : judge(cpuRatio <= 1.2),
    note: [quickNote, cpuHp ? `Tafel ÷ Hocuspocus ${fmt(median(cpuHp))}×` : hp ? `Tafel ÷ Hocuspocus ${fmt(cpuT !== null && cpuOf(hp) ? cpuT / cpuOf(hp)! : null)}×` : null, cpuMem ? `with its data in memory ${fmt(median(cpuMem))}× the reference` : null, storeFloor(r, cpuR)].filter(Boolean).join('; '),
  });
  const kt = r.killNine.tafel.repetitions;
  const kh = r.killNine.hocuspocus.repetitions;
  checks.push({
    target: '0 edits lost on kill -9 (Tafel)',
    measured: `${kt.reduce((a, x) => a + x.lost, 0)} lost of ${kt.reduce((a, x) => a + x.seen, 0)} seen by another client, over ${kt.length} kills (per kill ${kt.map((x) => x.lost).join(' / ')})`,
    met: kt.length > 0 && kt.every((x) => x.lost === 0 && x.seen > 0),
    note: `Hocuspocus lost ${kh.map((x) => `${x.lost} (${fmt(x.lostWindowMs)} ms)`).join(' / ')}`,
  });
  checks.push(
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
  );
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

/** Tafel's p99 ÷ another server's: the median of the rounds' ratios when there were rounds, else of the single runs. */
function roundsRatio(a: LatencyRun, b: LatencyRun, other: string): { ratio: number; measured: string } {
  const paired = pairedRatios(a, b);
  const ratio = paired ? median(paired) : a.latency.p99 / b.latency.p99;
  const measured = paired
    ? `median of the ${paired.length} rounds' ratios ${paired.map(fmt).join(' / ')} = ${fmt(ratio)}× (median rounds ${fmt(a.latency.p99)} ms vs ${fmt(b.latency.p99)} ms; ${other}'s own p99 ${spread(b.roundsP99!)} ms over the rounds)`
    : `${fmt(a.latency.p99)} ms vs ${fmt(b.latency.p99)} ms = ${fmt(ratio)}×`;
  return { ratio, measured };
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
  out.push('', 'Targets (ratio = Tafel ÷ the other server):');
  for (const c of checks) {
    const mark = c.met === null ? 'n/a ' : c.met ? 'PASS' : 'MISS';
    out.push(`  [${mark}] ${c.target}: ${c.measured}${c.note ? ` (${c.note})` : ''}`);
  }
  return out.join('\n');
}
