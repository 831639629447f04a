import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode, messageSync, messageYjsUpdate } from '../../shared/protocol.ts';
import { rawSocket } from '../support/rawSocket.ts';
import { appendParagraph, connectSection, waitFor } from '../support/syncClient.ts';
import { demoEmail, type RunningTafel, signIn, startTafel } from '../support/tafelServer.ts';

function syncUpdate(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, messageSync);
  encoding.writeVarUint(e, messageYjsUpdate);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

describe('bad input closes one socket or request, never the process', () => {
  let server: RunningTafel;
  let cookie: string;
  beforeAll(async () => {
    server = await startTafel();
    cookie = await signIn(server.http, demoEmail('regisseur'));
  });
  afterAll(() => server.close());

  const sendAndClose = async (payload: Uint8Array | string) => {
    const s = rawSocket(`${server.ws}/sync/demo/plan`, { cookie });
    await s.opened;
    s.ws.send(payload);
    return (await s.closed).code;
  };

  it.each([
    ['a truncated varint', Uint8Array.from([0xff, 0xff])],
    ['an unknown message type', Uint8Array.from([9, 0, 0])],
    ['an unknown sync step', Uint8Array.from([messageSync, 7, 0])],
    ['a truncated update', syncUpdate(Uint8Array.from([1, 5, 200, 1, 0]))],
    ['a sync message cut short', Uint8Array.from([messageSync, messageYjsUpdate, 50, 1, 2])],
    ['an awareness update that is not JSON', Uint8Array.from([1, 6, 1, 1, 1, 2, 0x7b, 0x7b])],
  ])('%s closes with 4400', async (_name, payload) => {
    expect(await sendAndClose(payload)).toBe(CloseCode.malformed);
  });

  it('a text frame closes with 4400', async () => {
    expect(await sendAndClose('hallo')).toBe(CloseCode.malformed);
  });

  it('a message over 1 MiB closes with 4413', async () => {
    expect(await sendAndClose(syncUpdate(new Uint8Array(2 * 1024 * 1024)))).toBe(CloseCode.tooLarge);
  });

  it('other clients keep working after all of that', async () => {
    const a = connectSection(server.ws, 'demo', 'evaluatie', cookie);
    const b = connectSection(server.ws, 'demo', 'evaluatie', await signIn(server.http, demoEmail('gi')));
    await Promise.all([a.synced, b.synced]);
    appendParagraph(a.doc, 'nog steeds in de lucht');
    await waitFor(() => b.text().includes('nog steeds in de lucht'));
    a.destroy();
    b.destroy();
  });

  it('an upgrade without a session closes with 4401 and sends nothing', async () => {
    const s = rawSocket(`${server.ws}/sync/demo/plan`);
    expect((await s.closed).code).toBe(CloseCode.notSignedIn);
    expect(s.received).toHaveLength(0);
  });

  it('an upgrade from a foreign Origin is refused', async () => {
    const s = rawSocket(`${server.ws}/sync/demo/plan`, { cookie, origin: 'https://evil.example' });
    const { code } = await s.closed;
    expect(code).toBe(403);
    expect(s.received).toHaveLength(0);
  });

  it('an upgrade from the server origin is accepted', async () => {
    const s = rawSocket(`${server.ws}/sync/demo/plan`, { cookie, origin: server.http });
    await s.opened;
    s.ws.close();
  });

  it.each([
    ['/sync/demo/bestaat-niet', CloseCode.notFound],
    ['/sync/ander-dossier/plan', CloseCode.notFound],
    ['/sync/demo/..%2F..%2Fetc', CloseCode.notFound],
    ['/sync/demo/PLAN', CloseCode.notFound],
    ['/sync/demo', CloseCode.notFound],
    ['/sync/demo/plan/extra', CloseCode.notFound],
  ])('%s closes with %i and sends nothing', async (url, expected) => {
    const s = rawSocket(`${server.ws}${url}`, { cookie });
    expect((await s.closed).code).toBe(expected);
    expect(s.received).toHaveLength(0);
  });

  describe('HTTP', () => {
    const post = (url: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
      fetch(`${server.http}${url}`, { method: 'POST', headers, body });

    it('invalid JSON gets 400 invalid_json naming the body', async () => {
      const res = await post('/api/session', '{"email": ');
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: { code: 'invalid_json', message: expect.any(String), field: 'body' } });
    });

    it('a missing field is named', async () => {
      const res = await post('/api/session', JSON.stringify({ email: 'regisseur@demo.tafel' }));
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { field: string } };
      expect(body.error.field).toBe('password');
    });

    it('a body over the limit gets 413 without a stack trace', async () => {
      const res = await post('/api/session', JSON.stringify({ email: 'a@b.nl', password: 'x'.repeat(400_000) }));
      expect(res.status).toBe(413);
      const text = await res.text();
      expect(text).not.toMatch(/at .*\.(ts|js):\d+/);
    });

    it('an id that is not an id gets 400 naming the parameter', async () => {
      const res = await fetch(`${server.http}/api/cases/${encodeURIComponent('../etc/passwd')}`, { headers: { cookie } });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { field: string } }).error.field).toBe('params');
    });

    it('unknown user and wrong password get the same answer', async () => {
      const a = await post('/api/session', JSON.stringify({ email: 'niemand@demo.tafel', password: 'x' }));
      const b = await post('/api/session', JSON.stringify({ email: 'regisseur@demo.tafel', password: 'fout' }));
      expect(a.status).toBe(401);
      expect(b.status).toBe(401);
      expect(await a.json()).toEqual(await b.json());
    });

    it('repeated failed sign-ins are rate limited', async () => {
      let last = 0;
      for (let i = 0; i < 12; i++) {
        last = (await post('/api/session', JSON.stringify({ email: 'vader@demo.tafel', password: `fout-${i}` }))).status;
      }
      expect(last).toBe(429);
    });
  });
});
