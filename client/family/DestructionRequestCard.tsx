import { type FormEvent, useState } from 'react';
import { formatDate, formatDateTime } from '../../shared/format.ts';
import { DestructionRequests, type DestructionRequestView, NewDestructionRequest } from '../../shared/retention.ts';
import { useResource } from '../api/useResource.ts';
import { NLDS } from '../ui/theme.ts';

/** Where a request stands, in plain words. */
function Status({ request }: { request: DestructionRequestView }) {
  if (request.status === 'open') {
    return (
      <p className={NLDS.paragraph}>
        Je vroeg dit op {formatDateTime(request.filedAt)}. De regisseur kijkt nu naar je vraag. Je krijgt uiterlijk op {formatDate(request.dueOn)} antwoord.
      </p>
    );
  }
  return (
    <>
      <p className={NLDS.paragraph}>
        Je vroeg dit op {formatDateTime(request.filedAt)}. <strong>Het dossier wordt niet vernietigd.</strong> {request.answer?.by} schreef op {formatDateTime(request.answer?.at ?? request.filedAt)} waarom:
      </p>
      <blockquote className="family-quote">{request.answer?.reason}</blockquote>
      <p className={NLDS.paragraph}>Ben je het hier niet mee eens? Dan kun je een klacht indienen. Vraag je regisseur hoe dat gaat.</p>
    </>
  );
}

/**
 * "Mijn dossier laten vernietigen" (Jeugdwet art. 7.3.9): a parent, or the young person from 16,
 * asks to destroy the file, and follows the answer. Whether one may ask is the server's `may`.
 */
export function DestructionRequestCard({ caseId }: { caseId: string }) {
  const url = `/api/cases/${encodeURIComponent(caseId)}/destruction-requests`;
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { data: state, send } = useResource(url, DestructionRequests, setError);

  const file = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const explanation = String(new FormData(e.currentTarget).get('explanation') ?? '');
    const body = NewDestructionRequest.safeParse(explanation.trim() ? { explanation } : {});
    if (!body.success) return setError(body.error.issues[0]?.message ?? 'Controleer wat je schreef.');
    send('POST', url, body.data, () => setAsking(false));
  };

  if (!state) return error ? <p role="alert">{error}</p> : null;
  // Shown to who may ask, has asked, or is told why not yet (the young person under 16); not to the network.
  if (!state.mayFile && state.requests.length === 0 && !state.whyNot) return null;
  return (
    <section aria-labelledby="home-destroy" className="family-card">
      <h2 id="home-destroy" className={NLDS.heading2}>
        Je dossier laten vernietigen
      </h2>
      <p className={NLDS.paragraph}>
        Je mag vragen om jullie dossier te vernietigen. Dan wordt alles gewist wat hier over jullie staat. De regisseur geeft binnen 3 maanden antwoord. Soms kan het niet, bijvoorbeeld als het dossier nodig is om een kind te
        beschermen. Dan schrijft de regisseur je waarom.
      </p>
      {state.requests.map((r) => (
        <div key={r.id} role="status" className="family-request">
          <Status request={r} />
        </div>
      ))}
      {state.whyNot && <p className={NLDS.paragraph}>{state.whyNot}</p>}
      {state.mayFile &&
        (asking ? (
          <form onSubmit={file} className="family-form">
            <label htmlFor="destroy-why">Waarom wil je dit? Dit mag je leeg laten.</label>
            <textarea id="destroy-why" name="explanation" rows={3} maxLength={2000} />
            <p>
              <button type="submit" className={NLDS.primaryButton}>
                Vraag om vernietiging
              </button>{' '}
              <button type="button" className={NLDS.secondaryButton} onClick={() => setAsking(false)}>
                Toch niet
              </button>
            </p>
          </form>
        ) : (
          <button type="button" className={NLDS.secondaryButton} onClick={() => setAsking(true)}>
            Ik wil vragen om vernietiging
          </button>
        ))}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}
