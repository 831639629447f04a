import { type FormEvent, useEffect, useState } from 'react';
import { z } from 'zod';
import { may } from '../../shared/access/may.ts';
import type { CaseDetail } from '../../shared/api.ts';
import { formatDate, formatDateTime } from '../../shared/format.ts';
import { CaseDestroyed, type CaseRetention, DestructionAnswer, DestructionRequests, HoldChange } from '../../shared/retention.ts';
import { api } from '../api/http.ts';
import { linkTo } from '../app/router.ts';
import { NLDS } from '../ui/theme.ts';

const Ok = z.object({ ok: z.literal(true) });
const Answered = DestructionRequests.or(CaseDestroyed);
const reasonOf = (e: FormEvent<HTMLFormElement>) => String(new FormData(e.currentTarget).get('reason') ?? '');

/**
 * For the regisseur: the legal hold (set and lifted with a reason) and the family's destruction
 * requests, each answered with a written refusal or carried out. The server decides (`may`).
 */
export function CaseRetentionPanel({ detail, retention, onChanged }: { detail: CaseDetail; retention: CaseRetention; onChanged(): void }) {
  const base = `/api/cases/${encodeURIComponent(detail.id)}`;
  const [requests, setRequests] = useState<DestructionRequests | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [destroyed, setDestroyed] = useState(false);
  const mayHold = may(detail.me, 'hold-case', null).ok;
  const mayAnswer = may(detail.me, 'answer-destruction', null).ok;
  const reload = () => api('GET', `${base}/destruction-requests`, DestructionRequests).then(setRequests, (e: Error) => setError(e.message));
  // biome-ignore lint/correctness/useExhaustiveDependencies: read again when the case's address changes
  useEffect(() => void reload(), [base]);

  const hold = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const body = HoldChange.safeParse({ reason: reasonOf(e) });
    if (!body.success) return setError(body.error.issues[0]?.message ?? 'Schrijf een reden op.');
    api(retention.hold ? 'DELETE' : 'PUT', `${base}/hold`, Ok, body.data).then(() => {
      setError(null);
      onChanged();
    }, (err: Error) => setError(err.message));
  };
  const answer = (id: string, decision: 'weigeren' | 'uitvoeren') => (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const body = DestructionAnswer.safeParse(decision === 'weigeren' ? { decision, reason: reasonOf(e) } : { decision });
    if (!body.success) return setError(body.error.issues[0]?.message ?? 'Schrijf een reden op.');
    if (decision === 'uitvoeren' && !confirm('De hele zaak vernietigen? Dit kan niet ongedaan worden.')) return;
    api('POST', `${base}/destruction-requests/${encodeURIComponent(id)}/answer`, Answered, body.data).then(
      (r) => {
        setError(null);
        if ('destroyed' in r) setDestroyed(true);
        else setRequests(r);
      },
      (err: Error) => setError(err.message),
    );
  };

  if (destroyed) {
    return (
      <p role="status" className={NLDS.paragraph}>
        De zaak is vernietigd.{' '}
        <a className={NLDS.link} {...linkTo('/')}>
          Terug naar mijn zaken
        </a>
      </p>
    );
  }
  return (
    <section aria-labelledby="retention-title" className="participants">
      <h3 id="retention-title" className={NLDS.heading3}>Bewaren en vernietigen</h3>
      <p className={NLDS.paragraph}>
        Bewaartermijn: {retention.years} jaar na het sluiten{retention.organisation ? `, de termijn van ${retention.organisation} (de langste van de organisaties in deze zaak)` : ' (de standaardtermijn)'}.
      </p>
      {retention.hold ? (
        <p role="status" className={NLDS.paragraph}>
          Bewaarplicht sinds {formatDateTime(retention.hold.at)}, gezet door {retention.hold.by}: {retention.hold.reason}. Zolang die er ligt, wordt de zaak niet vernietigd.
        </p>
      ) : (
        <p className={NLDS.paragraph}>Er ligt geen bewaarplicht op deze zaak.</p>
      )}
      {mayHold && (
        <form className="invite-form" onSubmit={hold}>
          <label className={NLDS.label}>
            {retention.hold ? 'Waarom mag de bewaarplicht eraf?' : 'Waarom mag de zaak niet vernietigd worden?'}
            <textarea className={NLDS.textarea} name="reason" required rows={2} />
          </label>
          <button type="submit" className={NLDS.secondaryButton}>
            {retention.hold ? 'Bewaarplicht opheffen' : 'Bewaarplicht zetten'}
          </button>
        </form>
      )}
      <h4 className={NLDS.heading4}>Verzoeken om vernietiging</h4>
      {requests && requests.requests.length === 0 && <p className={NLDS.paragraph}>Het gezin heeft niet gevraagd om vernietiging.</p>}
      <ul className="retention-requests">
        {requests?.requests.map((r) => (
          <li key={r.id}>
            <p className={NLDS.paragraph}>
              {r.filedBy} vroeg op {formatDateTime(r.filedAt)} om vernietiging{r.explanation ? `: “${r.explanation}”` : '.'}{' '}
              {r.status === 'open' ? <strong>Antwoord uiterlijk {formatDate(r.dueOn)}.</strong> : `Geweigerd door ${r.answer?.by}: ${r.answer?.reason}`}
            </p>
            {mayAnswer && r.status === 'open' && (
              <>
                <form className="invite-form" onSubmit={answer(r.id, 'weigeren')}>
                  <label className={NLDS.label}>
                    Waarom weiger je? Het gezin leest dit.
                    <textarea className={NLDS.textarea} name="reason" required rows={2} />
                  </label>
                  <button type="submit" className={NLDS.secondaryButton}>
                    Weigeren
                  </button>
                </form>
                <form onSubmit={answer(r.id, 'uitvoeren')}>
                  <button type="submit" className={NLDS.dangerButton}>
                    Uitvoeren: de hele zaak vernietigen
                  </button>
                </form>
              </>
            )}
          </li>
        ))}
      </ul>
      {error && (
        <p role="alert" className={`error ${NLDS.paragraph}`}>
          {error}
        </p>
      )}
    </section>
  );
}
