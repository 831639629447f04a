import { describe, expect, it } from 'vitest';
import { seriousA11yViolations } from '../support/axe.ts';
import { hasChromium, openSection, signedInOnCase, signedInPage, tafelInChromium } from '../support/browser.ts';
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
    let count = Number(await badge.textContent());
    expect(count).toBeGreaterThanOrEqual(1);
    expect(await link.getAttribute('href')).toBe('/meldingen');
    expect((await link.textContent())?.replace(/\s+/g, ' ')).toContain(`, ${count} nieuw`);
    // A new notice (she is invited to a Tafel) shows in the open header within a second: pushed, not polled.
    const plan = { date: '2027-01-14', time: '10:00', durationMinutes: 90, place: 'Wijkcentrum De Schoof', participants: ['moeder'] };
    expect((await requestAs(http, regisseur, 'POST', '/api/cases/demo/meetings', plan)).status).toBe(201);
    await expect.poll(async () => Number(await badge.textContent()), { timeout: 1000, interval: 50 }).toBe(count + 1);
    count += 1;

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

    // The choice per kind: a radio group, saved at once and said out loud; only for kinds she can be sent.
    const group = page.getByRole('group', { name: 'Iemand noemt je in een opmerking' });
    await group.waitFor();
    expect(await page.getByRole('group', { name: 'Een onderdeel wacht op jouw review' }).count()).toBe(0);
    expect(await page.getByRole('group', { name: 'Het gezin vraagt om vernietiging van het dossier' }).count()).toBe(0);
    expect(await page.getByRole('group', { name: 'Een stuk klaar voor jouw reactie' }).count()).toBe(1);
    expect(await group.getByRole('radio', { name: 'Meteen een e-mail' }).isChecked()).toBe(true);
    await group.getByRole('radio', { name: 'Meteen een e-mail' }).focus();
    await page.keyboard.press('ArrowDown');
    await page.getByText('Opgeslagen. Iemand noemt je in een opmerking: Eén e-mail per dag.').waitFor();
    const prefs = await page.evaluate(async () => (await fetch('/api/notices/preferences')).json());
    expect(prefs.delivery.genoemd).toBe('dagelijks');

    // The notice's link opens the case with the section it is about, its heading in focus.
    await mention.click();
    await page.waitForURL(/\/zaken\/demo$/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('title-aanleiding');
    await context.close();
  });

  it("the regisseur names Sanne on her GGZ section from a list that holds only who may read it, by keyboard", async () => {
    const { context, page } = await signedInOnCase(env.browser, env.server.http, 'regisseur@demo.tafel');
    await openSection(page, 'ggz-sanne');
    const panel = page.locator('[data-section-panel="ggz-sanne"]');
    await panel.locator('[data-block-id="actie-sanne-huisarts"]').getByRole('button', { name: 'Reageren' }).click();
    await page.keyboard.type('Sanne, is deze afspraak gelukt? ');
    const picker = panel.getByRole('button', { name: 'Iemand noemen (@)' });
    const list = panel.getByRole('list', { name: 'Wie kun je noemen?' });
    // For professionals only: the family is not in the list.
    await picker.click();
    await list.waitFor();
    const professionals = await list.getByRole('button').allTextContents();
    expect(professionals.some((n) => n.includes('Sanne'))).toBe(false);
    expect(professionals.join(' ')).not.toContain('Murat');
    await page.keyboard.press('Escape');
    await expect.poll(() => picker.evaluate((el) => el === document.activeElement)).toBe(true);
    await panel.getByLabel('Wie mag dit lezen?').selectOption('iedereen');
    await picker.focus();
    await page.keyboard.press('Enter');
    await list.waitFor();
    // The list for everyone is asked anew: until it arrives the one for professionals still shows.
    await expect.poll(() => list.getByRole('button').allTextContents()).toContain('Sanne de Groot, ouder');
    const everyone = await list.getByRole('button').allTextContents();
    // Murat may not read her GGZ section: he is not offered, not even by name.
    expect(everyone.join(' ')).not.toContain('Murat');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await list.getByRole('button', { name: /Sanne de Groot/ }).focus();
    await page.keyboard.press('Enter');
    const field = panel.getByLabel(/^Reactie op /);
    expect(await field.inputValue()).toBe('Sanne, is deze afspraak gelukt? @[Sanne de Groot](moeder) ');
    await panel.getByRole('button', { name: 'Reageer op blok' }).click();
    await panel.locator('.thread', { hasText: 'is deze afspraak gelukt? @Sanne de Groot' }).waitFor();
    await context.close();

    const mother = await signIn(env.server.http, demoEmail('moeder'));
    const list2 = (await (await requestAs(env.server.http, mother, 'GET', '/api/notices')).json()) as { notices: { kind: string; read: boolean }[] };
    expect(list2.notices.filter((n) => n.kind === 'genoemd' && !n.read)).toHaveLength(1);
  });
});
