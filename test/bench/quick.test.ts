import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import type { BenchResults, Row } from './results.ts';
import { IN_MEMORY_DIR } from './servers.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** `npm run bench -- --quick`, once, so the benchmark never rots (the full bench is not part of npm test). */
test('npm run bench -- --quick measures every scenario', async () => {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tafel-bench-quick-')), 'bench-results.json');
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/bench/run.ts', '--quick', '--out', out], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (c: Buffer) => {
    output += c.toString();
  });
  child.stderr.on('data', (c: Buffer) => {
    output += c.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  expect(code, output).toBe(0);

  const results = JSON.parse(fs.readFileSync(out, 'utf8')) as BenchResults & { rows: Row[] };
  const finite = (x: unknown) => typeof x === 'number' && Number.isFinite(x);
  expect(results.machine.cpus).toBeGreaterThan(0);
  for (const side of [results.latency.tafel, results.latency.reference]) {
    expect(side.length).toBeGreaterThan(0);
    for (const run of side) expect([run.latency.p50, run.latency.p95, run.latency.p99].every(finite), run.label).toBe(true);
  }
  // The diagnostic Tafel with its data in memory ran the target configuration beside the others.
  if (IN_MEMORY_DIR) expect(finite(results.latency.tafelInMemory?.latency.p99)).toBe(true);
  for (const side of [results.throughput.tafel, results.throughput.reference]) {
    expect(finite(side.bestPerSec)).toBe(true);
    expect(side.steps.length).toBeGreaterThan(0);
    // The disk probe watched every measured window (Tafel waits for the disk before relaying).
    for (const s of side.steps) expect(s.disk?.fsyncs, `throughput at ${s.offeredPerSec}/s`).toBeGreaterThan(0);
  }
  expect(results.machine.disk?.fsyncs).toBeGreaterThan(0);
  expect(finite(results.openCase.tafel.total.p50) && finite(results.openCase.reference.total.p50)).toBe(true);
  if (!('skipped' in results.firstKeystroke)) expect(finite(results.firstKeystroke.total.p50)).toBe(true);
  expect(finite(results.coldLoad.sqlite.beforeMedianMs) && finite(results.coldLoad.sqlite.afterMedianMs)).toBe(true);
  expect(finite(results.memory.tafel.rssPerDocBytes) && finite(results.memory.reference.rssPerDocBytes)).toBe(true);
  expect(results.contentCheck.length).toBeGreaterThan(0);
  for (const c of results.contentCheck) expect(finite(c.typedUs.p50) && finite(c.newParagraphMs.p50), `${c.paragraphs} paragraphs`).toBe(true);
  if (!('skipped' in results.scaleOut)) expect(finite(results.scaleOut.pair.latency.p99)).toBe(true);
  // Every table row has a Tafel figure, or says why not.
  for (const row of results.rows) expect(finite(row.tafel) || Boolean(row.note), row.scenario).toBe(true);
}, 180_000);
