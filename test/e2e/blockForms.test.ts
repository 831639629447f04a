import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousA11yViolations } from '../support/axe.ts';
import { hasChromium, signedInOnSection, tafelInChromium } from '../support/browser.ts';

/** The node names of the section's document, in order, as the editor shows them. */
const documentNodes = (page: Page, sectionId: string) =>
  page.locator(`[data-section-panel="${sectionId}"] .ProseMirror`).evaluate((pm) =>
    [...pm.children].map((c) => {
      const block = c.matches('.block') ? c : c.querySelector(':scope > .block');
      return block ? ([...block.classList].find((k) => k.startsWith('block-')) ?? 'block') : c.tagName;
    }),
  );

describe.skipIf(!hasChromium)('block forms and where blocks land, in Chromium', () => {
  const env = tafelInChromium();

  it('a click below a last block puts the cursor in a new line after it', async () => {
    const { page, context, panel } = await signedInOnSection(env.browser, env.server.http, 'regisseur@demo.tafel', 'veiligheidsplan');
    const editor = panel.locator('.ProseMirror');
    expect((await documentNodes(page, 'veiligheidsplan')).at(-1)).toBe('block-signaal');
    // Just below the last block, in the room left under it.
    const last = editor.locator(':scope > *').last();
    await last.scrollIntoViewIfNeeded();
    const box = (await last.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height + 20);
    await page.keyboard.type('Evaluatie van het signaleringsplan op 15 januari.');
    await expect.poll(async () => (await documentNodes(page, 'veiligheidsplan')).slice(-2)).toEqual(['block-signaal', 'P']);
    expect(await editor.locator(':scope > p').last().textContent()).toBe('Evaluatie van het signaleringsplan op 15 januari.');
    await context.close();
  });

  it('Ctrl+End in a section that ends in a block goes to a new line after it, not to the text before', async () => {
    const { page, context, panel } = await signedInOnSection(env.browser, env.server.http, 'regisseur@demo.tafel', 'financien');
    const editor = panel.locator('.ProseMirror');
    const before = await documentNodes(page, 'financien');
    expect(before.at(-1)).toMatch(/^block-/);
    await editor.locator(':scope > p').first().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('Afspraak over de schulden bespreken op de volgende tafel.');
    await expect.poll(async () => (await documentNodes(page, 'financien')).slice(-2)).toEqual([before.at(-1), 'P']);
    expect(await editor.locator(':scope > p').last().textContent()).toBe('Afspraak over de schulden bespreken op de volgende tafel.');
    await context.close();
  });

  it('says plainly what is missing, each message once, and takes only a Dutch phone number', async () => {
    const { page, context, panel } = await signedInOnSection(env.browser, env.server.http, 'regisseur@demo.tafel', 'veiligheidsplan');
    const dialog = page.getByRole('dialog');

    await panel.getByLabel('Blok invoegen').selectOption('zorg');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.getByText('Schrijf op wie zich zorgen maakt.').waitFor();
    expect(await dialog.getByText(/^Vul wie/).count()).toBe(0);
    await dialog.getByRole('button', { name: 'Annuleren' }).click();

    await panel.getByLabel('Blok invoegen').selectOption('schaalvraag');
    await dialog.getByLabel('Vraag', { exact: true }).fill('Hoe veilig is het thuis voor Noa en Daan?');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.getByText('Schrijf op wie deze score geeft.').waitFor();
    expect(await dialog.getByText('Schrijf op wie deze score geeft.').count()).toBe(1);
    expect(await dialog.getByText('Vul een korte reden in.').count()).toBe(1);
    await dialog.getByRole('button', { name: 'Annuleren' }).click();

    // Escape closes a form too, and focus goes back to where she chose the block.
    await panel.getByLabel('Blok invoegen').selectOption('zorg');
    await dialog.getByRole('heading', { name: 'Zorg' }).waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Blok invoegen');

    // The next form opens at once after the last one closed, and stays open.
    await panel.getByLabel('Blok invoegen').selectOption('signaal');
    await dialog.getByLabel('Waaraan merk je dat het misgaat?').fill('Murat belt Sanne vaker dan twee keer per dag.');
    await dialog.getByLabel('Wat doe je dan?').fill('Sanne neemt niet op en belt de regisseur.');
    await dialog.getByLabel('Wie bel je?').fill('Eva Jansen, regisseur');
    await dialog.getByLabel(/Telefoonnummer/).fill('bel Eva maar');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.getByText('Vul een Nederlands telefoonnummer in, zoals 06 12345678 of 010 1234567.').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.getByLabel(/Telefoonnummer/).fill('036 539 99 99');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await panel.locator('.block-signaal', { hasText: 'Murat belt Sanne vaker' }).getByRole('link', { name: '036 539 99 99' }).waitFor();
    await context.close();
  });

  it('a block from the toolbar goes below the heading, and a last block gets an empty line after it', async () => {
    const { page, context, panel } = await signedInOnSection(env.browser, env.server.http, 'regisseur@demo.tafel', 'plan');
    const before = await documentNodes(page, 'plan');
    expect(before[0]).toBe('H2');
    expect(before.at(-1)).toBe('block-afspraak');

    // Without clicking into the text first: the cursor is still in the heading "Ons plan".
    await panel.getByLabel('Blok invoegen').selectOption('kracht');
    const dialog = page.getByRole('dialog', { name: 'Kracht' });
    await dialog.getByLabel('Wat gaat er al goed?').fill('Sanne houdt een kasboekje bij.');
    await dialog.getByLabel('Wie doet dit?').fill('Sanne');
    await dialog.getByLabel('Sinds wanneer?').fill('Oktober');
    await dialog.getByLabel('Hoe weten we dat?').fill('Ze laat het zien aan de schuldhulpverlener.');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => documentNodes(page, 'plan')).toContain('block-kracht');
    const after = await documentNodes(page, 'plan');
    expect(after.slice(0, 2)).toEqual(['H2', 'block-kracht']);
    // The writer's edit left the plan's agreement last: an empty line follows it now.
    expect(after.slice(-2)).toEqual(['block-afspraak', 'P']);
    await context.close();
  });
});
