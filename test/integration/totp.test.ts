import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CASE_ID } from '../../server/seed/demoCase.ts';
import { demoEmail, ownOrigin, type RunningTafel, startTafel, storesToTry } from '../support/tafelServer.ts';

/** A browser's cookies for one server, kept from answer to answer. */
function browser(http: string) {
  const jar = new Map<string, string>();
  return {
    jar,
    async send(method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
      const res = await fetch(`${http}${path}`, {
        method,
        headers: { ...ownOrigin(http), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      for (const line of res.headers.getSetCookie()) {
        const [name, value] = line.split(';')[0]!.split('=') as [string, string];
        if (value === '') jar.delete(name);
        else jar.set(name, value);
      }
      return { status: res.status, json: (await res.json().catch(() => ({}))) as Record<string, unknown> };
    },
  };
}

/** A professional put in the directory by the operator: a new account with a one-time password. */
async function addProfessional(server: RunningTafel, email: string): Promise<string> {
  const { directory } = server.tafel.services;
  const { userId, password } = await directory.ensureAccount(email, 'Jan de Vries');
  await directory.setProfessional(userId, 'regisseur', 'lokaal-team-almere');
  return password!;
}

/** A key for sealing the TOTP secrets, as an operator sets it (`openssl rand -base64 32`). */
const TEST_SECRET_KEY = randomBytes(32).toString('base64');

const codeAt = (secret: string, timestamp: number) => new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp });

describe.each(storesToTry('TOTP'))('TAFEL_REQUIRE_TOTP=true: a professional with a password needs a second factor ($store)', ({ options }) => {
  let server: RunningTafel;
  let password: string;
  const email = 'jan@almere.example';
  let secret: string;
  let recoveryCodes: string[];
  /** When the first code was given: its time step is spent. */
  let enrolledAt: number;

  beforeAll(async () => {
    server = await startTafel({ ...options, settings: { ...options.settings, TAFEL_REQUIRE_TOTP: 'true', TAFEL_SECRET_KEY: TEST_SECRET_KEY } });
    password = await addProfessional(server, email);
  });
  afterAll(() => server?.close());

  it('sets up an authenticator at the first sign-in; until then nothing is signed in', async () => {
    const b = browser(server.http);
    const first = await b.send('POST', '/api/session', { email, password });
    expect(first).toEqual({ status: 202, json: { next: 'totp-enrol' } });
    expect(b.jar.has('tafel_session')).toBe(false);
    expect((await b.send('GET', '/api/me')).status).toBe(401);
    expect((await b.send('GET', '/api/cases')).status).toBe(401);
    // The pending step is not a way around the code.
    expect((await b.send('POST', '/api/session/totp', { code: '000000' })).status).toBe(401);

    const enrolment = await b.send('POST', '/api/session/totp/enrolment');
    expect(enrolment.status).toBe(200);
    secret = enrolment.json.secret as string;
    expect(enrolment.json.uri).toMatch(/^otpauth:\/\/totp\/Tafel:jan%40almere\.example\?.*secret=/);
    const wrong = await b.send('POST', '/api/session/totp/enrolment/confirm', { code: codeAt(secret, Date.now() - 3600_000) });
    expect(wrong.status).toBe(401);
    expect(wrong.json.error).toMatchObject({ code: 'bad_code', message: expect.stringMatching(/code klopt niet/) });
    expect(b.jar.has('tafel_session')).toBe(false);

    enrolledAt = Date.now();
    const confirmed = await b.send('POST', '/api/session/totp/enrolment/confirm', { code: codeAt(secret, enrolledAt) });
    expect(confirmed.status).toBe(200);
    recoveryCodes = confirmed.json.recoveryCodes as string[];
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect(b.jar.has('tafel_session')).toBe(true);
    expect(b.jar.has('tafel_login')).toBe(false);
    expect((await b.send('GET', '/api/me')).json.email).toBe(email);
    // Only hashes are stored.
    const stored = await server.tafel.services.sql.db.selectFrom('recovery_codes').select('code_hash').execute();
    expect(stored.map((r) => r.code_hash)).not.toContain(recoveryCodes[0]);
  });

  it('asks for a code at every sign-in after that; a code counts once, a recovery code too', async () => {
    const b = browser(server.http);
    expect(await b.send('POST', '/api/session', { email, password })).toEqual({ status: 202, json: { next: 'totp' } });
    // The code used at enrolment (same time step) is spent.
    expect((await b.send('POST', '/api/session/totp', { code: codeAt(secret, enrolledAt) })).status).toBe(401);
    // The next step's code is accepted (a phone's clock may run a step ahead).
    expect((await b.send('POST', '/api/session/totp', { code: codeAt(secret, enrolledAt + 30_000) })).status).toBe(200);
    expect((await b.send('GET', '/api/me')).status).toBe(200);

    const lost = browser(server.http);
    expect((await lost.send('POST', '/api/session', { email, password })).status).toBe(202);
    expect((await lost.send('POST', '/api/session/totp', { code: recoveryCodes[0]!.toLowerCase() })).status).toBe(200);
    const again = browser(server.http);
    await again.send('POST', '/api/session', { email, password });
    expect((await again.send('POST', '/api/session/totp', { code: recoveryCodes[0] })).status).toBe(401);
    expect((await again.send('GET', '/api/me')).status).toBe(401);
  });

  it('stops a guesser after 5 wrong codes', async () => {
    const other = 'kees@almere.example';
    const b = browser(server.http);
    await b.send('POST', '/api/session', { email: other, password: await addProfessional(server, other) });
    await b.send('POST', '/api/session/totp/enrolment');
    const answers: number[] = [];
    for (let i = 0; i < 6; i++) answers.push((await b.send('POST', '/api/session/totp/enrolment/confirm', { code: String(100000 + i) })).status);
    expect(answers).toEqual([401, 401, 401, 401, 401, 429]);
    expect((await b.send('GET', '/api/me')).status).toBe(401);
  });

  it('a family member signs in with a password alone; with this setting a demo professional needs a factor too', async () => {
    const mother = browser(server.http);
    expect((await mother.send('POST', '/api/session', { email: demoEmail('moeder'), password: 'tafel-demo' })).status).toBe(200);
    const regisseur = browser(server.http);
    expect(await regisseur.send('POST', '/api/session', { email: demoEmail('regisseur'), password: 'tafel-demo' })).toEqual({ status: 202, json: { next: 'totp-enrol' } });
  });
});

describe('TAFEL_REQUIRE_TOTP=auto (the default)', () => {
  let server: RunningTafel;
  let password: string;
  const email = 'piet@almere.example';

  beforeAll(async () => {
    server = await startTafel();
    password = await addProfessional(server, email);
  });
  afterAll(() => server?.close());

  it('keeps the demo sign-in of the contract while the demo is loaded, and asks for a factor once it is gone', async () => {
    const demo = browser(server.http);
    expect((await demo.send('POST', '/api/session', { email: demoEmail('regisseur'), password: 'tafel-demo' })).status).toBe(200);
    expect(demo.jar.has('tafel_session')).toBe(true);
    const piet = browser(server.http);
    expect((await piet.send('POST', '/api/session', { email, password })).status).toBe(200);

    await server.tafel.services.sql.db.deleteFrom('cases').where('id', '=', DEMO_CASE_ID).execute();
    const later = browser(server.http);
    expect(await later.send('POST', '/api/session', { email, password })).toEqual({ status: 202, json: { next: 'totp-enrol' } });
    expect(later.jar.has('tafel_session')).toBe(false);
  });
});
