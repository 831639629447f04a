import { describe, expect, it } from 'vitest';
import { seriousA11yViolations } from '../support/axe.ts';
import { hasChromium, PHONE, signedInPage, tafelInChromium } from '../support/browser.ts';
import { recipientOf } from '../support/smtpServer.ts';
import { suiteSmtp } from '../support/suiteSmtp.ts';
import { waitFor } from '../support/syncClient.ts';

/**
 * From nothing to a parent reading her own case on her phone: the regisseur starts the case and
 * invites the mother by e-mail (through a real SMTP server); the mother opens the link from the
 * mail she received, chooses a password and sees the case.
 */
describe.skipIf(!hasChromium)('a new case, an invitation by mail, the mother on her phone', () => {
  const smtp = suiteSmtp();
  const env = tafelInChromium(() => ({ settings: { TAFEL_SMTP_URL: smtp.url } }));

  it('the regisseur starts it and invites her; she accepts from the mail and reads her case', async () => {
    const { context, page } = await signedInPage(env.browser, env.server.http, 'regisseur@demo.tafel');
    await page.getByRole('link', { name: 'Nieuwe zaak' }).click();
    await page.getByLabel('Titel van de zaak').fill('Gezin Bakker');
    const mother = page.getByRole('group', { name: 'Persoon 1' });
    await mother.getByLabel('Naam').fill('Anna Bakker');
    await mother.getByLabel(/^Relatie/).fill('moeder');
    const child = page.getByRole('group', { name: 'Persoon 2' });
    await child.getByLabel('Naam').fill('Lina Bakker');
    await child.getByLabel(/^Geboortedatum/).fill('2016-02-29');
    await page.getByRole('button', { name: 'Zaak starten' }).click();
    await page.waitForURL(/\/zaken\/zaak-/);
    const caseUrl = page.url();

    await page.goto(`${caseUrl}/deelnemers`);
    const form = page.locator('form.invite-form', { has: page.getByRole('heading', { name: 'Iemand uitnodigen' }) });
    await form.getByLabel('Wie', { exact: true }).selectOption({ label: 'Ouder' });
    await form.getByLabel('Naam', { exact: true }).fill('Anna Bakker');
    await form.getByLabel('E-mailadres', { exact: true }).fill('anna.bakker@example.nl');
    await form.getByLabel('Welk gezinslid is dit?').selectOption({ label: 'Anna Bakker' });
    await form.getByRole('button', { name: 'Uitnodigen' }).click();
    await page.getByRole('status').first().waitFor();
    // Mailed, so no link to pass on by hand.
    expect(await page.getByLabel('Uitnodigingslink').count()).toBe(0);
    await context.close();

    await waitFor(() => smtp.received.some((m) => recipientOf(m) === 'anna.bakker@example.nl'), 10_000, 'the invitation in her mailbox');
    const mail = smtp.received.find((m) => recipientOf(m) === 'anna.bakker@example.nl')!;
    expect(mail.subject).toBe('Uitnodiging voor Tafel');
    // The mail greets her and names no case and no other member of the family: only the link.
    expect(mail.text).toMatch(/^Beste Anna Bakker,/);
    for (const word of ['Gezin Bakker', 'Lina']) expect(mail.text).not.toContain(word);
    const link = mail.text?.match(/https?:\/\/\S+\/uitnodiging\/\S+/)?.[0];
    expect(link).toBeDefined();

    const phone = await env.browser.newContext({ viewport: PHONE, locale: 'nl-NL', isMobile: true, hasTouch: true });
    phone.setDefaultTimeout(10_000);
    const hers = await phone.newPage();
    await hers.goto(link!.replace(/^https?:\/\/[^/]+/, env.server.http));
    await hers.getByText('je bent uitgenodigd voor').waitFor();
    expect(await seriousA11yViolations(hers)).toEqual([]);
    await hers.getByLabel(/Kies een wachtwoord/).fill('ons-eigen-plan-2026');
    await hers.getByRole('button', { name: 'Uitnodiging aannemen' }).click();
    await hers.waitForURL(new RegExp(caseUrl.split('/').at(-1)!));
    await hers.getByText('Gezin Bakker').first().waitFor();
    // It fits her screen: nothing to scroll sideways.
    expect(await hers.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await seriousA11yViolations(hers)).toEqual([]);
    // The link worked once: opened again, it says so and signs nobody in.
    const again = await env.browser.newContext({ locale: 'nl-NL' });
    const other = await again.newPage();
    await other.goto(link!.replace(/^https?:\/\/[^/]+/, env.server.http));
    await other.getByRole('alert').waitFor();
    await again.close();
    await phone.close();
  });
});
