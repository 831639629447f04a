import { type FormEvent, useState } from 'react';
import { z } from 'zod';
import { CasePerson, NewPerson, PERSON_KIND_LABEL, PersonCorrection, PersonKind, PersonRemoved } from '../../shared/caseStart.ts';
import { formatDate } from '../../shared/format.ts';
import { api } from '../api/http.ts';
import { useResource } from '../api/useResource.ts';
import { LabelledTable } from '../ui/LabelledTable.tsx';
import { FormMessages } from '../ui/FormMessages.tsx';
import { SaveOrCancel } from '../ui/SaveOrCancel.tsx';
import { useMessages } from '../ui/useMessages.ts';
import { NLDS } from '../ui/theme.ts';

const PERSONS = z.array(CasePerson);

/**
 * The regisseur keeps the persons of the case: adds one later (a baby, a new partner, a
 * neighbour), corrects a name, birth date or relation, or takes someone out. The server gives a
 * new child a health section and a new adult a GGZ section, and archives a section with content
 * instead of dropping it; this panel says what happened.
 */
export function CasePersonsPanel({ caseId }: { caseId: string }) {
  const [editing, setEditing] = useState<string | null>(null);
  const [kind, setKind] = useState<PersonKind>('kind');
  const { status, error, setError, done, failed } = useMessages(() => load());
  const base = `/api/cases/${encodeURIComponent(caseId)}/persons`;
  const { data: persons, load } = useResource(base, PERSONS, setError);

  const add = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const body = { name: data.get('name'), kind, ...(data.get('birthDate') ? { birthDate: data.get('birthDate') } : {}), ...(String(data.get('relation') ?? '').trim() ? { relation: data.get('relation') } : {}) };
    const parsed = NewPerson.safeParse(body);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'Controleer wat je invulde.');
    api('POST', base, CasePerson, parsed.data).then(
      (p) => {
        form.reset();
        done(`${p.name} hoort nu bij de zaak.`);
      },
      failed,
    );
  };
  const correct = (p: CasePerson, e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const relation = String(data.get('relation') ?? '').trim();
    const body = { name: data.get('name'), birthDate: data.get('birthDate') ? data.get('birthDate') : null, relation: relation ? relation : null };
    const parsed = PersonCorrection.safeParse(body);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'Controleer wat je invulde.');
    api('PATCH', `${base}/${encodeURIComponent(p.id)}`, CasePerson, parsed.data).then(
      (q) => {
        setEditing(null);
        done(`${q.name} is aangepast.`);
      },
      failed,
    );
  };
  const remove = (p: CasePerson) => {
    if (!confirm(`${p.name} uit de zaak halen? Onderdelen over ${p.name} waar iets in staat, blijven bewaard (alleen lezen).`)) return;
    api('DELETE', `${base}/${encodeURIComponent(p.id)}`, PersonRemoved).then(
      (r) => done(r.archived.length > 0 ? `${p.name} hoort niet meer bij de zaak. ${r.archived.length} onderdeel/onderdelen met inhoud zijn bewaard.` : `${p.name} hoort niet meer bij de zaak.`),
      failed,
    );
  };

  if (persons === null) return error ? <p role="alert">{error}</p> : null;
  return (
    <section aria-labelledby="persons-title" className="participants">
      <h3 id="persons-title" className={NLDS.heading3}>Wie horen bij het gezin</h3>
      <LabelledTable
        rows={persons}
        rowKey={(p) => p.id}
        columns={[
          {
            label: 'Naam',
            cell: (p) =>
              editing === p.id ? (
                <form onSubmit={(e) => correct(p, e)} className="invite-form" aria-label={`${p.name} aanpassen`}>
                  <label className={NLDS.label}>
                    Naam
                    <input className={NLDS.textbox} name="name" defaultValue={p.name} required />
                  </label>
                  <label className={NLDS.label}>
                    Geboortedatum (mag leeg)
                    <input className={NLDS.textbox} name="birthDate" type="date" defaultValue={p.birthDate ?? ''} />
                  </label>
                  <label className={NLDS.label}>
                    Relatie (mag leeg)
                    <input className={NLDS.textbox} name="relation" defaultValue={p.relation ?? ''} />
                  </label>
                  <SaveOrCancel onCancel={() => setEditing(null)} />
                </form>
              ) : (
                p.name
              ),
          },
          { label: 'Wie', cell: (p) => `${PERSON_KIND_LABEL[p.kind]}${p.relation ? ` (${p.relation})` : ''}` },
          { label: 'Geboren', cell: (p) => (p.birthDate ? formatDate(p.birthDate) : '–') },
          {
            label: 'Doen',
            cell: (p) =>
              editing !== p.id && (
                <>
                  <button type="button" className={NLDS.secondaryButton} onClick={() => setEditing(p.id)} aria-label={`${p.name} aanpassen`}>
                    Aanpassen
                  </button>{' '}
                  <button type="button" className={NLDS.secondaryButton} onClick={() => remove(p)} aria-label={`${p.name} uit de zaak halen`}>
                    Uit de zaak
                  </button>
                </>
              ),
          },
        ]}
      />
      <form className="invite-form" onSubmit={add}>
        <h4 className={NLDS.heading4}>Iemand toevoegen</h4>
        <label className={NLDS.label}>
          Naam
          <input className={NLDS.textbox} name="name" required />
        </label>
        <label htmlFor="new-person-kind" className={NLDS.label}>
          Wie is dit?
        </label>
        <select id="new-person-kind" className={NLDS.select} value={kind} onChange={(e) => setKind(PersonKind.parse(e.target.value))}>
          {PersonKind.options.map((k) => (
            <option key={k} value={k}>
              {PERSON_KIND_LABEL[k]}
            </option>
          ))}
        </select>
        <label className={NLDS.label}>
          Geboortedatum (mag leeg)
          <input className={NLDS.textbox} name="birthDate" type="date" />
        </label>
        <label className={NLDS.label}>
          Relatie{kind === 'netwerk' ? '' : ' (mag leeg)'}
          <input className={NLDS.textbox} name="relation" required={kind === 'netwerk'} />
        </label>
        <button type="submit" className={NLDS.primaryButton}>
          Toevoegen
        </button>
      </form>
      <FormMessages status={status} error={error} />
    </section>
  );
}
