import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, openSection, signedInPage } from '../support/browser.ts';
import { type RunningTafel, startTafel } from '../support/tafelServer.ts';

describe.skipIf(!hasChromium)('two people in one section, in Chromium', () => {
  let server: RunningTafel;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTafel();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("shows each other's text and caret with the right name", async () => {
    const eva = await signedInPage(browser, server.http, 'regisseur@demo.tafel');
    const karim = await signedInPage(browser, server.http, 'vt@demo.tafel');
    for (const { page } of [eva, karim]) {
      await page.getByRole('link', { name: /Gezin De Groot/ }).click();
      await openSection(page, 'aanleiding');
    }
    const evaEditor = eva.page.locator('[data-section-panel="aanleiding"] .ProseMirror');
    const karimEditor = karim.page.locator('[data-section-panel="aanleiding"] .ProseMirror');

    await evaEditor.click();
    await eva.page.keyboard.press('Control+End');
    await eva.page.keyboard.press('Enter');
    await eva.page.keyboard.type('Eva: school belt woensdag terug.');
    await expect.poll(() => karimEditor.textContent(), { timeout: 5000 }).toContain('Eva: school belt woensdag terug.');
    // Karim sees Eva's caret labelled with her name as the server knows it.
    await expect.poll(() => karimEditor.locator('.collaboration-carets__label').allInnerTexts(), { timeout: 5000 }).toContain('Eva Jansen');

    await karimEditor.click();
    await karim.page.keyboard.press('Control+End');
    await karim.page.keyboard.type(' Karim: akkoord.');
    await expect.poll(() => evaEditor.textContent(), { timeout: 5000 }).toContain('Karim: akkoord.');
    await expect.poll(() => evaEditor.locator('.collaboration-carets__label').allInnerTexts(), { timeout: 5000 }).toContain('Karim El Amrani');
  });
});
