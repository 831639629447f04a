import { formatDate, formatDateTime } from '../../shared/format.ts';
import { AGENDA_KIND_LABEL, FAMILY_KIND_LABEL, keuzeLabel, type MeetingView, PRESENCE_LABEL } from '../../shared/meetings.ts';

/** The minutes (verslag), made when the Tafel closed, as far as this reader may read its items. */
export function MeetingMinutes({ meeting, family }: { meeting: MeetingView; family: boolean }) {
  const m = meeting.minutes!;
  return (
    <section aria-labelledby="minutes-title" className="meeting-minutes">
      <h3 id="minutes-title">Verslag</h3>
      <p className="muted">Gemaakt op {formatDateTime(m.madeAt)}.</p>
      <h4>Wie waren er</h4>
      <ul>
        {m.attendance.map((a) => (
          <li key={a.name}>
            {a.name}: {a.presence ? PRESENCE_LABEL[a.presence].toLowerCase() : 'niet ingevuld'}
          </li>
        ))}
      </ul>
      <h4>{family ? 'Waar we over praatten' : 'Besproken'}</h4>
      <ol>
        {m.items.map((i) => (
          <li key={i.id}>
            {i.title} <span className="muted">({family ? FAMILY_KIND_LABEL[i.kind] : AGENDA_KIND_LABEL[i.kind]})</span>
            {i.note && <p>{i.note}</p>}
          </li>
        ))}
      </ol>
      {meeting.decision && (
        <p>
          Besluit: <strong>{keuzeLabel(meeting.decision.keuze)}</strong>. {meeting.decision.onderbouwing}
        </p>
      )}
      {m.shared.length > 0 && (
        <>
          <h4>{family ? 'Wat jullie nu kunnen lezen en waarop je kunt reageren' : 'Gedeeld met het gezin'}</h4>
          <ul data-shared-sections>
            {m.shared.map((s) => (
              <li key={s.sectionId}>
                {s.title}
                {s.reactionUntil && <> — {family ? 'je kunt reageren tot en met' : 'reactietermijn tot en met'} {formatDate(s.reactionUntil)}</>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
