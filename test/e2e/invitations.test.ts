import { describe, expect, it } from 'vitest';
import { seriousA11yViolations } from '../support/axe.ts';
import { hasChromium, signedInPage, tafelInChromium } from '../support/browser.ts';

describe.skipIf(!hasChromium)('invitations on the participants page in Chromium', () => {
  const env = tafelInChromium();

  it('offers only the persons who fit the role, fills in their name, and refuses in Dutch without field codes', async () => {
    const { context, page } = await signedInPage(env.browser, env.server.http, 'regisseur@demo.tafel');
    await page.goto(`${env.server.http}/zaken/demo/deelnemers`);
    const form = page.locator('form', { has: page.getByRole('heading', { name: 'Iemand uitnodigen' }) });
    const who = form.getByLabel('Wie', { exact: true });
    const person = form.getByLabel('Welk gezinslid is dit?');
    const offered = () => person.locator('option').allTextContents();

    // A parent is one of the adults, a jeugdige one of the children (Noa 2011, Daan 2018).
    await who.selectOption('ouder');
    expect(await offered()).toEqual(['Kies…', 'Murat Yilmaz', 'Sanne de Groot']);
    await who.selectOption('jeugdige');
    expect(await offered()).toEqual(['Kies…', 'Daan Yilmaz', 'Noa Yilmaz']);
    await who.selectOption('netwerk');
    const network = await offered();
    expect(network).toContain('Ria de Groot');
    expect(network).toContain('Iemand anders uit het netwerk (nieuw)');
    expect(network.filter((n) => ['Sanne de Groot', 'Murat Yilmaz', 'Noa Yilmaz', 'Daan Yilmaz'].includes(n))).toEqual([]);

    // The name was typed when the case was made: picking the person fills an empty field, never over what was typed.
    await who.selectOption('ouder');
    const name = form.getByLabel('Naam', { exact: true });
    await person.selectOption({ label: 'Sanne de Groot' });
    expect(await name.inputValue()).toBe('Sanne de Groot');
    await person.selectOption({ label: 'Murat Yilmaz' });
    expect(await name.inputValue()).toBe('Murat Yilmaz');
    await name.fill('Murat');
    await person.selectOption({ label: 'Sanne de Groot' });
    expect(await name.inputValue()).toBe('Murat');

    // No person chosen: the server's refusal is said in Dutch, without the name of its field.
    await person.selectOption({ label: 'Kies…' });
    await form.getByLabel('E-mailadres').fill('sanne@thuis.example');
    const alert = page.getByRole('alert');
    await form.getByRole('button', { name: 'Uitnodigen' }).click();
    await alert.getByText('Kies welk gezinslid deze persoon is.').waitFor();
    expect(await alert.textContent()).toBe('Kies welk gezinslid deze persoon is.');

    // A child sent as parent (a list out of date) is refused by the same rule, again without "personId".
    await person.selectOption({ label: 'Sanne de Groot' });
    await page.route('**/api/cases/demo/invitations', (route) => route.continue({ postData: JSON.stringify({ ...route.request().postDataJSON(), personId: 'p-daan' }) }), { times: 1 });
    await form.getByRole('button', { name: 'Uitnodigen' }).click();
    await alert.getByText('Deze persoon kan niet als ouder worden uitgenodigd; kies de persoon die dat is.').waitFor();
    expect(await alert.textContent()).not.toContain('personId');
    await context.close();
  });

  it('the regisseur invites the teacher as netwerk, then revokes and resends her link', async () => {
    const { context, page } = await signedInPage(env.browser, env.server.http, 'regisseur@demo.tafel');
    await page.goto(`${env.server.http}/zaken/demo/deelnemers`);
    await page.getByRole('heading', { name: 'Wie doen er mee' }).waitFor();

    const form = page.locator('form', { has: page.getByRole('heading', { name: 'Iemand uitnodigen' }) });
    await form.getByLabel('Wie', { exact: true }).selectOption('netwerk');
    await form.getByLabel('Naam', { exact: true }).fill('Juf Anouk');
    await form.getByLabel('E-mailadres').fill('anouk@school.example');
    await form.getByLabel('Welk gezinslid is dit?').selectOption({ label: 'Iemand anders uit het netwerk (nieuw)' });
    await form.getByLabel('Wie is dit voor het gezin?').fill('leerkracht van Daan');
    await form.getByRole('button', { name: 'Uitnodigen' }).click();
    // No SMTP server here: the regisseur passes the link on herself.
    const first = await page.getByLabel('Uitnodigingslink').inputValue();
    expect(first).toMatch(/\/uitnodiging\//);
    const row = page.getByRole('row', { name: /Juf Anouk/ });
    await row.getByText('Nog niet gebruikt, niet gemaild').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Uitnodiging van Juf Anouk intrekken' }).click();
    await page.getByRole('status').getByText('De uitnodiging van Juf Anouk is ingetrokken.').waitFor();
    await row.getByText('Ingetrokken').waitFor();
    const revoked = await fetch(`${env.server.http}/api/invitations/${first.split('/').at(-1)}`);
    expect(revoked.status).toBe(410);

    await page.getByRole('button', { name: 'Uitnodiging van Juf Anouk opnieuw sturen' }).first().click();
    await page.getByRole('status').getByText('Nieuwe link gemaakt voor Juf Anouk. De oude link werkt niet meer.').waitFor();
    const second = await page.getByLabel('Uitnodigingslink').inputValue();
    expect(second).not.toBe(first);
    expect((await fetch(`${env.server.http}/api/invitations/${second.split('/').at(-1)}`)).status).toBe(200);

    // The teacher opens the revoked link: a plain Dutch message, no way in.
    const teacher = await env.browser.newContext({ locale: 'nl-NL' });
    const tab = await teacher.newPage();
    await tab.goto(first);
    await tab.getByText('Deze uitnodiging is ingetrokken. Vraag de regisseur om een nieuwe uitnodiging.').waitFor();
    await teacher.close();
    await context.close();
  });
});
