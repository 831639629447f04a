import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/protocol.ts';
import { connectSection, type SectionClient, within } from '../support/syncClient.ts';
import { demoEmail, describeAcrossProcesses, type RunningTafel, startTafel, storesToTry } from '../support/tafelServer.ts';

/** A sign-in as a browser on this server's page makes it (with its Origin); returns the `Cookie` header value. */
async function signInAt(server: RunningTafel, account: string): Promise<string> {
  const res = await fetch(`${server.http}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.http },
    body: JSON.stringify({ email: demoEmail(account), password: 'tafel-demo' }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${account} failed: ${res.status}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

function send(server: RunningTafel, cookie: string, method: string, url: string, body?: unknown): Promise<Response> {
  return fetch(`${server.http}${url}`, {
    method,
    headers: { cookie, origin: server.http, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
}

/** The case's live-event stream; `ended` resolves when the server ends it. */
async function openStream(server: RunningTafel, cookie: string) {
  const controller = new AbortController();
  const res = await fetch(`${server.http}/api/cases/demo/events`, { headers: { cookie }, signal: controller.signal });
  if (res.status !== 200 || !res.body) throw new Error(`events: ${res.status}`);
  const reader = res.body.getReader();
  let isEnded = false;
  const ended = (async () => {
    try {
      for (;;) if ((await reader.read()).done) break;
    } catch {
      // aborted by the test
    }
    isEnded = true;
  })();
  return { ended, isEnded: () => isEnded, close: () => controller.abort() };
}

type Stream = Awaited<ReturnType<typeof openStream>>;

/**
 * Signs the session behind `cookie` out at `server`; within a second each of its sockets (named
 * by where it is) is closed as signed out, and its live-event stream ends.
 */
async function signOutClosing(server: RunningTafel, cookie: string, sockets: Record<string, SectionClient>, events: Stream): Promise<void> {
  const at = Date.now();
  expect((await send(server, cookie, 'DELETE', '/api/session')).status).toBe(200);
  for (const [where, socket] of Object.entries(sockets)) {
    expect(await within(socket.closed, 1000, `the signed-out socket on ${where} to close`)).toBe(CloseCode.notSignedIn);
  }
  await within(events.ended, 1000, 'the signed-out live events to end');
  expect(Date.now() - at).toBeLessThan(1000);
}

describe.each(storesToTry('sign-out'))('signing out ($store)', ({ options }) => {
  let server: RunningTafel;
  const sockets: SectionClient[] = [];
  const streams: Stream[] = [];
  const open = (cookie: string, section: string) => {
    const c = connectSection(server.ws, 'demo', section, cookie);
    sockets.push(c);
    return c;
  };
  const stream = async (cookie: string) => {
    const s = await openStream(server, cookie);
    streams.push(s);
    return s;
  };

  beforeAll(async () => {
    server = await startTafel(options);
  });
  afterAll(async () => {
    for (const c of sockets) c.destroy();
    for (const s of streams) s.close();
    await server.close();
  });

  it('closes that session’s sockets (4401) and live events within a second; another session of the same user stays', async () => {
    const leaving = await signInAt(server, 'regisseur');
    const staying = await signInAt(server, 'regisseur');
    const plan = open(leaving, 'plan');
    const gezin = open(leaving, 'gezin');
    const other = open(staying, 'plan');
    await within(Promise.all([plan.synced, gezin.synced, other.synced]), 5000, 'sync of all three sockets');
    const [leavingEvents, stayingEvents] = await Promise.all([stream(leaving), stream(staying)]);

    await signOutClosing(server, leaving, { plan, gezin }, leavingEvents);

    // The other session of the same person is untouched, and still works.
    await new Promise((r) => setTimeout(r, 300));
    expect(other.provider.wsconnected).toBe(true);
    expect(stayingEvents.isEnded()).toBe(false);
    expect((await send(server, staying, 'GET', '/api/me')).status).toBe(200);
    // The ended session is refused on a new socket too.
    const again = open(leaving, 'plan');
    expect(await within(again.closed, 2000, 'a new socket of the ended session')).toBe(CloseCode.notSignedIn);
  });

  it('a session that expired closes its sockets and live events at the next access re-check', async () => {
    const expiring = await signInAt(server, 'gi');
    const regisseur = await signInAt(server, 'regisseur');
    const socket = open(expiring, 'plan');
    const otherSession = open(await signInAt(server, 'gi'), 'plan');
    await within(Promise.all([socket.synced, otherSession.synced]), 5000, 'sync');
    const events = await stream(expiring);

    // Its expiry passes; a change of access (a grant to someone else) applies the policy again.
    await expireSession(server, expiring);
    const res = await send(server, regisseur, 'POST', '/api/cases/demo/grants', { sectionId: 'financien', userId: 'raad', level: 'read', reason: 'Meelezen met schulden' });
    expect(res.status).toBe(200);
    expect(await within(socket.closed, 1000, 'the expired session’s socket to close')).toBe(CloseCode.notSignedIn);
    await within(events.ended, 1000, 'the expired session’s live events to end');
    await new Promise((r) => setTimeout(r, 200));
    expect(otherSession.provider.wsconnected).toBe(true);
  });
});

/** Moves the expiry of the session behind this cookie into the past, as the clock would. */
async function expireSession(server: RunningTafel, cookie: string): Promise<void> {
  const token = decodeURIComponent(cookie.slice(cookie.indexOf('=') + 1));
  const hash = createHash('sha256').update(token).digest('base64url');
  await server.tafel.services.sql.db.updateTable('sessions').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('token_hash', '=', hash).execute();
}

describeAcrossProcesses('signing out with several processes on one PostgreSQL and one Redis', (processes) => {
  const sockets: SectionClient[] = [];
  const streams: Stream[] = [];
  afterAll(() => {
    for (const c of sockets) c.destroy();
    for (const s of streams) s.close();
  });

  it('signing out on A closes that session’s socket on B within a second; another session on B stays', async () => {
    const { a, b } = processes;
    const leaving = await signInAt(a, 'vt');
    const staying = await signInAt(a, 'vt');
    const onB = connectSection(b.ws, 'demo', 'r-melder', leaving);
    const otherOnB = connectSection(b.ws, 'demo', 'r-melder', staying);
    const onA = connectSection(a.ws, 'demo', 'plan', leaving);
    sockets.push(onB, otherOnB, onA);
    await within(Promise.all([onB.synced, otherOnB.synced, onA.synced]), 5000, 'sync on A and B');
    const eventsOnB = await openStream(b, leaving);
    streams.push(eventsOnB);

    await signOutClosing(a, leaving, { B: onB, A: onA }, eventsOnB);
    await new Promise((r) => setTimeout(r, 300));
    expect(otherOnB.provider.wsconnected).toBe(true);
  });
});
