import { type FormEvent, useEffect, useState } from 'react';
import { z } from 'zod';
import { may } from '../../shared/access/may.ts';
import { formatDate } from '../../shared/format.ts';
import { MEETING_MINUTES, MEETING_STATUS_LABEL, MeetingPlan, MeetingSummary } from '../../shared/meetings.ts';
import { isFamilyRole, nameWithRole } from '../../shared/roles.ts';
import { ApiFailure, api } from '../api/http.ts';
import { linkTo, useRouter } from '../app/router.ts';
import { useCase } from '../state/caseContext.ts';
import { useCaseVersion } from '../state/caseLive.ts';
import { meetingBadge, NLDS } from '../ui/theme.ts';

const Summaries = z.array(MeetingSummary);
const Planned = z.object({ id: z.string() });
/** The fields of the plan form that show their own error; any other error shows below them. */
const FORM_FIELDS = ['date', 'time', 'durationMinutes', 'place', 'videoLink', 'participants', 'professionals'];

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
      <h2 id="meetings-title" className={NLDS.heading2}>{family ? 'Gesprekken met iedereen (Jeugdbeschermingstafel)' : 'Jeugdbeschermingstafel'}</h2>
      {family && <p className={NLDS.paragraph}>Bij een Jeugdbeschermingstafel praten jullie met alle hulpverleners tegelijk. De Raad voor de Kinderbescherming besluit daarna hoe het verder gaat.</p>}
      {error && <p role="alert">{error}</p>}
      {meetings && meetings.length === 0 && <p className={NLDS.paragraph}>{family ? 'Er is nog geen gesprek gepland.' : 'Nog geen tafel gepland.'}</p>}
      {meetings && meetings.length > 0 && (
        <ul className={NLDS.unorderedList}>
          {meetings.map((m) => (
            <li key={m.id} className={NLDS.listItem}>
              <a className={NLDS.link} {...linkTo(`/zaken/${caseId}/tafel/${m.id}`)}>
                {formatDate(m.date)} om {m.time}
              </a>{' '}
              <span className={meetingBadge(m.status)}>{MEETING_STATUS_LABEL[m.status]}</span>
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
    // The same rules as the server's, before sending: the message goes to the field it is about.
    const checked = MeetingPlan.safeParse(body);
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      const field = String(issue.path[0] ?? '') || null;
      setError({ message: issue.message, field });
      const input = field ? e.currentTarget.elements.namedItem(field) : null;
      if (input instanceof HTMLInputElement) input.focus();
      return;
    }
    setBusy(true);
    api('POST', base, Planned, checked.data).then(
      ({ id }) => useRouter.getState().navigate(`/zaken/${caseId}/tafel/${id}`),
      (err: Error & { status?: number }) => {
        setBusy(false);
        // The field the server names ("invitees.2") is the form's top-level field it belongs to.
        const field = err instanceof ApiFailure && err.field ? (err.field.split('.')[0] ?? null) : null;
        setError({ field, message: err.message });
      },
    );
  };
  const invalid = (field: string) => (error?.field === field ? { 'aria-invalid': true, 'aria-describedby': 'plan-error' } : {});
  const errorAt = (field: string | null) =>
    error && (error.field === field || (field === null && !FORM_FIELDS.includes(error.field ?? ''))) ? (
      <span role="alert" id="plan-error" className="field-error">
        {error.message}
      </span>
    ) : null;

  return (
    <form className="plan-meeting" onSubmit={submit} aria-labelledby="plan-title">
      <h3 id="plan-title" className={NLDS.heading3}>
        Een tafel plannen
      </h3>
      <p className={NLDS.paragraph}>De agenda wordt gemaakt uit de analyse: wat veranderde sinds de vorige tafel, open afspraken, acties over de datum, de schaalvragen en wat in review is. Daarna kun je hem aanpassen.</p>
      <label className={NLDS.label}>
        Datum <input className={NLDS.textbox} type="date" name="date" required {...invalid('date')} />
      </label>
      {errorAt('date')}
      <label className={NLDS.label}>
        Tijd <input className={NLDS.textbox} type="time" name="time" required defaultValue="10:00" {...invalid('time')} />
      </label>
      {errorAt('time')}
      <label className={NLDS.label}>
        Duur in minuten <input className={NLDS.textbox} type="number" name="durationMinutes" min={MEETING_MINUTES.min} max={MEETING_MINUTES.max} defaultValue={90} required {...invalid('durationMinutes')} />
      </label>
      {errorAt('durationMinutes')}
      <label className={NLDS.label}>
        Plaats <input className={NLDS.textbox} type="text" name="place" {...invalid('place')} />
      </label>
      {errorAt('place')}
      <label className={NLDS.label}>
        Videolink <input className={NLDS.textbox} type="url" name="videoLink" placeholder="https://" {...invalid('videoLink')} />
      </label>
      {errorAt('videoLink')}
      <fieldset className={NLDS.fieldset}>
        {/* Read like the other questions of the form; one person a line, so each box is by its name. */}
        <legend className={NLDS.label}>Wie nodig je uit?</legend>
        <ul className="choice-list">
          {others.map((p) => (
            <li key={p.userId}>
              <label className={NLDS.checkboxLabel}>
                <input type="checkbox" className={NLDS.checkbox} name="participants" value={p.userId} defaultChecked /> {nameWithRole(p.name, p.role)}
              </label>
            </li>
          ))}
        </ul>
        {errorAt('participants')}
      </fieldset>
      <label className={NLDS.label}>
        Nog een professional uit de directory (e-mailadres) <input className={NLDS.textbox} type="email" name="professional" {...invalid('professionals')} />
      </label>
      {errorAt('professionals')}
      {errorAt(null) && <p className={NLDS.paragraph}>{errorAt(null)}</p>}
      <div className="form-actions">
        <button type="submit" className={NLDS.primaryButton} disabled={busy}>
          Tafel plannen en uitnodigen
        </button>
      </div>
    </form>
  );
}
