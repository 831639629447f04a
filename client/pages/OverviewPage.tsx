import { authorshipLine } from '../../shared/blocks/authorship.ts';
import { type ReactNode, useEffect, useState } from 'react';
import { fieldLabel, optionLabelFor } from '../../shared/blocks/fields.ts';
import { BLOCK_LABEL } from '../../shared/blocks/index.ts';
import { SHOW_AGREEMENT_PARAM } from '../../shared/notices.ts';
import { deadlineLabelFor } from '../../shared/deadlines.ts';
import { type CaseOverview as Overview, CaseOverview, isKept, myParty, type OverviewAfspraak } from '../../shared/overview.ts';
import { isFamilyRole } from '../../shared/roles.ts';
import { catalogueEntry } from '../../shared/sections.ts';
import { api } from '../api/http.ts';
import { useRouter } from '../app/router.ts';
import { useCase } from '../state/caseContext.ts';
import { useCaseVersion } from '../state/caseLive.ts';
import { formatDate, formatDateTime } from '../../shared/format.ts';
import { useCannotConfirm } from '../editor/blocks/partyRule.ts';
import { ConfirmAgreement, useFocusMyConfirmation } from '../editor/blocks/ConfirmAgreement.tsx';
import { Term, useGlossary } from '../ui/Term.tsx';
import { LabelledTable } from '../ui/LabelledTable.tsx';
import { NLDS } from '../ui/theme.ts';

const DEADLINE_STATUS = { op_tijd: 'op tijd gedaan', te_laat: 'te laat gedaan', open: 'nog te doen', verlopen: 'te laat' } as const;
const TREND = { hoger: '↑ hoger dan vorige keer', lager: '↓ lager dan vorige keer', gelijk: '= gelijk aan vorige keer' } as const;

/**
 * The plan at a glance: every agreement, task and condition from the sections the viewer may
 * read, with what is late, the latest scores and the case deadlines. Live: it re-reads when a
 * section or a confirmation changes. For the family this is "Ons plan", in plain words.
 */
export function OverviewPage({ caseId }: { caseId: string }) {
  const { detail } = useCase();
  const family = isFamilyRole(detail.me.role);
  const glossary = useGlossary();
  const [overview, setOverview] = useState<Overview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const version = useCaseVersion(caseId, ['sections', 'confirmations', 'access']);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is the live-update trigger
  useEffect(() => {
    api('GET', `/api/cases/${encodeURIComponent(caseId)}/overview`, CaseOverview).then(setOverview, (e: Error) => setError(e.message));
  }, [caseId, version]);
  useShowAgreement(overview !== null);
  if (error) return <p role="alert">{error}</p>;
  if (!overview) return <p>Laden…</p>;
  const mine = (a: OverviewAfspraak) => myParty(a.partijen, detail.me) !== undefined;
  const afspraken = family ? [...overview.afspraken].sort((a, b) => Number(mine(b)) - Number(mine(a))) : overview.afspraken;

  return (
    <div className="overview">
      {family && <p className={`intro ${NLDS.paragraph}`}>Hier staat wat er met jullie is afgesproken, wie wat doet en wanneer. Woorden met een stippellijn kun je aantikken voor uitleg.</p>}
      <OverviewSection id="ov-afspraken" title={family ? 'Wat we hebben afgesproken' : 'Afspraken'}>
        {afspraken.length === 0 && <p className={NLDS.paragraph}>Er zijn nog geen afspraken.</p>}
        {afspraken.map((a) => (
          <AfspraakCard key={`${a.sectionId}/${a.id}`} afspraak={a} waitsForMe={overview.waitingForMe.includes(a.id)} />
        ))}
      </OverviewSection>
      <OverviewSection id="ov-acties" title={family ? 'Wie doet wat' : 'Acties'}>
        {overview.acties.length === 0 ? (
          <p className={NLDS.paragraph}>Er zijn nog geen taken.</p>
        ) : (
          <LabelledTable
            rows={overview.acties}
            rowKey={(a) => `${a.sectionId}/${a.id}`}
            rowClassName={(a) => (a.overdue ? 'is-overdue' : undefined)}
            columns={[
              {
                label: fieldLabel('actie', 'taak'),
                cell: (a) => (
                  <>
                    {a.taak} <span className="muted">({catalogueEntry(a.levensgebied).title})</span>
                  </>
                ),
              },
              { label: 'Wie', cell: (a) => a.eigenaar },
              { label: fieldLabel('actie', 'deadline'), cell: (a) => `${formatDate(a.deadline)}${a.overdue ? ' — te laat' : ''}`, className: (a) => (a.overdue ? 'overdue' : undefined) },
              { label: fieldLabel('actie', 'status'), cell: (a) => optionLabelFor(detail.me.role, 'actie', 'status', a.status) },
            ]}
          />
        )}
      </OverviewSection>
      {/* A heading is no place for a word to tap: the family reads what it means right under it. */}
      <OverviewSection id="ov-voorwaarden" title="Veiligheidsvoorwaarden">
        {family && <p className={NLDS.paragraph}>{glossary.explain('veiligheidsvoorwaarde')}</p>}
        {overview.voorwaarden.length === 0 && <p className={NLDS.paragraph}>Er zijn geen veiligheidsvoorwaarden.</p>}
        <ul className={NLDS.unorderedList}>
          {overview.voorwaarden.map((v) => (
            <li key={`${v.sectionId}/${v.id}`} className={NLDS.listItem}>
              <strong>{v.voorwaarde}</strong> <span className="muted">
                {v.author ? `${authorshipLine('veiligheidsvoorwaarde', { insertedBy: v.author, changedBy: null })}. ` : ''}
                {fieldLabel('veiligheidsvoorwaarde', 'waarom')} {v.waarom} ({v.sectionTitle})
              </span>
            </li>
          ))}
        </ul>
      </OverviewSection>
      <OverviewSection id="ov-schaal" title={family ? 'Hoe veilig is het nu?' : 'Schaalvragen'}>
        {overview.schaalvragen.map((q) => (
          <div key={`${q.sectionId}/${q.id}`} className="plan-card">
            <p className={NLDS.paragraph}>
              <Term term="schaalvraag">{BLOCK_LABEL.schaalvraag}</Term>: {q.vraag}
            </p>
            <p className={NLDS.paragraph}>Laatste ronde: {formatDate(q.datum)}</p>
            <ul className={NLDS.unorderedList}>
              {q.scores.map((s) => (
                <li key={s.partij} className={NLDS.listItem}>
                  <strong>{s.partij}</strong>: {s.score} {s.trend && <span className="muted">({TREND[s.trend]})</span>} — {s.reden}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </OverviewSection>
      <OverviewSection id="ov-termijnen" title={family ? 'Wanneer moet wat klaar zijn' : 'Termijnen van de zaak'}>
        <LabelledTable
          rows={overview.deadlines}
          rowKey={(d) => d.id}
          columns={[
            {
              label: 'Wat',
              cell: (d) => (
                <>
                  {deadlineLabelFor(detail.me.role, d)} <span className="muted">({d.termijn})</span>
                  {/* The family reads the rule's source only when they ask for it, not a quote on every line. */}
                  {family && (
                    <details className="deadline-why">
                      <summary>Waarom deze termijn?</summary>
                      <p className={NLDS.paragraph}>{d.source}</p>
                    </details>
                  )}
                </>
              ),
            },
            { label: 'Uiterlijk', cell: (d) => formatDate(d.due) },
            {
              label: 'Stand',
              cell: (d) => `${DEADLINE_STATUS[d.status]}${d.done ? ` (${formatDate(d.done)})` : ''}`,
              className: (d) => (d.status === 'verlopen' || d.status === 'te_laat' ? 'overdue' : undefined),
            },
            ...(family ? [] : [{ label: 'Bron', cell: (d: Overview['deadlines'][number]) => d.source, className: () => 'muted' }]),
          ]}
        />
      </OverviewSection>
    </div>
  );
}

/** One part of the plan under its own heading, which names the section for a screen reader. */
function OverviewSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className={NLDS.heading2}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/**
 * A notice's link names one agreement (`?afspraak=`): once the plan is read, its card is scrolled
 * to and takes the focus, so a screen reader starts there; then the address is left plain.
 */
function useShowAgreement(ready: boolean) {
  useEffect(() => {
    if (!ready) return;
    const query = new URLSearchParams(location.search);
    const wanted = query.get(SHOW_AGREEMENT_PARAM);
    if (wanted === null) return;
    query.delete(SHOW_AGREEMENT_PARAM);
    history.replaceState(null, '', `${location.pathname}${query.size > 0 ? `?${query}` : ''}${location.hash}`);
    const card = document.querySelector<HTMLElement>(`article.plan-card[data-afspraak="${CSS.escape(wanted)}"]`);
    card?.scrollIntoView({ block: 'center' });
    card?.focus({ preventScroll: true });
  }, [ready]);
}

function AfspraakCard({ afspraak: a, waitsForMe }: { afspraak: OverviewAfspraak; waitsForMe: boolean }) {
  const cannotConfirm = useCannotConfirm(a.sectionId);
  const { detail } = useCase();
  const me = myParty(a.partijen, detail.me);
  const focus = useFocusMyConfirmation(Boolean(me?.bevestigdOp));
  return (
    <article className={`plan-card${a.overdue ? ' is-overdue' : ''}`} data-afspraak={a.id} aria-label={`Afspraak: ${a.wat}`} tabIndex={-1}>
      <p className={NLDS.paragraph}>
        <strong>{a.wat}</strong>
      </p>
      <p className={NLDS.paragraph}>
        {fieldLabel('afspraak', 'wie')} {a.wie}. {fieldLabel('afspraak', 'vanaf')} {formatDate(a.vanaf)}
        {a.deadline ? `, ${fieldLabel('afspraak', 'deadline').toLowerCase()} ${formatDate(a.deadline)}` : ''}.{' '}
        <span className={a.overdue ? 'overdue' : undefined}>
          {fieldLabel('afspraak', 'status')}: {optionLabelFor(detail.me.role, 'afspraak', 'status', a.status)}
          {a.overdue && ' — de datum is voorbij'}
        </span>
      </p>
      <p className={NLDS.paragraph}>
        Staat in: <SectionLink sectionId={a.sectionId} title={a.sectionTitle} />
      </p>
      <ul className={`confirmations ${NLDS.unorderedList}`}>
        {a.partijen.map((p) => (
          <li
            key={p.personId ?? p.userId ?? p.naam}
            ref={p === me ? focus.mine : undefined}
            tabIndex={p === me ? -1 : undefined}
            className={`${p.bevestigdOp ? 'confirmed' : 'unconfirmed'} ${NLDS.listItem}`}
          >
            {p.naam}: {p.bevestigdOp ? `akkoord gegeven op ${formatDateTime(p.bevestigdOp)}` : (cannotConfirm(p.userId) ?? (isKept(a) ? 'geen akkoord meer nodig, de afspraak is al gelukt' : 'nog niet akkoord gegeven'))}
          </li>
        ))}
      </ul>
      {waitsForMe && <ConfirmAgreement sectionId={a.sectionId} blockId={a.id} onConfirmed={focus.onConfirmed} />}
    </article>
  );
}

/** The section an item comes from; opens it in the analysis, so the agreement is read in its context. */
function SectionLink({ sectionId, title }: { sectionId: string; title: string }) {
  const { detail, showSection } = useCase();
  const navigate = useRouter((r) => r.navigate);
  return (
    <button
      type="button"
      className={NLDS.inlineLinkButton}
      onClick={() => {
        navigate(`/zaken/${encodeURIComponent(detail.id)}`);
        showSection(sectionId);
      }}
    >
      {title}
    </button>
  );
}
