import { Extension } from '@tiptap/core';

/** Attributes the document schema reads when pasting; everything else is layout noise. */
const KEEP_ATTRIBUTES = new Set(['href', 'colspan', 'rowspan', 'start']);
/** A passage's source (shared/editor/sourceMark.ts), copied from another section; the server checks it again. */
const SOURCE_ATTRIBUTES = new Set(['data-bron', 'data-soort']);
const isSource = (el: Element) => el.localName === 'span' && el.hasAttribute('data-bron');

/**
 * Paste from Word or Google Docs: keep headings, lists, tables, bold/italic, links and (from another
 * Tafel section) a passage's source; drop what
 * only adds noise (Office comments and conditional blocks, styles, classes, fonts, the wrapper
 * Google Docs puts around everything). Word writes its lists as paragraphs with a typed bullet;
 * those become real lists, so a pasted plan keeps its structure.
 */
export function cleanPastedHtml(html: string): string {
  const doc = new DOMParser().parseFromString(html.replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, ''), 'text/html');
  const body = doc.body;
  for (const el of body.querySelectorAll('style, meta, link, script, title, xml')) el.remove();
  removeComments(body);
  wordListsToLists(doc);
  // Google Docs: bold and italic live in span styles, not in tags.
  for (const span of body.querySelectorAll<HTMLElement>('span[style]')) {
    const style = span.getAttribute('style') ?? '';
    if (/font-weight:\s*(bold|[6-9]00)/i.test(style)) wrapChildren(span, doc.createElement('strong'));
    if (/font-style:\s*italic/i.test(style)) wrapChildren(span, doc.createElement('em'));
  }
  for (const b of body.querySelectorAll('b[id^="docs-internal-guid"]')) unwrap(b);
  for (const el of body.querySelectorAll('*')) {
    const keep = isSource(el) ? (name: string) => KEEP_ATTRIBUTES.has(name) || SOURCE_ATTRIBUTES.has(name) : (name: string) => KEEP_ATTRIBUTES.has(name);
    for (const attr of [...el.attributes]) if (!keep(attr.name)) el.removeAttribute(attr.name);
  }
  for (const el of [...body.querySelectorAll('span:not([data-bron]), font')]) unwrap(el);
  for (const el of [...body.getElementsByTagName('o:p')]) unwrap(el);
  return body.innerHTML;
}

export const PasteCleanup = Extension.create({
  name: 'pasteCleanup',
  transformPastedHTML: cleanPastedHtml,
});

/**
 * Word: `<p style="mso-list:l0 level2 lfo1"><span style="mso-list:Ignore">1.</span>Tekst</p>`
 * for each item. Runs of such paragraphs become nested `<ul>`/`<ol>`; the typed bullet or number
 * goes (a number makes the list ordered).
 */
function wordListsToLists(doc: Document): void {
  const items = [...doc.body.querySelectorAll<HTMLElement>('p[style*="mso-list"]')].filter((p) => /mso-list:\s*l\d+\s+level\d+/i.test(p.getAttribute('style') ?? ''));
  const stack: { level: number; list: HTMLElement }[] = [];
  let previous: HTMLElement | null = null;
  for (const p of items) {
    const level = Number(/level(\d+)/i.exec(p.getAttribute('style') ?? '')?.[1] ?? 1);
    const marker = p.querySelector('span[style*="mso-list:Ignore"], span[style*="mso-list: Ignore"]');
    const ordered = /^\s*[\da-z]{1,3}[.)]/i.test(marker?.textContent ?? '');
    marker?.remove();
    // A paragraph that does not directly follow the last item starts a new list.
    if (previous === null || p.previousElementSibling !== previous) stack.length = 0;
    while (stack.length > 0 && stack.at(-1)!.level > level) stack.pop();
    if (stack.length === 0 || stack.at(-1)!.level < level) {
      const list = doc.createElement(ordered ? 'ol' : 'ul');
      const parentItem = stack.at(-1)?.list.lastElementChild;
      if (parentItem) parentItem.append(list);
      else p.before(list);
      stack.push({ level, list });
    }
    const li = doc.createElement('li');
    const para = doc.createElement('p');
    para.append(...p.childNodes);
    li.append(para);
    stack.at(-1)!.list.append(li);
    // The emptied paragraph stays as a marker of where the run continues, then goes.
    previous = p;
    p.replaceChildren();
    p.setAttribute('data-word-list-item', '');
  }
  for (const p of doc.body.querySelectorAll('p[data-word-list-item]')) p.remove();
}

function removeComments(root: Node): void {
  const walker = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const c of comments) c.parentNode?.removeChild(c);
}

function unwrap(el: Element): void {
  el.replaceWith(...el.childNodes);
}

function wrapChildren(el: Element, wrapper: Element): void {
  wrapper.append(...el.childNodes);
  el.append(wrapper);
}
