import fs from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type RunningTafel, type StartOptions, startTafel } from './tafelServer.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Whether the system Chromium is here; `.ci/run` installs it, elsewhere the e2e suites say why they skip. */
export const hasChromium = fs.existsSync(CHROMIUM);

/** A phone's viewport: 375 px, the narrowest width the pages are made for. */
export const PHONE = { width: 375, height: 740 };
if (!hasChromium) console.warn(`e2e overgeslagen: geen Chromium op ${CHROMIUM} (installeer met apt-get install -y chromium)`);

/** System Chromium, headless, with the flags this sandbox needs (no background network); Playwright gives it a fresh profile. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh browser context on Tafel's sign-in page, in Dutch, nobody signed in yet. */
export async function signInPage(browser: Browser, http: string, viewport = { width: 1280, height: 900 }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, locale: 'nl-NL' });
  // Fail within the test's own time with a message naming the missing element.
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  await page.goto(http);
  return { context, page };
}

/**
 * A fresh browser context signed in through the sign-in page, like a person would; it waits for
 * the demo case in the case list, or (`inCase` false, for someone outside it) for the list itself.
 */
export async function signedInPage(
  browser: Browser,
  http: string,
  email: string,
  viewport = { width: 1280, height: 900 },
  inCase = true,
): Promise<{ context: BrowserContext; page: Page }> {
  const { context, page } = await signInPage(browser, http, viewport);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill('tafel-demo');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  if (inCase) {
    // A family member in one case starts on its "Thuis"; the helpers go on from the list, as before.
    const list = page.getByRole('link', { name: /Gezin De Groot/ });
    // Whichever comes first; the other one's time-out is no failure.
    await Promise.race([list.waitFor().catch(() => {}), page.waitForURL(/\/thuis$/).catch(() => {})]);
    // Her "Tafel" at the top leads to that Thuis; the list of cases is still at its address.
    if (new URL(page.url()).pathname.endsWith('/thuis')) await page.goto(http);
    await list.waitFor();
  } else await page.getByRole('heading', { name: 'Mijn zaken' }).waitFor();
  return { context, page };
}

/** Opens a section from the section list and waits until its editor is synced. */
export async function openSection(page: Page, sectionId: string): Promise<void> {
  await page.locator(`button[data-section="${sectionId}"]`).click();
  await page.locator(`[data-section-panel="${sectionId}"] .section-editor[data-synced="true"]`).waitFor();
}

/**
 * A Tafel server and a Chromium for the tests of one `describe`, started before and closed
 * after them. Read `server` and `browser` inside the tests. The server's options are read when
 * it starts (so they may name another fixture's server, such as an SMTP server's URL).
 */
export function tafelInChromium(options: () => StartOptions = () => ({})): { readonly server: RunningTafel; readonly browser: Browser } {
  let server: RunningTafel | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startTafel(options());
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get server() {
      return server!;
    },
    get browser() {
      return browser!;
    },
  };
}

/** Signs in and opens the demo case from the case list. */
export async function signedInOnCase(browser: Browser, http: string, email: string, viewport?: { width: number; height: number }) {
  const signed = await signedInPage(browser, http, email, viewport);
  await signed.page.getByRole('link', { name: /Gezin De Groot/ }).click();
  await signed.page.locator('button[data-section]').first().waitFor();
  return signed;
}

/** Signs in, opens the demo case and there this section; `panel` is the open section. */
export async function signedInOnSection(browser: Browser, http: string, email: string, sectionId: string, viewport?: { width: number; height: number }) {
  const signed = await signedInOnCase(browser, http, email, viewport);
  await openSection(signed.page, sectionId);
  return { ...signed, panel: signed.page.locator(`[data-section-panel="${sectionId}"]`) };
}

/** Signs in a family member and opens the demo case's "Thuis", her page of it. */
export async function signedInOnThuis(browser: Browser, http: string, email: string, viewport?: { width: number; height: number }) {
  const signed = await signedInPage(browser, http, email, viewport);
  await signed.page.getByRole('link', { name: /Gezin De Groot/ }).click();
  await signed.page.getByRole('link', { name: 'Thuis' }).click();
  return signed;
}
