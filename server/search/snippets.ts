import type { Snippet } from '../../shared/api.ts';
import { fold, originalRange } from './fold.ts';

const CONTEXT = 60;

/**
 * Every place `query` occurs in `text`, ignoring case and accents (see fold.ts), and up to `max`
 * snippets with some words either side; the match keeps the text's own spelling.
 */
export function findMatches(text: string, query: string, where: Snippet['where'], max: number): { matches: number; snippets: Snippet[] } {
  const haystack = fold(text);
  const needle = fold(query).text;
  const snippets: Snippet[] = [];
  let matches = 0;
  if (needle.length === 0) return { matches, snippets };
  for (let found = haystack.text.indexOf(needle); found >= 0; found = haystack.text.indexOf(needle, found + needle.length)) {
    matches++;
    if (snippets.length >= max) continue;
    const { from: at, to: end } = originalRange(haystack, text, found, needle.length);
    const from = wordStart(text, Math.max(0, at - CONTEXT));
    const to = wordEnd(text, Math.min(text.length, end + CONTEXT));
    snippets.push({
      where,
      before: (from > 0 ? '…' : '') + squash(text.slice(from, at)).trimStart(),
      match: text.slice(at, end),
      after: squash(text.slice(end, to)).trimEnd() + (to < text.length ? '…' : ''),
    });
  }
  return { matches, snippets };
}

const squash = (s: string) => s.replace(/\s+/g, ' ');

/** Moves a cut forward to the start of a word, so snippets do not begin mid-word. */
function wordStart(text: string, i: number): number {
  if (i === 0) return 0;
  const space = text.slice(i, i + 20).search(/\s/);
  return space >= 0 ? i + space + 1 : i;
}

function wordEnd(text: string, i: number): number {
  if (i >= text.length) return text.length;
  const space = text.slice(Math.max(0, i - 20), i).search(/\s\S*$/);
  return space >= 0 ? Math.max(0, i - 20) + space : i;
}
