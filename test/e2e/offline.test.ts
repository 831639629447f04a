import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousA11yViolations } from '../support/axe.ts';
import { hasChromium, openSection, PHONE, signedInOnCase, signedInOnSection, signedInPage, tafelInChromium } from '../support/browser.ts';
import { deviceStorage, pageWatch, saveLine, storedText, typeParagraph, waitForSave, watchPage } from '../support/localCopies.ts';
import { demoEmail, requestAs, signIn } from '../support/tafelServer.ts';

/** Waits until the service worker controls the page, so a reload can be answered offline. */
async function shellKept(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (navigator.serviceWorker.controller) return;
    await new Promise<void>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }));
  });
}

/** The visually hidden live text beside a section's save line: what a screen reader is told. */
function saveAnnouncement(page: Page, sectionId: string) {
  return page.locator(`[data-section-panel="${sectionId}"] .save-status + [role="status"]`);
}

/** Every text a live region took from now on (the same text again is no change, and not listed). */
async function recordAnnouncements(page: Page, sectionId: string): Promise<() => Promise<string[]>> {
  const region = saveAnnouncement(page, sectionId);
  await region.evaluate((el) => {
    const heard: string[] = [];
    (window as unknown as { __tafelHeard: string[] }).__tafelHeard = heard;
    new MutationObserver(() => {
      const now = el.textContent ?? '';
      if (heard.at(-1) !== now) heard.push(now);
    }).observe(el, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { __tafelHeard: string[] }).__tafelHeard);
}

const OFFLINE_LINE = 'Geen verbinding: je wijzigingen staan veilig op dit apparaat en gaan mee zodra er weer verbinding is.';

describe.skipIf(!hasChromium)('working without a connection, in Chromium', () => {
  const env = tafelInChromium();

  /**
   * The regisseur in a section the service worker keeps, all saved, then without a connection;
   * `toOffline` is how long the page took to say so.
   */
  const offlineIn = async (sectionId: string) => {
    const signed = await signedInOnSection(env.browser, env.server.http, demoEmail('regisseur'), sectionId);
    await shellKept(signed.page);
    await waitForSave(signed.page, sectionId, 'saved');
    await signed.context.setOffline(true);
    const toOffline = await waitForSave(signed.page, sectionId, 'offline', 2000);
    return { ...signed, toOffline };
  };

  it('says so within 2 s, keeps the text through an offline reload and stores it once online', async () => {
    const { page, context, toOffline } = await offlineIn('opvoeding');
    await typeParagraph(page, 'opvoeding', 'Offline getypt in de trein.');
    await expect.poll(() => saveLine(page, 'opvoeding').textContent()).toMatch(
      /^Geen verbinding: je wijzigingen staan veilig op dit apparaat en gaan mee zodra er weer verbinding is\. Nog niet opgeslagen: \d+ wijzigingen\.$/,
    );

    const reloading = Date.now();
    await page.reload();
    const editor = page.locator('[data-section-panel="opvoeding"] .ProseMirror');
    await editor.getByText('Offline getypt in de trein.').waitFor();
    const offlineReload = Date.now() - reloading;
    // Marked offline: the banner, and the section's own line with what is still to be sent.
    await page.getByText('Verbinding kwijt, we proberen het opnieuw').waitFor();
    expect(await saveLine(page, 'opvoeding').getAttribute('data-save')).toBe('offline');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await saveLine(page, 'opvoeding').textContent()).toMatch(/Nog niet opgeslagen: \d+ wijzigingen/);
    await watchPage(page);

    await context.setOffline(false);
    const toSaved = await waitForSave(page, 'opvoeding', 'saved', 15_000);
    const gi = await signIn(env.server.http, demoEmail('gi'));
    const text = await storedText(env.server.ws, gi, 'opvoeding');
    expect(text).toContain('Offline getypt in de trein.');
    // Sent after the reload, under the client id it was typed with: stored as hers.
    const versions = (await (await requestAs(env.server.http, gi, 'GET', '/api/cases/demo/sections/opvoeding/versions')).json()) as { authors: { name: string }[] }[];
    expect(versions[0]?.authors.map((a) => a.name)).toContain('Eva Jansen');
    expect((await pageWatch(page)).rawErrors).toEqual([]);
    console.log(`[figures] offline message after ${toOffline} ms; offline reload to text ${offlineReload} ms; online to "Opgeslagen" ${toSaved} ms`);
    await context.close();
  });

  it('keeps the keystrokes typed the moment before an offline reload', async () => {
    const { page, context } = await offlineIn('verklarende-analyse');
    // No pause between the last key and the reload: IndexedDB may not have committed it yet.
    await typeParagraph(page, 'verklarende-analyse', 'Laatste woorden voor het herladen!');
    await page.reload();
    const editor = page.locator('[data-section-panel="verklarende-analyse"] .ProseMirror');
    await editor.getByText('Laatste woorden voor het herladen!').waitFor();
    await context.setOffline(false);
    await waitForSave(page, 'verklarende-analyse', 'saved', 15_000);
    const gi = await signIn(env.server.http, demoEmail('gi'));
    expect(await storedText(env.server.ws, gi, 'verklarende-analyse')).toContain('Laatste woorden voor het herladen!');
    await context.close();
  });

  it('merges what two people typed in the same section while both were offline', async () => {
    const eva = await signedInOnCase(env.browser, env.server.http, demoEmail('regisseur'));
    const karim = await signedInOnCase(env.browser, env.server.http, demoEmail('vt'));
    for (const { page } of [eva, karim]) await openSection(page, 'huiselijk-geweld');
    await Promise.all([eva.context.setOffline(true), karim.context.setOffline(true)]);
    await typeParagraph(eva.page, 'huiselijk-geweld', 'Eva offline: gesprek met school gepland.');
    await typeParagraph(karim.page, 'huiselijk-geweld', 'Karim offline: melding van de buren nagevraagd.');
    await Promise.all([eva.context.setOffline(false), karim.context.setOffline(false)]);
    await Promise.all([waitForSave(eva.page, 'huiselijk-geweld', 'saved', 15_000), waitForSave(karim.page, 'huiselijk-geweld', 'saved', 15_000)]);

    const text = await storedText(env.server.ws, await signIn(env.server.http, demoEmail('gi')), 'huiselijk-geweld');
    expect(text).toContain('Eva offline: gesprek met school gepland.');
    expect(text).toContain('Karim offline: melding van de buren nagevraagd.');
    // And each sees the other's text.
    await eva.page.locator('[data-section-panel="huiselijk-geweld"] .ProseMirror').getByText('Karim offline').waitFor();
    await karim.page.locator('[data-section-panel="huiselijk-geweld"] .ProseMirror').getByText('Eva offline').waitFor();
    await eva.context.close();
    await karim.context.close();
  });

  it('tells a screen reader what the save line says: once when offline typing leaves something unsaved, and when it is back', async () => {
    const { page, context } = await offlineIn('evaluatie');
    const hidden = saveAnnouncement(page, 'evaluatie');
    await expect.poll(() => hidden.textContent()).toBe(`Evaluatie: ${OFFLINE_LINE} Alles wat je typte is al opgeslagen.`);
    const heard = await recordAnnouncements(page, 'evaluatie');

    await typeParagraph(page, 'evaluatie', 'Offline: de schaalvraag komt in februari terug.');
    await expect.poll(() => saveLine(page, 'evaluatie').textContent()).toMatch(/ Nog niet opgeslagen: \d+ wijzigingen\.$/);
    expect((await saveLine(page, 'evaluatie').textContent())?.startsWith(`${OFFLINE_LINE} `)).toBe(true);
    // The visible line without its count, which moves at every key: said once, not at every key.
    const unsaved = `Evaluatie: ${OFFLINE_LINE} Nog niet opgeslagen.`;
    expect(await hidden.textContent()).toBe(unsaved);
    expect(await heard()).toEqual([unsaved]);

    await context.setOffline(false);
    await waitForSave(page, 'evaluatie', 'saved', 15_000);
    expect(await saveLine(page, 'evaluatie').textContent()).toBe('Opgeslagen');
    const back = 'Evaluatie: weer verbonden, alles is opgeslagen.';
    await expect.poll(() => hidden.textContent()).toBe(back);
    // Between the two only silence (emptied while it saves), nothing said twice.
    expect((await heard()).filter(Boolean)).toEqual([unsaved, back]);
    await context.close();
  });

  it('a comment sent offline says it was not sent, keeps the text, and goes once when sent again online', async () => {
    const { context, page } = await signedInPage(env.browser, env.server.http, demoEmail('moeder'), PHONE);
    await page.goto(`${env.server.http}/zaken/demo`);
    await openSection(page, 'veiligheidsplan');
    const panel = page.locator('[data-section-panel="veiligheidsplan"]');
    await panel.locator('.ProseMirror h2', { hasText: 'Signaleringsplan' }).selectText();
    const field = panel.getByLabel('Reactie op de geselecteerde tekst');
    const comment = 'Oma Ria weet het ook als Daan wegkruipt.';
    await field.fill(comment);

    await context.setOffline(true);
    await panel.getByRole('button', { name: 'Reageer op selectie' }).click();
    await panel
      .getByRole('alert')
      .filter({ hasText: 'Niet verstuurd: er is geen verbinding. Je tekst staat er nog. Probeer het opnieuw als je weer verbinding hebt.' })
      .waitFor();
    expect(await field.inputValue()).toBe(comment);
    expect(await panel.getByText('Verbinding kwijt, we proberen het opnieuw').count()).toBe(0);

    await context.setOffline(false);
    await panel.getByRole('button', { name: 'Reageer op selectie' }).click();
    const thread = panel.locator('.thread', { hasText: comment });
    await thread.waitFor();
    await expect.poll(() => field.inputValue()).toBe('');
    expect(await panel.getByRole('alert').count()).toBe(0);
    // Once in the thread list, and once at the server.
    expect(await thread.count()).toBe(1);
    const regisseur = await signIn(env.server.http, demoEmail('regisseur'));
    const threads = (await (await requestAs(env.server.http, regisseur, 'GET', '/api/cases/demo/sections/veiligheidsplan/threads')).json()) as { comments: { body: string }[] }[];
    expect(threads.flatMap((t) => t.comments).filter((c) => c.body === comment)).toHaveLength(1);
    await context.close();
  });

  it('leaves no database, cache or key of the account behind after signing out', async () => {
    const { page, context } = await signedInOnCase(env.browser, env.server.http, demoEmail('raad'));
    await openSection(page, 'besluit');
    await typeParagraph(page, 'besluit', 'Besluit volgt na het overleg.');
    await waitForSave(page, 'besluit', 'saved');
    const before = await deviceStorage(page);
    expect(before.databases.some((d) => d.startsWith('tafel:raad:'))).toBe(true);
    expect(before.cachedApi.length).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByLabel('E-mailadres').waitFor();
    await expect
      .poll(async () => {
        const after = await deviceStorage(page);
        return { databases: after.databases.filter((d) => d.startsWith('tafel:')), cachedApi: after.cachedApi, keys: after.keys.filter((k) => k.startsWith('tafel:')) };
      })
      .toEqual({ databases: [], cachedApi: [], keys: [] });
    // What stays is the app shell (the service worker's precache), which holds no account data.
    expect((await deviceStorage(page)).caches.every((c) => c.startsWith('workbox-precache'))).toBe(true);
    await context.close();
  });

  it('opens fast, and keeps the whole demo case in a small local store', async () => {
    const context = await env.browser.newContext({ locale: 'nl-NL' });
    const page = await context.newPage();
    const loading = Date.now();
    await page.goto(env.server.http);
    await page.getByLabel('E-mailadres').waitFor();
    const firstLoad = Date.now() - loading;
    await context.close();

    const signed = await signedInOnCase(env.browser, env.server.http, demoEmail('regisseur'));
    const ids = await signed.page.locator('button[data-section]').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-section') ?? ''));
    for (const id of ids) await openSection(signed.page, id);
    await shellKept(signed.page);
    const usage = await signed.page.evaluate(async () => {
      const estimate = (await navigator.storage.estimate()) as StorageEstimate & { usageDetails?: Record<string, number> };
      // The Yjs updates themselves, without the database files' own overhead.
      let yjs = 0;
      for (const { name } of await indexedDB.databases()) {
        if (!name?.startsWith('tafel:')) continue;
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const r = indexedDB.open(name);
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        });
        const all = await new Promise<Uint8Array[]>((resolve) => {
          const r = db.transaction('updates').objectStore('updates').getAll();
          r.onsuccess = () => resolve(r.result as Uint8Array[]);
        });
        yjs += all.reduce((n, u) => n + u.byteLength, 0);
        db.close();
      }
      return { total: estimate.usage ?? 0, indexedDB: estimate.usageDetails?.indexedDB ?? 0, caches: estimate.usageDetails?.caches ?? 0, yjs };
    });
    await signed.context.setOffline(true);
    const reloading = Date.now();
    await signed.page.reload();
    await signed.page.getByRole('heading', { name: /Gezin De Groot/ }).waitFor();
    const offlineShell = Date.now() - reloading;
    console.log(
      `[figures] first load (sign-in page, nothing cached) ${firstLoad} ms; offline reload to the case page ${offlineShell} ms; ` +
        `${ids.length} sections open: Yjs updates ${usage.yjs} B, IndexedDB ${usage.indexedDB} B, Cache Storage ${usage.caches} B, origin total ${usage.total} B`,
    );
    expect(usage.indexedDB).toBeLessThan(5 * 1024 * 1024);
    await signed.context.close();
  });

  for (const level of ['none', 'read'] as const) {
    it(`never sends text typed offline in a section the person lost edit access to (${level}), and tells them`, async () => {
      const { page, context } = await signedInOnCase(env.browser, env.server.http, demoEmail('gi'));
      const section = level === 'none' ? 'financien' : 'bestaanszekerheid';
      await openSection(page, section);
      await context.setOffline(true);
      await waitForSave(page, section, 'offline', 2000);
      await typeParagraph(page, section, `Niet meer te bewaren tekst (${level}).`);

      const regisseur = await signIn(env.server.http, demoEmail('regisseur'));
      const grant = await requestAs(env.server.http, regisseur, 'POST', '/api/cases/demo/grants', { sectionId: section, userId: 'gi', level, reason: 'Niet meer betrokken' });
      expect(grant.status).toBe(200);

      await context.setOffline(false);
      const notice = page.getByRole('alert').filter({ hasText: 'Deze tekst kon niet meer worden opgeslagen' });
      await notice.waitFor({ timeout: 15_000 });
      expect(await notice.getByRole('textbox').inputValue()).toBe(`Niet meer te bewaren tekst (${level}).`);
      expect(await seriousA11yViolations(page)).toEqual([]);
      expect(await storedText(env.server.ws, regisseur, section)).not.toContain('Niet meer te bewaren');
      await notice.getByRole('button', { name: 'Sluiten en weggooien' }).click();
      await notice.waitFor({ state: 'detached' });
      if (level === 'none') {
        // Nothing of a section one may not see stays on the device.
        await expect.poll(async () => (await deviceStorage(page)).databases.filter((d) => d.includes(`:${section}`))).toEqual([]);
      } else {
        // A reader keeps a copy of what the server has, without the text: offline it is not there.
        await page.locator(`[data-section-panel="${section}"] .section-editor[data-synced="true"]`).waitFor();
        await context.setOffline(true);
        await page.reload();
        const editor = page.locator(`[data-section-panel="${section}"] .ProseMirror`);
        await editor.waitFor();
        expect(await editor.textContent()).not.toContain('Niet meer te bewaren');
        expect(await page.getByText('Deze tekst kon niet meer worden opgeslagen').count()).toBe(0);
        await context.setOffline(false);
      }
      await requestAs(env.server.http, regisseur, 'POST', '/api/cases/demo/grants', { sectionId: section, userId: 'gi', level: 'edit', reason: 'Weer betrokken' });
      await context.close();
    });
  }
});
