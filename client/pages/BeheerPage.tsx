import { type FormEvent, useEffect, useState } from 'react';
import { z } from 'zod';
import { type DirectoryEntry, KeptDirectory, NewProfessional, ProfessionalAdded } from '../../shared/directoryApi.ts';
import { ProfessionalRole } from '../../shared/directory.ts';
import { ROLE_LABEL } from '../../shared/roles.ts';
import { api } from '../api/http.ts';
import { useResource } from '../api/useResource.ts';
import { linkTo } from '../app/router.ts';
import { LabelledTable } from '../ui/LabelledTable.tsx';
import { Field } from '../ui/Field.tsx';
import { OrganisationRetention } from './OrganisationRetention.tsx';
import { ProfessionalEditForm } from './ProfessionalEditForm.tsx';
import { NLDS } from '../ui/theme.ts';
import { useMessages } from '../ui/useMessages.ts';

type KeptOrganisation = KeptDirectory['organisations'][number];

/** A link to "Beheer" for someone who keeps an organisation's directory; nothing for anyone else. */
export function BeheerLink() {
  const [keeps, setKeeps] = useState(false);
  useEffect(() => {
    api('GET', '/api/directory', KeptDirectory).then(
      (d) => setKeeps(d.organisations.length > 0),
      () => setKeeps(false),
    );
  }, []);
  return keeps ? <a {...linkTo('/beheer')}>Beheer</a> : null;
}

/** "Beheer": the beheerder keeps the professionals of her own organisation (name, e-mail, role). */
export function BeheerPage() {
  const [error, setError] = useState<string | null>(null);
  const { data: kept, load } = useResource('/api/directory', KeptDirectory, setError);

  return (
    <section aria-labelledby="beheer-title">
      <h1 id="beheer-title" className={NLDS.heading1}>
        Beheer
      </h1>
      {error && <p role="alert">{error}</p>}
      {kept === null && !error && <p className={NLDS.paragraph}>Laden…</p>}
      {kept?.organisations.length === 0 && <p className={NLDS.paragraph}>Je beheert geen organisatie. Vraag de beheerder van Tafel als dat wel zo hoort.</p>}
      {kept?.organisations.map((org) => (
        <div key={org.id}>
          <OrganisationDirectory org={org} reload={load} />
          <OrganisationRetention organisationId={org.id} name={org.name} />
        </div>
      ))}
    </section>
  );
}

function OrganisationDirectory({ org, reload }: { org: KeptOrganisation; reload(): Promise<void> }) {
  const { status, error, setError, done, failed } = useMessages(reload);
  const [password, setPassword] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const base = `/api/directory/${encodeURIComponent(org.id)}/professionals`;

  const add = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const parsed = NewProfessional.safeParse({ email: data.get('email'), name: data.get('name'), role: data.get('role') });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'Controleer wat je invulde.');
    api('POST', base, ProfessionalAdded, parsed.data).then(
      (r) => {
        setPassword(r.password);
        form.reset();
        done(`${parsed.data.name} staat in de directory.`);
      },
      failed,
    );
  };
  const changeRole = (p: DirectoryEntry, role: string) => {
    api('PATCH', `${base}/${encodeURIComponent(p.userId)}`, z.unknown(), { role }).then(
      () => done(`${p.name} is nu ${ROLE_LABEL[ProfessionalRole.parse(role)]}.`),
      failed,
    );
  };
  const remove = (p: DirectoryEntry) => {
    if (!confirm(`${p.name} uit de directory halen? Ze is dan in geen enkele zaak meer professional en wordt overal uitgelogd.`)) return;
    api('DELETE', `${base}/${encodeURIComponent(p.userId)}`, z.unknown()).then(
      () => done(`${p.name} staat niet meer in de directory.`),
      failed,
    );
  };

  return (
    <section aria-labelledby={`org-${org.id}`} className="participants">
      <h2 id={`org-${org.id}`} className={NLDS.heading2}>
        {org.name}
      </h2>
      <LabelledTable
        rows={org.professionals}
        rowKey={(p) => p.userId}
        columns={[
          { label: 'Naam', cell: (p) => p.name },
          { label: 'E-mailadres', cell: (p) => p.email },
          { label: 'Voor het gezin', cell: (p) => (p.contact ? `${p.contact.phone}${p.contact.workingDays.length ? `, ${p.contact.workingDays.join(', ')}` : ''}` : 'Geen telefoonnummer') },
          {
            label: 'Rol',
            cell: (p) => (
              <select aria-label={`Rol van ${p.name}`} className={NLDS.select} value={p.role} onChange={(e) => changeRole(p, e.target.value)}>
                {ProfessionalRole.options.map((r) => (
                  <option key={r} value={r}>
                    {ROLE_LABEL[r]}
                  </option>
                ))}
              </select>
            ),
          },
          {
            label: 'Wijzigen',
            cell: (p) => (
              <button type="button" className={NLDS.secondaryButton} onClick={() => setEditing(p.userId)} aria-label={`${p.name} wijzigen`} aria-expanded={editing === p.userId}>
                Wijzigen
              </button>
            ),
          },
          {
            label: 'Verwijderen',
            cell: (p) => (
              <button type="button" className={NLDS.secondaryButton} onClick={() => remove(p)} aria-label={`${p.name} verwijderen`}>
                Verwijderen
              </button>
            ),
          },
        ]}
      />
      {org.professionals
        .filter((p) => p.userId === editing)
        .map((p) => (
          <ProfessionalEditForm
            key={p.userId}
            professional={p}
            url={`${base}/${encodeURIComponent(p.userId)}`}
            onCancel={() => setEditing(null)}
            onDone={(message) => {
              setEditing(null);
              done(message);
            }}
          />
        ))}
      <form className="invite-form" onSubmit={add}>
        <h3 className={NLDS.heading3}>Professional toevoegen</h3>
        <Field label="Naam" name="name" required />
        <Field label="E-mailadres" name="email" type="email" required />
        <label htmlFor={`new-role-${org.id}`} className={NLDS.label}>
          Rol
        </label>
        <select id={`new-role-${org.id}`} className={NLDS.select} name="role" defaultValue="regisseur">
          {ProfessionalRole.options.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABEL[r]}
            </option>
          ))}
        </select>
        <button type="submit" className={NLDS.primaryButton}>
          Toevoegen
        </button>
      </form>
      {status && (
        <p role="status" className={`invite-link ${NLDS.paragraph}`}>
          {status}
        </p>
      )}
      {password && (
        <p className={`invite-link ${NLDS.paragraph}`}>
          Nieuw account. Geef dit wachtwoord veilig door (het staat nergens anders): <input readOnly value={password} aria-label="Eenmalig wachtwoord" onFocus={(e) => e.currentTarget.select()} />
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
