import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OIDC_FAILURE_MESSAGE } from '../../shared/signIn.ts';
import { seriousA11yViolations } from '../support/axe.ts';
import { hasChromium, launchBrowser } from '../support/browser.ts';
import { startTestOp, type TestOp } from '../support/oidcProvider.ts';
import { type RunningTafel, startTafel } from '../support/tafelServer.ts';

const ORG = 'lokaal-team-almere';

describe.skipIf(!hasChromium)('the sign-in page, in Chromium', () => {
  let server: RunningTafel;
  let op: TestOp;
  let browser: Browser;
  /** The browser uses Tafel's public name, so the provider's way back lands on the same site (its cookies). */
  let site: string;

  beforeAll(async () => {
    op = await startTestOp();
    const oidc = { professionals: [{ organisationId: ORG, issuer: op.issuer, clientId: 'tafel', clientSecret: 'geheim-0123456789abcdef' }] };
    server = await startTafel({ settings: { TAFEL_OIDC: JSON.stringify(oidc), TAFEL_REQUIRE_TOTP: 'true', TAFEL_SECRET_KEY: randomBytes(32).toString('hex') } });
    site = server.tafel.services.publicOrigin();
    op.register({ clientId: 'tafel', clientSecret: 'geheim-0123456789abcdef', redirectUri: `${site}/api/auth/oidc/${ORG}/callback` });
    op.accounts.set('eva', { sub: 'eva', email: 'regisseur@demo.tafel', email_verified: true });
    op.accounts.set('onbekend', { sub: 'onbekend', email: 'wie@almere.example', email_verified: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await op?.close();
  });

  async function throughProvider(sub: string) {
    const context = await browser.newContext({ locale: 'nl-NL' });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    await page.goto(site);
    await page.getByRole('link', { name: 'Inloggen via Sociaal wijkteam Almere Haven' }).click();
    await page.getByLabel('Gebruiker').fill(sub);
    await page.getByRole('button', { name: 'Inloggen bij provider' }).click();
    return { context, page };
  }

  it('signs a professional in through her organisation, and says in Dutch why someone else is not', async () => {
    const eva = await throughProvider('eva');
    await eva.page.getByRole('heading', { name: 'Mijn zaken' }).waitFor();
    await eva.page.getByRole('link', { name: /Gezin De Groot/ }).waitFor();
    await eva.context.close();

    const stranger = await throughProvider('onbekend');
    const alert = stranger.page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe(OIDC_FAILURE_MESSAGE.onbekend);
    expect(await seriousA11yViolations(stranger.page)).toEqual([]);
    // The reason is not left in the address bar, and nobody is signed in.
    expect(new URL(stranger.page.url()).search).toBe('');
    expect(await stranger.page.getByLabel('Wachtwoord').isVisible()).toBe(true);
    await stranger.context.close();
  });

  it('sets up the second factor at a password sign-in, shows the recovery codes once, and signs in', async () => {
    const { directory } = server.tafel.services;
    const { userId, password } = await directory.ensureAccount('noor@almere.example', 'Noor Bakker');
    await directory.setProfessional(userId, 'regisseur', ORG);
    const context = await browser.newContext({ locale: 'nl-NL' });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    await page.goto(site);
    await page.getByLabel('E-mailadres').fill('noor@almere.example');
    await page.getByLabel('Wachtwoord').fill(password!);
    await page.getByRole('button', { name: 'Inloggen' }).click();

    await page.getByRole('heading', { name: 'Stel een tweede stap in' }).waitFor();
    const secret = (await page.locator('.totp-secret').textContent())!.replaceAll(' ', '');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await page.getByRole('link', { name: 'deze link openen in de app' }).getAttribute('href')).toMatch(/^otpauth:\/\/totp\//);
    await page.getByLabel('Code uit je app').fill('123456');
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(/code klopt niet/);

    await page.getByLabel('Code uit je app').fill(new TOTP({ secret: Secret.fromBase32(secret) }).generate());
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await page.getByRole('heading', { name: 'Bewaar je herstelcodes' }).waitFor();
    expect(await page.locator('.recovery-codes li').count()).toBe(10);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Ik heb ze bewaard, ga verder' }).click();
    await page.getByRole('heading', { name: 'Mijn zaken' }).waitFor();
    await context.close();
  });
});
