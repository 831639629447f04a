import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { SecretBox } from '../../server/secrets/secretBox.ts';
import { DEMO_CASE_ID } from '../../server/seed/demoCase.ts';
import { type RunningTafel, startTafel, storesToTry } from '../support/tafelServer.ts';

const KEY = randomBytes(32).toString('base64');

describe('TAFEL_SECRET_KEY in the configuration', () => {
  it('a required second factor without a key stops the start with a clear reason', () => {
    expect(() => loadConfig({ TAFEL_REQUIRE_TOTP: 'true' })).toThrow(/TAFEL_SECRET_KEY.*openssl rand -base64 32/);
    expect(() => loadConfig({ TAFEL_REQUIRE_TOTP: 'true', TAFEL_SECRET_KEY: KEY })).not.toThrow();
    expect(() => loadConfig({ TAFEL_REQUIRE_TOTP: 'true', TAFEL_SECRET_KEY: randomBytes(32).toString('hex') })).not.toThrow();
  });

  it('a key that is not 32 bytes is refused, not padded', () => {
    expect(() => loadConfig({ TAFEL_SECRET_KEY: 'geheim' })).toThrow(/Ongeldige instelling TAFEL_SECRET_KEY: verwacht 32 bytes/);
    expect(() => loadConfig({ TAFEL_SECRET_KEY: randomBytes(16).toString('base64') })).toThrow(/TAFEL_SECRET_KEY/);
  });

  it('the demo runs with nothing set', () => {
    expect(() => loadConfig({})).not.toThrow();
  });
});

describe.each(storesToTry('secrets at rest'))('TOTP secrets are sealed at rest ($store)', ({ options }) => {
  let server: RunningTafel;
  const email = 'sanne.k@almere.example';
  let userId: string;

  beforeAll(async () => {
    server = await startTafel({ ...options, settings: { TAFEL_REQUIRE_TOTP: 'true', TAFEL_SECRET_KEY: KEY } });
    const { directory } = server.tafel.services;
    ({ userId } = await directory.ensureAccount(email, 'Sanne Kok'));
    await directory.setProfessional(userId, 'regisseur', 'lokaal-team-almere');
  });
  afterAll(() => server?.close());

  const row = () => server.tafel.services.sql.db.selectFrom('totp_factors').select('secret').where('user_id', '=', userId).executeTakeFirstOrThrow();

  it('the database holds no TOTP secret in the clear, and the sealed one still checks codes', async () => {
    const { accounts, secondFactor } = server.tafel.services;
    const enrolment = (await secondFactor.begin((await accounts.byEmail(email))!))!;
    const stored = (await row()).secret;
    expect(stored.startsWith('v1:')).toBe(true);
    expect(stored).not.toContain(enrolment.secret);
    expect(Buffer.from(stored.slice(3), 'base64url').toString('latin1')).not.toContain(enrolment.secret);
    const code = new TOTP({ secret: Secret.fromBase32(enrolment.secret) }).generate();
    expect(await secondFactor.confirm(userId, code)).toHaveLength(10);
  });

  it('a copy of the database with another key opens nothing; a changed value fails instead of opening wrong', async () => {
    const stored = (await row()).secret;
    expect(() => SecretBox.withKey(randomBytes(32)).open(stored)).toThrow();
    const own = SecretBox.withKey(Buffer.from(KEY, 'base64'));
    const flipped = `${stored.slice(0, -2)}${stored.at(-2) === 'A' ? 'B' : 'A'}${stored.at(-1)}`;
    expect(() => own.open(flipped)).toThrow();
    expect(own.open(stored)).toMatch(/^[A-Z2-7]+=*$/);
  });

  it('a secret kept in the clear before sealing is sealed the first time it is read', async () => {
    const plain = new Secret({ size: 20 }).base32;
    await server.tafel.services.sql.db.updateTable('totp_factors').set({ secret: plain }).where('user_id', '=', userId).execute();
    const code = new TOTP({ secret: Secret.fromBase32(plain) }).generate({ timestamp: Date.now() + 30_000 });
    // Read (and checked) as it was; from then on kept sealed.
    expect(await server.tafel.services.secondFactor.verify(userId, code)).toBe(true);
    expect((await row()).secret.startsWith('v1:')).toBe(true);
  });
});

describe('TAFEL_REQUIRE_TOTP=auto without a key', () => {
  let server: RunningTafel;
  beforeAll(async () => {
    server = await startTafel();
  });
  afterAll(() => server?.close());

  it('runs the demo, and refuses once the store holds real cases only', async () => {
    await expect(server.tafel.services.secondFactor.assertKeyConfigured()).resolves.toBeUndefined();
    await server.tafel.services.sql.db.deleteFrom('cases').where('id', '=', DEMO_CASE_ID).execute();
    await expect(server.tafel.services.secondFactor.assertKeyConfigured()).rejects.toThrow(/TAFEL_SECRET_KEY/);
  });
});

describe('TAFEL_NO_DEMO=true without a key', () => {
  let server: RunningTafel;
  beforeAll(async () => {
    server = await startTafel({ settings: { TAFEL_NO_DEMO: 'true', TAFEL_REQUIRE_TOTP: 'false' } });
  });
  afterAll(() => server?.close());

  it('derives nothing from a constant, and npm start stops with the reason', async () => {
    const { secrets, secondFactor } = server.tafel.services;
    expect(secrets.demo).toBe(false);
    expect(() => SecretBox.demoBox().open(secrets.seal('geheim'))).toThrow();
    await expect(secondFactor.assertKeyConfigured()).rejects.toThrow(/TAFEL_SECRET_KEY/);
  });
});
