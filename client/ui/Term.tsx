import { useContext, useId, useMemo, useState } from 'react';
import type { BlockType } from '../../shared/blocks/index.ts';
import { type GeneralTerm, type Glossary, glossaryFor } from '../../shared/glossary.ts';
import { CaseContext } from '../state/caseContext.ts';

/** The glossary of the open case's region (the general one outside a case). */
export function useGlossary(): Glossary {
  const region = useContext(CaseContext)?.detail.region ?? null;
  return useMemo(() => glossaryFor(region), [region]);
}

/** A word of the chain or a block type, explained in an app text. */
export function Term({ term, children }: { term: GeneralTerm | BlockType; children?: React.ReactNode }) {
  const explanation = useGlossary().explain(term);
  const shown = children ?? term;
  return explanation ? <Explained explanation={explanation}>{shown}</Explained> : shown;
}

/**
 * A jargon word with its plain explanation: on hover (title) for a mouse, on tap or Enter for a
 * phone or keyboard, read out by screen readers through aria-describedby when open.
 */
export function Explained({ explanation, children }: { explanation: string; children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <span className="term">
      <button type="button" className="term-word" title={explanation} aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        {children}
      </button>
      {open && (
        <span id={id} role="note" className="term-explanation">
          {explanation}
        </span>
      )}
    </span>
  );
}
