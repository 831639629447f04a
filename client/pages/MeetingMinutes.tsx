import { formatDate, formatDateTime } from '../../shared/format.ts';
import { agendaKindLabel, keuzeLabel, type MeetingView, PRESENCE_LABEL } from '../../shared/meetings.ts';
import { NLDS } from '../ui/theme.ts';

/** The minutes (verslag), made when the Tafel closed, as far as this reader may read its items. */
export function MeetingMinutes({ meeting, family }: { meeting: MeetingView; family: boolean }) {
  const m = meeting.minutes!;
  return (
    <section aria-labelledby="minutes-title" className="meeting-minutes">
      <h3 id="minutes-title" className={NLDS.heading3}>
        Verslag
      </h3>
      <p className={NLDS.smallParagraph}>Gemaakt op {formatDateTime(m.madeAt)}.</p>
      <h4 className={NLDS.heading4}>Wie waren er</h4>
      <ul className={NLDS.unorderedList}>
        {m.attendance.map((a) => (
          <li key={a.name} className={NLDS.listItem}>
            {a.name}: {a.presence ? PRESENCE_LABEL[a.presence].toLowerCase() : 'niet ingevuld'}
          </li>
        ))}
      </ul>
      <h4 className={NLDS.heading4}>{family ? 'Waar we over praatten' : 'Besproken'}</h4>
      <ol className={NLDS.orderedList}>
        {m.items.map((i) => (
          <li key={i.id} className={NLDS.orderedListItem}>
            {i.title} ({agendaKindLabel(i.kind, family)})
            {i.note && <p className={NLDS.paragraph}>{i.note}</p>}
          </li>
        ))}
      </ol>
      {meeting.decision && (
        <p className={NLDS.paragraph}>
          Besluit: <strong>{keuzeLabel(meeting.decision.keuze)}</strong>. {meeting.decision.onderbouwing}
        </p>
      )}
      {m.shared.length > 0 && (
        <>
          <h4 className={NLDS.heading4}>{family ? 'Wat jullie nu kunnen lezen en waarop je kunt reageren' : 'Gedeeld met het gezin'}</h4>
          <ul className={NLDS.unorderedList} data-shared-sections>
            {m.shared.map((s) => (
              <li key={s.sectionId} className={NLDS.listItem}>
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
