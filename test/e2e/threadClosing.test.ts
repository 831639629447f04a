import { describe, expect, it } from 'vitest';
import type { ThreadView } from '../../shared/comments.ts';
import { seriousA11yViolations } from '../support/axe.ts';
import { hasChromium, openSection, PHONE, signedInOnCase, tafelInChromium } from '../support/browser.ts';
import { demoEmail, requestAs, signIn } from '../support/tafelServer.ts';

describe.skipIf(!hasChromium)('"Afhandelen" only for who may close a thread, in Chromium', () => {
  const env = tafelInChromium();

  const startThread = async (who: string, body: string): Promise<ThreadView> => {
    const cookie = await signIn(env.server.http, demoEmail(who));
    const res = await requestAs(env.server.http, cookie, 'POST', '/api/cases/demo/sections/aanleiding/threads', {
      anchor: { kind: 'block', blockId: 'aanleiding-vraag', quote: 'Wat vraagt het gezin zelf?' },
      visibility: 'iedereen',
      body,
    });
    expect(res.status).toBe(200);
    return (await res.json()) as ThreadView;
  };

  it("the mother sees no Afhandelen on the regisseur's question, but does on her own reaction", async () => {
    const question = await startThread('regisseur', 'Sanne, wanneer start de schuldhulp?');
    const own = await startThread('moeder', 'Dit wil ik nog toelichten.');
    const { page } = await signedInOnCase(env.browser, env.server.http, 'moeder@demo.tafel', PHONE);
    await openSection(page, 'aanleiding');
    const theirs = page.locator(`[data-thread="${question.id}"]`);
    const mine = page.locator(`[data-thread="${own.id}"]`);
    await theirs.waitFor();
    await mine.getByRole('button', { name: 'Afhandelen' }).waitFor();
    // She may still answer the question.
    expect(await theirs.getByRole('button', { name: 'Antwoorden' }).count()).toBe(1);
    expect(await theirs.getByRole('button', { name: 'Afhandelen' }).count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The regisseur, who writes this section, closes either.
    const eva = await signedInOnCase(env.browser, env.server.http, 'regisseur@demo.tafel');
    await openSection(eva.page, 'aanleiding');
    await eva.page.locator(`[data-thread="${question.id}"]`).getByRole('button', { name: 'Afhandelen' }).waitFor();
    expect(await eva.page.locator(`[data-thread="${own.id}"]`).getByRole('button', { name: 'Afhandelen' }).count()).toBe(1);
  });
});
