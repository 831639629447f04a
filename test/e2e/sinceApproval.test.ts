import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { seriousA11yViolations } from '../support/axe.ts';
import { hasChromium, openSection, signedInOnCase, tafelInChromium } from '../support/browser.ts';
import { requestAs, serverEdit, signIn } from '../support/tafelServer.ts';

const SECTION = '/api/cases/demo/sections/aanleiding';

describe.skipIf(!hasChromium)('the reviewer after her approval was withdrawn, in Chromium', () => {
  const env = tafelInChromium();

  it('one click shows exactly the words changed since her approval, and the history marks the approved version and each status change', async () => {
    const eva = await signIn(env.server.http, 'regisseur@demo.tafel');
    const lotte = await signIn(env.server.http, 'gw@demo.tafel');
    expect((await requestAs(env.server.http, eva, 'POST', `${SECTION}/status`, { to: 'review' })).status).toBe(200);
    expect((await requestAs(env.server.http, lotte, 'POST', `${SECTION}/status`, { to: 'goedgekeurd' })).status).toBe(200);
    await serverEdit(env.server, 'aanleiding', (fragment) => {
      for (const node of fragment.createTreeWalker((n) => n instanceof Y.XmlText)) {
        const text = node as Y.XmlText;
        const plain = (text.toDelta() as { insert: unknown }[]).map((d) => (typeof d.insert === 'string' ? d.insert : '')).join('');
        const at = plain.indexOf('glas');
        if (at < 0) continue;
        text.delete(at, 'glas'.length);
        text.insert(at, 'bord');
        return;
      }
    });

    // The regisseur opens it further to Lotte: a share, marked where it happened.
    const grant = { sectionId: 'aanleiding', userId: 'gw', level: 'comment', reason: 'Meelezen voor de analyse.' };
    expect((await requestAs(env.server.http, eva, 'POST', '/api/cases/demo/grants', grant)).status).toBe(200);

    const { page } = await signedInOnCase(env.browser, env.server.http, 'gw@demo.tafel');
    await openSection(page, 'aanleiding');
    const panel = page.locator('[data-section-panel="aanleiding"]');
    const button = panel.getByRole('button', { name: 'Wat is er veranderd sinds mijn goedkeuring?' });
    await button.click();
    const since = panel.getByRole('region', { name: 'Veranderd sinds de goedkeuring' });
    await since.getByText(/Goedgekeurd door Lotte Hendriks op \d{1,2} \w+ \d{4}, \d\d:\d\d\. Sindsdien: \+1 \/ −1 woorden in 1 alinea of blok\./).waitFor();
    expect(await since.locator('ins').allTextContents()).toEqual(['bord']);
    expect(await since.locator('del').allTextContents()).toEqual(['glas']);
    expect(await since.locator('ins').getAttribute('title')).toBe('toegevoegd door Eva Jansen');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await panel.getByText('Geschiedenis: wie schreef wat').click();
    const mark = panel.locator('.approval-mark');
    await mark.waitFor();
    expect(await mark.textContent()).toMatch(/Goedgekeurd door Lotte Hendriks op .*\d{4}.*\(vervallen op .* door een wijziging van Eva Jansen\)/);
    // Versions carry their year and say in one line what they changed.
    const newest = panel.locator('.versions li').first();
    expect(await newest.locator('button').textContent()).toMatch(/\d{4}, \d\d:\d\d$/);
    await newest.locator('.version-summary').waitFor();
    expect(await newest.locator('.version-summary').textContent()).toBe(' · +1 / −1 woorden in 1 alinea of blok');
    // Each status change is marked too, with who and the full date.
    const moves = panel.locator('.status-mark');
    await expect.poll(() => moves.count()).toBe(3);
    // Newest first, as the versions: the withdrawal at Eva's change, in the newest version.
    const lines = await moves.allTextContents();
    expect(lines[0]).toMatch(/^Status: Goedgekeurd → In review, door Eva Jansen op .*\d{4}.*\(goedkeuring vervallen door wijziging van Eva Jansen om \d\d:\d\d\)$/);
    expect(await newest.locator('.status-mark').allTextContents()).toEqual([lines[0]]);
    expect(lines[1]).toMatch(/^Status: In review → Goedgekeurd, door Lotte Hendriks op .*\d{4}/);
    expect(lines[2]).toMatch(/^Status: Concept → In review, door Eva Jansen op \d{1,2} \w+ \d{4}, \d\d:\d\d$/);
    expect(await newest.locator('.share-mark').textContent()).toMatch(
      /^Gedeeld met Lotte Hendriks, gedragswetenschapper \(lezen en reageren\): toegekend door Eva Jansen op \d{1,2} \w+ \d{4}, \d\d:\d\d$/,
    );
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});
