import { useCallback, useEffect, useMemo, useState } from 'react';
import { z } from 'zod';
import { may } from '../../shared/access/may.ts';
import { CaseDetail, Confirmation, type SectionView } from '../../shared/api.ts';
import { CLOSE_MESSAGE, CloseCode } from '../../shared/protocol.ts';
import { decisionHeadline } from '../../shared/decisionStanding.ts';
import { isFamilyRole, type Role, ROLE_LABEL } from '../../shared/roles.ts';
import { CATALOGUE, GROUP_TITLE, type SectionGroup } from '../../shared/sections.ts';
import { FAMILY_STATUS, statusLabelFor } from '../../shared/statusLabels.ts';
import { api, apiOrKept } from '../api/http.ts';
import { type CaseView, linkTo } from '../app/router.ts';
import { OPEN_SECTION_PARAM } from '../../shared/notices.ts';
import { CaseSearch } from '../case/CaseSearch.tsx';
import { ConsentPanel } from '../case/ConsentPanel.tsx';
import { SectionAccessInfo } from '../case/SectionAccessInfo.tsx';
import { EmergencyNotice } from '../case/EmergencyNotice.tsx';
import { BlockDialogHost } from '../editor/blocks/BlockDialogHost.tsx';
import { SectionEditor } from '../editor/SectionEditor.tsx';
import { CaseContext, type CaseContextValue } from '../state/caseContext.ts';
import { readOpenSections, writeOpenSections } from '../local/localIndex.ts';
import { reconcileCase } from '../local/reconcile.ts';
import { useCaseVersion } from '../state/caseLive.ts';
import { useConnection } from '../state/connection.ts';
import { useSession } from '../state/session.ts';
import { NLDS, statusBadge } from '../ui/theme.ts';
import { formatDateTime } from '../../shared/format.ts';
import { AuditPage } from './AuditPage.tsx';
import { FamilyHomePage } from './FamilyHomePage.tsx';
import { OverviewPage } from './OverviewPage.tsx';
import { MeetingsView } from './MeetingPage.tsx';
import { ParticipantsPage } from './ParticipantsPage.tsx';
import './caseHeader.css';

const GROUP_OF = new Map(CATALOGUE.map((e) => [e.id, e.group]));
const Confirmations = z.array(Confirmation);

interface Props {
  caseId: string;
  view: CaseView;
}

/** One case: the analysis (sections side by side), the overview of the plan, and the log. */
export function CasePage({ caseId, view }: Props) {
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [confirmations, setConfirmations] = useState<Confirmation[]>([]);
  const [error, setError] = useState<string | null>(null);
  const userId = useSession((s) => s.me?.id ?? '');
  const base = `/api/cases/${encodeURIComponent(caseId)}`;
  const detailVersion = useCaseVersion(caseId, ['access', 'status', 'sections', 'presence']);
  const confirmVersion = useCaseVersion(caseId, ['confirmations']);
  // The server is back after a gap (offline, a restart): read again, whatever the stream says.
  const returns = useConnection((s) => s.returns);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the version counters are the live-update triggers
  useEffect(() => {
    // A failed read keeps what the page shows; the banner says the connection is being retried.
    apiOrKept(base, CaseDetail).then(
      ({ data, fresh }) => {
        setDetail(data);
        setError(null);
        // Only what the server says now decides about the copies on this device.
        if (fresh) void reconcileCase(userId, data);
      },
      (e: Error) => setError(e.message),
    );
  }, [base, detailVersion, returns, userId]);
  const loadConfirmations = useCallback(() => {
    apiOrKept(`${base}/confirmations`, Confirmations).then(({ data }) => setConfirmations(data), () => {});
  }, [base]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  useEffect(loadConfirmations, [loadConfirmations, confirmVersion, returns]);

  // Which sections are open stays when switching to the overview and back, and after a reload.
  const [open, setOpen] = useState<string[]>(() => readOpenSections(userId, caseId));
  useEffect(() => writeOpenSections(userId, caseId, open), [userId, caseId, open]);
  // An opened section comes into view (on a phone it opens below the whole list) and focus moves
  // to its heading, so the next Tab is inside it rather than through the rest of the list.
  const show = useCallback((id: string) => {
    setOpen((o) => (o.includes(id) ? o : [...o, id]));
    whenShown(`section-${id}`, (panel) => {
      panel.scrollIntoView({ block: 'start' });
      document.getElementById(`title-${id}`)?.focus({ preventScroll: true });
    });
  }, []);
  // A notice's link names the section it is about: open it once, then leave the address plain.
  useEffect(() => {
    const wanted = new URLSearchParams(location.search).get(OPEN_SECTION_PARAM);
    if (wanted === null) return;
    history.replaceState(null, '', location.pathname);
    show(wanted);
  }, [show]);
  // Focus goes back to the section's place in the list, not to the top of the page.
  const close = useCallback((id: string) => {
    setOpen((o) => o.filter((x) => x !== id));
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`button[data-section="${CSS.escape(id)}"]`)?.focus());
  }, []);

  const context = useMemo<CaseContextValue | null>(
    () =>
      detail && {
        detail,
        confirmations,
        confirm: async (sectionId, blockId) => {
          await api('POST', `${base}/confirmations`, Confirmation, { sectionId, blockId });
          loadConfirmations();
        },
        showSection: show,
      },
    [detail, confirmations, base, loadConfirmations, show],
  );

  if (!detail || !context) return error ? <p role="alert">{error}</p> : <p>Laden…</p>;
  const family = isFamilyRole(detail.me.role);
  const tabs = [
    ...(family ? [{ view: 'thuis', label: 'Thuis', path: `/zaken/${caseId}/thuis` }] : []),
    { view: 'analyse', label: family ? 'Ons dossier' : 'Analyse', path: `/zaken/${caseId}` },
    { view: 'overzicht', label: family ? 'Ons plan' : 'Overzicht', path: `/zaken/${caseId}/overzicht` },
    { view: 'logboek', label: family ? 'Wie heeft het bekeken' : 'Logboek', path: `/zaken/${caseId}/logboek` },
    { view: 'tafel', label: family ? 'Gesprekken' : 'Jeugdbeschermingstafel', path: `/zaken/${caseId}/tafel` },
    { view: 'deelnemers', label: family ? 'Wie doen er mee' : 'Deelnemers', path: `/zaken/${caseId}/deelnemers` },
  ];

  return (
    <CaseContext.Provider value={context}>
      <div className="case-header">
        <h1 className={NLDS.heading1}>{detail.title}</h1>
        <div className="case-actions">
          <p className={NLDS.paragraph}>{detail.me.emergency ? 'Noodtoegang (alleen lezen)' : `Jouw rol: ${ROLE_LABEL[detail.me.role]}`}</p>
          {/* Folded, so the page itself starts near the top of a phone. */}
          {may(detail.me, 'make-copy', null).ok && (
            <details className="case-copy">
              <summary>{family ? 'Een kopie bewaren' : 'Afschrift'}</summary>
              <p className="muted">{family ? 'Een kopie van alles wat jij mag lezen, om te bewaren of te printen.' : 'Alles wat jij mag lezen, als één bestand.'}</p>
              <p className="case-copy-links">
                <a className={NLDS.link} href={`${base}/export?format=pdf`} download>
                  Afschrift downloaden (pdf)
                </a>
                <a className={NLDS.link} href={`${base}/export`} download>
                  of als webpagina
                </a>
              </p>
            </details>
          )}
        </div>
        <nav aria-label="Onderdelen van de zaak" className={`case-tabs ${NLDS.navBar}`}>
          <ul className={NLDS.navList}>
            {tabs.map((t) => (
              <li key={t.view} className={NLDS.navItem}>
                <a
                  className={`${NLDS.navLink}${view === t.view ? ` ${NLDS.currentLink}` : ''}`}
                  {...linkTo(t.path)}
                  aria-current={view === t.view ? 'page' : undefined}
                >
                  {t.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      <EmergencyNotice detail={detail} />
      {view === 'analyse' && (
        <AnalysisView detail={detail} caseId={caseId} onAccessChanged={() => setDetail({ ...detail })} open={open} show={show} close={close} />
      )}
      {view === 'thuis' && <FamilyHomePage caseId={caseId} />}
      {view === 'overzicht' && <OverviewPage caseId={caseId} />}
      {view === 'logboek' && <AuditPage caseId={caseId} />}
      {view === 'tafel' && <MeetingsView caseId={caseId} />}
      {view === 'deelnemers' && <ParticipantsPage />}
      <BlockDialogHost />
    </CaseContext.Provider>
  );
}

interface AnalysisProps {
  detail: CaseDetail;
  caseId: string;
  onAccessChanged(): void;
  open: string[];
  show(id: string): void;
  close(id: string): void;
}

function AnalysisView({ detail, caseId, onAccessChanged, open, show, close }: AnalysisProps) {
  const me = useSession((s) => s.me)!;
  const groups = new Map<SectionGroup, SectionView[]>();
  for (const s of detail.sections) {
    const g = GROUP_OF.get(s.catalogueId) ?? 'gezin';
    groups.set(g, [...(groups.get(g) ?? []), s]);
  }

  return (
    <div className="case-page">
      <nav className="section-nav" aria-label="Onderdelen van de analyse">
        <CaseSearch caseId={caseId} onOpen={show} />
        {[...groups].map(([group, sections]) => (
          <section key={group} aria-labelledby={`group-${group}`}>
            <h2 id={`group-${group}`} className={NLDS.heading4}>
              {GROUP_TITLE[group]}
            </h2>
            <ul>
              {sections.map((s) => (
                <li key={s.id}>
                  <button
                    type="button"
                    className={`section-link ${NLDS.secondaryButton}${open.includes(s.id) ? ` ${NLDS.pressed}` : ''}`}
                    aria-pressed={open.includes(s.id)} onClick={() => (open.includes(s.id) ? close(s.id) : show(s.id))} data-section={s.id}>
                    <span className="section-link-title">{s.title}</span>
                    <SectionStatusBadge role={detail.me.role} section={s} />
                    {s.present.length > 0 && (
                      <span className="section-link-present">
                        <span aria-hidden="true">● </span>nu open: {s.present.join(', ')}
                      </span>
                    )}
                    {s.updatedAt && (
                      <span className="section-link-meta">
                        {formatDateTime(s.updatedAt)}
                        {s.updatedBy ? ` · ${s.updatedBy}` : ''}
                      </span>
                    )}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
        {detail.withheld.length > 0 && (
          <section aria-labelledby="withheld-title" className={NLDS.alertWarning}>
            <div className={NLDS.alertMessage}>
              <h2 id="withheld-title" className={NLDS.heading3}>
                Wat jullie (nog) niet kunnen lezen
              </h2>
              {detail.withheld.map((notice) => (
                <p key={notice} className={NLDS.paragraph}>
                  {notice}
                </p>
              ))}
            </div>
          </section>
        )}
      </nav>
      <div className="open-sections">
        {open.length === 0 && <p className={NLDS.paragraph}>Kies een onderdeel om te openen. Je kunt er meerdere tegelijk openen.</p>}
        {open.map((id) => {
          const s = detail.sections.find((x) => x.id === id);
          if (!s) {
            return (
              <p key={id} role="alert" className="closed-message">
                {CLOSE_MESSAGE[CloseCode.forbidden]}
              </p>
            );
          }
          return (
            <article key={id} id={`section-${id}`} className="section-panel" aria-labelledby={`title-${id}`} data-section-panel={id}>
              <header>
                <h2 id={`title-${id}`} tabIndex={-1} className={NLDS.heading3}>
                  {s.title}
                </h2>
                <button type="button" className={NLDS.secondaryButton} onClick={() => close(id)} aria-label={`${s.title} sluiten`}>
                  Sluiten
                </button>
              </header>
              <SectionAccessInfo section={s} />
              <ConsentPanel detail={detail} section={s} onChanged={onAccessChanged} />
              <SectionEditor caseId={caseId} sectionId={id} title={s.title} access={s.access} me={me} decidedOn={s.decidedOn} />
            </article>
          );
        })}
      </div>
    </div>
  );
}

/** Runs `then` with the element once it is on the page (a section opened from another view renders a moment later). */
function whenShown(elementId: string, then: (el: HTMLElement) => void, tries = 30): void {
  requestAnimationFrame(() => {
    const el = document.getElementById(elementId);
    if (el) then(el);
    else if (tries > 0) whenShown(elementId, then, tries - 1);
  });
}

/**
 * A section's status in the list. For the family, a besluit section that holds the decision that
 * applies says it was decided, as Thuis does, instead of the write-up's review status.
 */
function SectionStatusBadge({ role, section }: { role: Role; section: SectionView }) {
  if (section.decidedOn) {
    const familyStatus = FAMILY_STATUS[section.status];
    const { label, tone } = decisionHeadline({ datum: section.decidedOn, decided: true, replacedOn: null, familyStatus });
    return (
      <>
        <span className={`section-link-status ${NLDS.statusBadge} utrecht-status-badge--${tone}`}>{label}</span>
        {/* Shared for their reaction, or final: that still matters beside the decision; "not ready" would contradict it. */}
        {familyStatus !== 'nog-niet-klaar' && <span className={`section-link-status ${statusBadge(role, section.status)}`}>{statusLabelFor(role, section.status)}</span>}
      </>
    );
  }
  return <span className={`section-link-status ${statusBadge(role, section.status)}`}>{statusLabelFor(role, section.status)}</span>;
}
