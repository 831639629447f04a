import { type FormEvent, useEffect, useState } from 'react';
import { InvitationAccepted, InvitationView } from '../../shared/api.ts';
import { isFamilyRole, ROLE_LABEL } from '../../shared/roles.ts';
import { FAMILY_PROVIDER, oidcStartPath, SignInOptions } from '../../shared/signIn.ts';
import { api } from '../api/http.ts';
import { useRouter } from '../app/router.ts';
import { useSession } from '../state/session.ts';
import { NLDS } from '../ui/theme.ts';

/** Accepting an invitation link: choose a password (or give your own, if you have an account). */
export function InvitationPage({ token }: { token: string }) {
  const [invitation, setInvitation] = useState<InvitationView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const url = `/api/invitations/${encodeURIComponent(token)}`;
  useEffect(() => {
    api('GET', url, InvitationView).then(setInvitation, (e: Error) => setError(e.message));
  }, [url]);
  // With DigiD the family needs no password of their own (the server links DigiD to this invitation).
  const [digid, setDigid] = useState<string | null>(null);
  useEffect(() => {
    api('GET', '/api/auth/options', SignInOptions).then((o) => setDigid(o.family?.label ?? null), () => setDigid(null));
  }, []);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setBusy(true);
    try {
      const { caseId } = await api('POST', url, InvitationAccepted, { password: new FormData(e.currentTarget).get('password') });
      await useSession.getState().refresh();
      useRouter.getState().navigate(`/zaken/${encodeURIComponent(caseId)}`);
    } catch (err) {
      setError((err as Error).message);
      setBusy(false);
    }
  };
  return (
    <main id="main" className="signin">
      <h1 className={NLDS.heading1}>Uitnodiging</h1>
      {!invitation && !error && <p className={NLDS.paragraph}>Laden…</p>}
      {invitation && (
        <>
          <p className={NLDS.paragraph}>
            {invitation.name}, je bent uitgenodigd voor <strong>{invitation.caseTitle}</strong> als {ROLE_LABEL[invitation.role]}.
          </p>
          {digid && isFamilyRole(invitation.role) && (
            <p className={NLDS.paragraph}>
              <a className={NLDS.primaryButtonLink} href={oidcStartPath(FAMILY_PROVIDER, token)}>
                Aannemen met {digid}
              </a>{' '}
              Dan hoef je geen wachtwoord te kiezen. Of kies hieronder een wachtwoord.
            </p>
          )}
          <form onSubmit={submit}>
            <label className={NLDS.label}>
              E-mailadres
              <input type="email" className={NLDS.textbox} value={invitation.email} readOnly />
            </label>
            <label className={NLDS.label}>
              Kies een wachtwoord (minstens 10 tekens). Heb je al een account? Vul dan je eigen wachtwoord in.
              <input name="password" type="password" className={NLDS.textbox} autoComplete="new-password" minLength={10} required />
            </label>
            <button type="submit" className={NLDS.primaryButton} disabled={busy}>
              {busy ? 'Bezig…' : 'Uitnodiging aannemen'}
            </button>
          </form>
        </>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </main>
  );
}
