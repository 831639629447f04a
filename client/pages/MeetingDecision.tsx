import { useState } from 'react';
import { BesluitKeuze } from '../../shared/blocks/besluit.ts';
import { formatDateTime } from '../../shared/format.ts';
import { keuzeLabel, type MeetingView, presentNames } from '../../shared/meetings.ts';
import type { MeetingAction } from './meetingAction.ts';

/**
 * The decision of the Tafel: the Raad records it (choice and rationale); who was there comes from
 * the attendance, shown here as it will be written, never typed. Once recorded, everyone who may
 * read the besluit section sees it, with who recorded it.
 */
export function MeetingDecisionPanel({ meeting, family, act }: { meeting: MeetingView; family: boolean; act: MeetingAction }) {
  const [keuze, setKeuze] = useState<BesluitKeuze | null>(null);
  const [onderbouwing, setOnderbouwing] = useState('');
  const d = meeting.decision;
  if (d) {
    return (
      <section aria-labelledby="decision-title" className="meeting-decision">
        <h3 id="decision-title">{family ? 'Wat de Raad heeft besloten' : 'Besluit'}</h3>
        <p>
          <strong>{keuzeLabel(d.keuze)}</strong>
        </p>
        <p>Waarom: {d.onderbouwing}</p>
        <p>Wie waren erbij:</p>
        <ul data-decision-aanwezig>
          {d.aanwezig.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
        <p className="muted">
          Vastgelegd door {d.recordedBy} op {formatDateTime(d.recordedAt)}. Wie erbij was, komt uit de presentielijst van de voorzitter
          {d.matchesAttendance ? '.' : '; het besluit in het dossier is daarna veranderd.'}
        </p>
      </section>
    );
  }
  if (!meeting.mayDecide || meeting.status !== 'bezig') return null;
  const present = presentNames(meeting.invitees);
  return (
    <form
      aria-labelledby="decide-title"
      onSubmit={(e) => {
        e.preventDefault();
        if (keuze) void act('decision', { keuze, onderbouwing }).catch(() => {});
      }}
    >
      <h3 id="decide-title">Besluit vastleggen</h3>
      <fieldset>
        <legend>Besluit</legend>
        {BesluitKeuze.options.map((k) => (
          <label className="inline" key={k}>
            <input type="radio" name="keuze" value={k} checked={keuze === k} onChange={() => setKeuze(k)} required /> {keuzeLabel(k)}
          </label>
        ))}
      </fieldset>
      <label htmlFor="decision-why">Waarom?</label>
      <textarea id="decision-why" value={onderbouwing} onChange={(e) => setOnderbouwing(e.target.value)} rows={4} required />
      <p>Aanwezig (uit de presentielijst, niet te typen): {present.length > 0 ? present.join(', ') : 'nog niemand ingevuld'}</p>
      <button type="submit" className="primary" disabled={present.length === 0}>
        Besluit vastleggen
      </button>
    </form>
  );
}
