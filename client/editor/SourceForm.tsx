import type { Editor } from '@tiptap/react';
import { useEffect, useId, useRef, useState } from 'react';
import { SOURCE_MARK, type StatementKind, StatementSource } from '../../shared/editor/sourceMark.ts';
import { NLDS } from '../ui/theme.ts';

const KIND_HINT: Record<StatementKind, string> = {
  feit: 'Feit: gezien, gehoord of vastgesteld',
  mening: 'Mening: wat iemand denkt, vindt of inschat',
};

/**
 * Marks the selected passage as fact or opinion with its source. Checked with the same zod schema
 * as the server; Escape or "Annuleren" goes back to the text without changing it.
 */
export function SourceForm({ editor, onClose }: { editor: Editor; onClose(): void }) {
  const [soort, setSoort] = useState<StatementKind>('feit');
  const [bron, setBron] = useState('');
  const [error, setError] = useState<string | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const id = useId();
  // The selection is not visible while the form has focus; the form repeats what it is about.
  const [quote] = useState(() => {
    const { from, to } = editor.state.selection;
    const text = editor.state.doc.textBetween(from, to, ' ');
    return text.length > 120 ? `${text.slice(0, 117)}…` : text;
  });
  useEffect(() => field.current?.focus(), []);
  const close = () => {
    onClose();
    editor.commands.focus();
  };
  return (
    <form
      className="source-form"
      aria-label="Bron van de geselecteerde tekst"
      onKeyDown={(e) => {
        if (e.key === 'Escape') close();
      }}
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = StatementSource.safeParse({ soort, bron });
        if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'Controleer de bron.');
        editor.chain().focus().setMark(SOURCE_MARK, parsed.data).run();
        onClose();
      }}
    >
      <blockquote className="source-quote">“{quote}”</blockquote>
      <fieldset className={NLDS.fieldset}>
        <legend className={NLDS.legend}>Wat is deze tekst?</legend>
        {(['feit', 'mening'] as const).map((k) => (
          <label key={k} className={`inline ${NLDS.radioLabel}`}>
            <input type="radio" className={NLDS.radio} name={`${id}-soort`} checked={soort === k} onChange={() => setSoort(k)} /> {KIND_HINT[k]}
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${id}-bron`} className={NLDS.label}>
        Bron: van wie of waar komt het?
      </label>
      <input
        id={`${id}-bron`}
        className={NLDS.textbox}
        ref={field}
        value={bron}
        onChange={(e) => setBron(e.target.value)}
        aria-invalid={error !== null}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error && (
        <p id={`${id}-error`} role="alert" className={`error ${NLDS.paragraph}`}>
          {error}
        </p>
      )}
      <div className="source-form-actions">
        <button type="submit" className={NLDS.primaryButton}>
          Bron toevoegen
        </button>
        <button type="button" className={NLDS.secondaryButton} onClick={close}>
          Annuleren
        </button>
      </div>
    </form>
  );
}
