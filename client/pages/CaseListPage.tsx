import { useEffect, useState } from 'react';
import { z } from 'zod';
import { CaseSummary } from '../../shared/api.ts';
import { ROLE_LABEL } from '../../shared/roles.ts';
import { formatDateTime } from '../../shared/format.ts';
import { apiOrKept } from '../api/http.ts';
import { linkTo } from '../app/router.ts';
import { EmergencyForm } from '../case/EmergencyForm.tsx';
import { NewCaseLink } from './NewCasePage.tsx';
import { useConnection } from '../state/connection.ts';
import { useSession } from '../state/session.ts';

export function CaseListPage() {
  const [cases, setCases] = useState<CaseSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const emergencyStaff = useSession((st) => st.me?.emergencyStaff ?? false);

  // Read again when the server is back; offline, the list last read on this device.
  const returns = useConnection((s) => s.returns);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `returns` is the trigger
  useEffect(() => {
    apiOrKept('/api/cases', z.array(CaseSummary)).then(
      ({ data }) => {
        setCases(data);
        setError(null);
      },
      (e: Error) => setError(e.message),
    );
  }, [returns]);

  return (
    <section>
      <h1>Mijn zaken</h1>
      <NewCaseLink />
      {error && <p role="alert">{error}</p>}
      {cases === null && !error && <p>Laden…</p>}
      {cases?.length === 0 && <p>{emergencyStaff ? 'Je hebt nu geen noodtoegang tot een zaak.' : 'Je bent nog bij geen enkele zaak betrokken.'}</p>}
      <ul className="case-list">
        {cases?.map((c) => (
          <li key={c.id}>
            <a {...linkTo(`/zaken/${encodeURIComponent(c.id)}`)}>{c.title}</a>
            <span className="muted">{c.emergencyUntil ? ` · noodtoegang tot ${formatDateTime(c.emergencyUntil)}` : ` · jouw rol: ${ROLE_LABEL[c.myRole]}`}</span>
            {c.emergencies.map((e) => (
              <span key={e.name} className="badge emergency">
                Noodtoegang: {e.name} tot {formatDateTime(e.until)}
              </span>
            ))}
          </li>
        ))}
      </ul>
      {emergencyStaff && <EmergencyForm />}
    </section>
  );
}
