import { Fragment, useId, useState } from 'react';
import { FAMILY_TERMS } from './familyTerms.ts';

/** Known terms, longest first so "POH GGZ" wins over "GGZ". */
const TERMS = Object.keys(FAMILY_TERMS).sort((a, b) => b.length - a.length);
const literal = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const PATTERN = new RegExp(`(?<![\\p{L}\\p{N}-])(${TERMS.map(literal).join('|')})(?![\\p{L}\\p{N}-])`, 'iu');

/** Text written by professionals, with each known term explained on tap (as `Term` does for app texts). */
export function PlainText({ text }: { text: string }) {
  // split with one capturing group: odd parts are the terms.
  const parts = text.split(new RegExp(PATTERN.source, 'giu'));
  return (
    <>
      {parts.map((part, i) => {
        const key = i % 2 === 1 ? TERMS.find((t) => t.toLowerCase() === part.toLowerCase()) : undefined;
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed text, in order
        return key ? <Explained key={i} word={part} explanation={FAMILY_TERMS[key]!} /> : <Fragment key={i}>{part}</Fragment>;
      })}
    </>
  );
}

function Explained({ word, explanation }: { word: string; explanation: string }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <span className="term">
      <button type="button" className="term-word" title={explanation} aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        {word}
      </button>
      {open && (
        <span id={id} role="note" className="term-explanation">
          {explanation}
        </span>
      )}
    </span>
  );
}
