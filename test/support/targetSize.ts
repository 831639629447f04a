import type { Page } from 'playwright-core';

/** The least width and height of a pointer target (WCAG 2.2, 2.5.8 Target Size (Minimum), AA). */
export const MIN_TARGET_PX = 24;

/**
 * The visible pointer targets on the page smaller than 24 × 24 CSS px, each as
 * `tag "name" width×height` (name: aria-label, else its text), so a failure says what to fix.
 *
 * Left out, as the criterion does:
 * - a link in running text: an inline `a` whose nearest block-level ancestor has text of its own
 *   outside any link, button or summary (a sentence around it). A link alone in its block, beside
 *   only other links, or after a mere label ending in a colon ("Bel: 036-…") is a target of its
 *   own and is measured. Only links: a button or a summary in a line is a control, and measured;
 * - a check box, radio button or select the browser sizes: same size as the same control with
 *   the author's styles reverted (`all: revert`);
 * - what nobody sees: no box, `visibility: hidden`, or shrunk to a pixel for screen readers only.
 */
export function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate((min) => {
    const TARGETS = 'a[href], button, [role="button"], input[type="checkbox"], input[type="radio"], summary, select';
    const INTERACTIVE = 'a[href], button, [role="button"], summary';

    const blockOf = (el: Element): Element => {
      let at = el.parentElement;
      while (at && getComputedStyle(at).display.startsWith('inline')) at = at.parentElement;
      return at ?? document.body;
    };
    const ownText = (block: Element): string => {
      let text = '';
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.parentElement?.closest(INTERACTIVE)) text += node.textContent ?? '';
      }
      return text.trim();
    };
    const LABEL = /^[^.!?]*:$/;
    const inRunningText = (el: Element) => {
      if (!el.matches('a[href]') || getComputedStyle(el).display !== 'inline') return false;
      const around = ownText(blockOf(el));
      return around !== '' && !LABEL.test(around);
    };

    const browserSized = (el: Element, box: DOMRect) => {
      if (!el.matches('input, select')) return false;
      const probe = el.cloneNode(true) as HTMLElement;
      // Without its name a radio button joins no group, so the clone unchecks none of the page's.
      for (const attribute of ['id', 'name']) probe.removeAttribute(attribute);
      probe.setAttribute('style', 'all: revert');
      // Outside any flex or grid, which could stretch it.
      document.body.append(probe);
      const natural = probe.getBoundingClientRect();
      probe.remove();
      return Math.abs(natural.width - box.width) < 0.5 && Math.abs(natural.height - box.height) < 0.5;
    };
    const unseen = (el: Element, box: DOMRect) =>
      box.width === 0 || box.height === 0 || getComputedStyle(el).visibility === 'hidden' || (box.width <= 1 && box.height <= 1);

    const small: string[] = [];
    for (const el of document.querySelectorAll(TARGETS)) {
      const box = el.getBoundingClientRect();
      if (unseen(el, box) || (box.width >= min && box.height >= min)) continue;
      if (inRunningText(el) || browserSized(el, box)) continue;
      const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
      const classes = (el.getAttribute('class') ?? '').trim().split(/\s+/).filter(Boolean);
      small.push(`${[el.tagName.toLowerCase(), ...classes].join('.')} "${name}" ${Math.round(box.width)}×${Math.round(box.height)}`);
    }
    return small;
  }, MIN_TARGET_PX);
}
