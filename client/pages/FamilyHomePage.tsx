import { useEffect, useRef, useState } from 'react';
import { type FamilyDecision, FamilyHome } from '../../shared/familyHome.ts';
import { formatDateTime } from '../../shared/format.ts';
import { api } from '../api/http.ts';
import { linkTo, useRouter } from '../app/router.ts';
import { DecisionCard } from '../family/DecisionCard.tsx';
import { DestructionRequestCard } from '../family/DestructionRequestCard.tsx';
import { HelpContacts } from '../family/HelpContacts.tsx';
import { MyTasks } from '../family/MyTasks.tsx';
import '../family/familyHome.css';
import { NLDS } from '../ui/theme.ts';
import { useCase } from '../state/caseContext.ts';
import { useCaseVersion } from '../state/caseLive.ts';
import { useConnection } from '../state/connection.ts';

/**
 * The family's home page ("Thuis"), built for a phone: what was decided, what I must do, what is
 * new since my last visit, who helps us, and who looked at my file. Everything comes from the
 * server's `/home`, which reads only the sections this person may read.
 */
export function FamilyHomePage({ caseId }: { caseId: string }) {
  const { showSection } = useCase();
  const navigate = useRouter((r) => r.navigate);
  const [home, setHome] = useState<FamilyHome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const version = useCaseVersion(caseId, ['sections', 'status', 'confirmations', 'access']);
  const returns = useConnection((s) => s.returns);
  // The visit this page started from: live re-reads keep showing what was new when it opened.
  const since = useRef<string | null | undefined>(undefined);
  const heading = useRef<HTMLHeadingElement>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the version counters are the live-update triggers
  useEffect(() => {
    const query = since.current ? `?since=${encodeURIComponent(since.current)}` : '';
    api('GET', `/api/cases/${encodeURIComponent(caseId)}/home${query}`, FamilyHome).then(
      (h) => {
        if (since.current === undefined) since.current = h.lastVisit;
        setHome(h);
        setError(null);
      },
      (e: Error) => setError(e.message),
    );
  }, [caseId, version, returns]);
  // Focus on the page's heading once it is there, so a screen reader starts at the top.
  const loaded = home !== null;
  useEffect(() => {
    if (loaded) heading.current?.focus();
  }, [loaded]);

  if (error && !home) return <p role="alert">{error}</p>;
  if (!home) return <p>Laden…</p>;
  // A section is read (and reacted to) in the analysis, in its own context.
  const open = (sectionId: string) => {
    navigate(`/zaken/${encodeURIComponent(caseId)}`);
    showSection(sectionId);
  };

  return (
    <div className="family-home">
      <h2 ref={heading} tabIndex={-1} className={`family-home-title ${NLDS.heading2}`}>
        Wat is er besloten?
      </h2>
      {home.decisions.length === 0 ? (
        <p className={NLDS.paragraph}>Er is nog niets besloten aan de Jeugdbeschermingstafel.</p>
      ) : (
        <Decisions decisions={home.decisions} open={open} />
      )}

      <section aria-labelledby="home-todo" className="family-card">
        <h2 id="home-todo" className={NLDS.heading2}>Wat moet ik doen?</h2>
        <MyTasks tasks={home.tasks} onOpen={open} />
      </section>

      <section aria-labelledby="home-new" className="family-card">
        <h2 id="home-new" className={NLDS.heading2}>Nieuw sinds je vorige bezoek</h2>
        {home.lastVisit === null ? (
          <p className={NLDS.paragraph}>Dit is de eerste keer dat je hier kijkt. Hierna zie je hier wat er veranderd is.</p>
        ) : home.news.length === 0 ? (
          <p className={NLDS.paragraph}>Er is niets veranderd sinds {formatDateTime(home.lastVisit)}.</p>
        ) : (
          <>
            <p className={`muted ${NLDS.paragraph}`}>Sinds {formatDateTime(home.lastVisit)}:</p>
            <ul className={`family-list ${NLDS.unorderedList}`}>
              {home.news.map((n) => (
                <li key={n.sectionId}>
                  <button type="button" className={NLDS.linkButton} onClick={() => open(n.sectionId)}>
                    {n.sectionTitle}
                  </button>{' '}
                  is veranderd{n.by ? ` door ${n.by}` : ''} ({formatDateTime(n.at)}).
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="home-help" className="family-card">
        <h2 id="home-help" className={NLDS.heading2}>Wie helpt ons?</h2>
        <HelpContacts contacts={home.contacts} />
      </section>

      <section aria-labelledby="home-log" className="family-card">
        <h2 id="home-log" className={NLDS.heading2}>Wie heeft mijn dossier bekeken?</h2>
        <p className={NLDS.paragraph}>Je kunt altijd zien wie jullie dossier heeft gelezen, en wanneer.</p>
        <a className={NLDS.buttonLink} {...linkTo(`/zaken/${encodeURIComponent(caseId)}/logboek`)}>
          Bekijk wie er keek
        </a>
      </section>

      <DestructionRequestCard caseId={caseId} />
    </div>
  );
}

/** The decision that applies now (and any proposal) on top; the ones it replaced folded away below it. */
function Decisions({ decisions, open }: { decisions: readonly FamilyDecision[]; open(sectionId: string): void }) {
  const card = (d: FamilyDecision) => <DecisionCard key={`${d.sectionId}/${d.blockId}`} decision={d} onReact={open} onRead={open} />;
  const earlier = decisions.filter((d) => d.replacedOn !== null);
  return (
    <>
      {decisions.filter((d) => d.replacedOn === null).map(card)}
      {earlier.length > 0 && (
        <details className="family-card earlier-decisions">
          <summary>{earlier.length === 1 ? 'Eerder besluit' : `Eerdere besluiten (${earlier.length})`}</summary>
          {earlier.map(card)}
        </details>
      )}
    </>
  );
}
