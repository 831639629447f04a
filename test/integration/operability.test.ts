import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/log.ts';
import { demoEmail, type RunningTafel, signIn, startTafel } from '../support/tafelServer.ts';

const HEALTH_TOKEN = 'operator-token-for-the-monitor';

/** One parsed JSON log line of the server. */
type LogLine = Record<string, unknown> & { msg?: string; reqId?: string; connId?: string };

describe('operating Tafel: request ids, log lines without secrets', () => {
  let server: RunningTafel;
  const written: string[] = [];
  const lines = (): LogLine[] => written.map((l) => JSON.parse(l) as LogLine);
  const linesOf = (reqId: string) => lines().filter((l) => l.reqId === reqId);

  beforeAll(async () => {
    const logger = createLogger('info', { write: (line: string) => void written.push(line) });
    server = await startTafel({ logger, settings: { TAFEL_HEALTH_TOKEN: HEALTH_TOKEN } });
  });
  afterAll(async () => {
    await server?.close();
  });

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

});
