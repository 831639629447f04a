import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousA11yViolations } from '../support/axe.ts';
import { hasChromium, PHONE, signInPage, signedInOnCase, tafelInChromium } from '../support/browser.ts';

/** What has the keyboard focus: its tag, its text (short) and the section panel it is in. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { tag: el?.tagName ?? '', text: (el?.textContent ?? '').trim().slice(0, 60), panel: el?.closest('[data-section-panel]')?.getAttribute('data-section-panel') ?? null };
  });

describe.skipIf(!hasChromium)('keyboard: focus follows what opens, in Chromium at 375 px', () => {
  const env = tafelInChromium();

  it('after signing in with the keyboard, focus is on the page heading; "Naar de inhoud" comes first', async () => {
    const { context, page } = await signInPage(env.browser, env.server.http, PHONE);
    await page.getByLabel('E-mailadres').fill('regisseur@demo.tafel');
    await page.getByLabel('Wachtwoord').fill('tafel-demo');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Mijn zaken', level: 1 }).waitFor();
    await expect.poll(() => focused(page)).toMatchObject({ tag: 'H1', text: 'Mijn zaken' });

    // The skip link is the first thing to reach with the keyboard, before the bar at the top.
    const first = await page.evaluate(() => document.querySelector<HTMLElement>('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])')?.textContent);
    expect(first).toBe('Naar de inhoud');
    for (let i = 0; i < 10 && (await focused(page)).text !== 'Naar de inhoud'; i++) await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toMatchObject({ tag: 'A', text: 'Naar de inhoud' });
    expect(await page.getByRole('link', { name: 'Naar de inhoud' }).isVisible()).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.keyboard.press('Enter');
    expect(await focused(page)).toMatchObject({ tag: 'H1', text: 'Mijn zaken' });
    await context.close();
  });

  it('opening a section moves focus to its heading, and the next Tab is inside it', async () => {
    const { page, context } = await signedInOnCase(env.browser, env.server.http, 'moeder@demo.tafel', PHONE);
    await page.locator('button[data-section="aanleiding"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toMatchObject({ tag: 'H2', panel: 'aanleiding' });
    await page.keyboard.press('Tab');
    expect((await focused(page)).panel).toBe('aanleiding');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  });

  it('a page change puts focus on the new page heading', async () => {
    const { page, context } = await signedInOnCase(env.browser, env.server.http, 'moeder@demo.tafel', PHONE);
    await expect.poll(() => focused(page)).toMatchObject({ tag: 'H1' });
    await page.getByRole('link', { name: 'Wie heeft het bekeken' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Wie heeft mijn dossier bekeken', level: 1 }).waitFor();
    await expect.poll(() => focused(page)).toMatchObject({ tag: 'H1', text: 'Wie heeft mijn dossier bekeken' });
    // The tab's title says where she is, not just "Tafel".
    await expect.poll(() => page.title()).toBe('Wie heeft mijn dossier bekeken – Gezin De Groot – Yilmaz – Tafel');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  });
});
