import { useState } from 'react';
import { SearchQuery, SearchResults } from '../../shared/api.ts';
import { api } from '../api/http.ts';
import { NLDS } from '../ui/theme.ts';

/**
 * Search in the sections the viewer may read (the server decides which). A result opens its
 * section; the match is marked in a snippet of the text around it.
 */
export function CaseSearch({ caseId, onOpen }: { caseId: string; onOpen(sectionId: string): void }) {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<SearchResults | null>(null);
  const [error, setError] = useState<string | null>(null);

  const search = async (e: React.FormEvent) => {
    e.preventDefault();
    // Same rule as the server, so a too-short query gets its message without a round trip.
    const checked = SearchQuery.safeParse({ q: query });
    if (!checked.success) {
      setError(checked.error.issues[0]?.message ?? 'Ongeldige zoekvraag.');
      setResults(null);
      return;
    }
    setError(null);
    try {
      setResults(await api('GET', `/api/cases/${encodeURIComponent(caseId)}/search?q=${encodeURIComponent(checked.data.q)}`, SearchResults));
    } catch (err) {
      setError((err as Error).message);
    }
  };

  return (
    <search className="case-search">
      <form onSubmit={search}>
        <label htmlFor="case-search-input" className={NLDS.label}>
          Zoeken in het dossier
        </label>
        <div className="case-search-row">
          <input
            id="case-search-input"
            className={`case-search-input ${NLDS.textbox}`}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            aria-invalid={error !== null}
            aria-describedby={error ? 'case-search-error' : undefined}
          />
          <button type="submit" className={NLDS.secondaryButton}>
            Zoeken
          </button>
        </div>
      </form>
      {error && (
        <p id="case-search-error" role="alert" className="field-error">
          {error}
        </p>
      )}
      <div aria-live="polite">
        {results && (
          <>
            <p className={NLDS.paragraph}>
              {results.hits.length === 0 ? `Niets gevonden voor "${results.query}".` : `"${results.query}" staat in ${results.hits.length} ${results.hits.length === 1 ? 'onderdeel' : 'onderdelen'}.`}
            </p>
            <ul className="search-hits">
              {results.hits.map((h) => (
                <li key={h.sectionId}>
                  <button type="button" className={NLDS.linkButton} onClick={() => onOpen(h.sectionId)}>
                    {h.sectionTitle} ({h.matches}×)
                  </button>
                  {h.snippets.map((s, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: snippets are fixed for one result
                    <p key={i} className={`search-snippet ${NLDS.smallParagraph}`}>
                      {s.where === 'opmerking' && <span className="muted">In een opmerking: </span>}
                      {s.before}
                      <mark>{s.match}</mark>
                      {s.after}
                    </p>
                  ))}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </search>
  );
}
