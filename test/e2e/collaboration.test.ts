import { describe, expect, it } from 'vitest';
import { hasChromium, signedInOnSection, tafelInChromium } from '../support/browser.ts';

describe.skipIf(!hasChromium)('two people in one section, in Chromium', () => {
  const env = tafelInChromium();

  it("shows each other's text and caret with the right name", async () => {
    const eva = await signedInOnSection(env.browser, env.server.http, 'regisseur@demo.tafel', 'aanleiding');
    const karim = await signedInOnSection(env.browser, env.server.http, 'vt@demo.tafel', 'aanleiding');
    const evaEditor = eva.panel.locator('.ProseMirror');
    const karimEditor = karim.panel.locator('.ProseMirror');

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
