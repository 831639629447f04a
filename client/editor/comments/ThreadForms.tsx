import { useId, useState } from 'react';
import { DESTROYING_OUTCOME, OUTCOME_LABEL, type RequestOutcome } from '../../../shared/comments.ts';
import { NLDS } from '../../ui/theme.ts';

/** The answer to a request: what was done, or why not, for the family to read. */
export function DecisionForm({ outcomes, onSubmit }: { outcomes: readonly RequestOutcome[]; onSubmit(outcome: RequestOutcome, body: string): Promise<boolean> }) {
  const [body, setBody] = useState('');
  const id = useId();
  const destroys = outcomes.includes(DESTROYING_OUTCOME);
  const answer = (outcome: RequestOutcome) => {
    if (outcome === DESTROYING_OUTCOME && !confirm('De tekst wordt uit dit onderdeel gehaald en ook in de geschiedenis vernietigd. Dat kan niet ongedaan worden gemaakt. Doorgaan?')) return;
    void onSubmit(outcome, body).then((ok) => ok && setBody(''));
  };
  return (
    <form className="decision" onSubmit={(e) => e.preventDefault()}>
      <label htmlFor={id} className={NLDS.label}>
        Antwoord aan het gezin: wat heb je aangepast, of waarom niet?
      </label>
      <textarea id={id} className={NLDS.textarea} rows={2} value={body} onChange={(e) => setBody(e.target.value)} />
      {destroys && (
        <p className={NLDS.smallParagraph} id={`${id}-hint`}>
          Met "{OUTCOME_LABEL[DESTROYING_OUTCOME]}" haalt Tafel de tekst uit het onderdeel en vernietigt hem ook in de geschiedenis.
        </p>
      )}
      {outcomes.map((outcome) => (
        <button key={outcome} type="button" className={NLDS.secondaryButton} disabled={!body.trim()} onClick={() => answer(outcome)} aria-describedby={destroys && outcome === DESTROYING_OUTCOME ? `${id}-hint` : undefined}>
          {OUTCOME_LABEL[outcome]}
        </button>
      ))}
    </form>
  );
}

export function ReplyForm({ onSubmit }: { onSubmit(body: string): Promise<boolean> }) {
  const [body, setBody] = useState('');
  const id = useId();
  return (
    <form
      className="reply"
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit(body).then((ok) => ok && setBody(''));
      }}
    >
      <label htmlFor={id} className="sr-only">
        Antwoord
      </label>
      <input id={id} className={NLDS.textbox} placeholder="Antwoord…" value={body} onChange={(e) => setBody(e.target.value)} />
      <button type="submit" className={NLDS.secondaryButton} disabled={!body.trim()}>
        Antwoorden
      </button>
    </form>
  );
}
