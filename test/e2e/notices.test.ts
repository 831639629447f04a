import { describe, expect, it } from 'vitest';
import { seriousA11yViolations } from '../support/axe.ts';
import { hasChromium, signedInPage, tafelInChromium } from '../support/browser.ts';
import { demoEmail, requestAs, signIn } from '../support/tafelServer.ts';

describe.skipIf(!hasChromium)('Meldingen in Chromium', () => {
  const env = tafelInChromium();

  it('the mother sees the count, reads her notice in plain words, marks it read and chooses a daily mail, by keyboard', async () => {
    const http = env.server.http;
    const regisseur = await signIn(http, demoEmail('regisseur'));
    const res = await requestAs(http, regisseur, 'POST', '/api/cases/demo/sections/aanleiding/threads', {
      anchor: { kind: 'block', blockId: 'aanleiding-vraag', quote: 'x' },
      visibility: 'iedereen',
      body: 'Sanne, wil je hier naar kijken? @[Sanne de Groot](moeder)',
    });
    expect(res.status).toBe(200);

    const { context, page } = await signedInPage(env.browser, http, demoEmail('moeder'));
    const link = page.getByRole('link', { name: /^Meldingen/ });
    const badge = link.locator('.notice-count');
    await badge.waitFor();
    const count = Number(await badge.textContent());
    expect(count).toBeGreaterThanOrEqual(1);
    expect(await link.getAttribute('href')).toBe('/meldingen');
    expect((await link.textContent())?.replace(/\s+/g, ' ')).toContain(`, ${count} nieuw`);

    await link.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Meldingen', level: 1 }).waitFor();
    await page.getByText(`Je hebt ${count} ${count === 1 ? 'nieuwe melding' : 'nieuwe meldingen'}.`).waitFor();
    const mention = page.getByRole('link', { name: 'Iemand heeft je genoemd in een opmerking.' });
    await mention.waitFor();
    // Nothing of the comment itself is in the notice.
    expect(await page.locator('.notice-list').textContent()).not.toContain('kijken');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Gelezen: Iemand heeft je genoemd in een opmerking.' }).click();
    if (count === 1) {
      await page.getByText('Je hebt geen nieuwe meldingen.').waitFor();
      await badge.waitFor({ state: 'detached' });
    } else {
      await expect.poll(async () => Number(await badge.textContent())).toBe(count - 1);
    }

    // The choice per kind: a radio group, saved at once and said out loud.
    const group = page.getByRole('group', { name: 'Iemand noemt je in een opmerking' });
    expect(await group.getByRole('radio', { name: 'Meteen een e-mail' }).isChecked()).toBe(true);
    await group.getByRole('radio', { name: 'Meteen een e-mail' }).focus();
    await page.keyboard.press('ArrowDown');
    await page.getByText('Opgeslagen. Iemand noemt je in een opmerking: Eén e-mail per dag.').waitFor();
    const prefs = await page.evaluate(async () => (await fetch('/api/notices/preferences')).json());
    expect(prefs.delivery.genoemd).toBe('dagelijks');

    // The notice's link opens the case.
    await mention.click();
    await page.waitForURL(/\/zaken\/demo$/);
    await context.close();
  });
});
