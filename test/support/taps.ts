import type { Page } from 'playwright-core';

/** Counts the taps (clicks) a person makes from here on. */
export async function countTaps(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    (window as unknown as { taps: number }).taps = 0;
    document.addEventListener('click', () => (window as unknown as { taps: number }).taps++, true);
  });
  return () => page.evaluate(() => (window as unknown as { taps: number }).taps);
}

/** Whether the page is wider than the screen, so part of it is only reachable by swiping sideways. */
export const overflowsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

/** From the case list after sign-in: open the case, then "Thuis". */
export async function openHome(page: Page): Promise<void> {
  await page.getByRole('link', { name: /Gezin De Groot/ }).click();
  await page.getByRole('link', { name: 'Thuis' }).click();
  await page.getByRole('heading', { name: 'Wat is er besloten?' }).waitFor();
}
