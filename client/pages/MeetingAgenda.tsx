import { useState } from 'react';
import { AGENDA_KIND_LABEL, type AgendaItemView, FAMILY_KIND_LABEL, type MeetingView, spentOn, timeTaken } from '../../shared/meetings.ts';
import { catalogueEntry } from '../../shared/sections.ts';
import { useCase } from '../state/caseContext.ts';
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
      <h3 id="agenda-title">{family ? 'Waar we over praten' : 'Agenda'}</h3>
      <ol className="meeting-agenda">
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
    <li data-item={item.id} aria-current={isCurrent ? 'step' : undefined} className={isCurrent ? 'agenda-item current' : 'agenda-item'}>
      <h4>
        {isCurrent && <span className="badge">Nu</span>} {item.title}
      </h4>
      <p className="muted">
        {family ? FAMILY_KIND_LABEL[item.kind] : AGENDA_KIND_LABEL[item.kind]} · {running ? null : <>{item.minutes} min</>}
        {(spent > 0 || running) && (
          <span className={over ? 'field-error' : undefined} data-item-time>
            {running ? null : ' · '}
            {timeTaken(spent, item.minutes, running)}
            {over ? ', langer dan gepland' : ''}
          </span>
        )}
      </p>
      {family && section && <p>{catalogueEntry(section.catalogueId).summary}</p>}
      {item.points.length > 0 && (
        <ul>
          {item.points.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {item.scores.length > 0 && (
        <table>
          <caption className="muted">{family ? 'Cijfers van 0 (niet veilig) tot 10 (veilig genoeg)' : 'Scores naast elkaar (0–10)'}</caption>
          <thead>
            <tr>
              <th scope="col">Wie</th>
              <th scope="col">Nu</th>
              <th scope="col">Vorige keer</th>
            </tr>
          </thead>
          <tbody>
            {item.scores.map((s) => (
              <tr key={s.partij}>
                <th scope="row">{s.partij}</th>
                <td>{s.score}</td>
                <td>{s.vorigeScore ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {chairing && !isCurrent && (
        <button type="button" onClick={() => void act('current', { itemId: item.id }).catch(() => {})}>
          Nu bespreken: {item.title}
        </button>
      )}
      {chairing && isCurrent ? <NoteForm item={item} act={act} /> : item.note && <p className="meeting-note">Aantekening: {item.note}</p>}
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
      onSubmit={(e) => {
        e.preventDefault();
        act('notes', { itemId: item.id, text }).then(
          () => setSaved(true),
          () => setSaved(false),
        );
      }}
    >
      <label htmlFor={id}>Aantekening bij {item.title}</label>
      <textarea
        id={id}
        value={text}
        rows={2}
        onChange={(e) => {
          setText(e.target.value);
          setSaved(false);
        }}
      />
      <button type="submit">Aantekening bewaren</button>
      <span role="status">{saved ? ' Bewaard.' : ''}</span>
    </form>
  );
}
