/**
 * `npm run bench [-- --quick] [-- --out file.json] [-- --profile dir]`: Tafel side by side with the reference
 * y-websocket server in one run, plus the scale-out comparison on PostgreSQL + Redis
 * when DATABASE_URL/REDIS_URL (or TEST_DATABASE_URL/TEST_REDIS_URL) are set.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureClientBuilt } from '../../server/clientBuild.ts';
import { DiskProbe } from './diskProbe.ts';
import { type BenchOptions, parseOptions } from './options.ts';
import { buildRows, checkTargets, formatTable } from './report.ts';
import type { BenchResults } from './results.ts';
import { type ColdLoadResult, measureColdLoad } from './scenarios/coldLoad.ts';
import { measureContentCheck } from './scenarios/contentCheck.ts';
import { measureCapacity } from './scenarios/capacity.ts';
import { measureFirstKeystroke } from './scenarios/firstKeystroke.ts';
import { measureKillNine } from './scenarios/killNine.ts';
import { largestManyRoomConfig, type LatencyRun, measureLatency, medianRun } from './scenarios/latency.ts';
import { measureMemory } from './scenarios/memory.ts';
import { measureOpenCase } from './scenarios/openCase.ts';
import { measureStoreCost } from './scenarios/storeCost.ts';
import { measureScaleOut, type ScaleOutServers, startScaleOutServers } from './scenarios/scaleOut.ts';
import { measureThroughput } from './scenarios/throughput.ts';
import { seedReference } from './seedReference.ts';
import { type BenchServer, demoSections, dropSchema, freshSchema, IN_MEMORY_DIR, type ScaleOutEnv, startHocuspocus, startReference, startTafel, takeScaleOutEnv } from './servers.ts';
import { WorkerPool } from './workerPool.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const began = Date.now();
/** The machine's 1-minute load average at each step: this machine is shared, and a busy one skews everything. */
const loadSeen: { atS: number; load1: number; step: string }[] = [];
function progress(msg: string): void {
  const atS = Math.round((Date.now() - began) / 1000);
  loadSeen.push({ atS, load1: Math.round(os.loadavg()[0]! * 100) / 100, step: msg });
  console.log(`[bench +${atS}s] ${msg}`);
}

async function main(): Promise<void> {
  // y-websocket adds a process 'exit' listener per provider; hundreds of them are expected here.
  process.setMaxListeners(0);
  const opts = parseOptions(process.argv.slice(2));
  const scaleOutEnv = takeScaleOutEnv();
  const startedAt = new Date();
  progress(`${opts.quick ? 'quick' : 'full'} run on ${os.cpus().length} cores, Node ${process.version}`);
  const pool = WorkerPool.start(opts.workers);
  const disk = DiskProbe.start();
  const running: BenchServer[] = [];
  let scaleOutStart: Promise<ScaleOutServers> | null = null;
  try {
    // --quick starts the PostgreSQL processes right away, so their start overlaps the rest.
    // Build the client once up front: a Tafel child that finds it stale rebuilds it, and a rebuild
    // while another child serves the browser scenario breaks that page.
    await ensureClientBuilt();
    if (scaleOutEnv && opts.quick) scaleOutStart = startScaleOutServers(scaleOutEnv);
    // --quick only proves every scenario still works: its in-process probes overlap the server start.
    const quickProbes = opts.quick ? Promise.all([measureColdLoad(opts.coldLoad, { kind: 'sqlite' }), measureMemory(opts.memory, true)]) : null;
    quickProbes?.catch(() => {});
    scaleOutStart?.catch(() => {});
    const started = await Promise.allSettled([
      startTafel('tafel-sqlite', { kind: 'sqlite' }, opts.profileDir),
      startReference(),
      startHocuspocus('hocuspocus'),
      IN_MEMORY_DIR ? startTafel('tafel-in-memory', { kind: 'sqlite', under: IN_MEMORY_DIR }) : null,
    ]);
    // The servers that did start are stopped below even when another one failed to start.
    for (const r of started) if (r.status === 'fulfilled' && r.value) running.push(r.value);
    for (const r of started) if (r.status === 'rejected') throw r.reason;
    const [tafel, reference, hocuspocus] = started.map((r) => (r as PromiseFulfilledResult<BenchServer>).value) as [BenchServer, BenchServer, BenchServer];
    const inMemory = (started[3] as PromiseFulfilledResult<BenchServer | null>).value;
    const sections = await demoSections(tafel);
    const caseSections = sections.slice(0, opts.openCase.sections).map((s) => s.id);
    const rooms = sections.filter((s) => s.access === 'edit').map((s) => s.id);
    await Promise.all([seedReference(reference, [...new Set([...caseSections, ...rooms])]), seedReference(hocuspocus, rooms)]);
    progress(`servers up: Tafel (SQLite) ${tafel.http}, reference ${reference.http}, Hocuspocus ${hocuspocus.http}; ${rooms.length} editable sections as rooms`);

    // Opening the case comes first, while the sections still hold only their demo content.
    progress('scenario 3: open a case (headless)');
    const openCase = await measureOpenCase(pool, tafel, reference, opts.openCase);
    progress('scenario 3: first keystroke (Chromium)');
    const firstKeystroke = await measureFirstKeystroke(tafel, rooms[0]!, opts.openCase.browserRepeats).catch((e: unknown) => ({ skipped: `Chromium run failed: ${firstLine(e)}` }));

    // Fresh worker processes are slow for their first second (JIT); warm them up off the record.
    await measureLatency(pool, [reference], rooms, { clients: 10, rooms: 5, label: 'warm-up' }, { ...opts.latency, warmupMs: 0, durationMs: 1000 });

    const latency: BenchResults['latency'] = { tafel: [], reference: [], tafelInMemory: null, hocuspocus: [] };
    const target = largestManyRoomConfig(opts.latency.configs);
    for (const config of opts.latency.configs) {
      if (config.rooms > rooms.length) throw new Error(`need ${config.rooms} editable sections, the demo case has ${rooms.length}`);
      const isTarget = config === target;
      const rounds = isTarget ? opts.latency.rounds : 1;
      // Hocuspocus, the durable peer, joins the configurations with many rooms.
      const sides = { tafel, reference, ...(isTarget && inMemory ? { inMemory } : {}), ...(config.rooms > 1 ? { hocuspocus } : {}) };
      const runs: Record<'tafel' | 'reference' | 'inMemory' | 'hocuspocus', LatencyRun[]> = { tafel: [], reference: [], inMemory: [], hocuspocus: [] };
      for (let round = 0; round < rounds; round++) {
        progress(`scenario 1: latency, ${config.label}${rounds > 1 ? `, round ${round + 1} of ${rounds}` : ''}`);
        // Taking turns in both orders, so a trend in the machine's load does not favour either; the
        // reference in the middle, so each Tafel runs right beside it, and Tafel beside Hocuspocus.
        const order = (['hocuspocus', 'tafel', 'reference', 'inMemory'] as const).filter((who) => who in sides);
        if (round % 2 === 1) order.reverse();
        for (const who of order) runs[who].push(await measureLatency(pool, [sides[who as keyof typeof sides]!], rooms, config, opts.latency, disk));
      }
      latency.tafel.push(medianRun(runs.tafel));
      latency.reference.push(medianRun(runs.reference));
      if (runs.inMemory.length > 0) latency.tafelInMemory = medianRun(runs.inMemory);
      if (runs.hocuspocus.length > 0) latency.hocuspocus.push(medianRun(runs.hocuspocus));
    }
    progress('scenario 2: throughput');
    const throughput = { tafel: await measureThroughput(pool, tafel, rooms, opts.throughput, disk), reference: await measureThroughput(pool, reference, rooms, opts.throughput, disk) };
    progress('scenario 9: clients per process (Tafel on SQLite)');
    const capacity = await measureCapacity(pool, tafel, rooms, opts.capacity, disk);
    // --quick kills the Tafel and Hocuspocus it measured already (a Tafel takes seconds to start);
    // the full run kills fresh ones.
    const reuse = opts.quick ? [tafel, hocuspocus] : [];
    await Promise.all(running.splice(0).filter((s) => !reuse.includes(s)).map((s) => s.stop()));

    progress('scenario 7: edits lost on kill -9 (Tafel, Hocuspocus)');
    const editable = async (server: BenchServer) => (await demoSections(server)).filter((s) => s.access === 'edit').map((s) => s.id);
    const [killTafel, killHocuspocus] = await measureKillNine(
      pool,
      [
        {
          label: 'Tafel (SQLite)',
          // Built here, without the child's start-up time limit, should the client have changed meanwhile.
          start: (onData) => ensureClientBuilt().then(() => startTafel('tafel-kill', { kind: 'sqlite' }, null, onData)),
          rooms: editable,
          ...(opts.quick ? { first: tafel } : {}),
        },
        { label: 'Hocuspocus (SQLite)', start: (onData) => startHocuspocus('hocuspocus-kill', onData), rooms: async () => rooms.map((_, i) => `kill-${i}`), ...(opts.quick ? { first: hocuspocus } : {}) },
      ],
      opts.killNine,
    );
    const killNine = { tafel: killTafel!, hocuspocus: killHocuspocus! };

    progress('scenarios 4 and 5: cold load, memory per open doc');
    const [coldSqlite, memory] = quickProbes ? await quickProbes : [await measureColdLoad(opts.coldLoad, { kind: 'sqlite' }), await measureMemory(opts.memory)];
    const coldPostgres = scaleOutEnv ? await coldLoadOnPostgres(opts, scaleOutEnv) : null;
    progress('scenario 6: content check per change');
    const contentCheck = await measureContentCheck(opts.contentCheck);
    progress('scenario 10: CPU of storing one update on its own');
    const storeCost = await measureStoreCost(opts.storeCost);
    let scaleOut: BenchResults['scaleOut'] = { skipped: 'DATABASE_URL/REDIS_URL (or TEST_DATABASE_URL/TEST_REDIS_URL) not set' };
    if (scaleOutEnv) {
      progress('scale-out: 1 vs 2 Tafel processes on PostgreSQL + Redis');
      scaleOutStart ??= startScaleOutServers(scaleOutEnv);
      const servers = await scaleOutStart;
      try {
        scaleOut = await measureScaleOut(pool, servers, rooms, opts.latency, disk);
      } finally {
        await servers.stop();
      }
    }

    progress('writing results');
    const results: BenchResults = {
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? 'unknown',
        totalMemBytes: os.totalmem(),
        node: process.version,
        platform: `${os.platform()} ${os.release()}`,
        load: loadSeen,
        disk: disk.summary(),
      },
      quick: opts.quick,
      startedAt: startedAt.toISOString(),
      durationS: Math.round((Date.now() - startedAt.getTime()) / 1000),
      latency,
      throughput,
      capacity,
      killNine,
      openCase,
      firstKeystroke,
      coldLoad: { sqlite: coldSqlite, postgres: coldPostgres },
      memory,
      contentCheck,
      storeCost,
      scaleOut,
    };
    const rows = buildRows(results);
    const targets = checkTargets(results);
    const outFile = path.resolve(ROOT, opts.out);
    fs.writeFileSync(outFile, `${JSON.stringify({ ...results, rows, targets }, null, 2)}\n`);
    console.log(`\n${formatTable(rows, targets)}\n`);
    const peak = Math.max(...loadSeen.map((l) => l.load1));
    // The bench itself keeps about 3 processes busy; much more than that is someone else.
    if (peak > os.cpus().length + 3) console.log(`[bench] warning: load average peaked at ${peak} on ${os.cpus().length} cores; other work on this machine skewed these figures — rerun when it is quiet.`);
    progress(`took ${results.durationS} s; raw figures in ${path.relative(ROOT, outFile) || outFile}`);
  } finally {
    pool.stop();
    await disk.stop();
    await Promise.all(running.map((s) => s.stop()));
    // Stopping twice is harmless; this covers a failure before the scale-out ran.
    await scaleOutStart?.then((s) => s.stop()).catch(() => {});
  }
}

/** The first line of an error, without terminal colour codes (Playwright adds both). */
function firstLine(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping ANSI escapes is the point
  return (text.replace(/\u001b\[[0-9;]*m/g, '').split('\n')[0] ?? '').trim();
}

async function coldLoadOnPostgres(opts: BenchOptions, env: ScaleOutEnv): Promise<ColdLoadResult> {
  const schema = freshSchema();
  try {
    return await measureColdLoad(opts.coldLoad, { kind: 'postgres', url: env.databaseUrl, schema });
  } finally {
    await dropSchema(env.databaseUrl, schema).catch(() => {});
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(`[bench] failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exit(1);
  },
);
