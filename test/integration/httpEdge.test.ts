import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGIN_LIMITS } from '../../server/auth/loginThrottle.ts';
import { loadConfig } from '../../server/config.ts';
import { demoEmail, ownOrigin, type RunningTafel, requestAs, signIn, startTafel } from '../support/tafelServer.ts';

const HEALTH_TOKEN = 'health-token-for-the-monitor';
const EVIL = 'http://evil.example';

describe('the HTTP edge: origins, security headers, proxies, sign-in guessing, health', () => {
  /** Default settings: no proxy trusted, plain HTTP, a health token. */
  let server: RunningTafel;
  /** Behind a proxy on 127.0.0.1 and HTTPS, without a health token. */
  let proxied: RunningTafel;
  const cookie: Record<string, string> = {};

  beforeAll(async () => {
    [server, proxied] = await Promise.all([
      startTafel({ settings: { TAFEL_HEALTH_TOKEN: HEALTH_TOKEN } }),
      startTafel({ settings: { TAFEL_TRUST_PROXY: '127.0.0.1', TAFEL_SECURE_COOKIES: 'true' } }),
    ]);
    for (const who of ['regisseur', 'vader']) cookie[who] = await signIn(server.http, demoEmail(who));
  });
  afterAll(async () => {
    await Promise.all([server?.close(), proxied?.close()]);
  });

  /** A request as someone signed in, with exactly these extra headers (no Origin unless given). */
  const send = (who: string, method: string, url: string, headers: Record<string, string>, body?: unknown) =>
    fetch(`${server.http}${url}`, {
      method,
      headers: { cookie: cookie[who]!, ...headers, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
  const consents = async () => (await (await requestAs(server.http, cookie.vader!, 'GET', '/api/cases/demo/consents')).json()) as { id: string; withdrawnAt: string | null }[];
  const threads = async () => (await (await requestAs(server.http, cookie.regisseur!, 'GET', '/api/cases/demo/sections/veiligheidsplan/threads')).json()) as unknown[];
  const thread = { anchor: { kind: 'block', blockId: 'afspraak-weggaan-bij-ruzie', quote: 'weggaan bij ruzie' }, visibility: 'iedereen', body: 'Een vraag over deze afspraak.' };
  const expectForeignOrigin = async (res: Response) => {
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: { code: 'foreign_origin', message: expect.stringMatching(/geweigerd/) } });
  };

  describe('state changes from another origin', () => {
    it('a body-less withdraw of a consent from another site is refused and withdraws nothing; from Tafel itself it works', async () => {
      const given = await requestAs(server.http, cookie.vader!, 'POST', '/api/cases/demo/consents', {
        sectionId: 'ggz-murat',
        basis: 'toestemming',
        grantee: { kind: 'person', personId: 'p-sanne' },
        reason: 'Sanne mag weten hoe het met mij gaat.',
      });
      expect(given.status).toBe(200);
      const { id } = (await given.json()) as { id: string };

      await expectForeignOrigin(await send('vader', 'POST', `/api/cases/demo/consents/${id}/withdraw`, { origin: EVIL }));
      // A page of another site has no Origin to hide behind: a browser names it, or says cross-site.
      await expectForeignOrigin(await send('vader', 'POST', `/api/cases/demo/consents/${id}/withdraw`, { 'sec-fetch-site': 'cross-site' }));
      await expectForeignOrigin(await send('vader', 'POST', `/api/cases/demo/consents/${id}/withdraw`, { origin: 'null' }));
      expect((await consents()).find((c) => c.id === id)?.withdrawnAt).toBeNull();

      expect((await send('vader', 'POST', `/api/cases/demo/consents/${id}/withdraw`, ownOrigin(server.http))).status).toBe(200);
      expect((await consents()).find((c) => c.id === id)?.withdrawnAt).not.toBeNull();
    });

    it('a thread posted from a foreign origin or with no Origin at all is refused; the same post from Tafel is stored', async () => {
      const before = (await threads()).length;
      await expectForeignOrigin(await send('regisseur', 'POST', '/api/cases/demo/sections/veiligheidsplan/threads', { origin: EVIL }, thread));
      await expectForeignOrigin(await send('regisseur', 'POST', '/api/cases/demo/sections/veiligheidsplan/threads', {}, thread));
      // The host's own origin on another port is another origin.
      const otherPort = `http://127.0.0.1:${server.port + 1}`;
      await expectForeignOrigin(await send('regisseur', 'POST', '/api/cases/demo/sections/veiligheidsplan/threads', { origin: otherPort }, thread));
      expect(await threads()).toHaveLength(before);

      expect((await send('regisseur', 'POST', '/api/cases/demo/sections/veiligheidsplan/threads', ownOrigin(server.http), thread)).status).toBe(200);
      // A browser that leaves Origin out but says the request is from the same origin passes too.
      expect((await send('regisseur', 'POST', '/api/cases/demo/sections/veiligheidsplan/threads', { 'sec-fetch-site': 'same-origin' }, thread)).status).toBe(200);
      expect(await threads()).toHaveLength(before + 2);
    });

    it('signing out from another site is refused and the session stays', async () => {
      const own = await signIn(server.http, demoEmail('gi'));
      const res = await fetch(`${server.http}/api/session`, { method: 'DELETE', headers: { cookie: own, origin: EVIL } });
      await expectForeignOrigin(res);
      expect((await requestAs(server.http, own, 'GET', '/api/me')).status).toBe(200);
    });

    it('signing in from another site is refused (login CSRF), without a cookie; from Tafel it works', async () => {
      const login = (headers: Record<string, string>) =>
        fetch(`${server.http}/api/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ email: demoEmail('oma'), password: 'tafel-demo' }),
        });
      const foreign = await login({ origin: EVIL });
      await expectForeignOrigin(foreign);
      expect(foreign.headers.get('set-cookie')).toBeNull();
      await expectForeignOrigin(await login({}));
      const own = await login(ownOrigin(server.http));
      expect(own.status).toBe(200);
      expect(own.headers.get('set-cookie')).toMatch(/^tafel_session=/);
    });

    it('accepting an invitation from another site is refused before the token is even looked at', async () => {
      const res = await fetch(`${server.http}/api/invitations/geen-echte-uitnodiging`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: EVIL },
        body: JSON.stringify({ password: 'een-lang-wachtwoord' }),
      });
      await expectForeignOrigin(res);
      const own = await fetch(`${server.http}/api/invitations/geen-echte-uitnodiging`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...ownOrigin(server.http) },
        body: JSON.stringify({ password: 'een-lang-wachtwoord' }),
      });
      expect(own.status).not.toBe(403);
    });

    it('an origin the operator lists in TAFEL_ALLOWED_ORIGINS may change things; reading needs no Origin', async () => {
      const listed = await startTafel({ settings: { TAFEL_ALLOWED_ORIGINS: 'https://tafel.gemeente.example' } });
      try {
        const gi = await signIn(listed.http, demoEmail('gi'));
        const withdraw = (origin: string) =>
          fetch(`${listed.http}/api/cases/demo/consents/bestaat-niet/withdraw`, { method: 'POST', headers: { cookie: gi, origin } });
        expect((await withdraw('https://tafel.gemeente.example')).status).toBe(404);
        await expectForeignOrigin(await withdraw('https://andere.gemeente.example'));
        expect((await fetch(`${listed.http}/api/cases`, { headers: { cookie: gi, origin: EVIL } })).status).toBe(200);
      } finally {
        await listed.close();
      }
    });
  });

  describe('security headers', () => {
    const expectHardened = (res: Response, http: string) => {
      const csp = res.headers.get('content-security-policy') ?? '';
      const host = new URL(http).host;
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("style-src-elem 'self'");
      expect(csp).toContain(`connect-src 'self' ws://${host} wss://${host}`);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    };

    it('are on the app page, an API answer and a 404, with HSTS only behind HTTPS', async () => {
      const page = await fetch(`${server.http}/`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
      // The built page itself has no inline script or style for the CSP to block.
      const html = await page.text();
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(html).not.toMatch(/<style|style="/);
      expectHardened(page, server.http);

      const api = await requestAs(server.http, cookie.regisseur!, 'GET', '/api/cases');
      expect(api.status).toBe(200);
      expectHardened(api, server.http);

      const missing = await fetch(`${server.http}/api/bestaat-niet`);
      expect(missing.status).toBe(404);
      expectHardened(missing, server.http);

      const refused = await send('regisseur', 'POST', '/api/cases/demo/consents/x/withdraw', { origin: EVIL });
      expect(refused.status).toBe(403);
      expectHardened(refused, server.http);

      for (const res of [page, api, missing]) expect(res.headers.get('strict-transport-security')).toBeNull();
      const secure = await fetch(`${proxied.http}/`);
      expectHardened(secure, proxied.http);
      expect(secure.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect((await fetch(`${proxied.http}/api/bestaat-niet`)).headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    });
  });

  describe('sign-in guessing', () => {
    const attempt = (http: string, email: string, password: string, forwardedFor?: string) =>
      fetch(`${http}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...ownOrigin(http), ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
        body: JSON.stringify({ email, password }),
      });

    it('rotating X-Forwarded-For does not escape the limit when no proxy is trusted', async () => {
      const email = demoEmail('raad');
      for (let i = 0; i < LOGIN_LIMITS.perEmailAndAddress; i++) {
        expect((await attempt(server.http, email, `fout-${i}`, `203.0.113.${i + 1}`)).status).toBe(401);
      }
      const refused = await attempt(server.http, email, 'nog-een-gok', '198.51.100.200');
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await refused.json()).error.code).toBe('too_many_attempts');
      // Refused before the password is checked: the right one gets no further from this address.
      expect((await attempt(server.http, email, 'tafel-demo', '198.51.100.201')).status).toBe(429);
    });

    it('a guesser hammering an account does not lock its owner out: she signs in from her own address after at most a short wait', async () => {
      const email = demoEmail('moeder');
      const guesser = '203.0.113.66';
      for (let i = 0; i < LOGIN_LIMITS.perEmailAndAddress; i++) expect((await attempt(proxied.http, email, `fout-${i}`, guesser)).status).toBe(401);
      expect((await attempt(proxied.http, email, 'nog-een-gok', guesser)).status).toBe(429);
      // The guesser's address is refused even with the right password.
      expect((await attempt(proxied.http, email, 'tafel-demo', guesser)).status).toBe(429);

      const started = Date.now();
      const owner = await attempt(proxied.http, email, 'tafel-demo', '198.51.100.7');
      expect(owner.status).toBe(200);
      expect(owner.headers.get('set-cookie')).toMatch(/^tafel_session=/);
      // Slowed down (the account has 10 failures), never more than the cap.
      const waited = Date.now() - started;
      expect(waited).toBeGreaterThanOrEqual(LOGIN_LIMITS.maxDelayMs - 50);
      expect(waited).toBeLessThan(LOGIN_LIMITS.maxDelayMs + 3000);
      // A guess from yet another address is slowed just as much, and answered 401, not let through.
      const slowed = Date.now();
      expect((await attempt(proxied.http, email, 'derde-gok', '192.0.2.9')).status).toBe(401);
      expect(Date.now() - slowed).toBeGreaterThanOrEqual(LOGIN_LIMITS.maxDelayMs - 50);
    });

    it('one address trying many accounts is stopped at the per-address limit, another address is not', async () => {
      const sprayer = '203.0.113.99';
      for (let i = 0; i < LOGIN_LIMITS.perAddress; i++) {
        expect((await attempt(proxied.http, `niemand-${i}@demo.tafel`, 'zomer2026', sprayer)).status).toBe(401);
      }
      expect((await attempt(proxied.http, demoEmail('gw'), 'zomer2026', sprayer)).status).toBe(429);
      expect((await attempt(proxied.http, demoEmail('gw'), 'tafel-demo', '198.51.100.8')).status).toBe(200);
    });

    it('TAFEL_TRUST_PROXY takes addresses and ranges, nothing else', () => {
      expect(loadConfig({ TAFEL_TRUST_PROXY: '10.0.0.1, 192.168.0.0/16,::1,loopback' }).TAFEL_TRUST_PROXY).toContain('10.0.0.1');
      expect(() => loadConfig({ TAFEL_TRUST_PROXY: 'true' })).toThrow(/TAFEL_TRUST_PROXY/);
      expect(() => loadConfig({ TAFEL_TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TAFEL_TRUST_PROXY/);
    });
  });

  describe('health', () => {
    it('tells anyone only up, degraded or down; the counts only to a monitor with the token', async () => {
      const anyone = await fetch(`${server.http}/api/health`);
      expect(anyone.status).toBe(200);
      expect(await anyone.json()).toEqual({ status: 'up' });
      const wrong = await fetch(`${server.http}/api/health`, { headers: { authorization: `Bearer ${HEALTH_TOKEN}x` } });
      expect(await wrong.json()).toEqual({ status: 'up' });
      const monitor = await fetch(`${server.http}/api/health`, { headers: { authorization: `Bearer ${HEALTH_TOKEN}` } });
      expect(await monitor.json()).toEqual({
        status: 'up',
        storage: { kind: 'sqlite', status: 'ok' },
        fanout: 'local',
        openDocuments: expect.any(Number),
        openSockets: expect.any(Number),
      });
      // Without the setting, no token shows them.
      const unset = await fetch(`${proxied.http}/api/health`, { headers: { authorization: 'Bearer ' } });
      expect(await unset.json()).toEqual({ status: 'up' });
    });
  });
});
