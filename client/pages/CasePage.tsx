import { useCallback, useEffect, useState } from 'react';
import { CaseDetail, type SectionView } from '../../shared/api.ts';
import { ROLE_LABEL } from '../../shared/roles.ts';
import { CATALOGUE, GROUP_TITLE, type SectionGroup } from '../../shared/sections.ts';
import { api } from '../api/http.ts';
import { SectionEditor } from '../editor/SectionEditor.tsx';
import { useSession } from '../state/session.ts';

const GROUP_OF = new Map(CATALOGUE.map((e) => [e.id, e.group]));
const STATUS_LABEL: Record<string, string> = {
  concept: 'Concept',
  review: 'In review',
  goedgekeurd: 'Goedgekeurd',
  gedeeld: 'Gedeeld met gezin',
  vastgesteld: 'Vastgesteld',
};
const LEVEL_LABEL = { none: 'geen toegang', read: 'lezen', comment: 'lezen en reageren', edit: 'bewerken' } as const;

interface Props {
  caseId: string;
  view: 'analyse' | 'overzicht' | 'logboek';
}

export function CasePage({ caseId }: Props) {
  const me = useSession((s) => s.me)!;
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<string[]>([]);

  const load = useCallback(() => {
    api('GET', `/api/cases/${encodeURIComponent(caseId)}`, CaseDetail).then(setDetail, (e: Error) => setError(e.message));
  }, [caseId]);
  useEffect(load, [load]);

  if (error) return <p role="alert">{error}</p>;
  if (!detail) return <p>Laden…</p>;

  const groups = new Map<SectionGroup, SectionView[]>();
  for (const s of detail.sections) {
    const g = GROUP_OF.get(s.catalogueId) ?? 'gezin';
    groups.set(g, [...(groups.get(g) ?? []), s]);
  }
  const toggle = (id: string) => setOpen((o) => (o.includes(id) ? o.filter((x) => x !== id) : [...o, id]));

  return (
    <div className="case-page">
      <nav className="section-nav" aria-label="Onderdelen van de analyse">
        <h1>{detail.title}</h1>
        <p className="muted">Jouw rol: {ROLE_LABEL[detail.me.role]}</p>
        {[...groups].map(([group, sections]) => (
          <section key={group} aria-labelledby={`group-${group}`}>
            <h2 id={`group-${group}`}>{GROUP_TITLE[group]}</h2>
            <ul>
              {sections.map((s) => (
                <li key={s.id}>
                  <button type="button" className="section-link" aria-pressed={open.includes(s.id)} onClick={() => toggle(s.id)} data-section={s.id}>
                    <span>{s.title}</span>
                    <span className={`badge status-${s.status}`}>{STATUS_LABEL[s.status] ?? s.status}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </nav>
      <div className="open-sections">
        {open.length === 0 && <p className="muted">Kies links een onderdeel om te openen. Je kunt er meerdere tegelijk openen.</p>}
        {open.map((id) => {
          const s = detail.sections.find((x) => x.id === id);
          if (!s) return null;
          return (
            <article key={id} className="section-panel" aria-labelledby={`title-${id}`} data-section-panel={id}>
              <header>
                <h2 id={`title-${id}`}>{s.title}</h2>
                <button type="button" onClick={() => toggle(id)} aria-label={`${s.title} sluiten`}>
                  Sluiten
                </button>
              </header>
              <p className="muted">
                Jij mag: {LEVEL_LABEL[s.access]} ({s.because})
                {s.updatedAt && ` · laatst gewijzigd ${new Date(s.updatedAt).toLocaleString('nl-NL')}${s.updatedBy ? ` door ${s.updatedBy}` : ''}`}
              </p>
              {s.restriction && <p className="restriction">Afgeschermd: {s.restriction}</p>}
              <details className="visible-to">
                <summary>Wie kan dit zien?</summary>
                <ul>
                  {s.visibleTo.map((v) => (
                    <li key={v.name + v.role}>
                      {v.name} ({ROLE_LABEL[v.role]}): {LEVEL_LABEL[v.level]} — {v.because}
                    </li>
                  ))}
                </ul>
              </details>
              <SectionEditor caseId={caseId} sectionId={id} title={s.title} access={s.access} me={me} />
            </article>
          );
        })}
      </div>
    </div>
  );
}
