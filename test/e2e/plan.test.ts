import { describe, expect, it } from 'vitest';
import { seriousA11yViolations } from '../support/axe.ts';
import { hasChromium, openSection, PHONE, signedInOnSection, signedInPage, tafelInChromium } from '../support/browser.ts';
import { clickCaret } from '../support/caret.ts';

describe.skipIf(!hasChromium)('an agreement from the table to the mother’s phone, in Chromium', () => {
  const env = tafelInChromium();

  it('is inserted with the "/" menu, reaches her overview within a second, and her confirmation comes back', async () => {
    const sanne = await signedInPage(env.browser, env.server.http, 'moeder@demo.tafel', PHONE);
    await sanne.page.goto(`${env.server.http}/zaken/demo/overzicht`);
    await sanne.page.getByRole('heading', { name: 'Wat we hebben afgesproken' }).waitFor();

    const eva = await signedInOnSection(env.browser, env.server.http, 'regisseur@demo.tafel', 'veiligheidsplan');
    await clickCaret(eva.panel.getByRole('heading', { name: 'Veiligheidsvoorwaarden' }));
    await eva.page.keyboard.press('End');
    await eva.page.keyboard.press('Enter');
    await eva.page.keyboard.type('/');
    const menu = eva.page.getByRole('listbox', { name: 'Blok invoegen' });
    await menu.waitFor();
    // The regisseur sets no conditions or decisions, so the menu does not offer them to her.
    expect(await menu.getByRole('option', { name: /Veiligheidsvoorwaarde/ }).count()).toBe(0);
    // Keyboard only: down past zorg, kracht and schaalvraag to "Afspraak", and Enter.
    for (let i = 0; i < 3; i++) await eva.page.keyboard.press('ArrowDown');
    await eva.page.keyboard.press('Enter');

    const dialog = eva.page.getByRole('dialog', { name: 'Afspraak' });
    // An empty form is refused with Dutch messages, and nothing is inserted.
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.getByText('Schrijf op wat er is afgesproken.').waitFor();
    await dialog.getByText('Noem minstens één partij die de afspraak maakt.').waitFor();

    const wat = 'Sanne belt de regisseur elke vrijdag om te vertellen hoe het thuis gaat.';
    await dialog.getByLabel('Wat spreken we af?').fill(wat);
    await dialog.getByLabel('Wie doet het?').fill('Sanne');
    await dialog.getByLabel('Hoe controleren we het?').fill('De regisseur noteert elk telefoontje.');
    await dialog.getByLabel('Wat gebeurt er als het niet lukt?').fill('We bespreken het aan tafel.');
    await dialog.getByRole('checkbox', { name: 'Sanne de Groot' }).check();
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    const saved = Date.now();
    await eva.panel.locator('.block-afspraak', { hasText: wat }).waitFor();

    const card = sanne.page.locator('article.plan-card', { hasText: wat });
    await card.waitFor({ timeout: 5000 });
    expect(Date.now() - saved).toBeLessThan(1000);

    await card.getByRole('button', { name: 'Ik ga akkoord met deze afspraak' }).focus();
    await sanne.page.keyboard.press('Enter');
    await card.getByText(/Sanne de Groot: akkoord gegeven op/).waitFor();
    // The button is gone; focus is on her own line in its place, so a screen reader reads it out.
    await expect.poll(() => sanne.page.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(/^Sanne de Groot: akkoord gegeven op /);
    await eva.panel.locator('.block-afspraak', { hasText: wat }).getByText(/Sanne de Groot: bevestigd op/).waitFor({ timeout: 5000 });

    // From her plan she goes to where the agreement was written, to read it in its context.
    await card.getByRole('button', { name: 'Veiligheidsplan' }).click();
    await sanne.page.locator('[data-section-panel="veiligheidsplan"]').getByText(wat).waitFor();
    expect(new URL(sanne.page.url()).pathname).toBe('/zaken/demo');
  });

  it('asks no confirmation of an agreement already kept, and says why there is no button', async () => {
    const sanne = await signedInPage(env.browser, env.server.http, 'moeder@demo.tafel', PHONE);
    await sanne.page.goto(`${env.server.http}/zaken/demo/overzicht`);
    const kept = sanne.page.locator('article.plan-card', { hasText: 'Oma Ria is bereikbaar' });
    await kept.getByText('Sanne (moeder): geen akkoord meer nodig, de afspraak is al gelukt').waitFor();
    expect(await kept.getByText('nog niet akkoord gegeven').count()).toBe(0);
    expect(await kept.getByRole('button', { name: 'Ik ga akkoord met deze afspraak' }).count()).toBe(0);
    await sanne.context.close();
  });

  it('a notice about one agreement opens the plan at that agreement, its card in focus', async () => {
    const sanne = await signedInPage(env.browser, env.server.http, 'moeder@demo.tafel', PHONE);
    await sanne.page.goto(`${env.server.http}/zaken/demo/overzicht?afspraak=afspraak-geen-alcohol`);
    await expect.poll(() => sanne.page.evaluate(() => document.activeElement?.getAttribute('data-afspraak') ?? null)).toBe('afspraak-geen-alcohol');
    const card = (await sanne.page.locator('article[data-afspraak="afspraak-geen-alcohol"]').boundingBox())!;
    expect(card.y).toBeGreaterThanOrEqual(0);
    expect(card.y).toBeLessThan(PHONE.height);
    expect(new URL(sanne.page.url()).search).toBe('');
    await sanne.context.close();
  });

  it('has no serious or critical accessibility problems on sign-in, case view, overview and family view', async () => {
    const anonymous = await env.browser.newPage();
    await anonymous.goto(env.server.http);
    await anonymous.getByLabel('E-mailadres').waitFor();
    expect(await seriousA11yViolations(anonymous)).toEqual([]);

    const eva = await signedInOnSection(env.browser, env.server.http, 'regisseur@demo.tafel', 'veiligheidsplan');
    await openSection(eva.page, 'zorgen-krachten');
    await eva.page.getByLabel('Zoeken in het dossier').fill('school');
    await eva.page.getByRole('button', { name: 'Zoeken' }).click();
    await eva.page.getByText(/"school" staat in \d+ onderdelen/).waitFor();
    expect(await seriousA11yViolations(eva.page)).toEqual([]);
    await eva.page.getByRole('link', { name: 'Overzicht' }).click();
    await eva.page.getByRole('heading', { name: 'Afspraken' }).waitFor();
    // The professionals keep their own words, where the family reads "Gelukt".
    expect(await eva.page.locator('article[data-afspraak="afspraak-oma-opvang"]').textContent()).toContain('Stand van zaken: Nagekomen');
    expect(await eva.page.locator('section[aria-labelledby="ov-termijnen"]').textContent()).toContain('Melding beoordelen: hoe dringend is het?');
    expect(await seriousA11yViolations(eva.page)).toEqual([]);

    const sanne = await signedInPage(env.browser, env.server.http, 'moeder@demo.tafel', PHONE);
    await sanne.page.goto(`${env.server.http}/zaken/demo/overzicht`);
    await sanne.page.getByRole('heading', { name: 'Wat we hebben afgesproken' }).waitFor();
    expect(await seriousA11yViolations(sanne.page)).toEqual([]);
    // Nothing sticks out sideways on a phone.
    expect(await sanne.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await sanne.page.goto(`${env.server.http}/zaken/demo`);
    await openSection(sanne.page, 'veiligheidsplan');
    expect(await seriousA11yViolations(sanne.page)).toEqual([]);
  });
});
