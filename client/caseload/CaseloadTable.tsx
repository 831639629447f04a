import type { MouseEvent } from 'react';
import type { CaseSummary } from '../../shared/api.ts';
import { awaitingConfirmation, CASELOAD_KIND_LABEL, type CaseloadItem, type CaseloadSort, dueText, isClosedCase } from '../../shared/caseload.ts';
import { formatDate, formatDateTime, formatFullDateTime } from '../../shared/format.ts';
import { ROLE_LABEL } from '../../shared/roles.ts';
import { linkTo, useRouter } from '../app/router.ts';
import { readOpenSections, writeOpenSections } from '../local/localIndex.ts';
import { useSession } from '../state/session.ts';
import { regionName } from '../../shared/regions.ts';
import { NLDS } from '../ui/theme.ts';

/** Which column a sort orders, and which way (for `aria-sort`). */
const SORTED_COLUMN: Record<CaseloadSort, { column: string; direction: 'ascending' | 'descending' }> = {
  titel: { column: 'Zaak', direction: 'ascending' },
  'te-laat': { column: 'Te laat', direction: 'descending' },
  termijn: { column: 'Eerstvolgende termijn', direction: 'ascending' },
  gewijzigd: { column: 'Laatst gewijzigd', direction: 'descending' },
};

const COLUMNS = ['Zaak', 'Mijn rol', 'Te laat', 'Eerstvolgende termijn', 'Laatst gewijzigd'] as const;

/** A link to the case with this section opened, as the case page keeps its open sections. */
function SectionLink({ caseId, sectionId, title }: { caseId: string; sectionId: string; title: string }) {
  const userId = useSession((s) => s.me?.id ?? '');
  const path = `/zaken/${encodeURIComponent(caseId)}`;
  const open = (e: MouseEvent) => {
    if (e.metaKey || e.ctrlKey) return;
    e.preventDefault();
    const already = readOpenSections(userId, caseId);
    if (!already.includes(sectionId)) writeOpenSections(userId, caseId, [...already, sectionId]);
    useRouter.getState().navigate(path);
  };
  return (
    <a href={path} onClick={open}>
      {title}
    </a>
  );
}

function ItemLine({ item, caseId }: { item: CaseloadItem; caseId: string }) {
  return (
    <>
      <strong>{CASELOAD_KIND_LABEL[item.kind]}:</strong> {item.wat}
      {item.due && <span className="muted"> ({dueText(item)})</span>}
      {item.sectionId && item.sectionTitle && (
        <>
          {' · in '}
          <SectionLink caseId={caseId} sectionId={item.sectionId} title={item.sectionTitle} />
        </>
      )}
    </>
  );
}

/** Items shown at once in a cell; more open on request, so 25 cases stay one screen to scan. */
const AT_ONCE = 3;

function ItemList({ items, caseId }: { items: readonly CaseloadItem[]; caseId: string }) {
  return (
    <ul className="caseload-items">
      {items.map((i) => (
        <li key={`${i.kind}:${i.id}`}>
          <ItemLine item={i} caseId={caseId} />
        </li>
      ))}
    </ul>
  );
}

function Overdue({ c }: { c: CaseSummary }) {
  const late = c.items.filter((i) => i.overdue);
  if (late.length === 0) return <span className="muted">Niets</span>;
  const more = late.slice(AT_ONCE);
  return (
    <>
      <span className="caseload-late">{late.length === 1 ? '1 punt te laat' : `${late.length} punten te laat`}</span>
      <ItemList items={late.slice(0, AT_ONCE)} caseId={c.id} />
      {more.length > 0 && (
        <details className="caseload-more">
          <summary>{more.length === 1 ? 'Nog 1 punt' : `Nog ${more.length} punten`}</summary>
          <ItemList items={more} caseId={c.id} />
        </details>
      )}
    </>
  );
}

function Next({ c }: { c: CaseSummary }) {
  const next = c.items.filter((i) => !i.overdue && i.due !== null && i.due === c.nextDue);
  const toConfirm = awaitingConfirmation(c.items);
  return (
    <>
      {c.nextDue === null ? (
        <span className="muted">Geen</span>
      ) : (
        <>
          <strong>{formatDate(c.nextDue)}</strong>
          <ItemList items={next.map((i) => ({ ...i, due: null }))} caseId={c.id} />
        </>
      )}
      {toConfirm.length > 0 && (
        <>
          <p className="caseload-confirm">{toConfirm.length === 1 ? '1 afspraak wacht op jouw bevestiging:' : `${toConfirm.length} afspraken wachten op jouw bevestiging:`}</p>
          <ItemList items={toConfirm} caseId={c.id} />
        </>
      )}
    </>
  );
}

function Role({ c }: { c: CaseSummary }) {
  if (c.emergencyUntil) return <>Noodtoegang tot {formatDateTime(c.emergencyUntil)}</>;
  return <>{ROLE_LABEL[c.myRole]}</>;
}

/**
 * "Mijn zaken" as one table: each case with my role, what is overdue, the next date and the last
 * change, in the order and selection the caller made. On a phone the rows become labelled cards.
 */
export function CaseloadTable({ cases, sort }: { cases: readonly CaseSummary[]; sort: CaseloadSort }) {
  const sorted = SORTED_COLUMN[sort];
  return (
    <table className={`labelled-table caseload-table ${NLDS.table}`}>
      <caption className="sr-only">Mijn zaken, gesorteerd op {sorted.column.toLowerCase()}</caption>
      <thead className={NLDS.tableHeader}>
        <tr className={NLDS.tableRow}>
          {COLUMNS.map((label) => (
            <th key={label} scope="col" className={NLDS.tableHeaderCell} aria-sort={sorted.column === label ? sorted.direction : undefined}>
              {label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className={NLDS.tableBody}>
        {cases.map((c) => (
          <tr key={c.id} className={`${NLDS.tableRow}${c.overdueCount > 0 ? ' caseload-overdue' : ''}`} data-case={c.id} data-next-due={c.nextDue ?? ''}>
            <th scope="row" data-label="Zaak" className={NLDS.tableCell}>
              <a className={NLDS.link} {...linkTo(`/zaken/${encodeURIComponent(c.id)}`)}>{c.title}</a>
              <span className="muted"> · {regionName(c.region)}</span>
              {isClosedCase(c.status) && <span className={NLDS.neutralBadge}>Gesloten</span>}
              {c.emergencies.map((e) => (
                <span key={e.name} className={NLDS.dangerBadge}>
                  Noodtoegang: {e.name} tot {formatDateTime(e.until)}
                </span>
              ))}
            </th>
            <td data-label="Mijn rol" className={NLDS.tableCell}>
              <Role c={c} />
            </td>
            <td data-label="Te laat" className={NLDS.tableCell}>
              <Overdue c={c} />
            </td>
            <td data-label="Eerstvolgende termijn" className={NLDS.tableCell}>
              <Next c={c} />
            </td>
            <td data-label="Laatst gewijzigd" className={NLDS.tableCell}>{c.lastChange ? formatFullDateTime(c.lastChange) : <span className="muted">Nog niets</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
