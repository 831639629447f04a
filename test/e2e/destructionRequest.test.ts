import { describe, expect, it } from 'vitest';
import { DestructionRequests } from '../../shared/retention.ts';
import { seriousA11yViolations } from '../support/axe.ts';
import { hasChromium, PHONE, signedInOnThuis, signedInPage, tafelInChromium } from '../support/browser.ts';
import { requestAs, signIn } from '../support/tafelServer.ts';

const REFUSAL = 'De Raad onderzoekt nog of Noa veilig is; het dossier is daarvoor nodig.';

describe.skipIf(!hasChromium)('asking to destroy the file, on a phone, in Chromium', () => {
  const env = tafelInChromium();

  it('the mother asks on Thuis, sees when the answer comes, and later reads why it was refused', async () => {
    const { page } = await signedInOnThuis(env.browser, env.server.http, 'moeder@demo.tafel', PHONE);
    const card = page.getByRole('region', { name: 'Je dossier laten vernietigen' });
    await card.waitFor();
    expect(await card.textContent()).toContain('De regisseur geeft binnen 3 maanden antwoord.');

    await card.getByRole('button', { name: 'Ik wil vragen om vernietiging' }).click();
    await card.getByLabel('Waarom wil je dit? Dit mag je leeg laten.').fill('Het gaat nu goed met ons.');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await card.getByRole('button', { name: 'Vraag om vernietiging' }).click();
    const status = card.getByRole('status');
    await status.getByText(/De regisseur kijkt nu naar je vraag/).waitFor();

    // The day the answer is due is the one the server stored, in words.
    const stored = DestructionRequests.parse(await (await requestAs(env.server.http, await signIn(env.server.http, 'moeder@demo.tafel'), 'GET', '/api/cases/demo/destruction-requests')).json());
    const [request] = stored.requests;
    const dueInWords = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${request!.dueOn}T00:00:00Z`));
    expect(await status.textContent()).toContain(`Je krijgt uiterlijk op ${dueInWords} antwoord.`);
    // One open request at a time: the button is gone.
    expect(await card.getByRole('button', { name: 'Ik wil vragen om vernietiging' }).count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The regisseur refuses it with a reason; the mother reads that reason on her phone.
    const regisseur = await signIn(env.server.http, 'regisseur@demo.tafel');
    expect((await requestAs(env.server.http, regisseur, 'POST', `/api/cases/demo/destruction-requests/${request!.id}/answer`, { decision: 'weigeren', reason: REFUSAL })).status).toBe(200);
    await page.reload();
    const after = page.getByRole('region', { name: 'Je dossier laten vernietigen' });
    await after.getByText('Het dossier wordt niet vernietigd.').waitFor();
    expect(await after.locator('blockquote').textContent()).toBe(REFUSAL);
    expect(await after.textContent()).toContain('Eva Jansen schreef');
    // Refused, she may ask again.
    await after.getByRole('button', { name: 'Ik wil vragen om vernietiging' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('the beheerder sets her organisation’s term and a legal hold; the regisseur sees both beside the closing and lifts the hold', async () => {
    const keeper = (await signedInPage(env.browser, env.server.http, 'beheerder@demo.tafel', undefined, false)).page;
    await keeper.getByRole('link', { name: 'Beheer' }).click();
    const keep = keeper.getByRole('region', { name: 'Bewaartermijn en bewaarplicht' });
    await keep.getByText('Een gesloten zaak wordt 20 jaar bewaard (de standaardtermijn).').waitFor();
    await keep.getByLabel(/Bewaartermijn in jaren/).fill('12');
    await keep.getByRole('button', { name: 'Termijn opslaan' }).click();
    await keep.getByRole('alert').getByText('De bewaartermijn is minstens 15 jaar.').waitFor();
    await keep.getByLabel(/Bewaartermijn in jaren/).fill('25');
    await keep.getByRole('button', { name: 'Termijn opslaan' }).click();
    await keep.getByRole('status').getByText('Sociaal wijkteam Almere Haven bewaart zaken 25 jaar na het sluiten.').waitFor();
    const setting = keep.locator('form').filter({ has: keeper.getByRole('button', { name: 'Bewaarplicht zetten' }) });
    await setting.getByLabel('Zaaknummer').fill('demo');
    await setting.getByLabel('Reden').fill('Er loopt een klacht over deze zaak bij de rechter.');
    await setting.getByRole('button', { name: 'Bewaarplicht zetten' }).click();
    await keep.getByRole('status').getByText('Op zaak demo ligt nu een bewaarplicht.').waitFor();
    expect(await seriousA11yViolations(keeper)).toEqual([]);

    const { page } = await signedInPage(env.browser, env.server.http, 'regisseur@demo.tafel', PHONE);
    await page.goto(`${env.server.http}/zaken/demo/deelnemers`);
    const panel = page.getByRole('region', { name: 'Bewaren en vernietigen' });
    await panel.getByText('Bewaartermijn: 25 jaar na het sluiten, de termijn van Sociaal wijkteam Almere Haven').waitFor();
    expect(await panel.getByRole('status').textContent()).toMatch(/Bewaarplicht sinds .* gezet door Joyce Smit: Er loopt een klacht/);
    // The refused request of the mother, with the written answer.
    expect(await panel.textContent()).toContain(`Geweigerd door Eva Jansen: ${REFUSAL}`);
    await panel.getByLabel('Waarom mag de bewaarplicht eraf?').fill('De klacht is ingetrokken; niets houdt de zaak nog.');
    await panel.getByRole('button', { name: 'Bewaarplicht opheffen' }).click();
    await panel.getByText('Er ligt geen bewaarplicht op deze zaak.').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});
