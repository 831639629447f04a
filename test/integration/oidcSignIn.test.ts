import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAMILY_PROVIDER, OIDC_FAILURE_MESSAGE, type OidcFailure, oidcStartPath } from '../../shared/signIn.ts';
import { type CookieJar, signInThrough, startTestOp, type TestOp } from '../support/oidcProvider.ts';
import { demoEmail, type RunningTafel, requestAs, signIn, startTafel, storesToTry } from '../support/tafelServer.ts';

const ORG = 'lokaal-team-almere';

describe.each(storesToTry('OIDC sign-in'))('sign-in through an OpenID Connect provider ($store)', ({ options }) => {
  let server: RunningTafel;
  let organisationOp: TestOp;
  let digid: TestOp;

  beforeAll(async () => {
    organisationOp = await startTestOp();
    digid = await startTestOp();
    const settings = {
      professionals: [{ organisationId: ORG, issuer: organisationOp.issuer, clientId: 'tafel-almere', clientSecret: 'geheim-van-almere-0123456789' }],
      family: { issuer: digid.issuer, clientId: 'tafel-gezin', clientSecret: 'geheim-van-de-gemeente-0123456789' },
    };
    server = await startTafel({ ...options, settings: { ...options.settings, TAFEL_OIDC: JSON.stringify(settings) } });
    // Tafel's own idea of its address (the public URL), as it registers its callbacks.
    const origin = server.tafel.services.publicOrigin();
    organisationOp.register({ clientId: 'tafel-almere', clientSecret: settings.professionals[0]!.clientSecret, redirectUri: `${origin}/api/auth/oidc/${ORG}/callback` });
    digid.register({ clientId: 'tafel-gezin', clientSecret: settings.family.clientSecret, redirectUri: `${origin}/api/auth/oidc/${FAMILY_PROVIDER}/callback` });
    organisationOp.accounts.set('eva-at-almere', { sub: 'eva-at-almere', email: 'Regisseur@demo.tafel', email_verified: true, name: 'Eva Jansen' });
    organisationOp.accounts.set('stranger', { sub: 'stranger', email: 'nieuw@almere.example', email_verified: true });
    organisationOp.accounts.set('karim', { sub: 'karim', email: demoEmail('vt'), email_verified: true });
    organisationOp.accounts.set('unverified', { sub: 'unverified', email: demoEmail('gw'), email_verified: false });
  });
  afterAll(async () => {
    await server?.close();
    await organisationOp?.close();
    await digid?.close();
  });

  /** Nobody is signed in with what the browser holds after the callback. */
  async function expectSignedOut(tafel: CookieJar): Promise<void> {
    expect(tafel.get('tafel_session')).toBeUndefined();
    expect((await fetch(`${server.http}/api/me`, { headers: { cookie: tafel.header() } })).status).toBe(401);
  }

  function expectRefused(location: string, reason: OidcFailure): void {
    expect(location).toBe(`/?aanmelden=${reason}`);
    // What the sign-in page shows for it: Dutch, and it says nobody is signed in or what to do.
    expect(OIDC_FAILURE_MESSAGE[reason]).toMatch(/niet ingelogd|Vraag|Open eerst|Neem de uitnodiging/);
  }

  it('offers the organisation and DigiD on the sign-in page', async () => {
    const options = await (await fetch(`${server.http}/api/auth/options`)).json();
    expect(options).toEqual({ organisations: [{ id: ORG, label: 'Sociaal wijkteam Almere Haven' }], family: { label: 'DigiD' } });
  });

  it('signs a professional in as her directory account, matched by her verified e-mail address', async () => {
    const start = await fetch(`${server.http}${oidcStartPath(ORG)}`, { redirect: 'manual' });
    const authorize = new URL(start.headers.get('location')!);
    // Authorization code with PKCE (S256), state and nonce.
    expect(authorize.origin).toBe(organisationOp.issuer);
    expect(authorize.searchParams.get('response_type')).toBe('code');
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.get('nonce')).toBeTruthy();

    const flow = await signInThrough(server.http, oidcStartPath(ORG), { login: { sub: 'eva-at-almere' } });
    expect(flow.location).toBe('/');
    const me = await (await fetch(`${server.http}/api/me`, { headers: { cookie: flow.tafel.header() } })).json();
    expect(me).toMatchObject({ id: 'regisseur', email: 'regisseur@demo.tafel' });
    const cases = await requestAs(server.http, flow.tafel.header(), 'GET', '/api/cases');
    expect((await cases.json()).map((c: { id: string }) => c.id)).toContain('demo');

    // The same callback again, with the same browser cookie (a replay): it counted once.
    const replay = await fetch(flow.callback, { redirect: 'manual', headers: { cookie: flow.startCookies } });
    expect(replay.headers.get('location')).toBe('/?aanmelden=verlopen');
    expect(replay.headers.getSetCookie().some((c) => c.startsWith('tafel_session='))).toBe(false);
  });

  it('refuses someone who is not in the directory, someone of another organisation, and an unverified address', async () => {
    for (const [sub, reason] of [
      ['stranger', 'onbekend'],
      ['karim', 'onbekend'],
      ['unverified', 'niet_bevestigd'],
    ] as const) {
      const flow = await signInThrough(server.http, oidcStartPath(ORG), { login: { sub } });
      expectRefused(flow.location, reason);
      await expectSignedOut(flow.tafel);
    }
  });

  it('refuses a callback whose state is not the one this browser was sent with', async () => {
    const flow = await signInThrough(server.http, oidcStartPath(ORG), {
      login: { sub: 'eva-at-almere' },
      alterCallback: (url) => url.searchParams.set('state', 'een-andere-state-van-iemand-anders'),
    });
    expectRefused(flow.location, 'ongeldige_status');
    await expectSignedOut(flow.tafel);
  });

  it('refuses an ID token whose nonce is not the one this sign-in was sent with', async () => {
    const flow = await signInThrough(server.http, oidcStartPath(ORG), {
      login: { sub: 'eva-at-almere' },
      // As if the token had been made for another sign-in: the nonce Tafel waits for differs.
      beforeCallback: async () => {
        await server.tafel.services.sql.db.updateTable('oidc_logins').set({ nonce: 'een-andere-nonce' }).execute();
      },
    });
    expectRefused(flow.location, 'ongeldig_antwoord');
    await expectSignedOut(flow.tafel);
  });

  it('refuses a callback without the browser that started it, a cancelled sign-in and an expired code', async () => {
    // A code sent on to another browser (or stolen from the address bar) signs nobody in there.
    const elsewhere = await signInThrough(server.http, oidcStartPath(ORG), { login: { sub: 'eva-at-almere' }, otherBrowser: true });
    expectRefused(elsewhere.location, 'verlopen');
    await expectSignedOut(elsewhere.tafel);

    const cancelled = await signInThrough(server.http, oidcStartPath(ORG), { login: 'cancel' });
    expectRefused(cancelled.location, 'afgebroken');
    await expectSignedOut(cancelled.tafel);

    organisationOp.codeTtl = 1;
    try {
      const late = await signInThrough(server.http, oidcStartPath(ORG), { login: { sub: 'eva-at-almere' }, beforeCallback: () => new Promise((r) => setTimeout(r, 2200)) });
      expectRefused(late.location, 'code_verlopen');
      await expectSignedOut(late.tafel);
    } finally {
      organisationOp.codeTtl = 60;
    }
  });

  it('refuses an unknown provider without sending the browser anywhere', async () => {
    const flow = await signInThrough(server.http, oidcStartPath('gemeente-nergens'), { login: { sub: 'x' } });
    expect(flow.location).toBe('/?aanmelden=onbekende_dienst');
  });

  describe('the family, through the DigiD broker', () => {
    let regisseur: string;
    const invite = async (name: string, email: string): Promise<string> => {
      const res = await requestAs(server.http, regisseur, 'POST', '/api/cases/demo/invitations', { name, email, role: 'ouder', personId: 'p-sanne' });
      expect(res.status).toBe(200);
      return new URL((await res.json()).link).pathname.split('/').pop()!;
    };

    beforeAll(async () => {
      regisseur = await signIn(server.http, demoEmail('regisseur'));
      digid.accounts.set('bsn-pseudo-1', { sub: 'bsn-pseudo-1' });
      digid.accounts.set('bsn-pseudo-2', { sub: 'bsn-pseudo-2' });
    });

    it('asks for at least "substantieel" and refuses a lower level', async () => {
      const start = await fetch(`${server.http}${oidcStartPath(FAMILY_PROVIDER)}`, { redirect: 'manual' });
      expect(new URL(start.headers.get('location')!).searchParams.get('acr_values')).toBe('substantieel hoog');
      const token = await invite('Sanne de Groot', 'sanne.digid@example.nl');
      const low = await signInThrough(server.http, oidcStartPath(FAMILY_PROVIDER, token), { login: { sub: 'bsn-pseudo-1', acr: 'midden' } });
      expectRefused(low.location, 'niveau_te_laag');
      await expectSignedOut(low.tafel);
      const none = await signInThrough(server.http, oidcStartPath(FAMILY_PROVIDER, token), { login: { sub: 'bsn-pseudo-1' } });
      expectRefused(none.location, 'niveau_te_laag');
    });

    it('links the DigiD identity to the family account through the invitation, and finds it from then on', async () => {
      const before = await signInThrough(server.http, oidcStartPath(FAMILY_PROVIDER), { login: { sub: 'bsn-pseudo-2', acr: 'substantieel' } });
      expectRefused(before.location, 'niet_gekoppeld');
      await expectSignedOut(before.tafel);

      const token = await invite('Sanne de Groot', 'sanne.nieuw@example.nl');
      const first = await signInThrough(server.http, oidcStartPath(FAMILY_PROVIDER, token), { login: { sub: 'bsn-pseudo-2', acr: 'substantieel' } });
      expect(first.location).toBe('/zaken/demo');
      const detail = await (await requestAs(server.http, first.tafel.header(), 'GET', '/api/cases/demo')).json();
      expect(detail.me).toMatchObject({ role: 'ouder', personId: 'p-sanne' });
      const me = await (await requestAs(server.http, first.tafel.header(), 'GET', '/api/me')).json();
      expect(me.email).toBe('sanne.nieuw@example.nl');

      // The invitation counted once.
      const again = await signInThrough(server.http, oidcStartPath(FAMILY_PROVIDER, token), { login: { sub: 'bsn-pseudo-2', acr: 'hoog' } });
      expectRefused(again.location, 'uitnodiging');

      // From now on DigiD alone finds her account; the account has no password to guess.
      const later = await signInThrough(server.http, oidcStartPath(FAMILY_PROVIDER), { login: { sub: 'bsn-pseudo-2', acr: 'hoog' } });
      expect(later.location).toBe('/');
      expect((await (await requestAs(server.http, later.tafel.header(), 'GET', '/api/me')).json()).id).toBe(me.id);
      const password = await requestAs(server.http, '', 'POST', '/api/session', { email: 'sanne.nieuw@example.nl', password: '!' });
      expect(password.status).toBe(401);
    });

    it('does not let an invitation link take over an account that exists already', async () => {
      const token = await invite('Sanne de Groot', demoEmail('moeder'));
      digid.accounts.set('bsn-pseudo-3', { sub: 'bsn-pseudo-3' });
      const flow = await signInThrough(server.http, oidcStartPath(FAMILY_PROVIDER, token), { login: { sub: 'bsn-pseudo-3', acr: 'substantieel' } });
      expectRefused(flow.location, 'bestaand_account');
      await expectSignedOut(flow.tafel);
    });
  });
});
