import { isAllowedUri } from '@tiptap/extension-link';

/**
 * The one rule for links, used by the editor, the server's content check, the HTML and PDF copies
 * and the toolbar: the editor's own (web, mail, phone and a few more; never `javascript:` or
 * `data:`). The server refuses a change with any other link, so a copy never meets one from a
 * checked document; the copies still test it, as they also render documents from before.
 */
export function isAllowedLink(href: unknown): href is string {
  return typeof href === 'string' && Boolean(isAllowedUri(href));
}

/** The addresses a copy makes a link of: absolute web, mail and phone addresses. */
const FOLLOWABLE = /^(https?:\/\/|mailto:|tel:)/i;

/**
 * A link a copy (HTML or PDF, opened from disk later) may make clickable: allowed, and an absolute
 * web, mail or phone address. A relative, `//host` or `\\host\share` address would point at the
 * reader's own disk or network share from a saved file; it stays text.
 */
export function followableLink(href: unknown): string | null {
  return isAllowedLink(href) && FOLLOWABLE.test(href) ? href : null;
}

/**
 * What someone types in the toolbar's link prompt, as the link to set, or null when it cannot be
 * one. A bare address ("www.gemeente.nl") becomes a web address, as the editor's autolink does.
 */
export function typedLink(typed: string): string | null {
  const trimmed = typed.trim();
  if (trimmed === '') return null;
  const href = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
  return followableLink(href);
}
