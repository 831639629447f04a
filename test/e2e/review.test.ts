import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, signedInOnSection, tafelInChromium } from '../support/browser.ts';

const SECTION = 'verklarende-analyse';
const PHRASE = 'geen goede manier geleerd om met boosheid om te gaan';

/** Selects the first occurrence of `text` inside the section's editor, as a mouse drag would. */
async function selectText(page: Page, text: string): Promise<void> {
  await page.evaluate(
    ({ id, text }) => {
      const root = document.querySelector(`[data-section-panel="${id}"] .ProseMirror`)!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(text);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        (root as HTMLElement).focus();
        const selection = getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return;
      }
      throw new Error(`text not found: ${text}`);
    },
    { id: SECTION, text },
  );
  await page.waitForTimeout(50);
}

describe.skipIf(!hasChromium)('review of a draft, in Chromium', () => {
  const env = tafelInChromium();

  it('comment follows a concurrent edit, approval is withdrawn by a later edit, history names both authors', async () => {
    const eva = await signedInOnSection(env.browser, env.server.http, 'regisseur@demo.tafel', SECTION);
    const lotte = await signedInOnSection(env.browser, env.server.http, 'gw@demo.tafel', SECTION);

    // The regisseur offers the draft for review.
    await eva.panel.getByRole('button', { name: 'Ter review aanbieden' }).click();
    await lotte.panel.getByRole('button', { name: 'Goedkeuren' }).waitFor();
    // Its button is gone: her focus is on the bar that now says "In review", not lost on the page.
    await expect.poll(() => eva.page.evaluate(() => (document.activeElement?.classList.contains('review-bar') ? document.activeElement.textContent : null))).toMatch(/^In review/);

    // The gedragswetenschapper comments on a range, for professionals only.
    await selectText(lotte.page, PHRASE);
    await lotte.panel.getByLabel('Reactie op de geselecteerde tekst').fill('Onderbouw dit met wat Murat zelf vertelde.');
    await lotte.panel.getByRole('button', { name: 'Reageer op selectie' }).click();
    await lotte.panel.locator('.comment-highlight').first().waitFor();
    await eva.panel.getByText('Onderbouw dit met wat Murat zelf vertelde.').waitFor({ timeout: 5000 });
    expect((await eva.panel.locator('.comment-highlight').allTextContents()).join('')).toBe(PHRASE);

    // The regisseur types inside and before the range; the highlight follows for both.
    await selectText(eva.page, 'geen goede');
    await eva.page.keyboard.press('ArrowRight');
    await eva.page.keyboard.type(' echt');
    await selectText(eva.page, 'Murat heeft');
    await eva.page.keyboard.press('ArrowLeft');
    await eva.page.keyboard.type('Volgens VT: ');
    const moved = 'geen goede echt manier geleerd om met boosheid om te gaan';
    await expect.poll(() => lotte.panel.locator('.comment-highlight').allTextContents().then((t) => t.join('')), { timeout: 5000 }).toBe(moved);
    await expect.poll(() => eva.panel.locator('.comment-highlight').allTextContents().then((t) => t.join('')), { timeout: 5000 }).toBe(moved);

    // Approval; then Karim of Veilig Thuis changes the text, which withdraws it on every screen.
    await lotte.panel.getByRole('button', { name: 'Goedkeuren' }).click();
    await eva.panel.getByText(/Goedgekeurd door Lotte Hendriks/).waitFor({ timeout: 5000 });
    const karim = await signedInOnSection(env.browser, env.server.http, 'vt@demo.tafel', SECTION);
    await karim.panel.getByText(/Goedgekeurd door Lotte Hendriks/).waitFor();
    await selectText(karim.page, 'Werkhypothese');
    await karim.page.keyboard.press('End');
    await karim.page.keyboard.type(' (bijgesteld door VT)');
    await lotte.panel.getByText(/Goedkeuring vervallen door wijziging van Karim El Amrani om \d{2}:\d{2}/).waitFor({ timeout: 5000 });
    await eva.panel.getByText(/Goedkeuring vervallen door wijziging van Karim El Amrani/).waitFor({ timeout: 5000 });
    expect(await lotte.panel.getByText(/Goedgekeurd door/).count()).toBe(0);

    // The history names both authors, and the diff says who added what. (Eva's editor shows
    // Karim's words once they are stored: an update is relayed only after it is.)
    await eva.panel.locator('.ProseMirror').getByText(/\(bijgesteld door VT\)/).waitFor({ timeout: 10_000 });
    await eva.panel.getByText('Geschiedenis: wie schreef wat').click();
    const authors = () => eva.panel.locator('.versions .author').allTextContents();
    await expect.poll(authors, { timeout: 5000 }).toContain('Karim El Amrani');
    expect(await authors()).toContain('Eva Jansen');
    await eva.panel.locator('.versions li button').last().click();
    const added = (text: string) => eva.panel.locator('.diff ins', { hasText: text }).first();
    await added('bijgesteld door VT').waitFor();
    expect(await added('bijgesteld door VT').getAttribute('title')).toBe('toegevoegd door Karim El Amrani');
    expect(await added('echt').getAttribute('title')).toBe('toegevoegd door Eva Jansen');

    // While she reads the difference with now, Karim writes on; the difference follows.
    await karim.page.keyboard.type(' en nogmaals bekeken');
    await added('en nogmaals bekeken').waitFor({ timeout: 5000 });
    expect(await added('en nogmaals bekeken').getAttribute('title')).toBe('toegevoegd door Karim El Amrani');
  });
});
