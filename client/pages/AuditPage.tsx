import { useEffect, useState } from 'react';
import { AuditLogView } from '../../shared/api.ts';
import { formatDateTime } from '../../shared/format.ts';
import { api } from '../api/http.ts';

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
};

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
        <table className="audit-table">
          <thead>
            <tr>
              <th scope="col">Wanneer</th>
              <th scope="col">Wie</th>
              <th scope="col">Wat</th>
              <th scope="col">Onderdeel</th>
            </tr>
          </thead>
          <tbody>
            {log.entries.map((e, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: log rows are immutable and shown in order
              <tr key={i}>
                <td>{formatDateTime(e.at)}</td>
                <td>
                  {e.who}
                  {e.organisationId && e.organisationId !== 'gezin' ? ` (${e.organisationId.replaceAll('-', ' ')})` : ''}
                </td>
                <td>{EVENT_LABEL[e.event] ?? e.event}</td>
                <td>{e.sectionTitle ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
