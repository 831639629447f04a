import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/log.ts';
import { appendParagraph, connectSection, waitFor, within } from '../support/syncClient.ts';
import { demoEmail, type RunningTafel, signIn, startTafel } from '../support/tafelServer.ts';

const HEALTH_TOKEN = 'operator-token-for-the-monitor';

/** One parsed JSON log line of the server. */
type LogLine = Record<string, unknown> & { msg?: string; reqId?: string; connId?: string };

describe('operating Tafel: request ids, log lines without secrets, /metrics', () => {
  let server: RunningTafel;
  /** Without TAFEL_HEALTH_TOKEN: /metrics does not exist. */
  let tokenless: RunningTafel;
  const written: string[] = [];
  const lines = (): LogLine[] => written.map((l) => JSON.parse(l) as LogLine);
  const linesOf = (reqId: string) => lines().filter((l) => l.reqId === reqId);

  beforeAll(async () => {
    const logger = createLogger('info', { write: (line: string) => void written.push(line) });
    [server, tokenless] = await Promise.all([startTafel({ logger, settings: { TAFEL_HEALTH_TOKEN: HEALTH_TOKEN } }), startTafel()]);
  });
  afterAll(async () => {
    await Promise.all([server?.close(), tokenless?.close()]);
  });

  const metrics = async (authorization?: string) => fetch(`${server.http}/metrics`, { headers: authorization ? { authorization } : {} });
  const gauge = async (name: string): Promise<number> => {
    const text = await (await metrics(`Bearer ${HEALTH_TOKEN}`)).text();
    const m = new RegExp(`^${name} (\\S+)$`, 'm').exec(text);
    if (!m) throw new Error(`no ${name} in:\n${text}`);
    return Number(m[1]);
  };

  it('answers with the request id a proxy sent, and logs the request under it', async () => {
    const res = await fetch(`${server.http}/api/health`, { headers: { 'x-request-id': 'lb-7f3a.42' } });
    expect(res.headers.get('x-request-id')).toBe('lb-7f3a.42');
    const logged = linesOf('lb-7f3a.42');
    expect(logged.map((l) => l.msg)).toEqual(expect.arrayContaining(['incoming request', 'request completed']));
    expect(logged.find((l) => l.msg === 'request completed')).toMatchObject({ level: 30, res: { statusCode: 200 } });
  });

  it('makes up its own id for a request id that is not a short safe token', async () => {
    for (const given of ['a b', 'x'.repeat(65), '"><script>', 'tab\there', '../etc']) {
      const res = await fetch(`${server.http}/api/health`, { headers: { 'x-request-id': given } });
      const id = res.headers.get('x-request-id') ?? '';
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(linesOf(id).length).toBeGreaterThan(0);
    }
  });

  it('a signed-in request leaves no cookie, token, search word or family name in the log', async () => {
    const cookie = await signIn(server.http, demoEmail('moeder'));
    const token = cookie.split('=')[1]!;
    const me = await fetch(`${server.http}/api/me`, { headers: { cookie, 'x-request-id': 'me-1', authorization: `Bearer ${HEALTH_TOKEN}` } });
    expect(me.status).toBe(200);
    expect(await me.text()).toContain('Sanne');
    const search = await fetch(`${server.http}/api/cases/demo/search?q=slaapkamer`, { headers: { cookie, 'x-request-id': 'search-1' } });
    expect(search.status).toBe(200);
    await fetch(`${server.http}/api/invitations/uitnodigingsgeheim-123`, { headers: { 'x-request-id': 'invite-1' } });

    expect(linesOf('me-1').length).toBeGreaterThan(0);
    expect(linesOf('search-1').find((l) => l.msg === 'incoming request')).toMatchObject({ req: { method: 'GET', url: '/api/cases/demo/search' } });
    expect(linesOf('invite-1').find((l) => l.msg === 'incoming request')).toMatchObject({ req: { url: '/api/invitations/[token]' } });
    const all = written.join('');
    for (const secret of [token, HEALTH_TOKEN, 'tafel_session', 'slaapkamer', 'uitnodigingsgeheim', 'tafel-demo', 'Sanne', 'moeder@demo.tafel']) expect(all).not.toContain(secret);
  });

  it('/metrics is refused without the operator token, and absent where none is set', async () => {
    const none = await metrics();
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    expect(await none.text()).not.toContain('tafel_');
    expect((await metrics('Bearer not-the-operator-token')).status).toBe(401);
    expect((await metrics(HEALTH_TOKEN)).status).toBe(401);
    expect((await fetch(`${tokenless.http}/metrics`, { headers: { authorization: `Bearer ${HEALTH_TOKEN}` } })).status).toBe(404);
  });

  it('/metrics serves the counters in Prometheus text format with the token', async () => {
    const res = await metrics(`Bearer ${HEALTH_TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    for (const name of ['tafel_open_documents', 'tafel_open_sockets', 'tafel_store_latency_seconds_bucket', 'tafel_store_failures_total', 'process_resident_memory_bytes']) {
      expect(text).toMatch(new RegExp(`^${name}[ {]`, 'm'));
    }
    expect(text).toContain('tafel_fanout_state{state="local"} 1');
    expect(text).toContain('tafel_fanout_state{state="down"} 0');
  });

  it('a y-websocket client raises the open-sockets gauge, its edits are timed to storage, and its socket is logged under a connection id', async () => {
    const cookie = await signIn(server.http, demoEmail('regisseur'));
    const socketsBefore = await gauge('tafel_open_sockets');
    const storedBefore = await gauge('tafel_store_latency_seconds_count');
    const client = connectSection(server.ws, 'demo', 'veiligheidsplan', cookie);
    try {
      await within(client.synced, 5000, 'sync');
      expect(await gauge('tafel_open_sockets')).toBe(socketsBefore + 1);
      expect(await gauge('tafel_open_documents')).toBeGreaterThanOrEqual(1);
      appendParagraph(client.doc, 'Een zin die niet in het log hoort.');
      const deadline = Date.now() + 5000;
      while ((await gauge('tafel_store_latency_seconds_count')) === storedBefore && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(await gauge('tafel_store_latency_seconds_count')).toBeGreaterThan(storedBefore);
    } finally {
      client.destroy();
    }
    await waitFor(() => lines().some((l) => l.msg === 'sync socket closed'), 5000, 'the close to be logged');
    const opened = lines().find((l) => l.msg === 'sync socket opened' && l.path === '/sync/demo/veiligheidsplan');
    expect(opened?.connId).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines().find((l) => l.msg === 'sync socket closed' && l.connId === opened?.connId)).toBeDefined();
    expect(written.join('')).not.toContain('Een zin die niet in het log hoort');
    expect(written.join('')).not.toContain(cookie.split('=')[1]!);
    const dropDeadline = Date.now() + 5000;
    while ((await gauge('tafel_open_sockets')) > socketsBefore && Date.now() < dropDeadline) await new Promise((r) => setTimeout(r, 20));
    expect(await gauge('tafel_open_sockets')).toBe(socketsBefore);
  });
});
