import { describe, expect, it } from 'vitest';
import { hasChromium, openSection, signedInOnCase, tafelInChromium } from '../support/browser.ts';

describe.skipIf(!hasChromium)('two people in one section, in Chromium', () => {
  const env = tafelInChromium();

  it("shows each other's text and caret with the right name", async () => {
    const eva = await signedInOnCase(env.browser, env.server.http, 'regisseur@demo.tafel');
    const karim = await signedInOnCase(env.browser, env.server.http, 'vt@demo.tafel');
    for (const { page } of [eva, karim]) {
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
