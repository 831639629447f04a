import * as Y from 'yjs';
import { DOC_FIELD } from '../../../shared/protocol.ts';
import { monoNow, sleep } from '../clock.ts';
import type { BenchOptions } from '../options.ts';
import { type BenchServer, clientSpec } from '../servers.ts';
import { stamp, stampsIn } from '../stamps.ts';
import { round } from '../stats.ts';
import { openProvider } from '../syncProvider.ts';
import type { WorkerPool } from '../workerPool.ts';

/** One kill -9 of a durable server while people type. */
export interface KillRepetition {
  /** When the server was killed, in ms after the typing started (drawn at random). */
  killedAtMs: number;
  /** Distinct stamps the watching clients had received before the kill. */
  seen: number;
  /** Of those, how many a fresh client no longer finds after the restart. */
  lost: number;
  /** From the earliest lost stamp's typing to the kill (ms): the stretch of work that vanished; 0 if none. */
  lostWindowMs: number;
  /** Stamps a fresh client found after the restart (a check that the reading works). */
  found: number;
}

export interface KillResult {
  label: string;
  writers: number;
  rooms: number;
  repetitions: KillRepetition[];
}

/** A durable server to kill: how to start it (fresh, or on the data a killed one left) and its rooms. */
export interface KillSubject {
  label: string;
  start(onData: string | null): Promise<BenchServer>;
  /** Room names on a started server; distinct from every other subject's, so stamps are told apart. */
  rooms(server: BenchServer): Promise<string[]>;
  /** A server that is already running, to kill in the first repetition instead of starting one. */
  first?: BenchServer;
}

/**
 * Scenario 7: writers type stamps into their own paragraphs; one more client per room only
 * watches. At a moment drawn at random for each server (not aligned to the typing, a debounce or
 * a commit), it gets SIGKILL. Every client is dropped (so none can send its copy back), the server
 * starts again on the same data, and a fresh client reads each room: every stamp the watchers had
 * received that is not there any more is an edit somebody saw and that was lost. The servers run
 * side by side in each repetition (the count does not depend on speed), so this takes half the time.
 */
export async function measureKillNine(pool: WorkerPool, subjects: readonly KillSubject[], opts: BenchOptions['killNine']): Promise<KillResult[]> {
  const results = subjects.map((s) => ({ label: s.label, writers: opts.writers, rooms: opts.rooms, repetitions: [] as KillRepetition[] }));
  for (let rep = 0; rep < opts.repetitions; rep++) {
    const servers = await Promise.all(subjects.map((s) => (rep === 0 && s.first ? s.first : s.start(null))));
    const running = [...servers];
    try {
      const roomIds = await Promise.all(subjects.map(async (s, i) => (await s.rooms(servers[i]!)).slice(0, opts.rooms)));
      const specs = (per: (ids: string[], server: BenchServer) => ReturnType<typeof clientSpec>[]) => servers.flatMap((server, i) => per(roomIds[i]!, server));
      await pool.connect(
        'typist',
        specs((ids, server) => Array.from({ length: opts.writers }, (_, j) => clientSpec(server, ids[j % ids.length]!))),
      );
      await pool.connect(
        'observer',
        specs((ids, server) => ids.map((r) => clientSpec(server, r))),
      );
      const startAt = monoNow() + 150;
      const typing = pool.run({ startAt, ratePerClient: opts.ratePerClient, warmupMs: 0, durationMs: opts.typeMs, graceMs: 0, collect: true });
      const kills = await Promise.all(
        servers.map(async (server) => {
          const killedAtMs = opts.killFromMs + Math.random() * (opts.killToMs - opts.killFromMs);
          await sleep(startAt + killedAtMs - monoNow());
          const killedAt = monoNow();
          await server.kill9();
          return { killedAtMs, killedAt };
        }),
      );
      const result = await typing;
      await pool.disconnect();
      const restarted = await Promise.all(subjects.map((s, i) => s.start(servers[i]!.dataDir)));
      running.splice(0, running.length, ...restarted);
      for (let i = 0; i < subjects.length; i++) {
        const rooms = new Set(roomIds[i]);
        const { killedAt, killedAtMs } = kills[i]!;
        const seen = new Map<string, number>();
        for (const r of result.received ?? []) if (rooms.has(r.key.split(' ~')[0]!) && r.receivedAt < killedAt) seen.set(r.key, Number(r.key.split(' ~')[1]));
        const kept = new Set<string>();
        for (const room of rooms) for (const t of await stampsOnServer(restarted[i]!, room)) kept.add(`${room} ${stamp(t)}`);
        const lostAt = [...seen].filter(([key]) => !kept.has(key)).map(([, writtenAt]) => writtenAt);
        if (seen.size === 0) console.warn(`[bench] kill -9 ${subjects[i]!.label}: no stamps seen before the kill`);
        results[i]!.repetitions.push({ killedAtMs: Math.round(killedAtMs), seen: seen.size, lost: lostAt.length, lostWindowMs: lostAt.length > 0 ? round(killedAt - Math.min(...lostAt)) : 0, found: kept.size });
      }
    } finally {
      await Promise.all(running.map((s) => s.stop()));
    }
  }
  return results;
}

/** The stamps a fresh client finds in a room. */
async function stampsOnServer(server: BenchServer, room: string): Promise<number[]> {
  const doc = new Y.Doc();
  const provider = openProvider(clientSpec(server, room), doc);
  try {
    await provider.synced;
    return stampsIn(doc.getXmlFragment(DOC_FIELD).toString());
  } finally {
    provider.destroy();
    doc.destroy();
  }
}
