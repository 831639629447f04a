import { describe, expect, it } from 'vitest';
import { seriousA11yViolations } from '../support/axe.ts';
import { hasChromium, signedInPage, tafelInChromium } from '../support/browser.ts';

describe.skipIf(!hasChromium)('starting a case in Chromium', () => {
  const env = tafelInChromium();

  it('a Veilig Thuis worker starts a case for a family, by keyboard, and sees its sections', async () => {
    const { context, page } = await signedInPage(env.browser, env.server.http, 'vt@demo.tafel');
    await page.getByRole('link', { name: 'Nieuwe zaak' }).click();
    await page.getByRole('heading', { name: 'Nieuwe zaak' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByLabel('Titel van de zaak').fill('Gezin Bakker');
    expect(await page.getByLabel('Regio').inputValue()).toBe('flevoland');
    await page.getByLabel('Aanleiding (mag leeg)').fill('Melding van de school over Lina.');
    await page.getByLabel('Regisseur (lokaal team)').selectOption({ label: 'Eva Jansen (Sociaal wijkteam Almere Haven)' });
    const first = page.getByRole('group', { name: 'Persoon 1' });
    await first.getByLabel('Naam').fill('Anna Bakker');
    await first.getByLabel(/^Relatie/).fill('moeder');
    const second = page.getByRole('group', { name: 'Persoon 2' });
    await second.getByLabel('Naam').fill('Lina Bakker');
    expect(await second.getByLabel('Wie is dit?').inputValue()).toBe('kind');
    await second.getByLabel(/^Geboortedatum/).fill('2016-02-29');

    // A third person by keyboard: the button, Enter, and the new name field has the focus.
    await page.getByRole('button', { name: 'Persoon toevoegen' }).focus();
    await page.keyboard.press('Enter');
    const third = page.getByRole('group', { name: 'Persoon 3' });
    await expect.poll(() => third.getByLabel('Naam').evaluate((el) => el === document.activeElement)).toBe(true);
    await third.getByLabel('Wie is dit?').selectOption('netwerk');

    // Sent without a name and a relation: the first mistake gets the focus, with the schema's message.
    await page.getByRole('button', { name: 'Zaak starten' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true');
    expect(await third.getByText('Vul een naam in.').isVisible()).toBe(true);
    await page.keyboard.type('Joke de Vries');
    await third.getByLabel(/^Relatie/).fill('buurvrouw');
    await page.keyboard.press('Enter');

    // The case page, with its sections: hers, the child's, and the melder that only Veilig Thuis sees.
    await page.waitForURL(/\/zaken\/zaak-/);
    // The reason given is kept and shown with the case.
    await page.goto(`${page.url()}/deelnemers`);
    await page.getByText('Melding van de school over Lina.').waitFor();
    await page.goBack();
    const sections = page.locator('button[data-section] .section-link-title');
    await sections.first().waitFor();
    const titles = await sections.allTextContents();
    expect(titles).toEqual(expect.arrayContaining(['Aanleiding en hulpvraag', 'Psychische gezondheid en verslaving: Anna', 'Ontwikkeling en gezondheid jeugdige: Lina', 'Melder en bronnen']));
    expect(titles.filter((t) => t.startsWith('Psychische gezondheid'))).toHaveLength(1);

    // And it is in her list of cases.
    await page.getByRole('link', { name: 'Tafel', exact: true }).click();
    await page.getByRole('link', { name: 'Gezin Bakker' }).waitFor();
    await context.close();
  });

  it('the region is chosen from the regions Tafel knows, by name, and starts as the starter’s own', async () => {
    const { context, page } = await signedInPage(env.browser, env.server.http, 'regisseur@demo.tafel');
    await page.goto(`${env.server.http}/nieuwe-zaak`);
    const region = page.getByRole('combobox', { name: 'Regio' });
    await region.waitFor();
    expect(await region.locator('option').allTextContents()).toEqual(['Kies een regio', 'Flevoland']);
    expect(await region.locator('option:checked').textContent()).toBe('Flevoland');

    // Without a region the form says so at the field, before anything is sent.
    await page.getByLabel('Titel van de zaak').fill('Gezin Smit');
    await page.getByRole('group', { name: 'Persoon 1' }).getByLabel('Naam').fill('Anna Smit');
    await page.getByRole('group', { name: 'Persoon 2' }).getByLabel('Naam').fill('Tim Smit');
    await region.selectOption({ label: 'Kies een regio' });
    await page.getByRole('button', { name: 'Zaak starten' }).click();
    await expect.poll(() => region.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.getByText('Kies een regio.').isVisible()).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/nieuwe-zaak');
    await context.close();
  });

  it('a parent has no way to start a case', async () => {
    const { context, page } = await signedInPage(env.browser, env.server.http, 'moeder@demo.tafel');
    expect(await page.getByRole('link', { name: 'Nieuwe zaak' }).count()).toBe(0);
    await page.goto(`${env.server.http}/nieuwe-zaak`);
    await page.getByText('Een zaak starten doen professionals.').waitFor();
    expect(await page.getByRole('button', { name: 'Zaak starten' }).count()).toBe(0);
    await context.close();
  });
});
