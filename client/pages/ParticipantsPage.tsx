import { type FormEvent, useState } from 'react';
import { z } from 'zod';
import { InvitationOutcome } from '../../shared/invitationsApi.ts';
import { may } from '../../shared/access/may.ts';
import { fitsFamilyRole } from '../../shared/personRole.ts';
import { FAMILY_ROLES, ROLE_LABEL, Role } from '../../shared/roles.ts';
import { formatDateTime } from '../../shared/format.ts';
import { api } from '../api/http.ts';
import { useCase } from '../state/caseContext.ts';
import { LabelledTable } from '../ui/LabelledTable.tsx';
import { CaseClosingPanel } from './CaseClosingPanel.tsx';
import { CasePersonsPanel } from './CasePersonsPanel.tsx';
import { InvitationList } from './InvitationList.tsx';
import { Field } from '../ui/Field.tsx';
import { NLDS } from '../ui/theme.ts';

/** In the person list of the form: a network member who is not yet a person of the case. */
const NEW_NETWORK_PERSON = '__nieuw';

/**
 * Who takes part in the case; the regisseur adds professionals from the directory, invites
 * family and network members (by mail, or a link to pass on), and removes people.
 */
export function ParticipantsPage() {
  const { detail } = useCase();
  const [error, setError] = useState<string | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [kind, setKind] = useState<'professional' | Role>('professional');
  const [personId, setPersonId] = useState<string>('');
  const [name, setName] = useState({ text: '', typed: false });
  const [invitations, setInvitations] = useState(0);
  const newNetworkPerson = kind === 'netwerk' && personId === NEW_NETWORK_PERSON;
  const regisseur = may(detail.me, 'manage-participants', null).ok;
  const base = `/api/cases/${encodeURIComponent(detail.id)}`;

  const invite = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    // A professional is named by their directory account; role and organisation come from there.
    const email = String(form.get('email'));
    const body =
      kind === 'professional'
        ? { email }
        : newNetworkPerson
          ? { name: form.get('name'), email, role: kind, relation: form.get('relation') }
          : { name: form.get('name'), email, role: kind, personId: form.get('personId') };
    api('POST', `${base}/invitations`, InvitationOutcome, body).then(
      (r) => {
        // A mailed link goes to the invitee only; otherwise the regisseur passes it on.
        setLink(r.mailed || !r.link ? null : r.link);
        setDone(
          r.added
            ? `Toegevoegd aan de zaak${r.mailed ? `; ${email} kreeg een mail` : ''}.`
            : r.mailed
              ? `De uitnodiging is gemaild naar ${email}.`
              : r.mail === 'wacht'
                ? 'De mail ging nog niet weg; we proberen het opnieuw. Je kunt de link ook zelf doorgeven.'
                : null,
        );
        setInvitations((n) => n + 1);
        setError(null);
      },
      (err: Error) => setError(err.message),
    );
  };
  const pick = (id: string) => {
    setPersonId(id);
    // The person's name was typed when the case was made: it fills the field, never over what was typed here.
    if (!name.typed) setName({ text: detail.persons.find((p) => p.id === id)?.name ?? '', typed: false });
  };
  const choose = (who: 'professional' | Role) => {
    setKind(who);
    // Whoever was picked may not fit the new role.
    pick('');
  };
  const remove = (userId: string, name: string) => {
    if (!confirm(`${name} uit deze zaak verwijderen? Open onderdelen sluiten direct.`)) return;
    api('DELETE', `${base}/participants/${encodeURIComponent(userId)}`, z.unknown()).catch((err: Error) => setError(err.message));
  };

  return (
    <section aria-labelledby="participants-title" className="participants">
      <h2 id="participants-title" className={NLDS.heading2}>
        Wie doen er mee
      </h2>
      <LabelledTable
        rows={detail.participants}
        rowKey={(p) => p.userId}
        columns={[
          { label: 'Naam', cell: (p) => p.name },
          { label: 'Rol', cell: (p) => (p.emergency ? `noodtoegang tot ${formatDateTime(p.emergency.until)}` : ROLE_LABEL[p.role]) },
          // The family are no organisation: for them the cell stays empty.
          { label: 'Organisatie', cell: (p) => p.organisation ?? '' },
          ...(regisseur
            ? [
                {
                  label: 'Beheer',
                  // Emergency access is ended from the notice above, not by removing someone who was never invited.
                  cell: (p: (typeof detail.participants)[number]) =>
                    p.userId !== detail.me.userId &&
                    !p.emergency && (
                      <button type="button" className={NLDS.secondaryButton} onClick={() => remove(p.userId, p.name)}>
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
          <h3 className={NLDS.heading3}>Iemand uitnodigen</h3>
          <label htmlFor="invite-kind" className={NLDS.label}>
            Wie
          </label>
          <select id="invite-kind" className={NLDS.select} value={kind} onChange={(e) => choose(e.target.value === 'professional' ? 'professional' : Role.parse(e.target.value))}>
            <option value="professional">Een professional (uit de directory)</option>
            {FAMILY_ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABEL[r]}
              </option>
            ))}
          </select>
          {kind !== 'professional' && <Field label="Naam" name="name" required value={name.text} onChange={(e) => setName({ text: e.target.value, typed: e.target.value !== '' })} />}
          <Field label="E-mailadres" name="email" type="email" required />
          {kind === 'professional' ? (
            <p className={NLDS.paragraph}>Rol en organisatie komen uit de directory van de organisatie. Een professional doet meteen mee, zonder link.</p>
          ) : (
            <>
              <label htmlFor="invite-person" className={NLDS.label}>
                Welk gezinslid is dit?
              </label>
              <select id="invite-person" className={NLDS.select} name="personId" value={personId} onChange={(e) => pick(e.target.value)}>
                <option value="">Kies…</option>
                {/* Only who can be invited in this role: the server refuses the others. */}
                {detail.persons
                  .filter((p) => fitsFamilyRole(p, kind))
                  .map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                {kind === 'netwerk' && <option value={NEW_NETWORK_PERSON}>Iemand anders uit het netwerk (nieuw)</option>}
              </select>
            </>
          )}
          {newNetworkPerson && (
            <label className={NLDS.label}>
              Wie is dit voor het gezin?
              <input name="relation" className={NLDS.textbox} required placeholder="bijvoorbeeld: leerkracht, buurvrouw" />
            </label>
          )}
          <button type="submit" className={NLDS.primaryButton}>
            {kind === 'professional' ? 'Toevoegen' : 'Uitnodigen'}
          </button>
        </form>
      )}
      {done && (
        <p role="status" className={`invite-link ${NLDS.paragraph}`}>
          {done}
        </p>
      )}
      {link && (
        <p role="status" className={`invite-link ${NLDS.paragraph}`}>
          De uitnodiging is niet gemaild. Geef deze link zelf door (eenmalig te gebruiken): <input readOnly value={link} onFocus={(e) => e.currentTarget.select()} aria-label="Uitnodigingslink" />
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {regisseur && <InvitationList caseId={detail.id} version={invitations} onLink={setLink} />}
      {may(detail.me, 'manage-persons', null).ok && <CasePersonsPanel caseId={detail.id} />}
      <CaseClosingPanel detail={detail} />
    </section>
  );
}
