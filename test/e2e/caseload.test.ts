import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousA11yViolations } from '../support/axe.ts';
import { hasChromium, PHONE, signedInPage, tafelInChromium } from '../support/browser.ts';
import { actie, appendBlock, sectionOf } from '../support/caseBlocks.ts';
import { requestAs, signIn } from '../support/tafelServer.ts';

const family = (title: string) => ({ title, region: 'flevoland', persons: [{ name: 'Anna', kind: 'volwassene', relation: 'moeder' }] });

/** The case titles in the table, top to bottom. */
const rows = (page: Page) => page.getByRole('table').getByRole('rowheader').getByRole('link').allTextContents();

describe.skipIf(!hasChromium)('"Mijn zaken" in Chromium', () => {
  const env = tafelInChromium();

  it('the regisseur sorts her cases and filters them to what is overdue, by role and to closed ones, with the keyboard', async () => {
    const { http } = env.server;
    const eva = await signIn(http, 'regisseur@demo.tafel');
    const start = async (title: string) => ((await (await requestAs(http, eva, 'POST', '/api/cases', family(title))).json()) as { id: string }).id;
    // Appel has an overdue action of Eva's; Zwart nothing late yet; Oud is closed.
    const appel = await start('Gezin Appel');
    await start('Gezin Zwart');
    const oud = await start('Gezin Oud');
    expect((await requestAs(http, eva, 'POST', `/api/cases/${oud}/close`, { reason: 'De hulp is afgerond en het gaat goed.' })).status).toBe(200);
    const plan = await sectionOf(http, eva, appel, 'plan');
    await appendBlock(env.server, appel, plan, 'actie', actie('actie-dossier-opvragen', 'Eva vraagt het dossier op bij school', 'Eva', '2025-06-01'));
    for (const [i, when] of ['2025-07-01', '2025-08-01', '2025-09-01'].entries()) {
      await appendBlock(env.server, appel, plan, 'actie', actie(`actie-later-${i}`, `Eva belt partner ${i + 1}`, 'Eva', when));
    }

    const { context, page } = await signedInPage(env.browser, http, 'regisseur@demo.tafel');
    await page.getByRole('heading', { name: 'Mijn zaken' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    // Open cases, overdue first: Appel and the demo have something late, Zwart not; Oud is closed.
    expect(await page.getByText('3 van de 4 zaken').isVisible()).toBe(true);
    const late = await rows(page);
    expect(late.slice(0, 2).sort()).toEqual(['Gezin Appel', 'Gezin De Groot – Yilmaz']);
    expect(late[2]).toBe('Gezin Zwart');
    const appelRow = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'Gezin Appel' }) });
    expect(await appelRow.textContent()).toContain('Mijn actie: Eva vraagt het dossier op bij school (was uiterlijk 1 juni 2025)');
    expect(await appelRow.textContent()).toMatch(/Regisseur \(lokaal team\)/);
    // Four late, three shown; the fourth opens by keyboard.
    expect(await appelRow.getByText('4 punten te laat').isVisible()).toBe(true);
    expect(await appelRow.getByText(/Eva belt partner 3/).isVisible()).toBe(false);
    await appelRow.getByText('Nog 1 punt').focus();
    await page.keyboard.press('Enter');
    await appelRow.getByText(/Eva belt partner 3/).waitFor();
    expect(await page.getByRole('columnheader', { name: 'Te laat' }).getAttribute('aria-sort')).toBe('descending');

    // Sorted by name.
    await page.getByLabel('Sorteren op').selectOption({ label: 'Naam van de zaak' });
    await expect.poll(() => rows(page)).toEqual(['Gezin Appel', 'Gezin De Groot – Yilmaz', 'Gezin Zwart']);
    expect(await page.getByRole('columnheader', { name: 'Zaak' }).getAttribute('aria-sort')).toBe('ascending');

    // Only what is overdue, switched on with the keyboard.
    await page.getByLabel('Alleen zaken met iets dat te laat is').focus();
    await page.keyboard.press('Space');
    await expect.poll(() => rows(page)).toEqual(['Gezin Appel', 'Gezin De Groot – Yilmaz']);
    await page.getByText('2 van de 4 zaken').waitFor();
    await page.keyboard.press('Space');

    // By the next date: earliest first, a case with nothing to come last.
    await page.getByLabel('Sorteren op').selectOption({ label: 'Eerstvolgende termijn' });
    await expect.poll(() => page.getByRole('columnheader', { name: 'Eerstvolgende termijn' }).getAttribute('aria-sort')).toBe('ascending');
    const next = await page.locator('tr[data-next-due]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-next-due') || '9999-99-99'));
    expect(next).toHaveLength(3);
    expect(next).toEqual([...next].sort());
    expect(await page.locator('td[data-label="Eerstvolgende termijn"] > strong').first().textContent()).toMatch(/^\d{1,2} [a-z]+ \d{4}$/);

    // The closed case, on its own.
    await page.getByLabel('Welke zaken').selectOption({ label: 'Gesloten zaken' });
    await expect.poll(() => rows(page)).toEqual(['Gezin Oud']);
    expect(await page.getByRole('row').filter({ hasText: 'Gezin Oud' }).getByText('Gesloten').isVisible()).toBe(true);

    // Open and closed, in her role: all four.
    await page.getByLabel('Welke zaken').selectOption({ label: 'Open en gesloten zaken' });
    await page.getByLabel('Mijn rol').selectOption({ label: 'Regisseur (lokaal team)' });
    await expect.poll(async () => (await rows(page)).length).toBe(4);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // From a late item straight to its section, opened on the case page.
    await appelRow.locator('.caseload-items a').first().click();
    await page.waitForURL(`**/zaken/${appel}`);
    await page.locator(`[data-section-panel="${plan}"]`).waitFor();
    await context.close();
  });

  it('the mother sees her own case only on her phone, with her overdue task and no controls to sort', async () => {
    const { context, page } = await signedInPage(env.browser, env.server.http, 'moeder@demo.tafel', PHONE);
    // Her "Tafel" leads to her Thuis; the list of her one case is still at its address.
    await page.goto(env.server.http);
    await page.getByRole('heading', { name: 'Mijn zaken' }).waitFor();
    expect(await rows(page)).toEqual(['Gezin De Groot – Yilmaz']);
    expect(await page.getByLabel('Sorteren op').count()).toBe(0);
    const row = await page.getByRole('row').filter({ hasText: 'Gezin De Groot' }).textContent();
    expect(row).toMatch(/Mijn actie: Betalingsregeling/);
    expect(row).not.toMatch(/Termijn van de zaak/);
    // The row is a card with labelled values, and nothing runs off the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  });
});
