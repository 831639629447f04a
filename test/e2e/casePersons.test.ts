import { describe, expect, it } from 'vitest';
import { seriousA11yViolations } from '../support/axe.ts';
import { hasChromium, PHONE, signedInPage, tafelInChromium } from '../support/browser.ts';
import { requestAs, signIn } from '../support/tafelServer.ts';

describe.skipIf(!hasChromium)('the persons of a case and closing it, in Chromium', () => {
  const env = tafelInChromium();

  it('the mother reads who take part, and no field left empty at the start', async () => {
    const { context, page } = await signedInPage(env.browser, env.server.http, 'moeder@demo.tafel', PHONE);
    const record = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/cases/demo/record');
    await page.goto(`${env.server.http}/zaken/demo/deelnemers`);
    await page.getByRole('heading', { name: 'Wie doen er mee' }).waitFor();
    await (await record).finished();
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))));
    // Nothing was written down as the reason at the start: the family reads no empty field.
    const text = await page.locator('main').textContent();
    expect(text).not.toContain('niet ingevuld');
    expect(text).not.toContain('Aanleiding bij de start');
    expect(await page.getByRole('region', { name: 'Over deze zaak' }).count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  });

  it('the regisseur adds a baby, corrects her name, takes her out, and closes the case', async () => {
    const { context, page } = await signedInPage(env.browser, env.server.http, 'regisseur@demo.tafel');
    await page.goto(`${env.server.http}/zaken/demo/deelnemers`);
    const panel = page.getByRole('region', { name: 'Wie horen bij het gezin' });
    await panel.getByRole('cell', { name: 'Sanne de Groot', exact: true }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    const form = panel.locator('form', { has: page.getByRole('heading', { name: 'Iemand toevoegen' }) });
    await form.getByLabel('Naam').fill('Baby Yilmaz');
    await form.getByLabel('Wie is dit?').selectOption('kind');
    await form.getByLabel('Geboortedatum (mag leeg)').fill('2026-11-20');
    await form.getByRole('button', { name: 'Toevoegen' }).click();
    await panel.getByRole('status').getByText('Baby Yilmaz hoort nu bij de zaak.').waitFor();
    const cookie = await signIn(env.server.http, 'regisseur@demo.tafel');
    const titles = async () => ((await (await requestAs(env.server.http, cookie, 'GET', '/api/cases/demo')).json()) as { sections: { title: string }[] }).sections.map((s) => s.title);
    expect(await titles()).toContain('Ontwikkeling en gezondheid jeugdige: Baby');

    await panel.getByRole('button', { name: 'Baby Yilmaz aanpassen' }).click();
    const edit = panel.getByRole('form', { name: 'Baby Yilmaz aanpassen' });
    await edit.getByLabel('Naam').fill('Lieke Yilmaz');
    await edit.getByRole('button', { name: 'Opslaan' }).click();
    await panel.getByRole('status').getByText('Lieke Yilmaz is aangepast.').waitFor();
    expect(await titles()).toContain('Ontwikkeling en gezondheid jeugdige: Lieke');

    page.once('dialog', (d) => void d.accept());
    await panel.getByRole('button', { name: 'Lieke Yilmaz uit de zaak halen' }).click();
    await panel.getByRole('status').getByText('Lieke Yilmaz hoort niet meer bij de zaak.').waitFor();
    expect((await titles()).some((t) => t.includes('Lieke'))).toBe(false);

    const about = page.getByRole('region', { name: 'Over deze zaak' });
    // The professionals read that no reason was written down.
    expect(await about.textContent()).toContain('Aanleiding bij de start: niet ingevuld');
    await about.getByRole('button', { name: 'Zaak sluiten…' }).click();
    await about.getByLabel('Waarom sluit de zaak?').fill('Het gaat goed genoeg; de hulp stopt.');
    page.once('dialog', (d) => void d.accept());
    await about.getByRole('button', { name: 'Zaak sluiten' }).click();
    await about.getByRole('status').getByText(/Gesloten op .* door Eva Jansen: Het gaat goed genoeg; de hulp stopt\./).waitFor();
    const access = ((await (await requestAs(env.server.http, cookie, 'GET', '/api/cases/demo')).json()) as { sections: { access: string }[] }).sections.map((s) => s.access);
    expect(new Set(access)).toEqual(new Set(['read']));
    await context.close();
  });
});
