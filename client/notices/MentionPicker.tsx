import { useEffect, useId, useRef, useState } from 'react';
import type { CommentVisibility } from '../../shared/comments.ts';
import { Mentionable } from '../../shared/notices.ts';
import { nameWithRole } from '../../shared/roles.ts';
import { api } from '../api/http.ts';
import { NLDS } from '../ui/theme.ts';
import { useEscape } from '../ui/useEscape.ts';

interface Props {
  /** `/api/cases/<caseId>/sections/<sectionId>`: the section the comment is on. */
  sectionUrl: string;
  /** Who may read the comment: the list holds only those who may read both it and the section. */
  visibility: CommentVisibility;
  /** Called with `@[Naam](id)`, to add to the text. */
  onPick(mention: string): void;
}

/**
 * "Iemand noemen": a button that opens the list of people who may read this section (and this
 * comment), as the server gives it; nobody else is in it. Each person is a button; Escape closes.
 * The person named gets a notice.
 */
export function MentionPicker({ sectionUrl, visibility, onPick }: Props) {
  const [open, setOpen] = useState(false);
  const [people, setPeople] = useState<Mentionable['people'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const listId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    setPeople(null);
    api('GET', `${sectionUrl}/mentionable?visibility=${visibility}`, Mentionable).then(
      (m) => setPeople(m.people),
      (e: Error) => setError(e.message),
    );
  }, [open, sectionUrl, visibility]);
  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };
  useEscape(open, (e) => {
    e.preventDefault();
    close();
  });
  return (
    <div className="mention-picker">
      <button type="button" ref={toggle} className={NLDS.linkButton} aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
        Iemand noemen (@)
      </button>
      {open && (
        <div id={listId}>
          <p className="muted">Alleen wie dit mag lezen, staat in de lijst. Wie je noemt, krijgt een melding.</p>
          {error && <p role="alert">{error}</p>}
          {people === null && !error && <p>Laden…</p>}
          {people?.length === 0 && <p>Er is niemand anders die dit mag lezen.</p>}
          {people && people.length > 0 && (
            <ul aria-label="Wie kun je noemen?">
              {people.map((p) => (
                <li key={p.userId}>
                  <button
                    type="button"
                    onClick={() => {
                      onPick(`@[${p.name}](${p.userId})`);
                      close();
                    }}
                  >
                    {nameWithRole(p.name, p.role)}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
