import { type FormEvent, useEffect, useState } from 'react';
import { FAMILY_PROVIDER, OIDC_FAILURE_MESSAGE, OIDC_FAILURE_PARAM, OidcFailure, oidcStartPath, type SecondFactorStep, SignInOptions } from '../../shared/signIn.ts';
import { api } from '../api/http.ts';
import { useSession } from '../state/session.ts';
import { TotpEnrolmentForm, TotpForm } from './SecondFactorForms.tsx';
import { NLDS } from '../ui/theme.ts';

/** The reason a sign-in at a provider came back without signing in (`?aanmelden=<code>`), said once. */
function takeProviderFailure(): string | null {
  const params = new URLSearchParams(location.search);
  const parsed = OidcFailure.safeParse(params.get(OIDC_FAILURE_PARAM));
  if (!params.has(OIDC_FAILURE_PARAM)) return null;
  // Not again on a reload, and not in a bookmark.
  params.delete(OIDC_FAILURE_PARAM);
  history.replaceState(null, '', `${location.pathname}${params.size ? `?${params}` : ''}`);
  return parsed.success ? OIDC_FAILURE_MESSAGE[parsed.data] : OIDC_FAILURE_MESSAGE.ongeldig_antwoord;
}

/**
 * Signing in: through the organisation's own sign-in or DigiD (the server sends the browser
 * there and back), or with an e-mail address and password, followed by a second step for
 * professionals (TOTP).
 */
export function SignInPage() {
  const signIn = useSession((s) => s.signIn);
  const [error, setError] = useState<string | null>(takeProviderFailure);
  const [busy, setBusy] = useState(false);
  const [step, setStep] = useState<SecondFactorStep['next'] | null>(null);
  const [options, setOptions] = useState<SignInOptions | null>(null);
  useEffect(() => {
    api('GET', '/api/auth/options', SignInOptions).then(setOptions, () => setOptions(null));
  }, []);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const next = await signIn(String(form.get('email') ?? ''), String(form.get('password') ?? ''));
      if (next) setStep(next.next);
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Inloggen lukt niet.');
    } finally {
      setBusy(false);
    }
  }

  if (step) {
    return (
      <main id="main" className="signin">
        <h1 className={NLDS.heading1}>Tafel</h1>
        {step === 'totp' ? <TotpForm /> : <TotpEnrolmentForm />}
      </main>
    );
  }
  const providers = options ? [...options.organisations.map((o) => ({ href: oidcStartPath(o.id), text: `Inloggen via ${o.label}` }))] : [];
  if (options?.family) providers.push({ href: oidcStartPath(FAMILY_PROVIDER), text: `Inloggen met ${options.family.label} (voor ouders en jongeren)` });

  return (
    <main id="main" className="signin">
      <h1 className={NLDS.heading1}>Tafel</h1>
      <p className={NLDS.paragraph}>Eén plan voor het gezin, samen geschreven.</p>
      {error && (
        <p id="signin-error" role="alert" className="error">
          {error}
        </p>
      )}
      {providers.length > 0 && (
        <nav aria-label="Inloggen via je organisatie of DigiD">
          <ul className="signin-providers">
            {providers.map((p) => (
              <li key={p.href}>
                <a className={NLDS.buttonLink} href={p.href}>
                  {p.text}
                </a>
              </li>
            ))}
          </ul>
          <p className={NLDS.paragraph}>Of log in met je e-mailadres en wachtwoord:</p>
        </nav>
      )}
      <form onSubmit={submit} aria-describedby={error ? 'signin-error' : undefined}>
        <label className={NLDS.label}>
          E-mailadres
          <input name="email" type="email" className={NLDS.textbox} autoComplete="username" required />
        </label>
        <label className={NLDS.label}>
          Wachtwoord
          <input name="password" type="password" className={NLDS.textbox} autoComplete="current-password" required />
        </label>
        <button type="submit" className={NLDS.primaryButton} disabled={busy}>
          {busy ? 'Bezig…' : 'Inloggen'}
        </button>
      </form>
    </main>
  );
}
