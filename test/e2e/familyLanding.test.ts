import { describe, expect, it } from 'vitest';
import { seriousA11yViolations } from '../support/axe.ts';
import { hasChromium, PHONE, tafelInChromium } from '../support/browser.ts';
import { requestAs, signIn as signInApi } from '../support/tafelServer.ts';

describe.skipIf(!hasChromium)('where one starts after signing in, in Chromium', () => {
  const env = tafelInChromium();

  const signIn = async (email: string) => {
    const context = await env.browser.newContext({ viewport: PHONE, locale: 'nl-NL' });
    const page = await context.newPage();
    await page.goto(env.server.http);
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel('Wachtwoord').fill('tafel-demo');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    return { context, page };
  };

  it('the mother starts on "Thuis" of her case, not on a list of one; the list is one tap away', async () => {
    const { context, page } = await signIn('moeder@demo.tafel');
    await page.getByRole('heading', { name: 'Wat is er besloten?' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/zaken/demo/thuis');
    expect(await page.getByRole('link', { name: 'Thuis' }).getAttribute('aria-current')).toBe('page');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // From Meldingen, "Tafel" at the top leads back to her Thuis, not to a professional's list of cases.
    await page.goto(`${env.server.http}/meldingen`);
    await page.getByRole('heading', { name: 'Meldingen' }).waitFor();
    await page.getByRole('link', { name: 'Tafel', exact: true }).click();
    await page.getByRole('heading', { name: 'Wat is er besloten?' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/zaken/demo/thuis');
    expect(await page.getByText(/punten te laat|Eerstvolgende termijn/).count()).toBe(0);
    // Found again on reload on the list, the session chooses nothing: she stays where she is.
    await page.goto(env.server.http);
    await page.getByRole('link', { name: /Gezin De Groot/ }).waitFor();
    await page.waitForTimeout(500);
    expect(new URL(page.url()).pathname).toBe('/');
    await context.close();
  });

  it('the young person starts on "Thuis" too; the regisseur on her list of cases', async () => {
    const noa = await signIn('jeugdige@demo.tafel');
    await noa.page.getByRole('heading', { name: 'Wat is er besloten?' }).waitFor();
    expect(new URL(noa.page.url()).pathname).toBe('/zaken/demo/thuis');
    await noa.context.close();

    const eva = await signIn('regisseur@demo.tafel');
    await eva.page.getByRole('link', { name: /Gezin De Groot/ }).waitFor();
    await eva.page.waitForTimeout(500);
    expect(new URL(eva.page.url()).pathname).toBe('/');
    // Her "Tafel" is the list of her cases.
    expect(await eva.page.getByRole('link', { name: 'Tafel', exact: true }).getAttribute('href')).toBe('/');
    await eva.context.close();
  });

  it('a mother in two cases gets a plain list of her families, each leading to its Thuis, not the list of a professional', async () => {
    // She is the mother in a second family too: invited there, and she accepts with her own password.
    const http = env.server.http;
    const eva = await signInApi(http, 'regisseur@demo.tafel');
    const started = await requestAs(http, eva, 'POST', '/api/cases', { title: 'Gezin Bakker', region: 'flevoland', persons: [{ name: 'Sanne de Groot', kind: 'volwassene', relation: 'moeder' }] });
    expect(started.status).toBe(201);
    const caseId = ((await started.json()) as { id: string }).id;
    const detail = (await (await requestAs(http, eva, 'GET', `/api/cases/${caseId}`)).json()) as { persons: { id: string; name: string }[] };
    const invited = await requestAs(http, eva, 'POST', `/api/cases/${caseId}/invitations`, { name: 'Sanne de Groot', email: 'moeder@demo.tafel', role: 'ouder', personId: detail.persons[0]!.id });
    const { link } = (await invited.json()) as { link: string };
    const token = new URL(link).pathname.replace('/uitnodiging/', '/api/invitations/');
    expect((await requestAs(http, '', 'POST', token, { password: 'tafel-demo' })).status).toBe(200);

    const { context, page } = await signIn('moeder@demo.tafel');
    await page.getByRole('heading', { name: 'Jouw gezinnen', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    const list = page.getByRole('list', { name: 'Jouw gezinnen' });
    expect(await list.getByRole('link').allTextContents()).toEqual(expect.arrayContaining(['Gezin De Groot – Yilmaz', 'Gezin Bakker']));
    expect(await list.getByText('Je doet mee als ouder.').count()).toBe(2);
    // None of the professional's caseload: no sorting, no terms, no "Mijn zaken".
    expect(await page.getByText(/Mijn zaken|Te laat|Eerstvolgende termijn|Sorteer/).count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);

    await list.getByRole('link', { name: 'Gezin Bakker' }).click();
    await page.getByRole('heading', { name: 'Wat is er besloten?' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/zaken/${caseId}/thuis`);
    // "Tafel" at the top leads back to her list of families.
    await page.getByRole('link', { name: 'Tafel', exact: true }).click();
    await list.getByRole('link', { name: 'Gezin De Groot – Yilmaz' }).click();
    await page.getByRole('heading', { name: 'Wat is er besloten?' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/zaken/demo/thuis');
    await context.close();
  });
});
