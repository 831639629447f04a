import { describe, expect, it } from 'vitest';
import { catalogueEntry, CatalogueId } from '../../shared/sections.ts';
import { DEMO_CRISIS_WORKER } from '../../server/seed/demoCase.ts';
import { seriousA11yViolations } from '../support/axe.ts';
import { hasChromium, openSection, PHONE, signedInOnCase, signedInPage, tafelInChromium } from '../support/browser.ts';

const REASON = 'Politie belde: ruzie thuis, moeder en kinderen zijn bij oma. Ik moet het veiligheidsplan kennen.';

describe.skipIf(!hasChromium)('emergency access (noodtoegang), in Chromium', () => {
  const env = tafelInChromium();

  it('a crisis worker starts it with a reason, reads the safety plan only; the mother sees it live and the regisseur ends it', async () => {
    const sanne = await signedInOnCase(env.browser, env.server.http, 'moeder@demo.tafel', PHONE);
    const fatima = await signedInPage(env.browser, env.server.http, DEMO_CRISIS_WORKER.email, undefined, false);
    const form = fatima.page.getByRole('form', { name: 'Noodtoegang' });
    await form.getByLabel('Zaaknummer').fill('demo');
    await form.getByLabel('Waarom is het nu nodig?').fill('Dringend');
    await form.getByRole('button', { name: 'Noodtoegang starten' }).click();
    // The browser's own check stops a reason this short; the server's message is the same rule.
    expect(await form.getByLabel('Waarom is het nu nodig?').evaluate((el) => (el as HTMLTextAreaElement).validity.tooShort)).toBe(true);
    await form.getByLabel('Waarom is het nu nodig?').fill(REASON);
    await form.getByRole('button', { name: 'Noodtoegang starten' }).click();

    const notice = fatima.page.getByRole('region', { name: 'Noodtoegang' });
    await notice.getByText(/Noodtoegang tot .*Je leest alleen wat nodig is voor de veiligheid/).waitFor();
    const listed = await fatima.page.locator('button[data-section]').evaluateAll((els) => els.map((el) => el.getAttribute('data-section')!));
    const sections = await env.server.tafel.services.cases.sections('demo');
    const catalogueOf = new Map(sections.map((s) => [s.id as string, CatalogueId.parse(s.catalogueId)]));
    expect(listed.length).toBeGreaterThan(3);
    for (const id of listed) expect(catalogueEntry(catalogueOf.get(id)!).inEmergency, id).toBe(true);
    expect(listed).not.toContain('financien');

    await openSection(fatima.page, 'veiligheidsplan');
    const plan = fatima.page.locator('[data-section-panel="veiligheidsplan"]');
    expect(await plan.locator('.ProseMirror').getAttribute('contenteditable')).toBe('false');
    await plan.getByText(/Jij mag: lezen \(noodtoegang tot/).waitFor();
    expect(await plan.getByText('Geschiedenis: wie schreef wat').count()).toBe(0);
    expect(await fatima.page.getByRole('link', { name: 'Afschrift downloaden' }).count()).toBe(0);
    expect(await seriousA11yViolations(fatima.page)).toEqual([]);

    // The mother learns it without reloading, in plain words, with the reason.
    const hers = sanne.page.getByRole('region', { name: 'Noodtoegang' });
    await hers.getByText(`${DEMO_CRISIS_WORKER.name} (Crisisdienst Jeugd Flevoland) mag tot`, { exact: false }).waitFor();
    expect(await hers.textContent()).toContain(REASON);
    expect(await seriousA11yViolations(sanne.page)).toEqual([]);
    await sanne.page.getByRole('link', { name: 'Wie heeft het bekeken' }).click();
    await sanne.page.getByText(`kreeg noodtoegang: “${REASON}”`).waitFor();
    await sanne.page.locator('.audit-entries > li', { hasText: 'las met noodtoegang' }).first().waitFor();

    const eva = await signedInPage(env.browser, env.server.http, 'regisseur@demo.tafel');
    await eva.page.getByText(new RegExp(`^Noodtoegang: ${DEMO_CRISIS_WORKER.name} tot`)).waitFor();
    await eva.page.getByRole('link', { name: /Gezin De Groot/ }).click();
    await eva.page.getByRole('button', { name: `Noodtoegang van ${DEMO_CRISIS_WORKER.name} beëindigen` }).click();
    await plan.getByText('Je hebt geen toegang (meer) tot dit onderdeel.').waitFor();
    await eva.page.getByRole('region', { name: 'Noodtoegang' }).waitFor({ state: 'detached' });

    for (const p of [sanne, fatima, eva]) await p.context.close();
  });
});
