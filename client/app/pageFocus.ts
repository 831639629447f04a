import { useEffect } from 'react';

/** How long a page may take to show its heading (it reads from the server first). */
const WAIT_MS = 5000;

/**
 * The heading a page change lands on: the last `h1` in the main content (a case view's own
 * heading comes after the case's title), made focusable by script only (`tabIndex -1`).
 */
export function pageHeading(): HTMLElement | null {
  const root = document.getElementById('main') ?? document.body;
  const headings = root.querySelectorAll<HTMLElement>('h1');
  const heading = headings[headings.length - 1] ?? null;
  // A heading has tabIndex -1 without the attribute, and is then not focusable: set the attribute.
  if (heading && !heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
  return heading;
}

/**
 * The browser tab's title: the page's headings, its own first ("Ons plan – Gezin De Groot –
 * Tafel"), so tabs, the history and a screen reader say where one is.
 */
function titleFromHeadings(): string {
  const root = document.getElementById('main') ?? document.body;
  const headings = [...root.querySelectorAll<HTMLElement>('h1')].map((h) => h.textContent?.trim() ?? '').filter((t) => t !== '');
  return [...headings.reverse(), 'Tafel'].join(' – ');
}

/**
 * After sign-in and after every page change (`key`), focus goes to the page's heading, so a
 * keyboard or screen-reader user starts at the top of what is new rather than where the old page
 * was. It waits for a page that is still loading, and gives up as soon as the person moves focus
 * themselves in the meantime (a field they already chose keeps the focus).
 */
export function useFocusPageHeading(key: string): void {
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` (the page) is the trigger
  useEffect(() => {
    const before = document.activeElement;
    let ours: Element | null = null;
    const untouched = () => {
      const now = document.activeElement;
      return now === before || now === document.body || now === null || now === ours;
    };
    // A case view draws its own heading after the case's title: focus moves on to it, as long as
    // focus is still where this left it.
    const tryFocus = () => {
      document.title = titleFromHeadings();
      if (!untouched()) return stop();
      const heading = pageHeading();
      if (!heading || heading === ours) return;
      heading.focus({ preventScroll: true });
      ours = heading;
    };
    const observer = new MutationObserver(tryFocus);
    const timer = setTimeout(() => stop(), WAIT_MS);
    function stop() {
      observer.disconnect();
      clearTimeout(timer);
    }
    observer.observe(document.body, { childList: true, subtree: true });
    tryFocus();
    return stop;
  }, [key]);
}
