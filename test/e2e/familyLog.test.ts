import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_PAGE_SIZE } from '../../shared/api.ts';
import { addDays, addMonths, dateInNetherlands } from '../../shared/calendar/isoDate.ts';
import { seriousA11yViolations } from '../support/axe.ts';
import { countTaps, openHome, overflowsSideways } from '../support/taps.ts';
import { smallTargets } from '../support/targetSize.ts';
import { hasChromium, PHONE, signedInPage, tafelInChromium } from '../support/browser.ts';
import { RawYClient } from '../support/rawYClient.ts';
import { waitFor } from '../support/syncClient.ts';
import { requestAs, signIn } from '../support/tafelServer.ts';

/** From Thuis: "who looked at my file this month", which the log opens on. */
async function lookedThisMonth(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Bekijk wie er keek' }).click();
  await page.getByRole('heading', { name: 'Wie heeft mijn dossier bekeken', level: 1 }).waitFor();
  await expect.poll(() => page.getByRole('button', { name: 'Deze maand' }).getAttribute('aria-pressed')).toBe('true');
}

const today = dateInNetherlands(new Date());
const firstOfMonth = `${today.slice(0, 8)}01`;
/** A look by the GI in the middle of last month: in "Alles" and "Vorige maand", not in "Deze maand". */
const LAST_MONTH = `${addMonths(firstOfMonth, -1).slice(0, 8)}15T10:00:00.000Z`;
/** Looks by the GI on days of 2025, one entry each: more than a page. */
const OLD_DAYS = AUDIT_PAGE_SIZE + 10;

describe.skipIf(!hasChromium)('“who looked at my file” on a phone, in Chromium', () => {
  const env = tafelInChromium();

  beforeAll(async () => {
    const { http, ws } = env.server;
    // Eva opens two sections, the mother one, Karim of Veilig Thuis downloads a copy.
    for (const [who, section] of [
      ['regisseur', 'aanleiding'],
      ['regisseur', 'veiligheidsplan'],
      ['moeder', 'aanleiding'],
    ] as const) {
      const c = new RawYClient(`${ws}/sync/demo/${section}`, await signIn(http, `${who}@demo.tafel`));
      await c.socket.opened;
      c.requestState();
      await waitFor(() => c.documentBytes > 0, 5000, `${who} reads ${section}`);
      c.close();
    }
    expect((await requestAs(http, await signIn(http, 'vt@demo.tafel'), 'GET', '/api/cases/demo/export')).status).toBe(200);
    const { sql } = env.server.tafel.services;
    const look = (at: string) => ({ at, event: 'sectie-bekeken', case_id: 'demo', section_id: 'plan', user_id: 'gi', role: 'gi', organisation_id: null, on_behalf_of: null, detail: null });
    const old = Array.from({ length: OLD_DAYS }, (_, i) => look(`${addDays('2025-01-01', i)}T10:00:00.000Z`));
    await sql.write([sql.db.insertInto('audit_events').values([...old, look(LAST_MONTH)])]);
    // The looks are logged once the socket is let in: wait until all are there.
    const deadline = Date.now() + 5000;
    const logged = async () => (await env.server.tafel.services.audit.forCase('demo')).filter((r) => r.event === 'sectie-bekeken' && r.at >= firstOfMonth).length >= 3;
    while (!(await logged())) {
      if (Date.now() > deadline) throw new Error('the looks were not logged');
      await new Promise((r) => setTimeout(r, 50));
    }
  });

  it('the mother sees who looked at her file this month in 4 taps: a line a person, her own only when she asks', async () => {
    const { page } = await signedInPage(env.browser, env.server.http, 'moeder@demo.tafel', PHONE);
    const taps = await countTaps(page);
    await openHome(page);
    await lookedThisMonth(page);
    const rows = page.locator('.audit-entries > li');
    const eva = rows.filter({ hasText: 'Eva Jansen' });
    await eva.first().waitFor();
    expect(await taps()).toBeLessThanOrEqual(5);

    // One line for Eva's two sections, one for Karim's download, under today's date.
    expect(await eva.count()).toBe(1);
    expect(await eva.textContent()).toMatch(/^\d\d:\d\d Eva Jansen \(Sociaal wijkteam Almere Haven\) las 2 onderdelen/);
    const karim = rows.filter({ hasText: 'Karim El Amrani' });
    expect(await karim.count()).toBe(1);
    expect(await karim.textContent()).toMatch(/Karim El Amrani \(Veilig Thuis Flevoland\) downloadde een afschrift van \d+ onderdelen/);
    expect(await page.locator('.audit-day h2').allTextContents()).toEqual([expect.stringMatching(/^\d{1,2} \w+ \d{4}$/)]);
    // Last month's look is not this month's; her own look is hers to ask for.
    const text = (await page.locator('.audit-page').textContent()) ?? '';
    expect(text).not.toContain('Sanne de Groot');
    expect(text).not.toMatch(/Melder en bronnen|r-melder|Werkaantekeningen/);
    expect(await rows.count()).toBe(2);
    expect(await overflowsSideways(page)).toBe(false);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The titles of what Eva read, on opening the line.
    await eva.getByText('2 onderdelen').click();
    expect(await eva.getByRole('listitem').allTextContents()).toEqual(['Aanleiding en hulpvraag', 'Veiligheidsplan']);

    await page.getByLabel('Ook wat ik zelf deed').check();
    await rows.filter({ hasText: 'Sanne de Groot' }).first().waitFor();
    expect(await rows.filter({ hasText: 'Sanne de Groot' }).textContent()).toMatch(/Sanne de Groot las 1 onderdeel/);
    await page.getByLabel('Ook wat ik zelf deed').uncheck();
    await expect.poll(() => rows.filter({ hasText: 'Sanne de Groot' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Vorige maand' }).click();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.textContent()).toMatch(/las 1 onderdeel/);
  });

  it('the whole log comes a page at a time; "Meer laden" works from the keyboard and goes on where the list grew', async () => {
    const { page } = await signedInPage(env.browser, env.server.http, 'moeder@demo.tafel', PHONE);
    await page.goto(`${env.server.http}/zaken/demo/logboek`);
    await page.getByRole('button', { name: 'Alles' }).click();
    const rows = page.locator('.audit-entries > li');
    await expect.poll(() => rows.count()).toBe(AUDIT_PAGE_SIZE);
    const more = page.getByRole('button', { name: 'Meer laden' });
    await more.focus();
    await page.keyboard.press('Enter');
    // Eva, Karim, last month's look and the old ones: all of them, and the button is gone.
    await expect.poll(() => rows.count()).toBe(OLD_DAYS + 3);
    expect(await more.count()).toBe(0);
    const focused = await page.evaluate(() => [...document.querySelectorAll('.audit-entries > li')].indexOf(document.activeElement as Element));
    expect(focused).toBe(AUDIT_PAGE_SIZE);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('the young person finds what to do, and who looked at the file this month, each within 5 taps', async () => {
    const first = await signedInPage(env.browser, env.server.http, 'jeugdige@demo.tafel', PHONE);
    const toDo = await countTaps(first.page);
    await openHome(first.page);
    const tasks = first.page.getByRole('region', { name: 'Wat moet ik doen?' });
    await tasks.waitFor();
    expect(await tasks.textContent()).not.toBe('');
    expect(await toDo()).toBeLessThanOrEqual(5);
    expect(await seriousA11yViolations(first.page)).toEqual([]);
    await first.context.close();

    const { page } = await signedInPage(env.browser, env.server.http, 'jeugdige@demo.tafel', PHONE);
    const taps = await countTaps(page);
    await openHome(page);
    await lookedThisMonth(page);
    await page.locator('.audit-entries > li', { hasText: 'Eva Jansen' }).waitFor();
    expect(await taps()).toBeLessThanOrEqual(5);
    // Eva's looks, Karim's download, and his mother's look: someone else to him.
    expect(await page.locator('.audit-entries > li').count()).toBe(3);
    expect(await page.locator('.audit-entries > li', { hasText: 'Sanne de Groot' }).textContent()).toMatch(/Sanne de Groot las 1 onderdeel/);
    expect(await overflowsSideways(page)).toBe(false);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});

describe.skipIf(!hasChromium)('an empty month on the family’s log, in Chromium', () => {
  const env = tafelInChromium();
  /** The GI's look two months back, which the mother may see; Veilig Thuis's look last month at the melder, which she may not. */
  const SEEN = `${addMonths(firstOfMonth, -2).slice(0, 8)}10T10:00:00.000Z`;
  const HIDDEN = `${addMonths(firstOfMonth, -1).slice(0, 8)}10T10:00:00.000Z`;
  const monthOf = (at: string) => new Intl.DateTimeFormat('nl-NL', { month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(new Date(at));

  beforeAll(async () => {
    const { sql } = env.server.tafel.services;
    const look = (at: string, user: string, role: string, section: string) => ({ at, event: 'sectie-bekeken', case_id: 'demo', section_id: section, user_id: user, role, organisation_id: null, on_behalf_of: null, detail: null });
    await sql.write([sql.db.insertInto('audit_events').values([look(SEEN, 'gi', 'gi', 'plan'), look(HIDDEN, 'vt', 'veilig_thuis', 'r-melder')])]);
  });

  it('says nobody did anything this month yet, and offers the month before it that she may see, not the one she may not', async () => {
    const { page } = await signedInPage(env.browser, env.server.http, 'moeder@demo.tafel', PHONE);
    await openHome(page);
    await lookedThisMonth(page);
    const status = page.locator('.audit-page [role="status"]');
    const earlier = page.getByRole('button', { name: `Bekijk ${monthOf(SEEN)}` });
    await earlier.waitFor();
    expect(await status.textContent()).toBe(`Deze maand heeft nog niemand iets gedaan in je dossier. Daarvoor wel: Bekijk ${monthOf(SEEN)}`);
    expect(await page.locator('.audit-page').textContent()).not.toContain(monthOf(HIDDEN));
    expect(await smallTargets(page)).toEqual([]);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Last month holds only the look she may not see: empty too, and it points at the same month.
    await page.getByRole('button', { name: 'Vorige maand' }).click();
    await expect.poll(() => status.textContent()).toBe(`In deze periode is er niets gebeurd. Daarvoor wel: Bekijk ${monthOf(SEEN)}`);

    // By keyboard: the month's look, and the focus stays on what is said about the period.
    await earlier.focus();
    await page.keyboard.press('Enter');
    const rows = page.locator('.audit-entries > li');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.textContent()).toMatch(/las 1 onderdeel/);
    expect(await status.textContent()).toMatch(/^Van 1 \w+ \d{4} tot en met \d{2} \w+ \d{4}\.$/);
    expect(await status.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await earlier.count()).toBe(0);
  });
});
