/** When each step of the first-keystroke path happened, on the page's own clock (ms). */
export interface PageMarks {
  submit?: number;
  caseLink?: number;
  caseLinkClick?: number;
  sectionButton?: number;
  sectionClick?: number;
  editor?: number;
}

export interface MarkSelectors {
  caseLink: string;
  sectionButton: string;
  editor: string;
}

/**
 * Script run in the page before its own scripts (Playwright addInitScript). A MutationObserver
 * fires right after the DOM changes, whereas Playwright's waits poll (up to 500 ms apart), so the
 * marks say when a user could have acted, not when the driver noticed. Plain JavaScript source on
 * purpose: a function compiled by tsx carries `__name(...)` helper calls the page does not have.
 */
export function pageMarksScript(sel: MarkSelectors): string {
  return `(() => {
  const sel = ${JSON.stringify(sel)};
  const marks = {};
  window.__benchMarks = marks;
  function once(k) { if (marks[k] === undefined) marks[k] = performance.now(); }
  document.addEventListener('submit', function () { once('submit'); }, true);
  document.addEventListener('click', function (e) {
    const target = e.target instanceof Element ? e.target : null;
    if (target && target.closest(sel.caseLink)) once('caseLinkClick');
    if (target && target.closest(sel.sectionButton)) once('sectionClick');
  }, true);
  new MutationObserver(function () {
    if (marks.submit !== undefined && document.querySelector(sel.caseLink)) once('caseLink');
    if (marks.caseLinkClick !== undefined && document.querySelector(sel.sectionButton)) once('sectionButton');
    if (marks.sectionClick !== undefined && document.querySelector(sel.editor)) once('editor');
  }).observe(document, { subtree: true, childList: true, attributes: true });
})();`;
}

/** Time a user acting instantly would have waited: the page's own work, without the driver's reaction time. */
export function pathFromMarks(m: PageMarks): { caseList: number; casePage: number; editor: number } | null {
  if (m.submit === undefined || m.caseLink === undefined || m.caseLinkClick === undefined || m.sectionButton === undefined || m.sectionClick === undefined || m.editor === undefined) return null;
  return { caseList: m.caseLink - m.submit, casePage: m.sectionButton - m.caseLinkClick, editor: m.editor - m.sectionClick };
}
