import { useState } from 'react';
import { z } from 'zod';
import type { SectionView } from '../../shared/api.ts';
import { newId } from '../../shared/ids.ts';
import { AGENDA_KIND_LABEL, AgendaItem, agendaBudget, MeetingView } from '../../shared/meetings.ts';
import { api } from '../api/http.ts';
import { Field } from '../ui/Field.tsx';
import { NLDS } from '../ui/theme.ts';

const Draft = z.object({ items: z.array(AgendaItem) });

interface Props {
  meeting: MeetingView;
  sections: readonly SectionView[];
  url: string;
  onSaved(m: MeetingView): void;
  onCancel(): void;
}

const toItem = ({ id, kind, title, sectionId, minutes, points, scores }: AgendaItem): AgendaItem => ({ id, kind, title, sectionId, minutes, points, scores });

/** The regisseur edits and orders the agenda: titles, minutes, order, items added or taken off. */
export function MeetingAgendaEditor({ meeting, sections, url, onSaved, onCancel }: Props) {
  const [items, setItems] = useState<AgendaItem[]>(() => meeting.agenda.map(toItem));
  const [error, setError] = useState<string | null>(null);
  const budget = agendaBudget(items, meeting.durationMinutes);
  const change = (i: number, patch: Partial<AgendaItem>) => setItems((xs) => xs.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const move = (i: number, by: number) =>
    setItems((xs) => {
      const out = [...xs];
      const [item] = out.splice(i, 1);
      out.splice(i + by, 0, item!);
      return out;
    });
  const add = () => setItems((xs) => [...xs, { id: newId('item').toLowerCase(), kind: 'anders', title: 'Nieuw punt', sectionId: null, minutes: 5, points: [], scores: [] }]);
  const save = () =>
    api('PUT', `${url}/agenda`, MeetingView, { items }).then(onSaved, (e: Error) => setError(e.message));
  const redraft = () =>
    api('POST', `${url}/agenda/draft`, Draft).then(
      (d) => setItems(d.items),
      (e: Error) => setError(e.message),
    );

  return (
    <section aria-labelledby="edit-agenda-title" className="agenda-editor">
      <h3 id="edit-agenda-title" className={NLDS.heading3}>
        Agenda aanpassen
      </h3>
      <p className={budget.over ? NLDS.errorMessage : NLDS.paragraph} role="status">
        Gepland: {budget.planned} van {meeting.durationMinutes} minuten{budget.over ? '. Dat past niet: maak punten korter of haal er een af.' : '.'}
      </p>
      <ol className={NLDS.orderedList}>
        {items.map((item, i) => (
          <li key={item.id} className={NLDS.orderedListItem}>
            <fieldset className={`agenda-editor-item ${NLDS.fieldset}`}>
              <legend className={NLDS.legend}>
                Punt {i + 1}: {AGENDA_KIND_LABEL[item.kind]}
              </legend>
              <Field label="Titel" value={item.title} onChange={(e) => change(i, { title: e.target.value })} />
              <Field label="Minuten" type="number" min={1} max={90} value={item.minutes} onChange={(e) => change(i, { minutes: Number(e.target.value) })} />
              {item.kind === 'anders' && (
                <label className={NLDS.label}>
                  Over onderdeel
                  <select className={NLDS.select} value={item.sectionId ?? ''} onChange={(e) => change(i, { sectionId: e.target.value || null })}>
                    <option value="">Geen: iedereen die is uitgenodigd ziet dit punt</option>
                    {sections.map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.title}
                      </option>
                    ))}
                  </select>
                </label>
              )}
              <div className={NLDS.buttonGroup}>
                <button type="button" className={NLDS.secondaryButton} onClick={() => move(i, -1)} disabled={i === 0} aria-label={`${item.title} omhoog`}>
                  Omhoog
                </button>
                <button type="button" className={NLDS.secondaryButton} onClick={() => move(i, 1)} disabled={i === items.length - 1} aria-label={`${item.title} omlaag`}>
                  Omlaag
                </button>
                <button type="button" className={NLDS.secondaryButton} onClick={() => setItems((xs) => xs.filter((_, j) => j !== i))} aria-label={`${item.title} van de agenda halen`}>
                  Weghalen
                </button>
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      {error && (
        <p role="alert" className={NLDS.errorMessage}>
          {error}
        </p>
      )}
      <div className={NLDS.buttonGroup}>
        <button type="button" className={NLDS.secondaryButton} onClick={add}>
          Punt toevoegen
        </button>
        <button type="button" className={NLDS.secondaryButton} onClick={() => void redraft()}>
          Opnieuw maken uit de analyse
        </button>
        <button type="button" className={NLDS.primaryButton} onClick={() => void save()}>
          Agenda bewaren
        </button>
        <button type="button" className={NLDS.secondaryButton} onClick={onCancel}>
          Annuleren
        </button>
      </div>
    </section>
  );
}
