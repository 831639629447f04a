import { type FormEvent, useEffect, useState } from 'react';
import { Me } from '../../shared/api.ts';
import { TotpEnrolled, TotpEnrolment } from '../../shared/signIn.ts';
import { api } from '../api/http.ts';
import { useSession } from '../state/session.ts';
import { NLDS } from '../ui/theme.ts';

/** The secret in groups of four, easier to type over from the screen. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

function CodeField({ hint }: { hint: string }) {
  return (
    <label className={NLDS.label}>
      Code uit je app
      <input name="code" className={NLDS.textbox} inputMode="numeric" autoComplete="one-time-code" aria-describedby="code-hint" required maxLength={40} />
      <span id="code-hint" className="hint">
        {hint}
      </span>
    </label>
  );
}

function useSubmit(run: (code: string) => Promise<void>) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const code = String(new FormData(e.currentTarget).get('code') ?? '');
    setBusy(true);
    setError(null);
    try {
      await run(code);
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Dat lukt nu niet.');
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, submit };
}

function Alert({ error }: { error: string | null }) {
  return error ? (
    <p id="code-error" role="alert" className="error">
      {error}
    </p>
  ) : null;
}

/** The end of both forms: the code from the app, what went wrong, and the button that sends it. */
function CodeStep({ hint, error, busy, send }: { hint: string; error: string | null; busy: boolean; send: string }) {
  return (
    <>
      <CodeField hint={hint} />
      <Alert error={error} />
      <button type="submit" className={NLDS.primaryButton} disabled={busy}>
        {busy ? 'Bezig…' : send}
      </button>
    </>
  );
}

/** Second step of a password sign-in: the code from the authenticator app, or a recovery code. */
export function TotpForm() {
  const { error, busy, submit } = useSubmit(async (code) => {
    useSession.getState().signedIn(await api('POST', '/api/session/totp', Me, { code }));
  });
  return (
    <form onSubmit={submit} aria-labelledby="totp-title">
      <h2 id="totp-title" className={NLDS.heading2}>
        Tweede stap
      </h2>
      <CodeStep hint="De 6 cijfers uit je authenticator-app. Telefoon kwijt? Vul dan een van je herstelcodes in." error={error} busy={busy} send="Inloggen" />
    </form>
  );
}

/**
 * Setting up the second factor at a professional's first sign-in with a password: the secret
 * (to type in, or as an `otpauth://` link that opens the app on a phone), the first code to
 * confirm it, then the recovery codes, shown this once.
 */
export function TotpEnrolmentForm() {
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [done, setDone] = useState<TotpEnrolled | null>(null);
  useEffect(() => {
    api('POST', '/api/session/totp/enrolment', TotpEnrolment).then(setEnrolment, (e: Error) => setLoadError(e.message));
  }, []);
  const { error, busy, submit } = useSubmit(async (code) => {
    setDone(await api('POST', '/api/session/totp/enrolment/confirm', TotpEnrolled, { code }));
  });

  if (done) {
    return (
      <section aria-labelledby="recovery-title">
        <h2 id="recovery-title" className={NLDS.heading2}>
          Bewaar je herstelcodes
        </h2>
        <p className={NLDS.paragraph}>Ben je je telefoon kwijt? Dan log je in met een van deze codes. Elke code werkt één keer. Bewaar ze op een veilige plek, niet op je telefoon. Je ziet ze maar één keer.</p>
        <ul className="recovery-codes">
          {done.recoveryCodes.map((c) => (
            <li key={c}>
              <code>{c}</code>
            </li>
          ))}
        </ul>
        <button type="button" className={NLDS.primaryButton} onClick={() => useSession.getState().signedIn(done)}>
          Ik heb ze bewaard, ga verder
        </button>
      </section>
    );
  }
  return (
    <form onSubmit={submit} aria-labelledby="enrol-title">
      <h2 id="enrol-title" className={NLDS.heading2}>
        Stel een tweede stap in
      </h2>
      <p className={NLDS.paragraph}>Wie met een wachtwoord inlogt, gebruikt ook een code van de telefoon. Zo kan niemand alleen met je wachtwoord bij de dossiers.</p>
      {loadError && (
        <p role="alert" className="error">
          {loadError}
        </p>
      )}
      {!enrolment && !loadError && <p className={NLDS.paragraph}>Laden…</p>}
      {enrolment && (
        <>
          <ol>
            <li>Open een authenticator-app op je telefoon, bijvoorbeeld Microsoft Authenticator of Google Authenticator.</li>
            <li>
              Voeg een account toe en typ deze sleutel over: <code className="totp-secret">{grouped(enrolment.secret)}</code>. Op je telefoon kun je ook{' '}
              <a className={NLDS.link} href={enrolment.uri}>deze link openen in de app</a>.
            </li>
            <li>Vul hieronder de 6 cijfers in die de app laat zien.</li>
          </ol>
          <CodeStep hint="De code verandert elke 30 seconden." error={error} busy={busy} send="Bevestigen" />
        </>
      )}
    </form>
  );
}
