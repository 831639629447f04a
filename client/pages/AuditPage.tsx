import { useEffect, useState } from 'react';
import { type AuditEntry, AuditLogView } from '../../shared/api.ts';
import { formatDateTime } from '../../shared/format.ts';
import { api } from '../api/http.ts';
import { LabelledTable } from '../ui/LabelledTable.tsx';

const EVENT_LABEL: Record<string, string> = {
  'sectie-bekeken': 'heeft bekeken',
  'overzicht-bekeken': 'heeft het overzicht van het plan bekeken',
  'sectie-bewerkt': 'heeft gewijzigd',
  aanmelden: 'is ingelogd',
  'aanmelden-mislukt': 'kon niet inloggen',
  afmelden: 'is uitgelogd',
  'toestemming-gegeven': 'heeft toestemming gegeven',
  'toestemming-ingetrokken': 'heeft toestemming ingetrokken',
  'toegang-gewijzigd': 'heeft toegang gewijzigd',
  uitnodiging: 'heeft iemand uitgenodigd',
  'deelnemer-verwijderd': 'heeft een deelnemer verwijderd',
  export: 'heeft een afschrift gemaakt van',
  gezocht: 'heeft in het dossier gezocht',
  'correctie-gevraagd': 'heeft gevraagd iets te verbeteren in',
  'correctie-beantwoord': 'heeft een verzoek om verbetering beantwoord in',
  'verwijdering-gevraagd': 'heeft gevraagd iets te verwijderen uit',
  'verwijdering-beantwoord': 'heeft een verzoek om verwijdering beantwoord in',
  noodtoegang: 'kreeg noodtoegang',
  'noodtoegang-beeindigd': 'heeft de noodtoegang beëindigd van',
};

/** What happened, with the reason of an emergency access and whose access was ended. */
function what(e: AuditEntry): string {
  if (e.event === 'sectie-bekeken' && e.detail === 'noodtoegang') return 'heeft met noodtoegang bekeken';
  const label = EVENT_LABEL[e.event] ?? e.event;
  if (e.event === 'noodtoegang') return `${label}: “${e.detail ?? ''}”`;
  if (e.event === 'noodtoegang-beeindigd') return `${label} ${e.detail ?? ''}`;
  return label;
}

/** "Wie heeft mijn dossier bekeken" for the family; the full log for the regisseur. */
export function AuditPage({ caseId }: { caseId: string }) {
  const [log, setLog] = useState<AuditLogView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api('GET', `/api/cases/${encodeURIComponent(caseId)}/audit`, AuditLogView).then(setLog, (e: Error) => setError(e.message));
  }, [caseId]);
  if (error) return <p role="alert">{error}</p>;
  if (!log) return <p>Laden…</p>;
  return (
    <section className="audit-page" aria-labelledby="audit-title">
      <h1 id="audit-title">{log.scope === 'volledig' ? 'Logboek van deze zaak' : 'Wie heeft mijn dossier bekeken'}</h1>
      <p className="muted">
        {log.scope === 'volledig'
          ? 'Alles wat er in deze zaak is gebeurd: inloggen, bekijken, wijzigen en toegang.'
          : 'Hier zie je wie welk deel van jullie dossier heeft geopend of gedownload, en wanneer. Je ziet alleen de delen die je zelf ook mag lezen.'}
      </p>
      {log.entries.length === 0 ? (
        <p>Er is nog niets om te laten zien.</p>
      ) : (
        <LabelledTable
          rows={log.entries}
          // Log rows are immutable and shown in order.
          rowKey={(_, i) => i}
          columns={[
            { label: 'Wanneer', cell: (e) => formatDateTime(e.at) },
            { label: 'Wie', cell: (e) => `${e.who}${e.organisationId && e.organisationId !== 'gezin' ? ` (${e.organisationId.replaceAll('-', ' ')})` : ''}` },
            { label: 'Wat', cell: what },
            { label: 'Onderdeel', cell: (e) => e.sectionTitle ?? '' },
          ]}
        />
      )}
    </section>
  );
}
