import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, openSection, signedInOnCase, signedInOnSection, tafelInChromium } from '../support/browser.ts';
import { smallTargets } from '../support/targetSize.ts';
import { demoEmail, requestAs, signIn } from '../support/tafelServer.ts';

/** A common phone (390 × 844 CSS px), held in one hand on the train. */
const PHONE_390 = { width: 390, height: 844 };

describe.skipIf(!hasChromium)('every button and link is at least 24 × 24 px on a phone (WCAG 2.5.8), in Chromium', () => {
  const env = tafelInChromium();

  /** Each page's targets below the minimum, all pages at once, so one run lists everything to fix. */
  const walk = async (page: Page, views: Record<string, () => Promise<void>>) => {
    const found: Record<string, string[]> = {};
    for (const [view, open] of Object.entries(views)) {
      await open();
      found[view] = await smallTargets(page);
    }
    return found;
  };
  /** Opens a page of Tafel by its address and waits for one of its headings. */
  const goTo = (page: Page) => (path: string, heading: string) => async () => {
    await page.goto(`${env.server.http}${path}`);
    await page.getByRole('heading', { name: heading }).first().waitFor();
  };
  const none = (views: Record<string, unknown>) => Object.fromEntries(Object.keys(views).map((view) => [view, []]));

  it('the mother: Thuis, Ons plan, a section with a comment, Meldingen and who looked at her file', async () => {
    // The regisseur's question on a section: a thread to answer, and a notice for the mother.
    const eva = await signIn(env.server.http, demoEmail('regisseur'));
    const asked = await requestAs(env.server.http, eva, 'POST', '/api/cases/demo/sections/aanleiding/threads', {
      anchor: { kind: 'block', blockId: 'aanleiding-vraag', quote: 'Wat vraagt het gezin zelf?' },
      visibility: 'iedereen',
      body: 'Sanne, wanneer start de schuldhulp?',
    });
    expect(asked.status).toBe(200);
    // And her reading it: a line in "who looked at my file", its sections folded.
    await signedInOnSection(env.browser, env.server.http, 'regisseur@demo.tafel', 'aanleiding', PHONE_390);

    const { page } = await signedInOnCase(env.browser, env.server.http, 'moeder@demo.tafel', PHONE_390);
    const go = goTo(page);
    const views = {
      Thuis: go('/zaken/demo/thuis', 'Wat is er besloten?'),
      'Thuis, Menu open': async () => {
        await page.getByRole('button', { name: 'Menu' }).click();
        await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
      },
      'Ons plan': go('/zaken/demo/overzicht', 'Wie doet wat'),
      'Ons dossier, a section with a comment': async () => {
        await page.goto(`${env.server.http}/zaken/demo`);
        await openSection(page, 'aanleiding');
        await page.getByRole('button', { name: 'Antwoorden' }).first().waitFor();
      },
      'Ons dossier, the safety plan and its blocks': () => openSection(page, 'veiligheidsplan'),
      Meldingen: go('/meldingen', 'Meldingen'),
      'Wie heeft het bekeken': async () => {
        await go('/zaken/demo/logboek', 'Wie heeft mijn dossier bekeken')();
        await page.locator('.audit-entries > li', { hasText: 'Eva Jansen' }).first().waitFor();
      },
    };
    expect(await walk(page, views)).toEqual(none(views));
  });

  it('the regisseur: a section in the editor with its toolbar, Overzicht and Deelnemers', async () => {
    const { page } = await signedInOnCase(env.browser, env.server.http, 'regisseur@demo.tafel', PHONE_390);
    const go = goTo(page);
    const views = {
      'Analyse, a section in the editor': async () => {
        await openSection(page, 'aanleiding');
        await page.locator('[data-section-panel="aanleiding"] [role="toolbar"]').waitFor();
      },
      'Analyse, the safety plan and its blocks': () => openSection(page, 'veiligheidsplan'),
      'Analyse, copy unfolded': async () => {
        await page.locator('.case-copy > summary').click();
      },
      Overzicht: go('/zaken/demo/overzicht', 'Acties'),
      Deelnemers: go('/zaken/demo/deelnemers', 'Iemand uitnodigen'),
      Logboek: go('/zaken/demo/logboek', 'Logboek van deze zaak'),
      'Mijn zaken': go('/', 'Mijn zaken'),
    };
    expect(await walk(page, views)).toEqual(none(views));
    // Beside its badge the case's name counts as text, so the rule above lets it pass; it is the
    // one thing tapped on that page, so it is held to the size all the same.
    const caseLink = (await page.getByRole('link', { name: 'Gezin De Groot' }).first().boundingBox())!;
    expect(caseLink.height).toBeGreaterThanOrEqual(24);
  });
});
