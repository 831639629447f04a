import { describe, expect, it } from 'vitest';
import { dateInNetherlands } from '../../shared/calendar/isoDate.ts';
import { formatDate } from '../../shared/format.ts';
import { reactionDeadline } from '../../shared/review.ts';
import { seriousA11yViolations } from '../support/axe.ts';
import { hasChromium, openSection, signedInOnCase, tafelInChromium } from '../support/browser.ts';
import { demoEmail, requestAs, serverAppend, signIn } from '../support/tafelServer.ts';

describe.skipIf(!hasChromium)('a Jeugdbeschermingstafel, in Chromium', () => {
  const env = tafelInChromium();

  it('the chair leads, the mother follows; the decision names who was there; afterwards the mother can react', async () => {
    const { http } = env.server;
    // Before the Tafel: the family section changed and was approved, so it can go to the family.
    await serverAppend(env.server, 'gezin', 'Oma Ria komt nu twee middagen per week.');
    // And the father's own GGZ section: on the agenda for professionals only.
    await serverAppend(env.server, 'ggz-murat', 'Murat is gestart bij de GGZ.');
    const eva = await signIn(http, demoEmail('regisseur'));
    const lotte = await signIn(http, demoEmail('gw'));
    expect((await requestAs(http, eva, 'POST', '/api/cases/demo/sections/gezin/status', { to: 'review' })).status).toBe(200);
    expect((await requestAs(http, lotte, 'POST', '/api/cases/demo/sections/gezin/status', { to: 'goedgekeurd' })).status).toBe(200);

    // The regisseur plans the Tafel in the app.
    const chair = await signedInOnCase(env.browser, http, demoEmail('regisseur'));
    await chair.page.getByRole('link', { name: 'Jeugdbeschermingstafel', exact: true }).click();
    await chair.page.getByLabel('Datum').fill('2027-01-14');
    await chair.page.getByLabel('Tijd').fill('10:00');
    // Whom to invite: one person a line, each box beside its own name; the question reads like the other labels.
    const invite = chair.page.getByRole('group', { name: 'Wie nodig je uit?' });
    const boxes = await invite.getByRole('checkbox').evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().top)));
    expect(boxes.length).toBeGreaterThan(2);
    expect(new Set(boxes).size).toBe(boxes.length);
    const look = (el: Element) => { const c = getComputedStyle(el); return `${c.fontSize} ${c.fontWeight} ${c.color}`; };
    expect(await invite.locator('legend').evaluate(look)).toBe(await chair.page.locator('label', { hasText: 'Datum' }).first().evaluate(look));
    // Neither place nor video link: the form says so at the field, in Dutch only, before sending anything.
    const plans: string[] = [];
    chair.page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/cases/demo/meetings')) plans.push(r.url());
    });
    await chair.page.getByRole('button', { name: 'Tafel plannen en uitnodigen' }).click();
    const placeError = chair.page.getByRole('alert').filter({ hasText: 'Vul een plaats of een videolink in.' });
    await placeError.waitFor();
    expect(await placeError.textContent()).toBe('Vul een plaats of een videolink in.');
    const place = chair.page.getByLabel('Plaats');
    expect(await place.getAttribute('aria-invalid')).toBe('true');
    expect(await place.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent)).toBe('Vul een plaats of een videolink in.');
    expect(await place.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(plans).toEqual([]);
    await chair.page.getByLabel('Plaats').fill('Wijkcentrum De Schoof');
    await chair.page.getByRole('button', { name: 'Tafel plannen en uitnodigen' }).click();
    await chair.page.getByRole('heading', { name: /Jeugdbeschermingstafel op 14 januari 2027 om 10:00/ }).waitFor();
    const url = chair.page.url();
    expect(url).toMatch(/\/zaken\/demo\/tafel\/tafel-[a-z0-9]+$/);
    expect(await seriousA11yViolations(chair.page)).toEqual([]);
    // Its day has not come: she cannot begin it yet, and the button says why.
    const begin = chair.page.getByRole('button', { name: 'Tafel beginnen' });
    expect(await begin.isDisabled()).toBe(true);
    // And it looks it: no pointer, unlike the button beside it, and other colours than once it can be used.
    const colours = (el: Element) => { const c = getComputedStyle(el); return `${c.backgroundColor} ${c.color}`; };
    expect(await begin.evaluate((el) => getComputedStyle(el).cursor)).toBe('not-allowed');
    expect(await chair.page.getByRole('button', { name: 'Agenda aanpassen' }).evaluate((el) => getComputedStyle(el).cursor)).toBe('pointer');
    const blockedColours = await begin.evaluate(colours);
    expect(await begin.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent)).toBe(
      'Deze tafel is gepland op 14 januari 2027. Je kunt hem pas op die dag beginnen.',
    );
    // Now it is the planned day; what she does next re-reads the Tafel.
    env.server.tafel.services.now = () => new Date('2027-01-14T08:30:00Z');
    // She orders the agenda: the closing point before the decision.
    await chair.page.getByRole('button', { name: 'Agenda aanpassen' }).click();
    await chair.page.getByRole('button', { name: 'Afspraken en afsluiting omhoog' }).click();
    await chair.page.getByRole('button', { name: 'Agenda bewaren' }).click();
    await expect.poll(() => chair.page.locator('.meeting-agenda > li').last().getAttribute('data-item')).toBe('item-besluit');
    expect(await begin.isEnabled()).toBe(true);
    expect(await begin.evaluate(colours)).not.toBe(blockedColours);
    await begin.click();
    await chair.page.getByText('Nu aan de orde: Opening en kennismaking').waitFor();
    env.server.tafel.services.now = () => new Date();
    // The clock reads minutes beside the planned minutes, never minutes:seconds.
    await expect.poll(() => chair.page.locator('[data-budget]').textContent()).toMatch(/^0 min bezig \(gepland 90 min\)\. /);
    // The item on now reads the same way, beside its own budget.
    expect(await chair.page.locator('[aria-current="step"] [data-item-time]').textContent()).toMatch(/^0 min bezig \(gepland \d+ min\)$/);
    // The chair who began it is recorded as there.
    expect(await chair.page.getByLabel('Aanwezigheid van Eva Jansen').inputValue()).toBe('aanwezig');
    // The button is gone; keyboard focus is on what is on now, not back at the top of the page.
    await expect.poll(() => chair.page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Nu aan de orde: Opening en kennismaking');
    // Closing now would end the Tafel without decision or attendance: the chair is told so, and may say no.
    const early = new Promise<string>((resolve) =>
      chair.page.once('dialog', (d) => {
        resolve(d.message());
        void d.dismiss();
      }),
    );
    await chair.page.getByRole('button', { name: 'Tafel afronden en verslag maken' }).click();
    const warning = await early;
    expect(warning).toContain('Er is nog geen besluit vastgelegd.');
    expect(warning).toMatch(/Bij [2-9] mensen is niet ingevuld of ze er waren\./);
    // An action the server refuses says why beside its control, in view, not only at the top of the page.
    await chair.page.route('**/attendance', (route) => route.fulfill({ status: 409, contentType: 'application/json', body: JSON.stringify({ error: { code: 'conflict', message: 'Probeer het nog eens.' } }) }), { times: 1 });
    await chair.page.getByLabel('Aanwezigheid van Karim El Amrani').selectOption({ label: 'Afwezig' });
    const refused = chair.page.getByRole('alert').filter({ hasText: 'Probeer het nog eens.' });
    await refused.waitFor();
    expect(await refused.evaluate((el) => el.previousElementSibling?.querySelector('#attendance-title') !== null)).toBe(true);
    await expect.poll(() => refused.evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })).toBe(true);
    expect(await chair.page.getByRole('alert').count()).toBe(1);
    expect(await chair.page.locator('[data-meeting-status]').getAttribute('data-meeting-status')).toBe('bezig');

    // The mother joins: she sees what is on now, in plain words.
    // A short window: the end of the section is below it until her page scrolls with the chair.
    const mother = await signedInOnCase(env.browser, http, demoEmail('moeder'), { width: 1280, height: 500 });
    await mother.page.goto(url);
    const motherNow = mother.page.getByRole('status').filter({ hasText: 'Nu aan de orde' });
    await motherNow.getByText('Nu aan de orde: Opening en kennismaking').waitFor();
    await mother.page.getByRole('heading', { name: 'Waar we over praten' }).waitFor();
    expect(await seriousA11yViolations(mother.page)).toEqual([]);
    // The chair's meeting mode (moves, notes, attendance) passes too.
    expect(await seriousA11yViolations(chair.page)).toEqual([]);

    // The chair moves to the GGZ item the mother may not see: her page drops the opening at once, names nothing.
    await chair.page.getByRole('button', { name: /^Nu bespreken: .*Murat/ }).first().click();
    const nowOn = mother.page.locator('[data-now-on]');
    await expect.poll(() => nowOn.textContent()).toBe('De tafel is bezig.');
    expect(await nowOn.getAttribute('data-now-on')).toBe('');
    expect(await mother.page.locator('main').textContent()).not.toContain('Murat is gestart');

    // The chair moves to the family section; the mother's page follows: the section opens and comes into view.
    await chair.page.getByRole('button', { name: 'Nu bespreken: Gezin en netwerk' }).click();
    await motherNow.getByText('Nu aan de orde: Gezin en netwerk').waitFor();
    const followed = mother.page.locator('[data-follow-section="gezin"]');
    await followed.locator('.section-editor[data-synced="true"]').waitFor();
    await followed.getByText('Oma Ria komt nu twee middagen per week.').waitFor();
    await expect.poll(() => followed.evaluate((el) => el.getBoundingClientRect().top < innerHeight)).toBe(true);
    // Within the section, her page scrolls with the chair: to where the chair's caret is.
    await mother.page.evaluate(() => scrollTo(0, document.body.scrollHeight));
    const top = followed.getByRole('heading', { name: 'Wie horen bij het gezin?' });
    expect(await top.evaluate((el) => el.getBoundingClientRect().bottom < 0)).toBe(true);
    await chair.page.locator('[data-follow-section="gezin"]').getByRole('heading', { name: 'Wie horen bij het gezin?' }).click();
    const caret = followed.locator('.collaboration-carets__label', { hasText: 'Eva Jansen' });
    await caret.waitFor();
    await expect.poll(() => caret.evaluate((el) => { const r = el.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; })).toBe(true);

    // The chair writes a note on the item; everyone who sees the item reads it.
    await chair.page.getByLabel('Aantekening bij Gezin en netwerk').fill('Oma helpt op dinsdag en donderdag.');
    await chair.page.getByRole('button', { name: 'Aantekening bewaren' }).click();
    await mother.page.locator('[data-item="item-wijz-gezin"]').getByText('Aantekening: Oma helpt op dinsdag en donderdag.').waitFor();

    // She stops following and looks elsewhere: the chair moves on, her page says so and opens nothing.
    await mother.page.getByLabel(/Volg de voorzitter/).uncheck();
    await chair.page.getByRole('button', { name: 'Volgende punt' }).click();
    await expect.poll(async () => (await mother.page.locator('[data-now-on]').getAttribute('data-now-on')) !== 'item-wijz-gezin').toBe(true);
    expect(await mother.page.locator('[data-follow-section]').count()).toBe(0);

    // The chair records who is there: the two who are not in the room, then the others in one tap.
    const exceptions: Record<string, string> = { 'Murat Yilmaz': 'Telefonisch', 'Karim El Amrani': 'Afwezig' };
    for (const [name, value] of Object.entries(exceptions)) {
      await chair.page.getByLabel(`Aanwezigheid van ${name}`).selectOption({ label: value });
      await expect.poll(() => chair.page.getByLabel(`Aanwezigheid van ${name}`).inputValue()).toBe(value.toLowerCase());
    }
    const invited = await chair.page.locator('table.attendance [data-name]').evaluateAll((cells) => cells.map((c) => (c as HTMLElement).dataset.name!));
    // The chair herself is recorded already: the two exceptions and she are not among "the others".
    await chair.page.getByRole('button', { name: `Zet de andere ${invited.length - 3} op aanwezig` }).click();
    const others = invited.filter((name) => !(name in exceptions));
    for (const name of others) await expect.poll(() => chair.page.getByLabel(`Aanwezigheid van ${name}`).inputValue()).toBe('aanwezig');
    expect(others).toEqual(expect.arrayContaining(['Sanne de Groot', 'Ingrid Visser', 'Eva Jansen']));
    expect(await chair.page.getByLabel('Aanwezigheid van Karim El Amrani').inputValue()).toBe('afwezig');
    expect(await chair.page.getByRole('button', { name: /op aanwezig$/ }).count()).toBe(0);

    // The Raad records the decision; "aanwezig" is not typed, it comes from the attendance.
    const raad = await signedInOnCase(env.browser, http, demoEmail('raad'));
    await raad.page.goto(url);
    await raad.page.getByText('Aanwezig (uit de presentielijst, niet te typen): ').waitFor();
    expect(await seriousA11yViolations(raad.page)).toEqual([]);
    // A choice not made yet is not marked wrong; once she tries to record without one, it is.
    const choice = raad.page.getByLabel('Verder met drang');
    const untouched = await choice.evaluate((el) => getComputedStyle(el).borderColor);
    await raad.page.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await expect.poll(() => choice.evaluate((el) => getComputedStyle(el).borderColor)).not.toBe(untouched);
    await choice.check();
    await raad.page.getByLabel('Waarom?').fill('De ouders werken mee, maar de afspraken over drinken zijn niet nagekomen.');
    await raad.page.getByRole('button', { name: 'Besluit vastleggen' }).click();
    const expected = [...others, 'Murat Yilmaz (telefonisch)'].sort();
    for (const page of [raad.page, chair.page, mother.page]) {
      const list = page.locator('[data-decision-aanwezig] li');
      await list.first().waitFor();
      expect((await list.allTextContents()).sort()).toEqual(expected);
    }
    // In the besluit section the Raad may reword the decision, but who was there is shown, not editable.
    await raad.page.goto(url.replace(/\/tafel\/[^/]+$/, ''));
    await openSection(raad.page, 'besluit');
    await raad.page.locator('[data-section-panel="besluit"] .block-besluit').last().getByRole('button', { name: 'Bewerken' }).click();
    const form = raad.page.getByRole('dialog');
    await form.getByRole('group', { name: 'Wie waren erbij?' }).getByText('Vastgelegd door de voorzitter', { exact: false }).waitFor();
    expect(await form.getByRole('textbox', { name: 'Wie waren erbij?' }).count()).toBe(0);
    expect(await form.getByRole('textbox', { name: 'Waarom?' }).count()).toBe(1);
    await form.getByRole('button', { name: 'Annuleren' }).click();
    // The chair's attendance list is what the decision says, and it is locked now.
    expect(await chair.page.getByLabel('Aanwezigheid van Sanne de Groot').count()).toBe(0);
    const attended = await chair.page.locator('table.attendance tbody tr').evaluateAll((rows) =>
      rows.map((r) => [r.querySelector<HTMLElement>('[data-name]')!.dataset.name, r.querySelector('td[data-label="Aanwezig"]')!.textContent]),
    );
    const fromAttendance = attended.flatMap(([name, p]) => (p === 'Aanwezig' ? [name] : p === 'Telefonisch' ? [`${name} (telefonisch)`] : []));
    expect(fromAttendance.sort()).toEqual(expected);

    // The chair closes the Tafel and shares the approved family section.
    const asked: string[] = [];
    chair.page.on('dialog', (d) => {
      asked.push(d.message());
      void d.accept();
    });
    await chair.page.getByRole('checkbox', { name: 'Gezin en netwerk' }).check();
    await chair.page.getByRole('button', { name: 'Tafel afronden en verslag maken' }).click();
    await chair.page.getByRole('heading', { name: 'Verslag' }).waitFor();
    // Closed, it says how long it took, not a clock still running.
    expect(await chair.page.locator('[data-budget]').textContent()).toMatch(/^Duurde \d+ minu(ut|ten)\. /);
    // With the decision there, the chair was not told one is missing.
    expect(asked.length).toBe(1);
    expect(asked[0]).not.toContain('besluit');
    await mother.page.locator('.meeting-minutes').getByText('Oma helpt op dinsdag en donderdag.').waitFor();
    // On a phone the attendance fits: each person a card, "Aanwezig" and "Telefonisch" on screen, no sideways scrolling.
    await chair.page.setViewportSize({ width: 375, height: 800 });
    const table = chair.page.locator('table.attendance');
    await expect.poll(() => table.evaluate((el) => el.getBoundingClientRect().right)).toBeLessThanOrEqual(375);
    for (const word of ['Aanwezig', 'Telefonisch']) {
      const cell = table.locator('td[data-label="Aanwezig"]', { hasText: word }).first();
      expect(await cell.evaluate((el) => el.getBoundingClientRect().right)).toBeLessThanOrEqual(375);
    }
    expect(await chair.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await chair.page.setViewportSize({ width: 1280, height: 900 });

    // The mother sees the minutes with the shared section and her reaction period, and the section itself says so.
    const until = formatDate(reactionDeadline(dateInNetherlands(new Date())));
    await mother.page.locator('[data-shared-sections]').getByText(`Gezin en netwerk — je kunt reageren tot en met ${until}`).waitFor();
    await mother.page.getByRole('link', { name: 'Ons dossier' }).click();
    await openSection(mother.page, 'gezin');
    await mother.page.locator('[data-section-panel="gezin"]').getByText(`Je kunt reageren tot en met ${until}.`).waitFor();
    // And she has a notice asking for her reaction, with the same last day.
    await mother.page.getByRole('link', { name: /^Meldingen/ }).click();
    await mother.page.getByRole('link', { name: `Er staat een stuk voor je klaar. Je kunt erop reageren tot en met ${until}.` }).waitFor();
    await mother.page.getByRole('link', { name: 'Je bent uitgenodigd voor een gesprek op 14 januari 2027.' }).waitFor();

    for (const c of [chair, mother, raad]) await c.context.close();
  });
});
