import { useState } from 'react';
import { type AgendaItemView, agendaKindLabel, type MeetingView, spentOn, timeTaken } from '../../shared/meetings.ts';
import { catalogueEntry } from '../../shared/sections.ts';
import { useCase } from '../state/caseContext.ts';
import { badge, NLDS } from '../ui/theme.ts';
import { ActionError, type MeetingAction, type MeetingFailure } from './meetingAction.ts';

interface Props {
  meeting: MeetingView;
  family: boolean;
  now: number;
  act: MeetingAction;
  /** The last failed action: shown at the item it was about. */
  failure?: MeetingFailure | null;
}

/** The agenda in order, with each item's time budget and, once begun, the time spent on it. */
export function MeetingAgenda({ meeting, family, now, act, failure = null }: Props) {
  return (
    <section aria-labelledby="agenda-title">
      <h3 id="agenda-title" className={NLDS.heading3}>
        {family ? 'Waar we over praten' : 'Agenda'}
      </h3>
      <ol className={`meeting-agenda ${NLDS.orderedList}`}>
        {meeting.agenda.map((item) => (
          <Item key={item.id} item={item} meeting={meeting} family={family} now={now} act={act} failure={failure} />
        ))}
      </ol>
    </section>
  );
}

function Item({ item, meeting, family, now, act, failure = null }: Props & { item: AgendaItemView }) {
  const isCurrent = meeting.current?.itemId === item.id;
  const spent = spentOn(item, meeting.current, now);
  const chairing = meeting.mayChair && meeting.status === 'bezig';
  // The item on now counts up beside its budget; one spent time on earlier says how long it took.
  const running = isCurrent && meeting.status === 'bezig';
  const over = spent > item.minutes * 60;
  const section = useCase().detail.sections.find((x) => x.id === item.sectionId);
  return (
    <li data-item={item.id} aria-current={isCurrent ? 'step' : undefined} className={`agenda-item ${NLDS.orderedListItem}`}>
      <h4 className={NLDS.heading4}>
        {isCurrent && <span className={badge('active')}>Nu</span>} {item.title}
      </h4>
      <p className={NLDS.smallParagraph}>
        {agendaKindLabel(item.kind, family)}
        {running ? null : <> · {item.minutes} min</>}
      </p>
      {(spent > 0 || running) && (
        <p className={over ? NLDS.errorMessage : NLDS.smallParagraph} data-item-time>
          {timeTaken(spent, item.minutes, running)}
          {over ? ', langer dan gepland' : ''}
        </p>
      )}
      {family && section && <p className={NLDS.paragraph}>{catalogueEntry(section.catalogueId).summary}</p>}
      {item.points.length > 0 && (
        <ul className={NLDS.unorderedList}>
          {item.points.map((p) => (
            <li key={p} className={NLDS.listItem}>
              {p}
            </li>
          ))}
        </ul>
      )}
      {item.scores.length > 0 && (
        <table className={`agenda-scores ${NLDS.table}`}>
          <caption className={NLDS.tableCaption}>{family ? 'Cijfers van 0 (niet veilig) tot 10 (veilig genoeg)' : 'Scores naast elkaar (0–10)'}</caption>
          <thead className={NLDS.tableHeader}>
            <tr className={NLDS.tableRow}>
              <th scope="col" className={NLDS.tableHeaderCell}>
                Wie
              </th>
              <th scope="col" className={NLDS.tableHeaderCell}>
                Nu
              </th>
              <th scope="col" className={NLDS.tableHeaderCell}>
                Vorige keer
              </th>
            </tr>
          </thead>
          <tbody className={NLDS.tableBody}>
            {item.scores.map((s) => (
              <tr key={s.partij} className={NLDS.tableRow}>
                <th scope="row" className={NLDS.tableHeaderCell}>
                  {s.partij}
                </th>
                <td className={NLDS.tableCell}>{s.score}</td>
                <td className={NLDS.tableCell}>{s.vorigeScore ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {chairing && !isCurrent && (
        <button type="button" className={NLDS.secondaryButton} onClick={() => void act('current', { itemId: item.id }).catch(() => {})}>
          Nu bespreken: {item.title}
        </button>
      )}
      {chairing && isCurrent ? (
        <NoteForm item={item} act={act} />
      ) : (
        item.note && <p className={`meeting-note ${NLDS.paragraph}`}>Aantekening: {item.note}</p>
      )}
      <ActionError failure={failure} at={[`current:${item.id}`, `notes:${item.id}`]} />
    </li>
  );
}

function NoteForm({ item, act }: { item: AgendaItemView; act: MeetingAction }) {
  const [text, setText] = useState(item.note);
  const [saved, setSaved] = useState(false);
  const id = `note-${item.id}`;
  return (
    <form
      className="meeting-note-form"
      onSubmit={(e) => {
        e.preventDefault();
        act('notes', { itemId: item.id, text }).then(
          () => setSaved(true),
          () => setSaved(false),
        );
      }}
    >
      <label htmlFor={id} className={NLDS.label}>
        Aantekening bij {item.title}
      </label>
      <textarea
        id={id}
        className={NLDS.textarea}
        value={text}
        rows={2}
        onChange={(e) => {
          setText(e.target.value);
          setSaved(false);
        }}
      />
      <div className={NLDS.buttonGroup}>
        <button type="submit" className={NLDS.secondaryButton}>
          Aantekening bewaren
        </button>
        <span role="status" className={NLDS.smallParagraph}>
          {saved ? 'Bewaard.' : ''}
        </span>
      </div>
    </form>
  );
}
