import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE_MESSAGE, CloseCode } from '../../shared/protocol.ts';
import { hasChromium, launchBrowser, openSection, signedInPage } from '../support/browser.ts';
import { type RunningTafel, startTafel } from '../support/tafelServer.ts';

/** Opens a sync socket from inside the page (with its cookie) and reports how it ended. */
function probeSocket(page: Page, sectionId: string) {
  return page.evaluate(
    (id) =>
      new Promise<{ code: number; bytes: number }>((resolve) => {
        const ws = new WebSocket(`ws://${location.host}/sync/demo/${id}`);
        let bytes = 0;
        ws.binaryType = 'arraybuffer';
        ws.onmessage = (e) => {
          bytes += (e.data as ArrayBuffer).byteLength;
        };
        ws.onclose = (e) => resolve({ code: e.code, bytes });
      }),
    sectionId,
  );
}

describe.skipIf(!hasChromium)('the mother and the father’s GGZ section, in Chromium', () => {
  let server: RunningTafel;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTafel();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('hides it until he consents, and closes her editor when he withdraws', async () => {
    const sanne = await signedInPage(browser, server.http, 'moeder@demo.tafel');
    await sanne.page.getByRole('link', { name: /Gezin De Groot/ }).click();
    await sanne.page.locator('button[data-section="aanleiding"]').waitFor();

    // Not listed, not openable: no GGZ of Murat, no restricted section, not even their names.
    const listed = await sanne.page.locator('button[data-section]').evaluateAll((els) => els.map((e) => e.getAttribute('data-section')));
    expect(listed).toContain('ggz-sanne');
    expect(listed).not.toContain('ggz-murat');
    expect(listed.filter((id) => id?.startsWith('r-'))).toEqual([]);
    expect(await sanne.page.content()).not.toMatch(/melder|werkaantekeningen|Murat\b.*GGZ/i);
    for (const id of ['ggz-murat', 'r-melder', 'r-adres']) {
      expect(await probeSocket(sanne.page, id)).toEqual({ code: CloseCode.forbidden, bytes: 0 });
    }

    // Murat shares his GGZ section with Sanne.
    const murat = await signedInPage(browser, server.http, 'vader@demo.tafel');
    await murat.page.getByRole('link', { name: /Gezin De Groot/ }).click();
    await openSection(murat.page, 'ggz-murat');
    await murat.page.getByRole('button', { name: 'Delen met Sanne' }).click();
    await murat.page.getByRole('button', { name: 'Intrekken' }).waitFor();

    // Her section list updates live; she can read it, not edit it.
    await sanne.page.locator('button[data-section="ggz-murat"]').waitFor({ timeout: 5000 });
    await openSection(sanne.page, 'ggz-murat');
    const panel = sanne.page.locator('[data-section-panel="ggz-murat"]');
    await expect.poll(() => panel.locator('.ProseMirror').textContent()).toContain('agressieregulatietraining');
    expect(await panel.locator('.ProseMirror').getAttribute('contenteditable')).toBe('false');
    expect(await panel.getByText('Alleen lezen').count()).toBe(1);

    // He withdraws: her open editor closes with a plain Dutch message.
    await murat.page.getByRole('button', { name: 'Intrekken' }).click();
    const started = Date.now();
    await sanne.page.getByText(CLOSE_MESSAGE[CloseCode.forbidden]!).waitFor({ timeout: 5000 });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(await sanne.page.locator('[data-section-panel="ggz-murat"] .ProseMirror').count()).toBe(0);
  });
});
