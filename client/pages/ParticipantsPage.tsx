import { type FormEvent, useState } from 'react';
import { z } from 'zod';
import { InvitationLink } from '../../shared/api.ts';
import { may } from '../../shared/access/may.ts';
import { FAMILY_ROLES, ROLE_LABEL, Role } from '../../shared/roles.ts';
import { formatDateTime } from '../../shared/format.ts';
import { api } from '../api/http.ts';
import { useCase } from '../state/caseContext.ts';
import { LabelledTable } from '../ui/LabelledTable.tsx';

/** Who takes part in the case; the regisseur invites (a link to pass on) and removes people. */
export function ParticipantsPage() {
  const { detail } = useCase();
  const [error, setError] = useState<string | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const [mailedTo, setMailedTo] = useState<string | null>(null);
  const [kind, setKind] = useState<'professional' | Role>('professional');
  const regisseur = may(detail.me, 'manage-participants', null).ok;
  const base = `/api/cases/${encodeURIComponent(detail.id)}`;

  const invite = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    // A professional is named by their directory account; role and organisation come from there.
    const body = kind === 'professional' ? { email: form.get('email') } : { name: form.get('name'), email: form.get('email'), role: kind, personId: form.get('personId') };
    api('POST', `${base}/invitations`, InvitationLink, body).then(
      (r) => {
        // A mailed link goes to the invitee only; otherwise the regisseur passes it on.
        setLink(r.mailed ? null : r.link);
        setMailedTo(r.mailed ? String(form.get('email')) : null);
        setError(null);
      },
      (err: Error) => setError(err.message),
    );
  };
  const remove = (userId: string, name: string) => {
    if (!confirm(`${name} uit deze zaak verwijderen? Open onderdelen sluiten direct.`)) return;
    api('DELETE', `${base}/participants/${encodeURIComponent(userId)}`, z.unknown()).catch((err: Error) => setError(err.message));
  };

  return (
    <section aria-labelledby="participants-title" className="participants">
      <h2 id="participants-title">Wie doen er mee</h2>
      <LabelledTable
        rows={detail.participants}
        rowKey={(p) => p.userId}
        columns={[
          { label: 'Naam', cell: (p) => p.name },
          { label: 'Rol', cell: (p) => (p.emergency ? `noodtoegang tot ${formatDateTime(p.emergency.until)}` : ROLE_LABEL[p.role]) },
          { label: 'Organisatie', cell: (p) => (p.organisationId === 'gezin' ? 'gezin' : p.organisationId.replaceAll('-', ' ')) },
          ...(regisseur
            ? [
                {
                  label: 'Beheer',
                  // Emergency access is ended from the notice above, not by removing someone who was never invited.
                  cell: (p: (typeof detail.participants)[number]) =>
                    p.userId !== detail.me.userId &&
                    !p.emergency && (
                      <button type="button" onClick={() => remove(p.userId, p.name)}>
                        Verwijderen
                      </button>
                    ),
                },
              ]
            : []),
        ]}
      />
      {regisseur && (
        <form className="invite-form" onSubmit={invite}>
          <h3>Iemand uitnodigen</h3>
          <label>
            Wie
            <select value={kind} onChange={(e) => setKind(e.target.value === 'professional' ? 'professional' : Role.parse(e.target.value))}>
              <option value="professional">Een professional (uit de directory)</option>
              {FAMILY_ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABEL[r]}
                </option>
              ))}
            </select>
          </label>
          {kind !== 'professional' && (
            <label>
              Naam
              <input name="name" required />
            </label>
          )}
          <label>
            E-mailadres
            <input name="email" type="email" required />
          </label>
          {kind === 'professional' ? (
            <p className="muted">Rol en organisatie komen uit de directory van de organisatie.</p>
          ) : (
            <label>
              Welk gezinslid is dit?
              <select name="personId">
                {detail.persons.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <button type="submit" className="primary">
            Uitnodigen
          </button>
        </form>
      )}
      {mailedTo && (
        <p role="status" className="invite-link">
          De uitnodiging is gemaild naar {mailedTo}.
        </p>
      )}
      {link && (
        <p role="status" className="invite-link">
          De uitnodiging is niet gemaild. Geef deze link zelf door (eenmalig te gebruiken): <input readOnly value={link} onFocus={(e) => e.currentTarget.select()} aria-label="Uitnodigingslink" />
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}
