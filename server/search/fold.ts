/**
 * Text as search compares it: lower case and without accents, so a parent who types "financien"
 * or "een" finds "financiën" and "één". `at[i]` is where folded character `i` stands in the
 * original, so a match can be cut out of the original in its own spelling.
 */
export interface FoldedText {
  text: string;
  at: number[];
}

const MARKS = /\p{M}/gu;

export function fold(original: string): FoldedText {
  let text = '';
  const at: number[] = [];
  let i = 0;
  // One character at a time, so every folded character can be traced back. A combining accent
  // folds to nothing; a ligature (ĳ) to its letters.
  for (const ch of original) {
    for (const unit of ch.toLocaleLowerCase('nl').normalize('NFKD').replace(MARKS, '')) {
      text += unit;
      at.push(i);
    }
    i += ch.length;
  }
  return { text, at };
}

/** Where `length` folded characters from folded index `start` stand in the original. */
export function originalRange(folded: FoldedText, original: string, start: number, length: number): { from: number; to: number } {
  const from = folded.at[start]!;
  // The character after the match starts where the next folded character does (or at the end),
  // so accents written as separate characters stay with their letter.
  const to = folded.at[start + length] ?? original.length;
  return { from, to };
}
