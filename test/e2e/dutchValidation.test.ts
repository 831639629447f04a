import { describe, expect, it } from 'vitest';
import { seriousA11yViolations } from '../support/axe.ts';
import { hasChromium, PHONE, signInPage, signedInOnCase, tafelInChromium } from '../support/browser.ts';

describe.skipIf(!hasChromium)('the browser’s own form checks speak Dutch, in Chromium', () => {
  const env = tafelInChromium();

  it('signing in with empty or wrong fields says in Dutch what to fill in, and then signs in', async () => {
    const { context, page } = await signInPage(env.browser, env.server.http, PHONE);
    const email = page.getByLabel('E-mailadres');
    const password = page.getByLabel('Wachtwoord');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    expect(await email.evaluate((el: HTMLInputElement) => el.validationMessage)).toBe('Vul dit veld in.');
    expect(await password.evaluate((el: HTMLInputElement) => el.validationMessage)).toBe('Vul dit veld in.');

    await email.fill('sanne');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    expect(await email.evaluate((el: HTMLInputElement) => el.validationMessage)).toBe('Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Once the fields are right, the messages are gone and the form is sent.
    await email.fill('moeder@demo.tafel');
    await password.fill('tafel-demo');
    expect(await email.evaluate((el: HTMLInputElement) => el.validationMessage)).toBe('');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { name: 'Wat is er besloten?' }).waitFor();
    await context.close();
  });

  it('the regisseur’s invitation form says in Dutch that the name is missing', async () => {
    const { page, context } = await signedInOnCase(env.browser, env.server.http, 'regisseur@demo.tafel');
    await page.goto(`${env.server.http}/zaken/demo/deelnemers`);
    const form = page.locator('form', { has: page.locator('#invite-kind') });
    await form.locator('#invite-kind').selectOption('netwerk');
    await form.getByRole('button', { name: 'Uitnodigen' }).click();
    expect(await form.getByLabel('Naam', { exact: true }).evaluate((el: HTMLInputElement) => el.validationMessage)).toBe('Vul dit veld in.');
    await form.getByLabel('Naam', { exact: true }).fill('Emre de Groot');
    expect(await form.getByLabel('Naam', { exact: true }).evaluate((el: HTMLInputElement) => el.validationMessage)).toBe('');
    await context.close();
  });
});
