import { describe, expect, it } from 'vitest';
import { seriousA11yViolations } from '../support/axe.ts';
import { hasChromium, openSection, PHONE, signedInOnCase, signedInPage, tafelInChromium } from '../support/browser.ts';

describe.skipIf(!hasChromium)('a parent reacts on an agreement in the plan, in Chromium', () => {
  const env = tafelInChromium();
  /** The mother on her phone and the regisseur at her desk, both in the safety plan. */
  const bothInThePlan = async () => {
    const sanne = await signedInPage(env.browser, env.server.http, 'moeder@demo.tafel', PHONE);
    await sanne.page.goto(`${env.server.http}/zaken/demo`);
    await openSection(sanne.page, 'veiligheidsplan');
    const eva = await signedInOnCase(env.browser, env.server.http, 'regisseur@demo.tafel');
    await openSection(eva.page, 'veiligheidsplan');
    return { sanne, eva };
  };

  it('chooses "Reageren" on the block, writes, and the regisseur sees the reaction with what it is about', async () => {
    const { sanne, eva } = await bothInThePlan();

    const panel = sanne.page.locator('[data-section-panel="veiligheidsplan"]');
    const block = panel.locator('[data-block-id="afspraak-weggaan-bij-ruzie"]');
    await block.getByRole('button', { name: 'Reageren' }).click();
    // Focus moves to the comment field, which says what the reaction is about.
    const field = panel.getByLabel(/^Reactie op Afspraak: Als een ruzie oploopt/);
    await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);
    await sanne.page.keyboard.type('Dit lukt ons meestal, maar niet als Murat gedronken heeft.');
    await panel.getByRole('button', { name: 'Reageer op blok' }).click();

    const thread = (page: typeof sanne.page) => page.locator('[data-section-panel="veiligheidsplan"] .thread', { hasText: 'niet als Murat gedronken heeft' });
    await thread(sanne.page).waitFor();
    // The regisseur sees it without reloading, with the agreement it is about, not as deleted text.
    await thread(eva.page).waitFor();
    const quote = await thread(eva.page).locator('blockquote').textContent();
    expect(quote).toContain('Afspraak: Als een ruzie oploopt');
    expect(quote).not.toContain('tekst verwijderd');
    // The thread says who may read it.
    await thread(eva.page).getByText('Iedereen (ook het gezin)', { exact: true }).waitFor();
    expect(await thread(eva.page).getByText('Alleen professionals', { exact: true }).count()).toBe(0);
  });

  it('a professional\'s next comment is for professionals again, and the button says for whom', async () => {
    const { eva } = await bothInThePlan();
    const panel = eva.page.locator('[data-section-panel="veiligheidsplan"]');
    const block = panel.locator('[data-block-id="afspraak-weggaan-bij-ruzie"]');
    await block.getByRole('button', { name: 'Reageren' }).click();
    await eva.page.keyboard.type('Voor iedereen: we bespreken dit op de Tafel.');
    await panel.getByLabel('Wie mag dit lezen?').selectOption('iedereen');
    await panel.getByRole('button', { name: 'Reageer op blok (iedereen (ook het gezin))' }).click();
    await panel.locator('.thread', { hasText: 'we bespreken dit op de Tafel' }).waitFor();
    // The choice does not stick: the next comment starts for professionals only, and says so.
    expect(await panel.getByLabel('Wie mag dit lezen?').inputValue()).toBe('professionals');
    await block.getByRole('button', { name: 'Reageren' }).click();
    await eva.page.keyboard.type('Alleen voor ons.');
    await panel.getByRole('button', { name: 'Reageer op blok (alleen professionals)' }).click();
    const second = panel.locator('.thread', { hasText: 'Alleen voor ons.' });
    await second.waitFor();
    await second.getByText('Alleen professionals', { exact: true }).waitFor();
    expect(await second.getByText('Iedereen (ook het gezin)', { exact: true }).count()).toBe(0);
    // Focus stays in the emptied field, not lost on the page with the button that went disabled.
    expect(await eva.page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
  });

  it('a decision leads to the family\'s reaction: the link opens that section', async () => {
    const sanne = await signedInPage(env.browser, env.server.http, 'moeder@demo.tafel', PHONE);
    await sanne.page.goto(`${env.server.http}/zaken/demo`);
    await openSection(sanne.page, 'besluit');
    const decision = sanne.page.locator('[data-block-id="besluit-tafel-1"]');
    await decision.getByRole('button', { name: 'Lees de reactie van het gezin' }).click();
    await sanne.page.locator('[data-section-panel="reactie-gezin"] .section-editor[data-synced="true"]').waitFor();
    // And it is on screen, not somewhere below.
    await expect.poll(() => sanne.page.locator('#section-reactie-gezin').evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(740);
  });

  it('a parent on her phone asks for a correction; the regisseur answers it and she reads the answer without reloading', async () => {
    const { sanne, eva } = await bothInThePlan();

    const panel = sanne.page.locator('[data-section-panel="veiligheidsplan"]');
    await panel.locator('[data-block-id="voorwaarde-geen-geweld"]').getByRole('button', { name: 'Reageren' }).click();
    await panel.getByRole('radio', { name: 'Dit klopt niet: vraag om verbetering' }).check();
    await panel.getByLabel(/^Wat klopt er niet in Veiligheidsvoorwaarde/).fill('Er is nooit iets gegooid. Wilt u "gegooid" weghalen?');
    await panel.getByRole('button', { name: 'Vraag om verbetering' }).click();

    const request = (page: typeof sanne.page) => page.locator('[data-section-panel="veiligheidsplan"] .thread', { hasText: 'Er is nooit iets gegooid' });
    await request(sanne.page).getByText('Verzoek om verbetering, nog niet beantwoord').waitFor();
    // The mother cannot close or answer her own request; the regisseur answers, with a reason.
    expect(await request(sanne.page).getByRole('button', { name: /Afhandelen|Verbeterd/ }).count()).toBe(0);
    const evaRequest = request(eva.page);
    await evaRequest.getByText('Verzoek om verbetering, nog niet beantwoord').waitFor();
    expect(await evaRequest.getByRole('button', { name: 'Afhandelen' }).count()).toBe(0);
    await evaRequest.getByLabel(/^Antwoord aan het gezin/).fill('Ik heb het besproken met Veilig Thuis; de melding noemt het gooien, dus het blijft staan.');
    await evaRequest.getByRole('button', { name: 'Niet verbeterd' }).click();

    await request(sanne.page).getByText(/^Verzoek om verbetering: niet verbeterd door Eva Jansen/).waitFor();
    await request(sanne.page).getByText('de melding noemt het gooien').waitFor();
    // The answer (who, when) wraps on her phone instead of running off the screen.
    expect(await sanne.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await seriousA11yViolations(sanne.page)).toEqual([]);

    // A request to remove something is answered with "Verwijderd" or "Niet verwijderd".
    await panel.locator('[data-block-id="voorwaarde-hulp-aanvaarden"]').getByRole('button', { name: 'Reageren' }).click();
    await panel.getByRole('radio', { name: 'Dit moet weg: vraag om verwijdering' }).check();
    // She is told before she asks what removal means.
    await panel.getByText('Wordt het weggehaald, dan verdwijnt het ook uit de geschiedenis van het onderdeel.').waitFor();
    await panel.getByLabel(/^Waarom moet Veiligheidsvoorwaarde/).fill('Murat heeft de training al afgerond.');
    await panel.getByRole('button', { name: 'Vraag om verwijdering' }).click();
    const removal = eva.page.locator('[data-section-panel="veiligheidsplan"] .thread', { hasText: 'training al afgerond' });
    await removal.getByText('Verzoek om verwijdering, nog niet beantwoord').waitFor();
    expect(await removal.getByRole('button').allTextContents()).toEqual(expect.arrayContaining(['Verwijderd', 'Niet verwijderd']));
    expect(await removal.getByRole('button', { name: 'Verbeterd' }).count()).toBe(0);

    // "Verwijderd" takes the block out, for everyone, and destroys it in the history too; the regisseur is asked first.
    let asked = '';
    eva.page.on('dialog', (d) => {
      asked = d.message();
      void d.accept();
    });
    await removal.getByLabel(/^Antwoord aan het gezin/).fill('Klopt, de training is afgerond. Ik heb de voorwaarde weggehaald.');
    await removal.getByRole('button', { name: 'Verwijderd', exact: true }).click();
    await eva.page.locator('[data-section-panel="veiligheidsplan"] [data-block-id="voorwaarde-hulp-aanvaarden"]').waitFor({ state: 'detached' });
    await panel.locator('[data-block-id="voorwaarde-hulp-aanvaarden"]').waitFor({ state: 'detached' });
    expect(asked).toMatch(/ook in de geschiedenis vernietigd/);
    const hers = sanne.page.locator('[data-section-panel="veiligheidsplan"] .thread', { hasText: 'training al afgerond' });
    await hers.getByText(/^Verzoek om verwijdering: verwijderd \(ook uit de geschiedenis\) door Eva Jansen/).waitFor();
    await hers.getByText('Tekst weggehaald, ook uit de geschiedenis.').waitFor();
    expect(await hers.textContent()).not.toContain('agressieregulatietraining');
    expect(await seriousA11yViolations(sanne.page)).toEqual([]);
  });

  it('the regisseur removes a block with its own button, after saying yes; the mother sees it go', async () => {
    const { sanne, eva } = await bothInThePlan();
    const evaBlock = eva.page.locator('[data-section-panel="veiligheidsplan"] [data-block-id="signaal-daan-wegkruipen"]');
    const removeButton = evaBlock.getByRole('button', { name: 'Signaal weghalen' });
    // "No" keeps it.
    eva.page.once('dialog', (d) => void d.dismiss());
    await removeButton.click();
    await eva.page.waitForTimeout(300);
    expect(await evaBlock.count()).toBe(1);
    eva.page.once('dialog', (d) => void d.accept());
    await removeButton.click();
    await evaBlock.waitFor({ state: 'detached' });
    await sanne.page.locator('[data-section-panel="veiligheidsplan"] [data-block-id="signaal-daan-wegkruipen"]').waitFor({ state: 'detached' });
    // The mother, who may only comment here, has no such button.
    expect(await sanne.page.getByRole('button', { name: /weghalen$/ }).count()).toBe(0);
  });
});
