import { useEffect, useState } from 'react';
import { z } from 'zod';
import { CaseSummary } from '../../shared/api.ts';
import { ROLE_LABEL } from '../../shared/roles.ts';
import { formatDateTime } from '../../shared/format.ts';
import { api } from '../api/http.ts';
import { linkTo } from '../app/router.ts';
import { EmergencyForm } from '../case/EmergencyForm.tsx';
import { useSession } from '../state/session.ts';

export function CaseListPage() {
  const [cases, setCases] = useState<CaseSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const emergencyStaff = useSession((st) => st.me?.emergencyStaff ?? false);

  useEffect(() => {
    api('GET', '/api/cases', z.array(CaseSummary)).then(setCases, (e: Error) => setError(e.message));
  }, []);

  return (
    <section>
      <h1>Mijn zaken</h1>
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
