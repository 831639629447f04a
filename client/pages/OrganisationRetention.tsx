import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { z } from 'zod';
import { HoldChange, RetentionTermChange } from '../../shared/retention.ts';
import { api } from '../api/http.ts';
import { Field } from '../ui/Field.tsx';
import { NLDS } from '../ui/theme.ts';

const Term = z.object({ years: z.number().nullable(), defaultYears: z.number() });
const Ok = z.object({ ok: z.literal(true) });

/**
 * On "Beheer": the organisation's own retention term (the longest term of the organisations in a
 * case governs it), and a legal hold on a case the organisation takes part in. The server decides.
 */
export function OrganisationRetention({ organisationId, name }: { organisationId: string; name: string }) {
  const base = `/api/directory/${encodeURIComponent(organisationId)}`;
  const [term, setTerm] = useState<z.infer<typeof Term> | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api('GET', `${base}/retention`, Term).then(setTerm, (e: Error) => setError(e.message));
  }, [base]);
  const fail = (e: Error) => setError(e.message);

  const saveTerm = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const raw = String(new FormData(e.currentTarget).get('years') ?? '').trim();
    const body = RetentionTermChange.safeParse({ years: raw === '' ? null : raw });
    if (!body.success) return setError(body.error.issues[0]?.message ?? 'Controleer het aantal jaren.');
    api('PUT', `${base}/retention`, Term, body.data).then((t) => {
      setTerm(t);
      setError(null);
      setStatus(t.years === null ? `${name} bewaart zaken de standaardtermijn.` : `${name} bewaart zaken ${t.years} jaar na het sluiten.`);
    }, fail);
  };
  const hold = (on: boolean) => (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const caseId = String(data.get('caseId') ?? '').trim();
    const body = HoldChange.safeParse({ reason: data.get('reason') });
    if (!caseId) return setError('Vul het zaaknummer in.');
    if (!body.success) return setError(body.error.issues[0]?.message ?? 'Schrijf een reden op.');
    api(on ? 'PUT' : 'DELETE', `${base}/holds/${encodeURIComponent(caseId)}`, Ok, body.data).then(() => {
      setError(null);
      setStatus(on ? `Op zaak ${caseId} ligt nu een bewaarplicht.` : `De bewaarplicht op zaak ${caseId} is opgeheven.`);
    }, fail);
  };

  return (
    <section aria-labelledby={`retention-${organisationId}`} className="participants">
      <h3 id={`retention-${organisationId}`} className={NLDS.heading3}>Bewaartermijn en bewaarplicht</h3>
      {term && (
        <form className="invite-form" onSubmit={saveTerm}>
          <p className={NLDS.paragraph}>
            Een gesloten zaak wordt {term.years ?? term.defaultYears} jaar bewaard{term.years === null ? ' (de standaardtermijn)' : ''}. Doen meer organisaties mee, dan telt de langste termijn.
          </p>
          <Field label={`Bewaartermijn in jaren (leeg: standaard, ${term.defaultYears})`} name="years" type="number" defaultValue={term.years ?? ''} />
          <button type="submit" className={NLDS.secondaryButton}>
            Termijn opslaan
          </button>
        </form>
      )}
      <HoldForm onSubmit={hold(true)} why="Reden" send="Bewaarplicht zetten">
        <h4 className={NLDS.heading4}>Bewaarplicht</h4>
        <p className={NLDS.paragraph}>Zolang er een bewaarplicht op een zaak ligt, wordt ze niet vernietigd: niet na haar termijn en niet op verzoek.</p>
      </HoldForm>
      <HoldForm onSubmit={hold(false)} why="Waarom mag de bewaarplicht eraf?" send="Bewaarplicht opheffen" />
      {status && (
        <p role="status" className={NLDS.paragraph}>
          {status}
        </p>
      )}
      {error && (
        <p role="alert" className={`error ${NLDS.paragraph}`}>
          {error}
        </p>
      )}
    </section>
  );
}

/** Setting or lifting a hold: the same two fields (case number, reason), each with its own words. */
function HoldForm({ onSubmit, why, send, children }: { onSubmit(e: FormEvent<HTMLFormElement>): void; why: string; send: string; children?: ReactNode }) {
  return (
    <form className="invite-form" onSubmit={onSubmit}>
      {children}
      <Field label="Zaaknummer" name="caseId" required />
      <label className={NLDS.label}>
        {why}
        <textarea className={NLDS.textarea} name="reason" required rows={2} />
      </label>
      <button type="submit" className={NLDS.secondaryButton}>
        {send}
      </button>
    </form>
  );
}
