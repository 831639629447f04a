import { type FormEvent, useState } from 'react';
import { useSession } from '../state/session.ts';

export function SignInPage() {
  const signIn = useSession((s) => s.signIn);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await signIn(String(form.get('email') ?? ''), String(form.get('password') ?? ''));
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Inloggen lukt niet.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" className="signin">
      <h1>Tafel</h1>
      <p>Eén plan voor het gezin, samen geschreven.</p>
      <form onSubmit={submit} aria-describedby={error ? 'signin-error' : undefined}>
        <label>
          E-mailadres
          <input name="email" type="email" autoComplete="username" required />
        </label>
        <label>
          Wachtwoord
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        {error && (
          <p id="signin-error" role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? 'Bezig…' : 'Inloggen'}
        </button>
      </form>
    </main>
  );
}
