import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CLOSE_MESSAGE, CloseCode } from '../../shared/protocol.ts';
import { seriousA11yViolations } from '../support/axe.ts';
import { hasChromium, openSection, PHONE, signedInOnCase, signedInOnSection, tafelInChromium } from '../support/browser.ts';

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
  const env = tafelInChromium();

  it('on her own reaction she reads that the list reads it already, by role, and whom she can share it with besides', async () => {
    const { page, panel: section } = await signedInOnSection(env.browser, env.server.http, 'moeder@demo.tafel', 'reactie-besluit-sanne', PHONE);
    expect(await section.locator('.visible-to li').count()).toBeGreaterThan(1);
    const sharing = section.getByRole('region', { name: 'Toestemming' });
    await sharing.getByRole('heading', { name: 'Wie kan het nog niet lezen?' }).waitFor();
    const text = await sharing.textContent();
    // Not "nobody may read this" right under a list of people who do.
    expect(text).not.toMatch(/niemand toestemming|Wie mag dit over jou lezen/);
    expect(text).toContain('Bij ‘Wie kan dit zien?’ staat wie het al leest, door hun rol in de zaak.');
    expect(text).toContain('Je kunt het delen met:');
    await sharing.getByRole('button', { name: 'Delen met Ria' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('hides it until he consents, and closes her editor when he withdraws', async () => {
    const sanne = await signedInOnCase(env.browser, env.server.http, 'moeder@demo.tafel');
    await sanne.page.locator('button[data-section="aanleiding"]').waitFor();

    // Not listed, not openable: no GGZ of Murat, no restricted section, not even their names.
    const listed = await sanne.page.locator('button[data-section]').evaluateAll((els) => els.map((e) => e.getAttribute('data-section')));
    expect(listed).toContain('ggz-sanne');
    expect(listed).not.toContain('ggz-murat');
    expect(listed.filter((id) => id?.startsWith('r-'))).toEqual([]);
    // His own words are hers to read; his GGZ section is not, not even by its title.
    expect(await sanne.page.content()).not.toMatch(/melder|werkaantekeningen|ggz-murat|verslaving: Murat/i);
    for (const id of ['ggz-murat', 'r-melder', 'r-adres']) {
      expect(await probeSocket(sanne.page, id)).toEqual({ code: CloseCode.forbidden, bytes: 0 });
    }

    // Murat shares his GGZ section with Sanne.
    const murat = await signedInOnSection(env.browser, env.server.http, 'vader@demo.tafel', 'ggz-murat');
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
