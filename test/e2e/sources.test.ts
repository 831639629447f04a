import { describe, expect, it } from 'vitest';
import { seriousA11yViolations } from '../support/axe.ts';
import { hasChromium, PHONE, signedInOnSection, tafelInChromium } from '../support/browser.ts';
import { clickCaret } from '../support/caret.ts';

describe.skipIf(!hasChromium)('facts, opinions and their sources, in Chromium', () => {
  const env = tafelInChromium();

  it('the regisseur marks a passage as an opinion of its speaker; the mother sees that after the passage on her phone', async () => {
    const eva = await signedInOnSection(env.browser, env.server.http, 'regisseur@demo.tafel', 'aanleiding');
    const { panel } = eva;
    await clickCaret(panel.locator('.ProseMirror li p', { hasText: 'Murat:' }));
    await eva.page.keyboard.press('Home');
    await eva.page.keyboard.press('Shift+End');
    const selected = (await eva.page.evaluate(() => window.getSelection()?.toString() ?? '')).trim();
    expect(selected.length).toBeGreaterThan(10);

    await panel.getByRole('button', { name: 'Feit of mening' }).click();
    const form = panel.getByRole('form', { name: 'Bron van de geselecteerde tekst' });
    // The form repeats the passage, since the selection is hidden while the form has focus.
    expect(await form.locator('blockquote').textContent()).toContain(selected.slice(0, 40));
    // Without a source nothing is marked, and the form says why.
    await form.getByRole('button', { name: 'Bron toevoegen' }).click();
    await form.getByText('Noem de bron: wie zag, hoorde of vindt dit?').waitFor();
    expect(await panel.locator('.ProseMirror .bron-mening', { hasText: 'Murat:' }).count()).toBe(0);
    await form.getByRole('radio', { name: /Mening/ }).check();
    await form.getByLabel('Bron: van wie of waar komt het?').fill('Murat');
    await form.getByRole('button', { name: 'Bron toevoegen' }).click();
    await panel.locator('.ProseMirror .bron-mening', { hasText: 'Murat:' }).waitFor();
    expect(await form.count()).toBe(0);

    const sanne = await signedInOnSection(env.browser, env.server.http, 'moeder@demo.tafel', 'aanleiding', PHONE);
    const passage = sanne.panel.locator('.ProseMirror .bron-mening', { hasText: 'Murat:' });
    await passage.waitFor();
    expect((await passage.textContent())?.trim()).toBe(selected);
    expect(await passage.evaluate((el) => getComputedStyle(el, '::after').content)).toBe('"(mening · Murat)"');
    expect(await seriousA11yViolations(sanne.page)).toEqual([]);

    // And in her copy of the file.
    const copy = await sanne.page.evaluate(async (url) => (await fetch(url)).text(), `${env.server.http}/api/cases/demo/export`);
    expect(copy).toContain('<span class="bron-label">(mening · Murat)</span>');
    // The demo case says where its account of the report comes from.
    const report = sanne.panel.locator('.ProseMirror .bron-feit');
    expect(await report.evaluate((el) => getComputedStyle(el, '::after').content)).toBe('"(feit · bron: melding van de school)"');
  });
});
