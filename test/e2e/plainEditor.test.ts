import { describe, expect, it } from 'vitest';
import { seriousA11yViolations } from '../support/axe.ts';
import { hasChromium, openSection, PHONE, signedInOnCase, tafelInChromium } from '../support/browser.ts';

describe.skipIf(!hasChromium)('the plain editor of her own words offers nothing the server refuses, in Chromium at 375 px', () => {
  const env = tafelInChromium();

  it('the shortcuts for a heading, code, a quote, strike-through and a line make nothing; the text stays stored', async () => {
    const { page, context } = await signedInOnCase(env.browser, env.server.http, 'moeder@demo.tafel', PHONE);
    await openSection(page, 'eigen-woorden-sanne');
    const panel = page.locator('[data-section-panel="eigen-woorden-sanne"]');
    const editor = panel.locator('.ProseMirror[contenteditable="true"]');
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Ik wil hier nog iets over zeggen.');
    for (const keys of ['Control+Alt+1', 'Control+Alt+2', 'Control+e', 'Control+Shift+b', 'Control+Shift+x', 'Control+Alt+c', 'Control+u']) {
      await page.keyboard.press(keys);
    }
    await page.keyboard.type(' En dat blijft gewoon tekst.');
    await panel.getByText('Ik wil hier nog iets over zeggen. En dat blijft gewoon tekst.').waitFor();
    expect(await editor.locator('h1, h2, h3, h4, h5, h6, code, pre, blockquote, s, u, hr').count()).toBe(0);
    // Nothing was refused: the socket stayed open and the text is stored.
    await panel.getByText('Opgeslagen').waitFor();
    expect(await panel.locator('.closed-message').count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.reload();
    await page.locator('[data-section-panel="eigen-woorden-sanne"] .section-editor[data-synced="true"]').waitFor();
    await page.locator('[data-section-panel="eigen-woorden-sanne"]').getByText('Ik wil hier nog iets over zeggen. En dat blijft gewoon tekst.').waitFor();
    await context.close();
  });
});
