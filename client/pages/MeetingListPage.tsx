import { type FormEvent, useEffect, useState } from 'react';
import { z } from 'zod';
import { may } from '../../shared/access/may.ts';
import { formatDate } from '../../shared/format.ts';
import { MEETING_MINUTES, MEETING_STATUS_LABEL, MeetingSummary } from '../../shared/meetings.ts';
import { isFamilyRole, ROLE_LABEL } from '../../shared/roles.ts';
import { api } from '../api/http.ts';
import { linkTo, useRouter } from '../app/router.ts';
import { useCase } from '../state/caseContext.ts';
import { useCaseVersion } from '../state/caseLive.ts';

const Summaries = z.array(MeetingSummary);
const Planned = z.object({ id: z.string() });

/** The Tafels of the case, and for the regisseur the form to plan one. */
export function MeetingListPage({ caseId }: { caseId: string }) {
  const { detail } = useCase();
  const [meetings, setMeetings] = useState<MeetingSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const version = useCaseVersion(caseId, ['meeting']);
  const base = `/api/cases/${encodeURIComponent(caseId)}/meetings`;
  const family = isFamilyRole(detail.me.role);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is the live-update trigger
  useEffect(() => {
    api('GET', base, Summaries).then(setMeetings, (e: Error) => setError(e.message));
  }, [base, version]);

  return (
    <section className="meetings" aria-labelledby="meetings-title">
      <h2 id="meetings-title">{family ? 'Gesprekken met iedereen (Jeugdbeschermingstafel)' : 'Jeugdbeschermingstafel'}</h2>
      {family && <p>Bij een Jeugdbeschermingstafel praten jullie met alle hulpverleners tegelijk. De Raad voor de Kinderbescherming besluit daarna hoe het verder gaat.</p>}
      {error && <p role="alert">{error}</p>}
      {meetings && meetings.length === 0 && <p className="muted">{family ? 'Er is nog geen gesprek gepland.' : 'Nog geen tafel gepland.'}</p>}
      {meetings && meetings.length > 0 && (
        <ul>
          {meetings.map((m) => (
            <li key={m.id}>
              <a {...linkTo(`/zaken/${caseId}/tafel/${m.id}`)}>
                {formatDate(m.date)} om {m.time}
              </a>{' '}
              <span className="badge">{MEETING_STATUS_LABEL[m.status]}</span>
            </li>
          ))}
        </ul>
      )}
      {may(detail.me, 'plan-meeting', null).ok && <PlanForm caseId={caseId} base={base} />}
    </section>
  );
}

function PlanForm({ caseId, base }: { caseId: string; base: string }) {
  const { detail } = useCase();
  const [error, setError] = useState<{ message: string; field: string | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const others = detail.participants.filter((p) => p.userId !== detail.me.userId && !p.emergency);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const email = String(form.get('professional') ?? '').trim();
    const body = {
      date: form.get('date'),
      time: form.get('time'),
      durationMinutes: Number(form.get('durationMinutes')),
      place: form.get('place'),
      videoLink: form.get('videoLink'),
      participants: form.getAll('participants'),
      professionals: email ? [email] : [],
    };
    setBusy(true);
    api('POST', base, Planned, body).then(
      ({ id }) => useRouter.getState().navigate(`/zaken/${caseId}/tafel/${id}`),
      (err: Error & { status?: number }) => {
        setBusy(false);
        const field = /^([a-zA-Z]+)[.:]/.exec(err.message)?.[1] ?? null;
        setError({ message: err.message, field });
      },
    );
  };
  const invalid = (field: string) => (error?.field === field ? { 'aria-invalid': true, 'aria-describedby': 'plan-error' } : {});

  return (
    <form className="plan-meeting" onSubmit={submit} aria-labelledby="plan-title">
      <h3 id="plan-title">Een tafel plannen</h3>
      <p className="muted">De agenda wordt gemaakt uit de analyse: wat veranderde sinds de vorige tafel, open afspraken, acties over de datum, de schaalvragen en wat in review is. Daarna kun je hem aanpassen.</p>
      <label>
        Datum <input type="date" name="date" required {...invalid('date')} />
      </label>
      <label>
        Tijd <input type="time" name="time" required defaultValue="10:00" {...invalid('time')} />
      </label>
      <label>
        Duur in minuten <input type="number" name="durationMinutes" min={MEETING_MINUTES.min} max={MEETING_MINUTES.max} defaultValue={90} required {...invalid('durationMinutes')} />
      </label>
      <label>
        Plaats <input type="text" name="place" {...invalid('place')} />
      </label>
      <label>
        Videolink <input type="url" name="videoLink" placeholder="https://" {...invalid('videoLink')} />
      </label>
      <fieldset>
        <legend>Wie nodig je uit?</legend>
        {others.map((p) => (
          <label className="inline" key={p.userId}>
            <input type="checkbox" name="participants" value={p.userId} defaultChecked /> {p.name} ({ROLE_LABEL[p.role]})
          </label>
        ))}
      </fieldset>
      <label>
        Nog een professional uit de directory (e-mailadres) <input type="email" name="professional" {...invalid('professionals')} />
      </label>
      {error && (
        <p role="alert" id="plan-error" className="field-error">
          {error.message}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          Tafel plannen en uitnodigen
        </button>
      </div>
    </form>
  );
}
