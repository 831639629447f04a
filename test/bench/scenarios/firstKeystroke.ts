import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Locator, type Page } from 'playwright-core';
import { BENCH_ACCOUNT, type BenchServer, DEMO_CASE, DEMO_PASSWORD } from '../servers.ts';
import { type Summary, summarize } from '../stats.ts';
import { type PageMarks, pageMarksScript, pathFromMarks } from './pageMarks.ts';

export type FirstKeystrokeResult =
  | { skipped: string }
  | {
      /**
       * From pressing "Inloggen" to an editable, synced editor, per run (fresh browser context each),
       * as the page saw it: the steps below added up, without the driver's reaction time.
       */
      runsMs: number[];
      /** The same path as the driver saw it (includes Playwright's polling and clicks). */
      driverMs: number[];
      total: Summary;
      /** Loading the sign-in page, per run (not part of the figure). */
      pageLoadMs: number[];
      /** Where the time went, per run: until the case list, until the case page, until the editor. */
      stepsMs: { caseList: number; casePage: number; editor: number }[];
      /** Whether the typed text appeared in the editor in every run. */
      typed: boolean;
      /** Whether dist/client held React's development build when measured (null: unknown). */
      developmentBundle: boolean | null;
      section: string;
      notes: string[];
    };

/** Where `npm start` serves the client from (server/app.ts CLIENT_DIST). */
const CLIENT_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist/client');

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Scenario 3 in a real browser: sign in, open the case, open a section, until a keystroke can land. */
export async function measureFirstKeystroke(tafel: BenchServer, section: string, repeats: number): Promise<FirstKeystrokeResult> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) return { skipped: `no Chromium at ${executablePath} (set CHROMIUM_PATH or apt-get install chromium)` };
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const runsMs: number[] = [];
  const pageLoadMs: number[] = [];
  const stepsMs: { caseList: number; casePage: number; editor: number }[] = [];
  const driverMs: number[] = [];
  const notes = new Set<string>();
  let typed = true;
  try {
    for (let i = 0; i < repeats; i++) {
      // A fresh context: empty cache and no cookie, like a first visit.
      const context = await browser.newContext();
      await context.addInitScript({
        content: pageMarksScript({ caseLink: `a[href="/zaken/${DEMO_CASE}"]`, sectionButton: `button[data-section="${section}"]`, editor: editorSelector(section) }),
      });
      const page = await context.newPage();
      try {
        const loadStart = performance.now();
        const email = await loadSignInPage(page, tafel, notes);
        pageLoadMs.push(performance.now() - loadStart);
        await email.fill(BENCH_ACCOUNT);
        await page.getByLabel(/wachtwoord/i).fill(DEMO_PASSWORD);
        const start = performance.now();
        await page.getByRole('button', { name: /inloggen/i }).click();
        const listed = await openCasePage(page, tafel, notes);
        const casePage = await openSection(page, section, notes);
        const editor = casePage.editor;
        const done = performance.now();
        driverMs.push(done - start);
        const driverSteps = { caseList: listed - start, casePage: casePage.shownAt - listed, editor: done - casePage.shownAt };
        const marked = pathFromMarks(await page.evaluate(() => (window as unknown as { __benchMarks: PageMarks }).__benchMarks));
        if (!marked) notes.add('page marks incomplete (the UI changed?); used the driver timings');
        const steps = marked ?? driverSteps;
        stepsMs.push(steps);
        runsMs.push(steps.caseList + steps.casePage + steps.editor);
        await editor.click();
        await page.keyboard.press('End');
        await page.keyboard.type('bench');
        typed &&= await editor.evaluate((el) => el.textContent?.includes('bench') ?? false);
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  const developmentBundle = servedBundleIsDevelopment(CLIENT_DIST);
  if (developmentBundle) notes.add("the served client bundle is React's development build");
  return { runsMs, total: summarize(runsMs), driverMs, pageLoadMs, stepsMs, typed, developmentBundle, section, notes: [...notes] };
}

/** A section's editor once it is synced with the server and editable. */
function editorSelector(section: string): string {
  return `[data-section-panel="${section}"] .section-editor[data-synced="true"] .ProseMirror[contenteditable="true"]`;
}

/**
 * Loads the sign-in page and returns its e-mail field. Reloads a few times: `dist/client` is shared
 * with every other Tafel process on the machine, and one that finds the client stale rebuilds it
 * (emptying the directory first), which leaves a blank page for a while. Not part of the figure.
 */
async function loadSignInPage(page: Page, tafel: BenchServer, notes: Set<string>): Promise<Locator> {
  const email = page.getByLabel(/e-?mail/i);
  for (let attempt = 1; ; attempt++) {
    await page.goto(`${tafel.http}/`);
    try {
      await email.waitFor({ timeout: 10_000 });
      return email;
    } catch (e) {
      if (attempt === 6) throw e;
      notes.add('the sign-in page did not render at first (client rebuilt meanwhile?); reloaded');
    }
  }
}

/** Whether the served client bundle contains React's development build (slower than production). */
export function servedBundleIsDevelopment(distDir: string): boolean | null {
  try {
    const assets = path.join(distDir, 'assets');
    return fs
      .readdirSync(assets)
      .filter((f) => f.endsWith('.js'))
      .some((f) => fs.readFileSync(path.join(assets, f), 'utf8').includes('Download the React DevTools'));
  } catch {
    return null;
  }
}

/**
 * Follows the case link on the case list; falls back to the URL if the list looks different.
 * Returns when the case list was there (performance.now()).
 */
async function openCasePage(page: Page, tafel: BenchServer, notes: Set<string>): Promise<number> {
  const link = page.locator(`a[href="/zaken/${DEMO_CASE}"]`);
  try {
    await link.waitFor({ timeout: 10_000 });
    const listed = performance.now();
    await link.click();
    return listed;
  } catch {
    notes.add('case link not found on the case list; navigated to /zaken/demo directly');
    const listed = performance.now();
    await page.goto(`${tafel.http}/zaken/${DEMO_CASE}`);
    return listed;
  }
}

/**
 * Opens a section and waits until its editor is editable and synced with the server. Returns the
 * editor and when the case page showed its sections.
 */
async function openSection(page: Page, section: string, notes: Set<string>): Promise<{ editor: Locator; shownAt: number }> {
  const button = page.locator(`button[data-section="${section}"]`);
  let shownAt: number;
  try {
    await button.waitFor({ timeout: 10_000 });
    shownAt = performance.now();
    await button.click();
  } catch {
    notes.add(`no button[data-section="${section}"]; clicked the first section link instead`);
    shownAt = performance.now();
    await page.locator('.section-link').first().click();
  }
  const synced = page.locator(editorSelector(section));
  try {
    await synced.waitFor({ timeout: 15_000 });
    return { editor: synced, shownAt };
  } catch {
    notes.add('no synced section panel marker; waited for any editable ProseMirror editor instead');
    const any = page.locator('.ProseMirror[contenteditable="true"]').first();
    await any.waitFor({ timeout: 15_000 });
    return { editor: any, shownAt };
  }
}
