import { describe, expect, it } from 'vitest';
import { seriousA11yViolations } from '../support/axe.ts';
import { hasChromium, PHONE, signedInOnThuis, tafelInChromium } from '../support/browser.ts';

describe.skipIf(!hasChromium)("the glossary of the case's region, in Chromium", () => {
  const env = tafelInChromium();

  it("the mother taps a word of her region (Flevoland) under 'Wie helpt ons?' and reads what it means", async () => {
    const { page } = await signedInOnThuis(env.browser, env.server.http, 'moeder@demo.tafel', PHONE);
    const help = page.getByRole('region', { name: 'Wie helpt ons?' });
    const word = help.locator('[data-contact="Sociaal wijkteam Almere Haven"]').getByRole('button', { name: 'Sociaal wijkteam' });
    await word.click();
    await help.getByRole('note').filter({ hasText: 'Het lokaal team van de gemeente in jullie wijk' }).waitFor();
    expect(await word.getAttribute('aria-expanded')).toBe('true');
    // The organisation's name still reads as one line.
    expect(await help.locator('[data-contact="Sociaal wijkteam Almere Haven"] .contact-org button').textContent()).toBe('Sociaal wijkteam');
    // Other organisations' names hold no word of the glossary.
    expect(await help.locator('[data-contact="Veilig Thuis Flevoland"] button').count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});
