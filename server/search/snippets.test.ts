import { describe, expect, it } from 'vitest';
import { findMatches } from './snippets.ts';

describe('findMatches', () => {
  it('finds every occurrence regardless of case and keeps the original spelling in the match', () => {
    const r = findMatches('Schulden bij de energieleverancier. De schuldhulp begint in december.', 'SCHULD', 'tekst', 5);
    expect(r.matches).toBe(2);
    expect(r.snippets.map((s) => s.match)).toEqual(['Schuld', 'schuld']);
  });

  it('cuts snippets at word boundaries and marks the cut with an ellipsis', () => {
    const text = `${'woord '.repeat(30)}gezocht ${'verder '.repeat(30)}`;
    const [s] = findMatches(text, 'gezocht', 'tekst', 1).snippets;
    expect(s!.before.startsWith('…woord')).toBe(true);
    expect(s!.after.endsWith('verder…')).toBe(true);
    expect(s!.before.length).toBeLessThan(70);
  });

  it('counts all matches but returns at most the asked number of snippets', () => {
    const r = findMatches('a-b a-b a-b a-b', 'a-b', 'opmerking', 2);
    expect(r.matches).toBe(4);
    expect(r.snippets).toHaveLength(2);
    expect(r.snippets[0]!.where).toBe('opmerking');
  });

  it('ignores accents both ways and shows the text in its own spelling', () => {
    const text = 'De financiën zijn op orde. Één afspraak per week; de coördinator belt.';
    expect(findMatches(text, 'financien', 'tekst', 5).snippets.map((s) => s.match)).toEqual(['financiën']);
    expect(findMatches(text, 'een afspraak', 'tekst', 5).snippets.map((s) => s.match)).toEqual(['Één afspraak']);
    expect(findMatches('de coordinator belt', 'coördinator', 'tekst', 5).matches).toBe(1);
  });

  it('keeps an accent written as a separate character with its letter', () => {
    // "financie" + U+0308 (combining diaeresis) + "n": how some sources deliver "financiën".
    const text = 'de financie\u0308n van het gezin';
    const [s] = findMatches(text, 'financien', 'tekst', 1).snippets;
    expect(s!.match).toBe('financie\u0308n');
    expect(s!.after).toBe(' van het gezin');
  });

  it('matches a ligature by its letters', () => {
    expect(findMatches('Het ĳsje', 'ijsje', 'tekst', 1).snippets[0]!.match).toBe('ĳsje');
  });

  it('finds nothing in empty text', () => {
    expect(findMatches('', 'x', 'tekst', 3)).toEqual({ matches: 0, snippets: [] });
  });
});
