import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousA11yViolations } from '../support/axe.ts';
import { overflowsSideways } from '../support/taps.ts';
import { hasChromium, PHONE, signedInOnCase, signedInOnSection, tafelInChromium } from '../support/browser.ts';


/** What a cell shows before its value on this screen: its column's name, or nothing. */
const cellLabel = (page: Page, selector: string) => page.locator(selector).first().evaluate((td) => getComputedStyle(td, '::before').content);

describe.skipIf(!hasChromium)('the family on a phone, in Chromium', () => {
  const env = tafelInChromium();

  it('a section opened from the list comes into view, and closing it goes back to its place in the list', async () => {
    const { page } = await signedInOnSection(env.browser, env.server.http, 'moeder@demo.tafel', 'evaluatie', PHONE);
    const heading = page.locator('#title-evaluatie');
    // At the top of the screen, not at its bottom edge below the list.
    await expect.poll(() => heading.evaluate((el) => el.getBoundingClientRect().top)).toBeGreaterThanOrEqual(0);
    expect(await heading.evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(PHONE.height / 4);
    await page.getByRole('button', { name: 'Evaluatie sluiten' }).click();
    const listButton = page.locator('button[data-section="evaluatie"]');
    await expect.poll(() => listButton.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await listButton.getAttribute('aria-pressed')).toBe('false');
  });

  it('the mother reads, below the list, that information from others is kept from the family, and why', async () => {
    const { page } = await signedInOnCase(env.browser, env.server.http, 'moeder@demo.tafel', PHONE);
    const withheld = page.getByRole('region', { name: 'Wat jullie (nog) niet kunnen lezen' });
    await withheld.getByText(/informatie van andere mensen .* geen toestemming voor gaven \(Jeugdwet artikel 7\.3\.10\)/).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('a professional on a phone reads a section with blocks without swiping sideways, their buttons beside or under the label', async () => {
    // The safety plan, which the next test has her read too: "who looked" then still reads one section.
    const { page } = await signedInOnSection(env.browser, env.server.http, 'regisseur@demo.tafel', 'veiligheidsplan', PHONE);
    const block = page.locator('[data-section-panel="veiligheidsplan"] .block').first();
    await block.getByRole('button', { name: 'Reageren' }).waitFor();
    expect(await overflowsSideways(page)).toBe(false);
    const [box, panel] = await Promise.all([block.boundingBox(), page.locator('[data-section-panel="veiligheidsplan"]').boundingBox()]);
    expect(box!.x + box!.width).toBeLessThanOrEqual(panel!.x + panel!.width + 1);
    // The toolbar is one row that scrolls sideways, not four rows above the text.
    const toolbar = page.locator('[data-section-panel="veiligheidsplan"] [role="toolbar"]');
    expect((await toolbar.boundingBox())!.height).toBeLessThan(70);
    await toolbar.getByRole('button', { name: 'Vet' }).focus();
    await page.keyboard.press('End');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Blok invoegen');
  });

  it('tables fit the screen and say what each value is (who does what); who looked at the file reads as a line a person', async () => {
    // Someone else's look at her file: her own looks are not in "who looked at my file".
    const eva = await signedInOnSection(env.browser, env.server.http, 'regisseur@demo.tafel', 'veiligheidsplan', PHONE);
    const { page } = await signedInOnSection(env.browser, env.server.http, 'moeder@demo.tafel', 'veiligheidsplan', PHONE);

    await page.goto(`${env.server.http}/zaken/demo/overzicht`);
    await page.getByRole('heading', { name: 'Wie doet wat' }).waitFor();
    expect(await cellLabel(page, 'section[aria-labelledby="ov-acties"] td[data-label="Wie"]')).toBe('"Wie: "');
    expect(await overflowsSideways(page)).toBe(false);

    // The log: a day, then one line per person saying what they read; the sections on opening.
    await page.goto(`${env.server.http}/zaken/demo/logboek`);
    const row = page.locator('.audit-entries > li', { hasText: 'Eva Jansen' }).first();
    await row.waitFor();
    expect(await row.textContent()).toMatch(/^\d\d:\d\d Eva Jansen \(Sociaal wijkteam Almere Haven\) las 1 onderdeel/);
    expect(await row.getByText('Veiligheidsplan').isVisible()).toBe(false);
    await row.getByText('1 onderdeel').click();
    expect(await row.getByText('Veiligheidsplan').isVisible()).toBe(true);
    expect(await overflowsSideways(page)).toBe(false);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // In the regisseur's full log, the mother's look at the plan overview names no section.
    await eva.page.goto(`${env.server.http}/zaken/demo/logboek`);
    const overview = eva.page.locator('.audit-entries > li', { hasText: 'heeft het overzicht van het plan bekeken' }).first();
    await overview.waitFor();
    expect(await overview.textContent()).toMatch(/Sanne de Groot heeft het overzicht van het plan bekeken$/);
  });

  it('on a wide screen the same table is a table, without the labels', async () => {
    const { page } = await signedInOnCase(env.browser, env.server.http, 'moeder@demo.tafel');
    await page.goto(`${env.server.http}/zaken/demo/overzicht`);
    const actions = page.locator('section[aria-labelledby="ov-acties"]');
    await actions.locator('tbody tr').first().waitFor();
    expect(await cellLabel(page, 'section[aria-labelledby="ov-acties"] td[data-label="Wie"]')).toBe('none');
    expect(await actions.locator('thead').isVisible()).toBe(true);
  });
});
