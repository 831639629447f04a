import { useId, useState } from 'react';
import { GLOSSARY, type GlossaryTerm } from './glossary.ts';

/**
 * A jargon word with its plain explanation: on hover (title) for a mouse, on tap or Enter for a
 * phone or keyboard, read out by screen readers through aria-describedby when open.
 */
export function Term({ term, children }: { term: GlossaryTerm; children?: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <span className="term">
      <button type="button" className="term-word" title={GLOSSARY[term]} aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        {children ?? term}
      </button>
      {open && (
        <span id={id} role="note" className="term-explanation">
          {GLOSSARY[term]}
        </span>
      )}
    </span>
  );
}
