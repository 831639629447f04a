import { type FormEvent, useEffect, useRef, useState } from 'react';
import { may } from '../../shared/access/may.ts';
import { CaseStarted, CaseStartOptions, PERSON_KIND_LABEL, PersonKind, StartCase } from '../../shared/caseStart.ts';
import { isRegion, REGION_NAME, REGIONS } from '../../shared/regions.ts';
import { api } from '../api/http.ts';
import { linkTo, useRouter } from '../app/router.ts';
import { NLDS } from '../ui/theme.ts';

interface PersonDraft {
  key: number;
  name: string;
  kind: PersonKind;
  birthDate: string;
  relation: string;
}

const asViewer = (p: NonNullable<CaseStartOptions['professional']>) => ({ userId: p.userId, role: p.role, organisationId: p.organisationId, personId: null });

/** The `may` verdict for the options the server gave: the page mirrors the server's rule. */
export function startVerdict(options: CaseStartOptions) {
  const p = options.professional;
  if (!p) return { ok: false as const, reason: 'Een zaak starten doen professionals.' };
  return may(asViewer(p), 'start-case', { organisationKind: p.organisationKind });
}

/** Whether the professional who starts the case directs it (`may`): then no regisseur is named. */
function directsItself(options: CaseStartOptions): boolean {
  const p = options.professional;
  return !!p && may(asViewer(p), 'direct-case', { organisationKind: p.organisationKind }).ok;
}

let nextKey = 1;
const emptyPerson = (kind: PersonKind = 'volwassene'): PersonDraft => ({ key: nextKey++, name: '', kind, birthDate: '', relation: '' });

/** The form's drafts as the contract's body: empty optional fields are left out. */
function bodyOf(title: string, region: string, regisseur: string, persons: PersonDraft[], reason = ''): unknown {
  return {
    title,
    region,
    ...(reason.trim() ? { reason } : {}),
    persons: persons.map((p) => ({ name: p.name, kind: p.kind, ...(p.birthDate ? { birthDate: p.birthDate } : {}), ...(p.relation.trim() ? { relation: p.relation } : {}) })),
    ...(regisseur ? { regisseur } : {}),
  };
}

/** "Nieuwe zaak": title, region and the persons of the family, checked with the server's own schema before it is sent. */
export function NewCasePage() {
  const [options, setOptions] = useState<CaseStartOptions | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [region, setRegion] = useState('');
  const [regisseur, setRegisseur] = useState('');
  const [reason, setReason] = useState('');
  const [persons, setPersons] = useState<PersonDraft[]>(() => [emptyPerson(), emptyPerson('kind')]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const focusNext = useRef<string | null>(null);

  useEffect(() => {
    api('GET', '/api/case-start', CaseStartOptions).then(
      (o) => {
        setOptions(o);
        // The starter's own region, when it is one Tafel knows; else they choose.
        const own = o.professional?.region?.trim().toLowerCase();
        setRegion(isRegion(own) ? own : '');
      },
      (e: Error) => setLoadError(e.message),
    );
  }, []);
  useEffect(() => {
    if (focusNext.current) document.getElementById(focusNext.current)?.focus();
    focusNext.current = null;
  });

  if (loadError) return <p role="alert">{loadError}</p>;
  if (!options) return <p>Laden…</p>;
  const verdict = startVerdict(options);
  if (!verdict.ok) {
    return (
      <section>
        <h1 className={NLDS.heading1}>Nieuwe zaak</h1>
        <p className={NLDS.paragraph}>{verdict.reason}</p>
        <a className={NLDS.link} {...linkTo('/')}>
          Terug naar mijn zaken
        </a>
      </section>
    );
  }
  // Who does not direct the case themselves names the regisseur who will.
  const namesRegisseur = !directsItself(options);

  const change = (key: number, patch: Partial<PersonDraft>) => setPersons((ps) => ps.map((p) => (p.key === key ? { ...p, ...patch } : p)));
  const add = () => {
    const person = emptyPerson();
    setPersons((ps) => [...ps, person]);
    focusNext.current = `person-${person.key}-name`;
  };
  const remove = (index: number) => {
    setPersons((ps) => ps.filter((_, i) => i !== index));
    focusNext.current = 'add-person';
  };
  /** An error path of the schema (`persons.1.birthDate`) as the id of the field it is about. */
  const fieldId = (path: readonly PropertyKey[]) => (path[0] === 'persons' && typeof path[1] === 'number' ? `person-${persons[path[1]]?.key}-${String(path[2] ?? 'name')}` : `case-${String(path[0] ?? 'title')}`);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setServerError(null);
    const body = bodyOf(title, region, regisseur, persons, reason);
    const parsed = StartCase.safeParse(body);
    const found: Record<string, string> = {};
    for (const issue of parsed.success ? [] : parsed.error.issues) found[fieldId(issue.path)] ??= issue.message;
    if (namesRegisseur && !regisseur) found['case-regisseur'] = 'Kies wie de regisseur van deze zaak wordt.';
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) return document.getElementById(first)?.focus();
    setBusy(true);
    try {
      const { id } = await api('POST', '/api/cases', CaseStarted, body);
      useRouter.getState().navigate(`/zaken/${encodeURIComponent(id)}`);
    } catch (err) {
      setServerError((err as Error).message);
      setBusy(false);
    }
  };

  const field = (id: string) => ({ id, 'aria-invalid': errors[id] ? true : undefined, 'aria-describedby': errors[id] ? `${id}-error` : undefined });
  const errorOf = (id: string) =>
    errors[id] && (
      <span className="field-error" id={`${id}-error`}>
        {errors[id]}
      </span>
    );

  return (
    <section className="new-case">
      <h1 className={NLDS.heading1}>Nieuwe zaak</h1>
      <form onSubmit={submit} noValidate>
        <label htmlFor="case-title" className={NLDS.label}>Titel van de zaak</label>
        <input {...field('case-title')} className={NLDS.textbox} value={title} onChange={(e) => setTitle(e.target.value)} placeholder="Bijvoorbeeld: Gezin Jansen" />
        {errorOf('case-title')}
        <label htmlFor="case-region" className={NLDS.label}>Regio</label>
        <select {...field('case-region')} className={NLDS.select} value={region} onChange={(e) => setRegion(e.target.value)}>
          <option value="">Kies een regio</option>
          {REGIONS.map((r) => (
            <option key={r} value={r}>
              {REGION_NAME[r]}
            </option>
          ))}
        </select>
        {errorOf('case-region')}
        <label htmlFor="case-reason" className={NLDS.label}>Aanleiding (mag leeg)</label>
        <textarea {...field('case-reason')} className={NLDS.textarea} value={reason} onChange={(e) => setReason(e.target.value)} rows={3} aria-describedby="case-reason-help" />
        <span className={`hint ${NLDS.fieldDescription}`} id="case-reason-help">
          Waarom start deze zaak? In gewone woorden: het gezin kan dit lezen.
        </span>
        {errorOf('case-reason')}
        {namesRegisseur && (
          <>
            <label htmlFor="case-regisseur" className={NLDS.label}>Regisseur (lokaal team)</label>
            <select {...field('case-regisseur')} className={NLDS.select} value={regisseur} onChange={(e) => setRegisseur(e.target.value)}>
              <option value="">Kies een regisseur</option>
              {options.regisseurs.map((r) => (
                <option key={r.email} value={r.email}>
                  {r.name} ({r.organisation})
                </option>
              ))}
            </select>
            {errorOf('case-regisseur')}
          </>
        )}
        <h2 className={NLDS.heading2}>Wie horen erbij?</h2>
        <p className={NLDS.paragraph}>Een volwassene krijgt een eigen onderdeel over psychische gezondheid, een kind een onderdeel over ontwikkeling en gezondheid.</p>
        {persons.map((p, i) => (
          <fieldset key={p.key} className={`person-fields ${NLDS.fieldset}`}>
            <legend className={NLDS.legend}>Persoon {i + 1}</legend>
            <label htmlFor={`person-${p.key}-name`} className={NLDS.label}>Naam</label>
            <input {...field(`person-${p.key}-name`)} className={NLDS.textbox} value={p.name} onChange={(e) => change(p.key, { name: e.target.value })} />
            {errorOf(`person-${p.key}-name`)}
            <label htmlFor={`person-${p.key}-kind`} className={NLDS.label}>Wie is dit?</label>
            <select {...field(`person-${p.key}-kind`)} className={NLDS.select} value={p.kind} onChange={(e) => change(p.key, { kind: PersonKind.parse(e.target.value) })}>
              {PersonKind.options.map((k) => (
                <option key={k} value={k}>
                  {PERSON_KIND_LABEL[k]}
                </option>
              ))}
            </select>
            <label htmlFor={`person-${p.key}-birthDate`} className={NLDS.label}>Geboortedatum{p.kind === 'kind' ? '' : ' (als je die weet)'}</label>
            <input {...field(`person-${p.key}-birthDate`)} className={NLDS.textbox} type="date" value={p.birthDate} onChange={(e) => change(p.key, { birthDate: e.target.value })} />
            {errorOf(`person-${p.key}-birthDate`)}
            <label htmlFor={`person-${p.key}-relation`} className={NLDS.label}>Relatie tot het gezin{p.kind === 'netwerk' ? '' : ' (bijvoorbeeld moeder of zoon)'}</label>
            <input {...field(`person-${p.key}-relation`)} className={NLDS.textbox} value={p.relation} onChange={(e) => change(p.key, { relation: e.target.value })} />
            {errorOf(`person-${p.key}-relation`)}
            {persons.length > 1 && (
              <button type="button" className={NLDS.secondaryButton} onClick={() => remove(i)}>
                Persoon {i + 1} weghalen
              </button>
            )}
          </fieldset>
        ))}
        <p>
          <button type="button" id="add-person" className={NLDS.secondaryButton} onClick={add}>
            Persoon toevoegen
          </button>
        </p>
        <div className="form-actions">
          <button type="submit" className={NLDS.primaryButton} disabled={busy}>
            {busy ? 'Bezig…' : 'Zaak starten'}
          </button>
          <a className={NLDS.buttonLink} {...linkTo('/')}>
            Annuleren
          </a>
        </div>
        {serverError && (
          <p role="alert" className={`error ${NLDS.paragraph}`}>
            {serverError}
          </p>
        )}
      </form>
    </section>
  );
}

/** The way to the "Nieuwe zaak" page, shown only to whom `may` lets start a case. */
export function NewCaseLink() {
  const [allowed, setAllowed] = useState(false);
  useEffect(() => {
    api('GET', '/api/case-start', CaseStartOptions).then(
      (o) => setAllowed(startVerdict(o).ok),
      () => setAllowed(false),
    );
  }, []);
  if (!allowed) return null;
  return (
    <p className={NLDS.paragraph}>
      <a className={NLDS.primaryButtonLink} {...linkTo('/nieuwe-zaak')}>
        Nieuwe zaak
      </a>
    </p>
  );
}
