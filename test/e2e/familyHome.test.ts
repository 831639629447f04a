
import { describe, expect, it } from 'vitest';
import { seriousA11yViolations } from '../support/axe.ts';
import { countTaps, openHome, overflowsSideways } from '../support/taps.ts';
import { hasChromium, openSection, PHONE, signedInOnCase, signedInPage, tafelInChromium } from '../support/browser.ts';
import { caretAtEnd } from '../support/caret.ts';
import { atInstant, requestAs, signIn } from '../support/tafelServer.ts';

describe.skipIf(!hasChromium)('the family home on a phone, in Chromium', () => {
  const env = tafelInChromium();

  it('the mother reads the decision, who took it and in which role, and her overdue task first, in 2 taps', async () => {
    const { page } = await signedInPage(env.browser, env.server.http, 'moeder@demo.tafel', PHONE);
    const taps = await countTaps(page);
    await openHome(page);
    const decision = page.locator('[data-decision="besluit-tafel-1"]');
    await decision.getByText('Besluit: Vrijwillig verder').waitFor();
    expect(await decision.textContent()).toMatch(/Besloten door Ingrid Visser \(Raad voor de Kinderbescherming, regio Midden-Nederland\) op 12 november 2026/);
    // Recorded by the Raad: decided, though the section around it is still being written.
    expect(await decision.locator('.family-status').textContent()).toMatch(/^Besloten aan tafel op 12 november 2026/);
    expect(await decision.textContent()).not.toContain('Nog niet klaar');
    expect(await decision.textContent()).toContain('Niemand dwingt jullie');
    expect(await page.locator('.family-home :is(h2, h3) button').count()).toBe(0);

    const tasks = page.getByRole('region', { name: 'Wat moet ik doen?' }).locator('li[data-task]');
    await tasks.first().waitFor();
    // Overdue first: the energy arrangement of 14 November, in red, before anything still on time.
    expect(await tasks.first().getAttribute('data-task')).toBe('actie-energie-regeling');
    expect(await tasks.first().textContent()).toMatch(/Te laat: dit moest klaar zijn op 14 november/);
    const overdue = await tasks.evaluateAll((items) => items.map((li) => li.classList.contains('is-overdue')));
    expect(overdue.indexOf(false)).toBeGreaterThan(0);
    expect(overdue.slice(overdue.indexOf(false))).not.toContain(true);
    // A task she shares with the regisseur says who does it, so it does not read as hers alone.
    expect(await page.locator('[data-task="actie-schuldhulp-intake"]').textContent()).toContain('Wie doet dit: Eva Jansen (lokaal team) met Sanne en Murat');
    // Her task done long ago is not listed; Murat's own agreement without her is not hers.
    expect(await page.locator('[data-task="actie-sanne-huisarts"]').count()).toBe(0);

    expect(await taps()).toBeLessThanOrEqual(5);
    const text = (await page.locator('.family-home').textContent()) ?? '';
    for (const jargon of ['Concept', 'In review', 'Goedgekeurd', 'Standaardtermijn', 'bron:', 'face-to-face']) expect(text).not.toContain(jargon);
    expect(await overflowsSideways(page)).toBe(false);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // A word of the chain in a task is explained on tap.
    await page.getByRole('button', { name: 'intake' }).first().click();
    await page.getByRole('note').filter({ hasText: 'Het eerste gesprek' }).waitFor();

    // Her own reaction to the decision, which only she writes, is one more tap away.
    await page.getByRole('button', { name: 'Reageer hierop' }).click();
    const reaction = page.locator('[data-section-panel="reactie-besluit-sanne"]');
    await reaction.locator('.section-editor[data-synced="true"]').waitFor();
    expect(await reaction.locator('[contenteditable="true"]').count()).toBeGreaterThan(0);
    expect(await taps()).toBeLessThanOrEqual(5);
    // A plain editor: text and lists, none of the professionals' tools.
    const tools = await reaction.getByRole('toolbar').getByRole('button').allTextContents();
    expect(tools).toEqual(['Vet', 'Cursief', 'Opsomming', 'Nummering']);
    expect(await reaction.getByLabel('Blok invoegen').count()).toBe(0);
    // Markdown shortcuts make no heading either (the server would refuse one here).
    await reaction.locator('.ProseMirror').click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('# Ik ben het eens');
    await reaction.getByText('# Ik ben het eens').waitFor();
    expect(await reaction.locator('.ProseMirror h1, .ProseMirror h2').count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('the bar and the head of the case stay short: Thuis starts in the top of the screen; the account is behind Menu, by keyboard', async () => {
    const { page } = await signedInPage(env.browser, env.server.http, 'moeder@demo.tafel', PHONE);
    await page.goto(`${env.server.http}/zaken/demo/thuis`);
    const start = page.getByRole('heading', { name: 'Wat is er besloten?' });
    await start.waitFor();
    // Was about 480 px down: a bar of two lines, a large title, the copy's links and three lines of views.
    expect(await start.evaluate((el) => el.getBoundingClientRect().top)).toBeLessThanOrEqual(200);
    const views = page.getByRole('navigation', { name: 'Onderdelen van de zaak' });
    expect(await views.getByRole('link').count()).toBe(6);
    expect(await overflowsSideways(page)).toBe(false);

    const menu = page.getByRole('button', { name: 'Menu' });
    const signOut = page.getByRole('button', { name: 'Uitloggen' });
    expect(await signOut.isVisible()).toBe(false);
    await menu.focus();
    await page.keyboard.press('Enter');
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await signOut.waitFor();
    expect(await page.locator('.topbar').getByText('Sanne de Groot').isVisible()).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.keyboard.press('Tab');
    expect(await signOut.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await menu.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await signOut.isVisible()).toBe(false);
  });

  it('shared for their reaction, the decision says so with its end date, and "Reageer hierop" opens the reaction', async () => {
    const { page } = await signedInPage(env.browser, env.server.http, 'jeugdige@demo.tafel', PHONE);
    const taps = await countTaps(page);
    await openHome(page);
    expect(await page.locator('[data-decision="besluit-tafel-1"] .family-status').textContent()).toMatch(/^Besloten aan tafel op/);
    const status = page.locator('[data-decision="besluit-tafel-1"] .decision-write-up');
    expect(await status.textContent()).toMatch(/^Het besluit staat vast\. De uitleg erbij is nog niet af/);

    // The Raad offers it for review, the behavioural scientist approves, the regisseur shares it.
    const raad = await signIn(env.server.http, 'raad@demo.tafel');
    const gw = await signIn(env.server.http, 'gw@demo.tafel');
    const eva = await signIn(env.server.http, 'regisseur@demo.tafel');
    for (const [cookie, to] of [[raad, 'review'], [gw, 'goedgekeurd'], [eva, 'gedeeld']] as const) {
      const res = await requestAs(env.server.http, cookie, 'POST', '/api/cases/demo/sections/besluit/status', { to });
      expect(res.status, to).toBe(200);
    }
    // The open page follows live.
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/^Klaar voor jullie reactie/);
    expect(await page.locator('.reaction-until').textContent()).toMatch(/^Jullie kunnen reageren tot en met \d{1,2} \w+ \d{4}\.$/);
    // In the list of the analysis the same three words, never the professionals' five.
    await page.getByRole('button', { name: 'Reageer hierop' }).click();
    // Her own reaction, which only she writes.
    await page.locator('[data-section-panel="reactie-jeugdige-noa"] .section-editor[data-synced="true"]').waitFor();
    expect(await page.locator('[data-section-panel="reactie-jeugdige-noa"] [contenteditable="true"]').count()).toBeGreaterThan(0);
    expect(await page.locator('button[data-section="besluit"]').textContent()).toContain('Klaar voor jullie reactie');
    expect(await page.locator('button[data-section="aanleiding"]').textContent()).toContain('Nog niet klaar');
    expect(await taps()).toBeLessThanOrEqual(5);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The mother's own reaction says until when she can react.
    const mother = await signedInPage(env.browser, env.server.http, 'moeder@demo.tafel', PHONE);
    await openHome(mother.page);
    const until = (await mother.page.locator('.reaction-until').textContent())!.replace('Jullie kunnen reageren', 'Je kunt op het besluit reageren');
    await mother.page.getByRole('button', { name: 'Reageer hierop' }).click();
    const own = mother.page.locator('[data-section-panel="reactie-besluit-sanne"]');
    await own.locator('.reaction-until').waitFor();
    expect(await own.locator('.reaction-until').textContent()).toBe(until);
  });

  it('after two more Tafels the latest decision applies, the older ones are folded away as replaced; Meldingen says it stays in Tafel', async () => {
    const as = async (who: string, method: string, path: string, body?: unknown) => requestAs(env.server.http, await signIn(env.server.http, `${who}@demo.tafel`), method, path, body);
    for (const [date, keuze] of [['2026-12-03', 'drang'], ['2026-12-04', 'vrijwillig']] as const) {
      const plan = { date, time: '10:00', durationMinutes: 90, place: 'Wijkcentrum De Schoof, Almere Haven', participants: ['vader', 'raad'] };
      const planned = await as('regisseur', 'POST', '/api/cases/demo/meetings', plan);
      const tafel = `/api/cases/demo/meetings/${((await planned.json()) as { id: string }).id}`;
      expect((await atInstant(env.server, `${date}T09:00:00Z`, () => as('regisseur', 'POST', `${tafel}/start`))).status).toBe(200);
      for (const userId of ['vader', 'raad']) expect((await as('regisseur', 'POST', `${tafel}/attendance`, { userId, presence: 'aanwezig' })).status).toBe(200);
      expect((await as('raad', 'POST', `${tafel}/decision`, { keuze, onderbouwing: `Besluit van ${date}.` })).status).toBe(200);
      expect((await as('regisseur', 'POST', `${tafel}/close`, { share: [] })).status).toBe(200);
    }
    const { page } = await signedInPage(env.browser, env.server.http, 'vader@demo.tafel', PHONE);
    await openHome(page);
    const cards = page.locator('.decision-card');
    await expect.poll(() => cards.first().locator('.family-status').textContent()).toMatch(/^Besloten aan tafel op 4 december 2026/);
    const earlier = page.locator('details.earlier-decisions');
    expect(await earlier.locator('> summary').textContent()).toBe('Eerdere besluiten (2)');
    expect(await earlier.locator('.decision-card').first().isVisible()).toBe(false);
    await earlier.locator('> summary').click();
    expect(await earlier.locator('.family-status').allTextContents()).toEqual([
      expect.stringMatching(/^Eerder besluit \(vervangen op 4 december 2026\)/),
      expect.stringMatching(/^Eerder besluit \(vervangen op 3 december 2026\)/),
    ]);
    expect(await page.getByRole('button', { name: 'Reageer hierop' }).count()).toBe(1);
    expect(await overflowsSideways(page)).toBe(false);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // His invitations on Meldingen: no word about a mail server.
    await page.goto(`${env.server.http}/meldingen`);
    await page.getByRole('heading', { name: 'Meldingen' }).waitFor();
    await page.locator('.notice').first().waitFor();
    const notices = (await page.locator('.notices-page').textContent()) ?? '';
    expect(notices).not.toMatch(/mailserver/i);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('who helps us and who looked at my file: one tap from home to the log', async () => {
    const { page } = await signedInPage(env.browser, env.server.http, 'vader@demo.tafel', PHONE);
    const taps = await countTaps(page);
    await openHome(page);
    const help = page.getByRole('region', { name: 'Wie helpt ons?' });
    await help.getByText('Eva Jansen').waitFor();
    expect(await help.locator('[data-contact]').count()).toBe(4);
    // The fixed contact of the lokaal team, with a number to tap and the days she works.
    const eva = help.locator('[data-contact="Sociaal wijkteam Almere Haven"]');
    expect(await eva.getByRole('link', { name: '036-5399999' }).getAttribute('href')).toBe('tel:0365399999');
    expect(await eva.textContent()).toContain('Werkt op maandag, dinsdag en donderdag.');
    // The behavioural scientist of the same team reviews; she is not the family's contact.
    expect(await help.textContent()).not.toContain('Lotte Hendriks');
    // NL Design System components, themed by tokens: a municipality's own token changes the look, no code.
    const react = page.getByRole('button', { name: 'Reageer hierop' });
    expect(await react.getAttribute('class')).toContain('utrecht-button--primary-action');
    await page.locator('.family-home').evaluate((el) => (el as HTMLElement).style.setProperty('--utrecht-button-primary-action-background-color', 'rgb(1, 102, 51)'));
    expect(await react.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(1, 102, 51)');
    await page.getByRole('link', { name: 'Bekijk wie er keek' }).click();
    await page.locator('.audit-page').waitFor();
    expect(await taps()).toBeLessThanOrEqual(5);
  });

  it('in "Ons plan" the source of a deadline is there when she asks why, not as a quote on every line', async () => {
    const { page } = await signedInPage(env.browser, env.server.http, 'moeder@demo.tafel', PHONE);
    await page.getByRole('link', { name: /Gezin De Groot/ }).click();
    await page.getByRole('link', { name: 'Ons plan' }).click();
    const deadlines = page.locator('section[aria-labelledby="ov-termijnen"]');
    const why = deadlines.getByText('Waarom deze termijn?').first();
    await why.waitFor();
    expect(await deadlines.getByText(/Standaardtermijn, bron:/).first().isVisible()).toBe(false);
    await why.click();
    expect(await deadlines.getByText(/Standaardtermijn, bron:/).first().isVisible()).toBe(true);
    // One disclosure per deadline, and no label on the phone with nothing after it.
    expect(await deadlines.locator('td[data-label="Waarom"]').count()).toBe(0);
    expect(await deadlines.locator('details').count()).toBe(await deadlines.locator('tbody tr').count());
    // A heading is read, not tapped: its meaning stands under it.
    const conditions = page.locator('section[aria-labelledby="ov-voorwaarden"]');
    expect(await conditions.getByRole('heading', { name: 'Veiligheidsvoorwaarden' }).getByRole('button').count()).toBe(0);
    expect(await conditions.textContent()).toContain('Daarover kan niet onderhandeld worden.');
    expect(await page.locator('.overview h2 button, .overview h3 button').count()).toBe(0);
    // Who set a condition reads once, without brackets inside brackets.
    expect(await page.locator('.overview').textContent()).not.toMatch(/\([^()]*\(/);
    // Whether an agreement worked out, and what a deadline is about, in her words, not the professionals'.
    expect(await page.locator('article[data-afspraak="afspraak-oma-opvang"]').textContent()).toContain('Stand van zaken: Gelukt');
    expect(await page.locator('section[aria-labelledby="ov-afspraken"]').textContent()).not.toMatch(/nagekomen/i);
    expect(await deadlines.locator('tbody tr').first().textContent()).toContain('Bekijken hoe dringend de zorgen zijn');
    expect(await deadlines.textContent()).not.toContain('Melding beoordelen');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('she agrees to an agreement on her home and reads in its place that she did; ongoing ones are not late', async () => {
    const { page } = await signedInPage(env.browser, env.server.http, 'moeder@demo.tafel', PHONE);
    await openHome(page);
    const alcohol = page.locator('li[data-task="afspraak-geen-alcohol"]');
    await alcohol.waitFor();
    // It holds on every visit: no end date, so never "te laat".
    expect(await alcohol.textContent()).toContain('Geen einddatum');
    expect(await alcohol.textContent()).not.toContain('Te laat');
    expect(await alcohol.evaluate((li) => li.classList.contains('is-overdue'))).toBe(false);
    // A date to come reads as a limit, not as "was finished"; next year's with its year.
    expect(await page.locator('li[data-task="afspraak-evaluatie-tafel"]').textContent()).toContain('Uiterlijk klaar op 12 februari 2027');
    // By keyboard: the button goes, and focus (and the screen reader) goes to what takes its place.
    await alcohol.getByRole('button', { name: 'Ik ga akkoord met deze afspraak' }).focus();
    await page.keyboard.press('Enter');
    const agreed = alcohol.getByRole('status').getByText(/^Je bent akkoord gegaan op \d{1,2} \w+\.?,? \d{2}:\d{2}\.$/);
    await agreed.waitFor();
    expect(await alcohol.getByRole('button', { name: 'Ik ga akkoord met deze afspraak' }).count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(/^Je bent akkoord gegaan op /);
    // After a reload it still says so.
    await page.reload();
    await page.locator('li[data-task="afspraak-geen-alcohol"] .task-confirmed').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('in Ons dossier the besluit section says it was decided, as Thuis does, and what is still being written', async () => {
    const { page } = await signedInOnCase(env.browser, env.server.http, 'moeder@demo.tafel', PHONE);
    // The date of the decision that applies (a later Tafel in this suite may have taken a newer one).
    const decided = /^Besloten aan tafel op \d{1,2} \w+ \d{4}$/;
    const button = page.locator('button[data-section="besluit"]');
    await button.getByText(decided).waitFor();
    expect(await button.textContent()).not.toContain('Nog niet klaar');
    await openSection(page, 'besluit');
    const bar = page.locator('[data-section-panel="besluit"] .review-bar');
    await bar.getByText(decided).waitFor();
    expect(await bar.textContent()).not.toContain('Nog niet klaar');
    // What the status means for the write-up around the decision, in one sentence.
    expect(await bar.locator('.write-up-note').textContent()).toMatch(/^(Het besluit staat vast\.|Jullie kunnen nu laten weten|Het verslag is definitief\.)/);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('pasting from Word into her own words keeps the text and lists, and nothing the server would refuse', async () => {
    const { page } = await signedInOnCase(env.browser, env.server.http, 'moeder@demo.tafel', PHONE);
    await openSection(page, 'eigen-woorden-sanne');
    const panel = page.locator('[data-section-panel="eigen-woorden-sanne"]');
    await caretAtEnd(panel.locator('.ProseMirror'));
    const html =
      '<h1>Mijn kant</h1><p>Ik wil <b>rust</b> en <a href="https://example.org">hulp</a>.</p><ul><li><p>eerst de schulden</p></li></ul>' +
      '<table><tr><td><p>Wie</p></td><td><p>Wanneer</p></td></tr></table>';
    await page.evaluate((pasted) => {
      const data = new DataTransfer();
      data.setData('text/html', pasted);
      data.setData('text/plain', 'Mijn kant');
      document.querySelector('[data-section-panel="eigen-woorden-sanne"] .ProseMirror')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, html);
    const editor = panel.locator('.ProseMirror');
    await editor.getByText('Mijn kant').waitFor();
    expect(await editor.locator('h1, h2, table, a').count()).toBe(0);
    expect(await editor.locator('strong', { hasText: 'rust' }).count()).toBe(1);
    expect(await editor.getByText('eerst de schulden').evaluate((p) => p.closest('li') !== null)).toBe(true);
    // The table's cells read on as paragraphs.
    expect(await editor.locator('p', { hasText: /^Wanneer$/ }).count()).toBe(1);
    // Stored, not refused: the father reads it.
    const murat = await signedInOnCase(env.browser, env.server.http, 'vader@demo.tafel', PHONE);
    await openSection(murat.page, 'eigen-woorden-sanne');
    await murat.page.locator('[data-section-panel="eigen-woorden-sanne"] .ProseMirror').getByText('eerst de schulden').waitFor();
    expect(await panel.locator('.closed-message, [role="alert"]').count()).toBe(0);
  });
});
