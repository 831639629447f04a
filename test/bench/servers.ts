import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freePort, startChildTafel } from '../support/childServer.ts';
import { signIn } from '../support/tafelServer.ts';
import type { ClientSpec } from './workerProtocol.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DEMO_CASE = 'demo';
export const BENCH_ACCOUNT = 'regisseur@demo.tafel';
export const DEMO_PASSWORD = 'tafel-demo';

/** A sync server under test, running in its own process. */
export interface BenchServer {
  label: string;
  kind: 'tafel' | 'reference' | 'hocuspocus';
  http: string;
  ws: string;
  pid: number;
  /** Session cookie of the bench account (Tafel only). */
  cookie: string | null;
  /** The last few KB the server printed, to explain a run that went wrong. */
  recentOutput(): string;
  /** Where a durable server keeps its data (kept by `kill9`, so a restart can start on it). */
  dataDir: string | null;
  /**
   * Tafel only: how many updates so far took at most each bound (ms) from being accepted to being
   * stored (`tafel_store_latency_seconds` from /metrics), cumulative; null for the others.
   */
  storeLatency(): Promise<{ leMs: number; count: number }[] | null>;
  /** SIGKILL: no shutdown hooks, no flushing; the data directory stays. */
  kill9(): Promise<void>;
  /** SIGTERM; removes the data directory unless `keepData`. */
  stop(keepData?: boolean): Promise<void>;
}

/** Keeps the tail of a child's stdout and stderr. */
function outputTail(child: ChildProcess, keep = 4000): () => string {
  let tail = '';
  const onData = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-keep);
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  return () => tail;
}

/** Ends a child process and waits for its exit: at once (SIGKILL), or asked (SIGTERM) with a SIGKILL after `killAfterMs` if given. */
function ending(child: ChildProcess) {
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const running = () => child.exitCode === null && child.signalCode === null;
  return {
    async kill9() {
      if (running()) child.kill('SIGKILL');
      await exited;
    },
    async terminate(killAfterMs?: number) {
      if (running()) child.kill('SIGTERM');
      const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Where a server other than Tafel is reached, on this port: it has no account and no store latency to report. */
function withoutAccount(child: ChildProcess, port: number) {
  return { http: `http://127.0.0.1:${port}`, ws: `ws://127.0.0.1:${port}`, pid: child.pid!, cookie: null, storeLatency: async () => null };
}

/** SQLite in a fresh directory under `under` (the system's temporary directory by default), or PostgreSQL. */
export type TafelStore = { kind: 'sqlite'; under?: string } | { kind: 'postgres'; databaseUrl: string; schema: string; redisUrl: string | null };

/**
 * Memory that looks like a disk (tmpfs), where an fsync returns at once: a Tafel with its data there
 * shows what the server costs apart from waiting for the disk. A diagnostic only: its data would
 * not survive a power cut. Null where there is none.
 */
export const IN_MEMORY_DIR: string | null = fs.existsSync('/dev/shm') ? '/dev/shm' : null;

/** Where to reach PostgreSQL and Redis, if this run has them. */
export interface ScaleOutEnv {
  databaseUrl: string;
  redisUrl: string;
}

/**
 * Reads the PostgreSQL/Redis URLs and removes them from this process's environment: child
 * servers inherit the environment, and a "SQLite" Tafel must not quietly run on PostgreSQL.
 */
export function takeScaleOutEnv(): ScaleOutEnv | null {
  const databaseUrl = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;
  const redisUrl = process.env.REDIS_URL || process.env.TEST_REDIS_URL;
  for (const k of ['DATABASE_URL', 'DATABASE_SCHEMA', 'REDIS_URL']) delete process.env[k];
  return databaseUrl && redisUrl ? { databaseUrl, redisUrl } : null;
}

export function freshSchema(): string {
  return `bench_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * `npm start` in a child process with a fresh store and the demo case, signed in as the bench
 * account. With `profileDir` the process writes a CPU profile there when it stops.
 */
export async function startTafel(label: string, store: TafelStore, profileDir: string | null = null, onData: string | null = null): Promise<BenchServer> {
  const dataDir = onData ?? fs.mkdtempSync(path.join((store.kind === 'sqlite' && store.under) || os.tmpdir(), 'tafel-bench-'));
  const healthToken = `bench-${Math.random().toString(36).slice(2)}-${process.pid}`;
  const env: Record<string, string> = { PORT: '0', TAFEL_DATA_DIR: dataDir, TAFEL_NO_DEMO: 'false', TAFEL_HEALTH_TOKEN: healthToken };
  if (store.kind === 'postgres') {
    env.DATABASE_URL = store.databaseUrl;
    env.DATABASE_SCHEMA = store.schema;
    if (store.redisUrl) env.REDIS_URL = store.redisUrl;
  }
  const child = await startChildTafel(env, profileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(ROOT, profileDir)}`] : []);
  const recentOutput = outputTail(child.process);
  const cookie = await signIn(child.http, BENCH_ACCOUNT, DEMO_PASSWORD);
  return {
    label,
    kind: 'tafel',
    http: child.http,
    ws: child.ws,
    pid: child.process.pid!,
    cookie,
    recentOutput,
    dataDir,
    storeLatency: () => storeLatency(child.http, healthToken),
    kill9: () => child.kill9(),
    async stop(keepData = false) {
      await child.stop();
      if (!keepData) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Hocuspocus (`@hocuspocus/server` with `@hocuspocus/extension-sqlite`, default debounce) in a
 * child process, its database in a fresh directory on the same file system as Tafel's, or on
 * `onData` (a directory an earlier, killed, one used).
 */
export async function startHocuspocus(label: string, onData: string | null = null): Promise<BenchServer> {
  const dataDir = onData ?? fs.mkdtempSync(path.join(os.tmpdir(), 'hocuspocus-bench-'));
  const env: NodeJS.ProcessEnv = { ...process.env, HOCUSPOCUS_DB: path.join(dataDir, 'hocuspocus.sqlite'), PORT: '0' };
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test/bench/hocuspocusServer.ts')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const end = ending(child);
  const port = Number((await waitForOutput(child, /hocuspocus listening on (\d+)/))[1]);
  return {
    label,
    kind: 'hocuspocus',
    ...withoutAccount(child, port),
    recentOutput: outputTail(child),
    dataDir,
    kill9: end.kill9,
    async stop(keepData = false) {
      await end.terminate(5000);
      if (!keepData) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The canonical y-websocket server (`@y/websocket-server`): no auth, no persistence. */
export async function startReference(): Promise<BenchServer> {
  const port = await freePort();
  const script = path.join(ROOT, 'node_modules/@y/websocket-server/src/server.js');
  const env: NodeJS.ProcessEnv = { ...process.env, HOST: '127.0.0.1', PORT: String(port) };
  delete env.YPERSISTENCE;
  delete env.CALLBACK_URL;
  const child = spawn(process.execPath, [script], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const end = ending(child);
  await waitForOutput(child, /running at/);
  return {
    label: 'reference',
    kind: 'reference',
    ...withoutAccount(child, port),
    recentOutput: outputTail(child),
    dataDir: null,
    kill9: end.kill9,
    stop: () => end.terminate(),
  };
}

/** The store-latency histogram's cumulative buckets from Tafel's /metrics. */
async function storeLatency(http: string, token: string): Promise<{ leMs: number; count: number }[] | null> {
  const res = await fetch(`${http}/metrics`, { headers: { authorization: `Bearer ${token}` } }).catch(() => null);
  if (!res?.ok) return null;
  const buckets: { leMs: number; count: number }[] = [];
  for (const m of (await res.text()).matchAll(/^tafel_store_latency_seconds_bucket\{le="([^"]+)"\} (\d+)$/gm)) {
    buckets.push({ leMs: m[1] === '+Inf' ? Number.POSITIVE_INFINITY : Number(m[1]) * 1000, count: Number(m[2]) });
  }
  return buckets.length > 0 ? buckets : null;
}

/** How a client reaches a room (section) on a server. */
export function clientSpec(server: BenchServer, room: string): ClientSpec {
  if (server.kind === 'tafel') return { serverUrl: `${server.ws}/sync/${DEMO_CASE}`, room, cookie: server.cookie };
  return { serverUrl: server.ws, room, cookie: null, ...(server.kind === 'hocuspocus' ? { hocuspocus: true } : {}) };
}

/** The bench account's sections of the demo case, in page order, with its access level. */
export async function demoSections(server: BenchServer): Promise<{ id: string; access: string }[]> {
  const res = await fetch(`${server.http}/api/cases/${DEMO_CASE}`, { headers: { cookie: server.cookie ?? '' } });
  const body = (await res.json()) as { sections: { id: string; access: string }[] };
  return body.sections.map((s) => ({ id: s.id, access: s.access }));
}

/** CPU time (user + system, ms) a process has used so far, all its threads together (the writer and checkpoint threads included); Linux only, null elsewhere. */
export function cpuMs(pid: number, thread: number | null = null): number | null {
  try {
    const stat = fs.readFileSync(thread === null ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

/**
 * CPU time (ms) used so far by all the given servers together, or null when unknown; with
 * `mainThread`, only their main threads' (the event loop, without the writer thread, GC helpers
 * and libuv's pool).
 */
export function serverCpu(servers: readonly BenchServer[], mainThread = false): number | null {
  let total = 0;
  for (const s of servers) {
    const ms = cpuMs(s.pid, mainThread ? s.pid : null);
    if (ms === null) return null;
    total += ms;
  }
  return total;
}

/** Drops a schema a bench run created. */
export async function dropSchema(databaseUrl: string, schema: string): Promise<void> {
  if (!/^bench_[a-z0-9_]+$/.test(schema)) throw new Error(`refusing to drop schema ${schema}`);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`drop schema if exists ${schema} cascade`);
  } finally {
    await client.end();
  }
}

function waitForOutput(child: ChildProcess, pattern: RegExp): Promise<RegExpExecArray> {
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${pattern} in:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = pattern.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
}
