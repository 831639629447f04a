import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { round } from './stats.ts';

/**
 * A thread that appends 4 KB to a file and fsyncs it every `everyMs`, on the file system where the
 * Tafel servers keep their data, and reports how long each took (CLOCK_MONOTONIC, like monoNow).
 * Plain JavaScript: worker threads do not inherit the TypeScript loader.
 */
const PROBE_THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const { file, everyMs } = workerData;
const fd = fs.openSync(file, 'w');
const block = Buffer.alloc(4096, 7);
let size = 0;
const now = () => Number(process.hrtime.bigint()) / 1e6;
setInterval(() => {
  // Appending, as SQLite's write-ahead log grows: the fsync also commits the file's new size.
  if (size > 8 << 20) { fs.ftruncateSync(fd, 0); size = 0; }
  const at = now();
  fs.writeSync(fd, block, 0, block.length, size);
  fs.fsyncSync(fd);
  size += block.length;
  parentPort.postMessage([at, now() - at]);
}, everyMs);
`;

/** How this machine's disk behaved during one measured window. */
export interface DiskWindow {
  fsyncs: number;
  /** The slowest fsync that started in the window (ms). */
  slowestMs: number;
}

/**
 * Watches the disk while the bench runs. Tafel relays an update only once it is on disk, so a disk
 * that stalls for 400 ms (this shared machine's does, now and then) stalls Tafel's relaying with it,
 * while the reference keeps nothing on disk. The probe says when that happened; it does not change
 * any verdict. Ten small fsyncs a second are nothing beside a Tafel server's hundreds.
 */
export class DiskProbe {
  private readonly samples: { at: number; ms: number }[] = [];

  private constructor(
    private readonly worker: Worker,
    private readonly file: string,
  ) {
    worker.on('message', ([at, ms]: [number, number]) => this.samples.push({ at, ms }));
    worker.on('error', () => {});
    worker.unref();
  }

  static start(everyMs = 100): DiskProbe {
    const file = path.join(os.tmpdir(), `tafel-bench-disk-${process.pid}`);
    return new DiskProbe(new Worker(PROBE_THREAD, { eval: true, workerData: { file, everyMs } }), file);
  }

  /** What the disk did between two monoNow() readings; null when the probe saw nothing then. */
  between(from: number, to: number): DiskWindow | null {
    const inWindow = this.samples.filter((s) => s.at >= from && s.at <= to);
    if (inWindow.length === 0) return null;
    return { fsyncs: inWindow.length, slowestMs: round(Math.max(...inWindow.map((s) => s.ms))) };
  }

  /** Over the whole run: how many fsyncs, the median and slowest, and how many took over 100 ms. */
  summary(): { fsyncs: number; medianMs: number; slowestMs: number; over100Ms: number } | null {
    if (this.samples.length === 0) return null;
    const ms = this.samples.map((s) => s.ms).sort((a, b) => a - b);
    return { fsyncs: ms.length, medianMs: round(ms[Math.floor(ms.length / 2)]!), slowestMs: round(ms.at(-1)!), over100Ms: ms.filter((m) => m > 100).length };
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
    fs.rmSync(this.file, { force: true });
  }
}
