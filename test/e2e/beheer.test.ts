import { describe, expect, it } from 'vitest';
import { seriousA11yViolations } from '../support/axe.ts';
import { hasChromium, signedInPage, tafelInChromium } from '../support/browser.ts';

describe.skipIf(!hasChromium)('the beheerder page in Chromium', () => {
  const env = tafelInChromium();

  it('the beheerder adds a colleague, changes her role and removes her; the page reads well', async () => {
    const { context, page } = await signedInPage(env.browser, env.server.http, 'beheerder@demo.tafel', undefined, false);
    await page.getByRole('link', { name: 'Beheer' }).click();
    await page.getByRole('heading', { name: 'Sociaal wijkteam Almere Haven' }).waitFor();
    expect(await page.getByRole('cell', { name: 'regisseur@demo.tafel' }).count()).toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByLabel('Naam', { exact: true }).fill('Mila Peters');
    await page.getByLabel('E-mailadres', { exact: true }).fill('mila@wijkteam.example');
    await page.getByLabel('Rol', { exact: true }).selectOption('gedragswetenschapper');
    await page.getByRole('button', { name: 'Toevoegen' }).click();
    await page.getByRole('status').getByText('Mila Peters staat in de directory.').waitFor();
    expect((await page.getByLabel('Eenmalig wachtwoord').inputValue()).length).toBeGreaterThanOrEqual(12);
    await page.getByLabel('Rol van Mila Peters').selectOption('regisseur');
    await page.getByRole('status').getByText('Mila Peters is nu Regisseur (lokaal team).').waitFor();
    expect((await env.server.tafel.services.directory.professionalByEmail('mila@wijkteam.example'))?.role).toBe('regisseur');

    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Mila Peters verwijderen' }).click();
    await page.getByRole('status').getByText('Mila Peters staat niet meer in de directory.').waitFor();
    expect(await page.getByRole('cell', { name: 'mila@wijkteam.example' }).count()).toBe(0);
    expect(await env.server.tafel.services.directory.professionalByEmail('mila@wijkteam.example')).toBeUndefined();

    // A professional of another organisation cannot be taken over from here.
    await page.getByLabel('Naam', { exact: true }).fill('Karim');
    await page.getByLabel('E-mailadres', { exact: true }).fill('vt@demo.tafel');
    await page.getByRole('button', { name: 'Toevoegen' }).click();
    await page.getByRole('alert').getByText('Dit e-mailadres hoort bij een professional van een andere organisatie.').waitFor();
    await context.close();
  });

  it('the beheerder corrects the phone number and working days the family sees, from the keyboard', async () => {
    const { context, page } = await signedInPage(env.browser, env.server.http, 'beheerder@demo.tafel', undefined, false);
    await page.getByRole('link', { name: 'Beheer' }).click();
    const regisseur = await env.server.tafel.services.directory.professionalByEmail('regisseur@demo.tafel');
    await page.getByRole('button', { name: `${regisseur!.name} wijzigen` }).click();
    const form = page.getByRole('form', { name: `${regisseur!.name} wijzigen` });
    // The keyboard is in the form at once: the first field has focus.
    expect(await form.getByLabel('Naam').evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await form.getByLabel('Telefoonnummer voor het gezin').fill('bel me');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.getByRole('alert').getByText('Vul een Nederlands telefoonnummer in, zoals 06 12345678 of 010 1234567.').waitFor();
    await form.getByLabel('Telefoonnummer voor het gezin').fill('06 98765432');
    await form.getByLabel('vrijdag').check();
    await form.getByLabel('Telefoonnummer voor het gezin').press('Enter');
    await page.getByRole('status').getByText(`${regisseur!.name} is bijgewerkt.`).waitFor();
    expect(await page.getByRole('cell', { name: /06 98765432, maandag, dinsdag, donderdag, vrijdag/ }).count()).toBe(1);
    expect(await form.count()).toBe(0);
    await context.close();
  });

  it('someone who keeps no directory has no Beheer link, and the page says so', async () => {
    const { context, page } = await signedInPage(env.browser, env.server.http, 'regisseur@demo.tafel');
    await page.getByRole('heading', { name: 'Mijn zaken' }).waitFor();
    expect(await page.getByRole('link', { name: 'Beheer' }).count()).toBe(0);
    await page.goto(`${env.server.http}/beheer`);
    await page.getByText('Je beheert geen organisatie.').waitFor();
    await context.close();
  });
});
