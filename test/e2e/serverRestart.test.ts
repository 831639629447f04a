import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, openSection, signedInOnCase } from '../support/browser.ts';
import { type ChildTafel, freePort, startChildTafel } from '../support/childServer.ts';
import { pageWatch, storedText, typeParagraph, waitForSave, watchPage } from '../support/localCopies.ts';
import { demoEmail, signIn } from '../support/tafelServer.ts';

describe.skipIf(!hasChromium)('a server restart while someone types, in Chromium', () => {
  let browser: Browser;
  let server: ChildTafel | undefined;
  const dirs: string[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  for (const how of ['SIGTERM', 'kill -9'] as const) {
    it(`stores what was typed before, during and after a ${how}, without a reload or a raw error`, async () => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tafel-restart-e2e-'));
      dirs.push(dataDir);
      const env = { PORT: String(await freePort()), TAFEL_DATA_DIR: dataDir };
      server = await startChildTafel(env);
      const { page, context } = await signedInOnCase(browser, server.http, demoEmail('regisseur'));
      await openSection(page, 'aanleiding');
      await watchPage(page);

      await typeParagraph(page, 'aanleiding', 'Voor de herstart.');
      await waitForSave(page, 'aanleiding', 'saved');
      if (how === 'SIGTERM') await server.stop();
      else await server.kill9();
      await page.keyboard.type(' Tijdens de herstart.');
      await waitForSave(page, 'aanleiding', 'offline', 10_000);
      await page.getByText('Verbinding kwijt, we proberen het opnieuw').waitFor();

      server = await startChildTafel(env);
      const backToSaved = await waitForSave(page, 'aanleiding', 'saved', 20_000);
      await page.keyboard.type(' Na de herstart.');
      await waitForSave(page, 'aanleiding', 'saved');
      console.log(`[figures] ${how}: server back to "Opgeslagen" in ${backToSaved} ms`);

      const text = await storedText(server.ws, await signIn(server.http, demoEmail('gi')), 'aanleiding');
      expect(text).toContain('Voor de herstart. Tijdens de herstart. Na de herstart.');
      // The page stayed the same page load and never showed a browser's or library's error text.
      const watch = await pageWatch(page);
      expect(watch).toEqual({ rawErrors: [], sameLoad: true });
      // The banner went away by itself once the server answered again.
      await page.getByText('Verbinding kwijt, we proberen het opnieuw').waitFor({ state: 'detached' });
      await context.close();
    }, 120_000);
  }
});
