/**
 * Scenario 10, in its own process: the CPU that storing one update costs when it is stored on its
 * own, as an update typed at human speed usually is (the writer thread commits what queued up
 * during its last commit; a lone keystroke has nothing to share its commit with). Measured through
 * the server's own path: the update log hands the row to the writer thread, which commits it
 * (WAL, synchronous=FULL) and answers. This is the floor of what "stored before relayed" adds
 * to each relayed update, whatever else the server does.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { updateLogOf } from '../../../server/documents/updateLogOf.ts';
import { openSqlStore } from '../../../server/store/db.ts';
import { probeInput } from './runProbe.ts';

export interface StoreCostInput {
  /** Directories to store in: the bench's data directory's file system, and tmpfs where there is one. */
  dirs: string[];
  updates: number;
}

export interface StoreCostOutput {
  /** Per directory: process CPU (user + system, all threads) per stored update, in µs. */
  stores: { dir: string; cpuUs: number; systemUs: number; wallUs: number }[];
  /** A message to a worker thread and its answer, nothing stored: the hand-over alone, in µs of CPU. */
  handOverCpuUs: number;
}

const { dirs, updates } = probeInput<StoreCostInput>();
// A typed character as the editor sends it: a few dozen bytes.
const update = new Uint8Array(40).fill(7);

function cpuUs(): { total: number; system: number } {
  const c = process.cpuUsage();
  return { total: c.user + c.system, system: c.system };
}

async function storeCost(dir: string): Promise<StoreCostOutput['stores'][number]> {
  const dataDir = fs.mkdtempSync(path.join(dir, 'tafel-store-cost-'));
  const sql = await openSqlStore({ kind: 'sqlite', dataDir });
  const log = updateLogOf(sql);
  try {
    const append = () => log.append([{ room: 'demo/bench-store-cost', data: update, userId: 'u-bench' }]);
    // Warm up the thread, the statement and the JIT off the record.
    for (let i = 0; i < 300; i++) await append();
    const before = cpuUs();
    const started = performance.now();
    for (let i = 0; i < updates; i++) await append();
    const wallUs = ((performance.now() - started) * 1000) / updates;
    const after = cpuUs();
    return { dir, cpuUs: (after.total - before.total) / updates, systemUs: (after.system - before.system) / updates, wallUs };
  } finally {
    await sql.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The same hand-over with nothing to store: a worker thread that answers each message at once. */
async function handOverCost(): Promise<number> {
  const worker = new Worker("require('node:worker_threads').parentPort.on('message', (id) => require('node:worker_threads').parentPort.postMessage(id));", { eval: true });
  const roundTrip = (id: number) =>
    new Promise<void>((resolve) => {
      worker.once('message', () => resolve());
      worker.postMessage(id);
    });
  for (let i = 0; i < 300; i++) await roundTrip(i);
  const before = cpuUs();
  for (let i = 0; i < updates; i++) await roundTrip(i);
  const after = cpuUs();
  await worker.terminate();
  return (after.total - before.total) / updates;
}

const stores: StoreCostOutput['stores'] = [];
for (const dir of dirs) stores.push(await storeCost(dir));
const output: StoreCostOutput = { stores, handOverCpuUs: await handOverCost() };
console.log(JSON.stringify(output));
