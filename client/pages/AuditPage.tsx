import { type FormEvent, useEffect, useState } from 'react';
import { type AuditEntry, AuditLogView } from '../../shared/api.ts';
import { formatDateTime } from '../../shared/format.ts';
import { api } from '../api/http.ts';
import { NLDS } from '../ui/theme.ts';
import { LabelledTable } from '../ui/LabelledTable.tsx';

const EVENT_LABEL: Record<string, string> = {
  'sectie-bekeken': 'heeft bekeken',
  'overzicht-bekeken': 'heeft het overzicht van het plan bekeken',
  'tafel-bekeken': 'heeft de agenda van een Jeugdbeschermingstafel bekeken',
  'thuis-bekeken': 'heeft de startpagina van het gezin bekeken',
  'zaken-bekeken': 'heeft in "Mijn zaken" de acties en termijnen van deze zaak bekeken',
  'sectie-bewerkt': 'heeft gewijzigd',
  aanmelden: 'is ingelogd',
  'aanmelden-mislukt': 'kon niet inloggen',
  afmelden: 'is uitgelogd',
  'toestemming-gegeven': 'heeft toestemming gegeven',
  'toestemming-ingetrokken': 'heeft toestemming ingetrokken',
  'toegang-gewijzigd': 'heeft toegang gewijzigd',
  uitnodiging: 'heeft iemand uitgenodigd',
  'deelnemer-verwijderd': 'heeft een deelnemer verwijderd',
  'zaak-gestart': 'heeft de zaak gestart',
  'persoon-toegevoegd': 'heeft iemand aan het gezin toegevoegd',
  'persoon-gewijzigd': 'heeft gegevens van iemand uit het gezin verbeterd',
  'persoon-verwijderd': 'heeft iemand uit het gezin gehaald',
  'sectie-gearchiveerd': 'heeft gearchiveerd',
  export: 'heeft een afschrift gemaakt van',
  gezocht: 'heeft in het dossier gezocht',
  'correctie-gevraagd': 'heeft gevraagd iets te verbeteren in',
  'correctie-beantwoord': 'heeft een verzoek om verbetering beantwoord in',
  'verwijdering-gevraagd': 'heeft gevraagd iets te verwijderen uit',
  'verwijdering-beantwoord': 'heeft een verzoek om verwijdering beantwoord in',
  noodtoegang: 'kreeg noodtoegang',
  'noodtoegang-beeindigd': 'heeft de noodtoegang beëindigd van',
  'zaak-gesloten': 'heeft de zaak gesloten',
  'bewaarplicht-gezet': 'heeft gezegd dat de zaak niet vernietigd mag worden (bewaarplicht)',
  'bewaarplicht-opgeheven': 'heeft de bewaarplicht opgeheven',
  'vernietigingsverzoek-ingediend': 'heeft gevraagd om het dossier te vernietigen',
  'vernietigingsverzoek-geweigerd': 'heeft het verzoek om vernietiging geweigerd',
  'vernietigingsverzoek-uitgevoerd': 'heeft het verzoek om vernietiging uitgevoerd',
};

/** What happened, with the reason of an emergency access and whose access was ended. */
function what(e: AuditEntry): string {
  // Openings of one section on one day are one entry, at the last of them.
  const often = e.times ? ` (${e.times} keer die dag)` : '';
  if (e.event === 'sectie-bekeken' && e.detail === 'noodtoegang') return `heeft met noodtoegang bekeken${often}`;
  if (e.event === 'sectie-bekeken') return `${EVENT_LABEL[e.event]}${often}`;
  const label = EVENT_LABEL[e.event] ?? e.event;
  if (e.event === 'noodtoegang') return `${label}: “${e.detail ?? ''}”`;
  if (e.event === 'noodtoegang-beeindigd') return `${label} ${e.detail ?? ''}`;
  return label;
}

/** A copy is one entry: how many sections were in it that the reader may read, and which. */
function copied(e: AuditEntry) {
  if (!e.sections) return e.sectionTitle ?? '';
  return (
    <details>
      <summary>{e.sections.length === 1 ? '1 onderdeel' : `${e.sections.length} onderdelen`}</summary>
      <ul>
        {e.sections.map((s) => (
          <li key={s.id}>{s.title}</li>
        ))}
      </ul>
    </details>
  );
}

/** "Wie heeft mijn dossier bekeken" for the family; the full log for the regisseur. Per period (NEN 7513). */
export function AuditPage({ caseId }: { caseId: string }) {
  const [log, setLog] = useState<AuditLogView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [period, setPeriod] = useState({ from: '', to: '' });
  const [shown, setShown] = useState({ from: '', to: '' });
  useEffect(() => {
    const query = new URLSearchParams(Object.entries(shown).filter(([, v]) => v !== '')).toString();
    setError(null);
    api('GET', `/api/cases/${encodeURIComponent(caseId)}/audit${query ? `?${query}` : ''}`, AuditLogView).then(setLog, (e: Error) => setError(e.message));
  }, [caseId, shown]);
  const choose = (e: FormEvent) => {
    e.preventDefault();
    // The server checks this too; here it is said in plain words before asking.
    if (period.from && period.to && period.from > period.to) setError('De einddatum ligt vóór de begindatum.');
    else setShown({ ...period });
  };
  if (!log && error) return <p role="alert">{error}</p>;
  if (!log) return <p>Laden…</p>;
  return (
    <section className="audit-page" aria-labelledby="audit-title">
      <h1 id="audit-title" className={NLDS.heading1}>{log.scope === 'volledig' ? 'Logboek van deze zaak' : 'Wie heeft mijn dossier bekeken'}</h1>
      <p className={`muted ${NLDS.paragraph}`}>
        {log.scope === 'volledig'
          ? 'Alles wat er in deze zaak is gebeurd: inloggen, bekijken, wijzigen en toegang.'
          : 'Hier zie je wie welk deel van jullie dossier heeft geopend of gedownload, en wanneer. Je ziet alleen de delen die je zelf ook mag lezen.'}
      </p>
      <form className="audit-period" onSubmit={choose} aria-label="Kies een periode" noValidate>
        <label className={NLDS.label}>
          Van
          <input type="date" className={NLDS.textbox} value={period.from} onChange={(e) => setPeriod({ ...period, from: e.target.value })} />
        </label>
        <label className={NLDS.label}>
          Tot en met
          <input type="date" className={NLDS.textbox} value={period.to} onChange={(e) => setPeriod({ ...period, to: e.target.value })} />
        </label>
        <button type="submit" className={NLDS.primaryButton}>
          Toon deze periode
        </button>
        {(shown.from || shown.to) && (
          <button
            type="button"
            className={NLDS.secondaryButton}
            onClick={() => {
              setPeriod({ from: '', to: '' });
              setShown({ from: '', to: '' });
            }}
          >
            Alles tonen
          </button>
        )}
      </form>
      {error && <p role="alert">{error}</p>}
      {log.entries.length === 0 ? (
        <p className={NLDS.paragraph}>{shown.from || shown.to ? 'In deze periode is er niets gebeurd.' : 'Er is nog niets om te laten zien.'}</p>
      ) : (
        <LabelledTable
          rows={log.entries}
          // Log rows are immutable and shown in order.
          rowKey={(_, i) => i}
          columns={[
            { label: 'Wanneer', cell: (e) => formatDateTime(e.at) },
            { label: 'Wie', cell: (e) => (e.organisation ? `${e.who} (${e.organisation})` : e.who) },
            { label: 'Wat', cell: what },
            { label: 'Onderdeel', cell: copied },
          ]}
        />
      )}
    </section>
  );
}
