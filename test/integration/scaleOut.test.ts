import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { CloseCode } from '../../shared/protocol.ts';
import { type ChildTafel, startChildTafel } from '../support/childServer.ts';
import { RawYClient } from '../support/rawYClient.ts';
import { appendParagraph, connectSection, fragmentText, type SectionClient, waitFor, within } from '../support/syncClient.ts';
import { demoEmail, dropSchema, freshSchema, ownOrigin, signIn } from '../support/tafelServer.ts';
import { startTcpRelay, type TcpRelay } from '../support/tcpRelay.ts';

const PG_URL = process.env.TEST_DATABASE_URL;
const REDIS_URL = process.env.TEST_REDIS_URL;
const skipReason = !PG_URL ? 'TEST_DATABASE_URL is not set' : !REDIS_URL ? 'TEST_REDIS_URL is not set' : null;
if (skipReason) console.warn(`scale-out suite skipped: ${skipReason}`);
// Each y-websocket provider adds a process 'exit' listener; this suite opens more than ten.
process.setMaxListeners(40);
const HEALTH_TOKEN = 'scale-out-health-token';

interface Health {
  status: 'up' | 'degraded' | 'down';
  storage: { kind: string; status: string };
  fanout: 'local' | 'connected' | 'down';
  openDocuments: number;
  openSockets: number;
}

describe.skipIf(skipReason !== null)('several Tafel processes on one PostgreSQL and one Redis', () => {
  const schema = freshSchema();
  let dataDir: string;
  /** Redis is reached through a relay this suite can cut, so the shared Redis itself stays up. */
  let redis: TcpRelay;
  /** Every process started, so afterAll ends them whatever failed. */
  const processes: ChildTafel[] = [];
  const sockets: SectionClient[] = [];
  const rawSockets: RawYClient[] = [];
  const cookie: Record<string, string> = {};
  let a: ChildTafel;
  let b: ChildTafel;

  /** Port 0 lets the OS pick; a restart passes the killed process's port. */
  const start = async (port = 0) => {
    const server = await startChildTafel({
      PORT: String(port),
      DATABASE_URL: PG_URL!,
      DATABASE_SCHEMA: schema,
      REDIS_URL: redis.url,
      TAFEL_DATA_DIR: dataDir,
      TAFEL_HEALTH_TOKEN: HEALTH_TOKEN,
    });
    processes.push(server);
    return server;
  };
  const open = (server: ChildTafel, who: string, section: string, doc?: Y.Doc) => {
    const c = connectSection(server.ws, 'demo', section, cookie[who]!, doc);
    sockets.push(c);
    return c;
  };
  /** Opens the section for each [server, account], and waits until every one of them synced. */
  const openSynced = async <P extends [ChildTafel, string][]>(section: string, what: string, ...people: P) => {
    const clients = people.map(([server, who]) => open(server, who, section));
    await within(Promise.all(clients.map((c) => c.synced)), 5000, what);
    return clients as { [K in keyof P]: SectionClient };
  };
  const openRaw = (server: ChildTafel, who: string, section: string) => {
    const c = new RawYClient(`${server.ws}/sync/demo/${section}`, cookie[who]!);
    rawSockets.push(c);
    return c;
  };
  const grant = (server: ChildTafel, body: { sectionId: string; userId: string; level: string; reason: string }) =>
    fetch(`${server.http}/api/cases/demo/grants`, {
      method: 'POST',
      headers: { cookie: cookie.regisseur!, 'content-type': 'application/json', ...ownOrigin(server.http) },
      body: JSON.stringify(body),
    });
  // The counts are only for a monitor with the token.
  const health = async (server: ChildTafel): Promise<Health> =>
    (await fetch(`${server.http}/api/health`, { headers: { authorization: `Bearer ${HEALTH_TOKEN}` } })).json() as Promise<Health>;
  const waitForFanout = async (servers: ChildTafel[], state: Health['fanout']) => {
    for (const s of servers) {
      const deadline = Date.now() + 10_000;
      while ((await health(s)).fanout !== state) {
        if (Date.now() > deadline) throw new Error(`fan-out of :${s.port} did not become ${state}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  };
  const lines = (text: string) => text.split('\n').filter(Boolean);

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tafel-scale-'));
    const target = new URL(REDIS_URL!);
    redis = await startTcpRelay({ host: target.hostname, port: Number(target.port || 6379) });
    // Both start at once on the same empty schema: migrating and seeding must not race.
    const started = await Promise.allSettled([start(), start()]);
    const failed = started.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
    [a, b] = processes as [ChildTafel, ChildTafel];
    // Sessions live in PostgreSQL: signed in on A, the cookie works on every process.
    for (const who of ['regisseur', 'gi', 'raad', 'vt', 'oma']) cookie[who] = await signIn(a.http, demoEmail(who));
  });

  afterAll(async () => {
    for (const c of sockets) c.provider.destroy();
    for (const doc of new Set(sockets.map((c) => c.doc))) doc.destroy();
    for (const c of rawSockets) c.close();
    await Promise.all(processes.map((p) => p.stop()));
    await redis?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    await dropSchema(PG_URL!, schema);
  });

  it('an edit and an awareness change on A reach B; concurrent edits on A and B converge', async () => {
    const [onA, onB] = await openSynced('plan', 'sync on A and B', [a, 'regisseur'], [b, 'gi']);
    expect(onB.text()).toBe(onA.text());

    appendParagraph(onA.doc, 'Eva schrijft op proces A');
    await waitFor(() => onB.text().includes('Eva schrijft op proces A'), 5000, 'edit from A on B');

    appendParagraph(onA.doc, 'Eva tegelijk op A');
    appendParagraph(onB.doc, 'Tom tegelijk op B');
    await waitFor(() => onA.text() === onB.text() && onA.text().includes('Tom tegelijk op B') && onA.text().includes('Eva tegelijk op A'), 5000, 'convergence');

    // The name B's clients see is the one A's server gave, whatever A's client claimed.
    onA.provider.awareness.setLocalStateField('user', { name: 'Iemand anders' });
    onA.provider.awareness.setLocalStateField('cursor', { anchor: 3 });
    const stateOfEva = () => onB.provider.awareness.getStates().get(onA.doc.clientID) as { user?: { name?: string }; cursor?: unknown } | undefined;
    await waitFor(() => stateOfEva()?.cursor !== undefined, 5000, 'awareness from A on B');
    expect(stateOfEva()?.user?.name).toBe('Eva Jansen');
  });

  it('a revocation on A closes the socket on B within 1 s', async () => {
    const oma = openRaw(b, 'oma', 'veiligheidsplan');
    await within(oma.socket.opened, 5000, 'oma admitted on B');
    oma.requestState();
    await waitFor(() => oma.documentBytes > 0, 5000, 'oma reads the safety plan on B');

    const at = Date.now();
    const res = await grant(a, { sectionId: 'veiligheidsplan', userId: 'oma', level: 'none', reason: 'Tijdelijk geen inzage' });
    expect(res.status).toBe(200);
    expect((await within(oma.socket.closed, 2000, 'oma closed on B')).code).toBe(CloseCode.forbidden);
    expect(Date.now() - at).toBeLessThan(1000);
  });

  it('kill -9 of a process mid-typing: its clients reconnect to the other, nothing anyone saw is lost', async () => {
    const section = 'zorgen-krachten';
    const [writer, readerOnA, readerOnB] = await openSynced(section, 'sync on A and B', [a, 'regisseur'], [a, 'raad'], [b, 'gi']);

    let typed = 0;
    const typing = setInterval(() => appendParagraph(writer.doc, `regel ${typed++}`), 5);
    try {
      await waitFor(() => readerOnB.text().includes('regel 40'), 10_000, 'B to receive 40 lines typed on A');
      await a.kill9();
    } finally {
      clearInterval(typing);
    }
    const seen = new Set([...lines(writer.text()), ...lines(readerOnA.text()), ...lines(readerOnB.text())]);
    expect(lines(writer.text())).toContain(`regel ${typed - 1}`);

    // y-websocket reconnects to the URL it had; a load balancer would send it elsewhere.
    // Here: the same docs, new providers on B.
    writer.provider.destroy();
    readerOnA.provider.destroy();
    const writerOnB = open(b, 'regisseur', section, writer.doc);
    const readerMoved = open(b, 'raad', section, readerOnA.doc);
    await within(Promise.all([writerOnB.synced, readerMoved.synced]), 5000, 'resync on B');
    const converged = () => fragmentText(writer.doc) === readerOnB.text() && readerMoved.text() === readerOnB.text();
    await waitFor(converged, 10_000, 'convergence after reconnecting to B');
    const final = new Set(lines(readerOnB.text()));
    expect([...seen].filter((line) => !final.has(line))).toEqual([]);

    // What B holds is stored: the killed process, restarted on its port, loads all of it.
    a = await start(a.port);
    const fresh = open(a, 'vt', section);
    await within(fresh.synced, 5000, 'sync on restarted A');
    expect(fresh.text()).toBe(readerOnB.text());
  }, 60_000);

  it('with Redis gone each process serves its own clients and says so; when it returns they catch up', async () => {
    const section = 'opvoeding';
    const [evaOnA, karimOnA, tomOnB] = await openSynced(section, 'sync on A and B', [a, 'regisseur'], [a, 'vt'], [b, 'gi']);
    appendParagraph(evaOnA.doc, 'voor de storing');
    await waitFor(() => tomOnB.text().includes('voor de storing'), 5000, 'fan-out before the outage');

    const before = await health(a);
    expect(before).toMatchObject({ status: 'up', storage: { kind: 'postgres', status: 'ok' }, fanout: 'connected' });
    expect(before.openDocuments).toBeGreaterThanOrEqual(1);
    expect(before.openSockets).toBeGreaterThanOrEqual(2);

    await redis.cut();
    await waitForFanout([a, b], 'down');
    const degraded = await health(b);
    expect(degraded).toMatchObject({ status: 'degraded', storage: { status: 'ok' }, fanout: 'down' });
    expect(degraded.openDocuments).toBeGreaterThanOrEqual(1);
    expect(a.output()).toContain('Redis-verbinding verbroken');

    appendParagraph(evaOnA.doc, 'A tijdens de storing');
    appendParagraph(tomOnB.doc, 'B tijdens de storing');
    await waitFor(() => karimOnA.text().includes('A tijdens de storing'), 5000, 'A serving its own clients');

    // A process that starts while Redis is away still starts and serves its clients.
    const c = await start();
    expect(await health(c)).toMatchObject({ status: 'degraded', fanout: 'down' });
    const [evaOnC, karimOnC] = await openSynced(section, 'sync on C', [c, 'regisseur'], [c, 'vt']);
    appendParagraph(evaOnC.doc, 'C tijdens de storing');
    await waitFor(() => karimOnC.text().includes('C tijdens de storing'), 5000, 'C serving its own clients');

    await redis.restore();
    await waitForFanout([a, b, c], 'connected');
    const everyone = [evaOnA, karimOnA, tomOnB, evaOnC, karimOnC];
    const written = ['voor de storing', 'A tijdens de storing', 'B tijdens de storing', 'C tijdens de storing'];
    await waitFor(
      () => everyone.every((s) => s.text() === tomOnB.text()) && written.every((w) => tomOnB.text().includes(w)),
      10_000,
      'repair from PostgreSQL after Redis returned',
    );

    // Live fan-out and access changes reach C, which started without Redis.
    appendParagraph(tomOnB.doc, 'na het herstel');
    await waitFor(() => karimOnC.text().includes('na het herstel'), 5000, 'fan-out to C after recovery');
    const tomOnC = openRaw(c, 'gi', 'financien');
    await within(tomOnC.socket.opened, 5000, 'Tom admitted on C');
    const at = Date.now();
    expect((await grant(a, { sectionId: 'financien', userId: 'gi', level: 'none', reason: 'Niet meer betrokken' })).status).toBe(200);
    expect((await within(tomOnC.socket.closed, 2000, 'Tom closed on C')).code).toBe(CloseCode.forbidden);
    expect(Date.now() - at).toBeLessThan(1000);
  }, 60_000);
});
