import { describe, expect, it } from 'vitest';
import { seriousA11yViolations } from '../support/axe.ts';
import { hasChromium, PHONE, signedInOnSection, tafelInChromium } from '../support/browser.ts';
import { demoEmail, requestAs, signIn } from '../support/tafelServer.ts';

describe.skipIf(!hasChromium)('parties of an agreement who cannot read its section, in Chromium', () => {
  const env = tafelInChromium();

  it('the block form says in Dutch that oma cannot read "Doelen en acties", and nothing is inserted', async () => {
    const { page, panel } = await signedInOnSection(env.browser, env.server.http, 'regisseur@demo.tafel', 'plan');
    const before = await panel.locator('.block-afspraak').count();
    await panel.getByLabel('Blok invoegen').selectOption('afspraak');
    const dialog = page.getByRole('dialog', { name: 'Afspraak' });
    await dialog.getByLabel('Wat spreken we af?').fill('Oma Ria haalt Daan op woensdag van school.');
    await dialog.getByLabel('Wie doet het?').fill('Oma Ria');
    await dialog.getByLabel('Hoe controleren we het?').fill('Sanne vertelt het aan de regisseur.');
    await dialog.getByLabel('Wat gebeurt er als het niet lukt?').fill('Sanne haalt Daan zelf op.');
    await dialog.getByRole('checkbox', { name: 'Ria de Groot' }).check();
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.getByText('Ria de Groot kan dit onderdeel niet lezen en kan de afspraak dus niet bevestigen.', { exact: false }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Without her, the agreement is stored; the socket stays open (no refusal by the server).
    await dialog.getByRole('checkbox', { name: 'Ria de Groot' }).uncheck();
    await dialog.getByRole('checkbox', { name: 'Sanne de Groot' }).check();
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => panel.locator('.block-afspraak').count()).toBe(before + 1);
    expect(await panel.locator('.section-editor[data-synced="true"]').count()).toBe(1);
    expect(await panel.getByRole('alert').count()).toBe(0);
  });

  it('the regisseur is told when a named party can no longer read the agreement, in the section and in the plan', async () => {
    const eva = await signIn(env.server.http, demoEmail('regisseur'));
    const revoked = await requestAs(env.server.http, eva, 'POST', '/api/cases/demo/grants', {
      sectionId: 'veiligheidsplan',
      userId: 'oma',
      level: 'none',
      reason: 'Oma is niet meer betrokken bij het veiligheidsplan',
    });
    expect(revoked.status).toBeLessThan(300);
    const { page, panel } = await signedInOnSection(env.browser, env.server.http, 'regisseur@demo.tafel', 'veiligheidsplan');
    const block = panel.locator('[data-block-id="afspraak-oma-opvang"]');
    await block.getByText('Oma Ria: kan dit onderdeel niet lezen en dus niet akkoord geven. Zet de afspraak in een onderdeel dat deze persoon kan lezen.').waitFor();
    await page.goto(`${env.server.http}/zaken/demo/overzicht`);
    const card = page.locator('article.plan-card[data-afspraak="afspraak-oma-opvang"]');
    await card.getByText(/Oma Ria: kan dit onderdeel niet lezen en dus niet akkoord geven/).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The mother reads the same fact, without the instruction meant for who writes the plan.
    const sanne = await signedInOnSection(env.browser, env.server.http, 'moeder@demo.tafel', 'veiligheidsplan', PHONE);
    const hers = sanne.panel.locator('[data-block-id="afspraak-oma-opvang"]');
    await hers.getByText('Oma Ria: kan dit onderdeel niet lezen en dus niet akkoord geven.', { exact: true }).waitFor();
    expect(await seriousA11yViolations(sanne.page)).toEqual([]);
  });
});
