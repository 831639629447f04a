import type { Page } from 'playwright-core';
import { connectSection, within } from './syncClient.ts';

/** Texts no page may ever show: what a browser or a library says when something fails. */
const RAW_ERROR = /Failed to fetch|NetworkError|Load failed|TypeError|SyntaxError|Unexpected token|is not valid JSON|ECONNREFUSED|\bError:/;

/**
 * Starts watching the page for raw error texts and marks the window, so a test can tell that the
 * page was never reloaded (the mark would be gone) and never showed such a text.
 */
export async function watchPage(page: Page): Promise<void> {
  await page.evaluate((source) => {
    const pattern = new RegExp(source);
    const w = window as unknown as { __tafelSeen: string[]; __tafelSameLoad: boolean };
    w.__tafelSeen = [];
    w.__tafelSameLoad = true;
    const look = () => {
      // All text, hidden too: a screen reader would read it out.
      const text = document.body.textContent ?? '';
      const hit = pattern.exec(text);
      if (hit) w.__tafelSeen.push(text.slice(Math.max(0, hit.index - 40), hit.index + 80));
    };
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true, characterData: true });
  }, RAW_ERROR.source);
}

/** What {@link watchPage} saw: the raw error texts shown, and whether it is still the same page load. */
export async function pageWatch(page: Page): Promise<{ rawErrors: string[]; sameLoad: boolean }> {
  return page.evaluate(() => {
    const w = window as unknown as { __tafelSeen?: string[]; __tafelSameLoad?: boolean };
    return { rawErrors: w.__tafelSeen ?? [], sameLoad: w.__tafelSameLoad === true };
  });
}

/** The Tafel databases and caches in this browser context (as the page's origin sees them). */
export async function deviceStorage(page: Page): Promise<{ databases: string[]; caches: string[]; cachedApi: string[]; keys: string[] }> {
  return page.evaluate(async () => {
    const databases = (await indexedDB.databases()).map((d) => d.name ?? '');
    const names = await caches.keys();
    const cachedApi: string[] = [];
    for (const name of names) {
      for (const req of await (await caches.open(name)).keys()) if (new URL(req.url).pathname.startsWith('/api/')) cachedApi.push(req.url);
    }
    const keys = Object.keys(localStorage);
    return { databases, caches: names, cachedApi, keys };
  });
}

/** A section's text as a stock y-websocket client reads it from the server. */
export async function storedText(ws: string, cookie: string, sectionId: string): Promise<string> {
  const client = connectSection(ws, 'demo', sectionId, cookie);
  try {
    await within(client.synced, 10_000, `sync of ${sectionId}`);
    return client.text();
  } finally {
    client.destroy();
  }
}

/** The save line of an open section (`data-save` is saved, saving or offline). */
export function saveLine(page: Page, sectionId: string) {
  return page.locator(`[data-section-panel="${sectionId}"] .save-status`);
}

/** Waits until an open section's save line is in this state; returns how long that took. */
export async function waitForSave(page: Page, sectionId: string, kind: 'saved' | 'saving' | 'offline', timeout = 10_000): Promise<number> {
  const start = Date.now();
  await page.locator(`[data-section-panel="${sectionId}"] .save-status[data-save="${kind}"]`).waitFor({ timeout });
  return Date.now() - start;
}

/** Puts the caret at the end of a section's text and types a new paragraph. */
export async function typeParagraph(page: Page, sectionId: string, text: string): Promise<void> {
  await page.locator(`[data-section-panel="${sectionId}"] .ProseMirror`).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type(text);
}
