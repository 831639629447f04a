import { useEffect, useState } from 'react';
import { z } from 'zod';
import { CaseSummary } from '../../shared/api.ts';
import { ROLE_LABEL } from '../../shared/roles.ts';
import { api } from '../api/http.ts';
import { linkTo } from '../app/router.ts';

export function CaseListPage() {
  const [cases, setCases] = useState<CaseSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api('GET', '/api/cases', z.array(CaseSummary)).then(setCases, (e: Error) => setError(e.message));
  }, []);

  return (
    <section>
      <h1>Mijn zaken</h1>
      {error && <p role="alert">{error}</p>}
      {cases === null && !error && <p>Laden…</p>}
      {cases?.length === 0 && <p>Je bent nog bij geen enkele zaak betrokken.</p>}
      <ul className="case-list">
        {cases?.map((c) => (
          <li key={c.id}>
            <a {...linkTo(`/zaken/${encodeURIComponent(c.id)}`)}>{c.title}</a>
            <span className="muted"> · jouw rol: {ROLE_LABEL[c.myRole]}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
