import { type FormEvent, useEffect, useRef, useState } from 'react';
import { type AuditEntry, AuditLogView } from '../../shared/api.ts';
import { addDays, addMonths, dateInNetherlands } from '../../shared/calendar/isoDate.ts';
import { formatDate, formatTime } from '../../shared/format.ts';
import { isFamilyRole } from '../../shared/roles.ts';
import { api } from '../api/http.ts';
import { useCase } from '../state/caseContext.ts';
import { NLDS } from '../ui/theme.ts';
import './audit.css';

const EVENT_LABEL: Record<string, string> = {
  'overzicht-bekeken': 'heeft het overzicht van het plan bekeken',
  'tafel-bekeken': 'heeft de agenda van een Jeugdbeschermingstafel bekeken',
  'thuis-bekeken': 'heeft de startpagina van het gezin bekeken',
  'zaken-bekeken': 'heeft in "Mijn zaken" de acties en termijnen van deze zaak bekeken',
  'sectie-bewerkt': 'heeft gewijzigd',
  aanmelden: 'is ingelogd',
  'aanmelden-mislukt': 'kon niet inloggen',
  afmelden: 'is uitgelogd',
  'toestemming-gegeven': 'heeft toestemming gegeven',
  'toestemming-ingetrokken': 'heeft toestemming ingetrokken',
  'toegang-gewijzigd': 'heeft toegang gewijzigd',
  uitnodiging: 'heeft iemand uitgenodigd',
  'deelnemer-verwijderd': 'heeft een deelnemer verwijderd',
  'zaak-gestart': 'heeft de zaak gestart',
  'persoon-toegevoegd': 'heeft iemand aan het gezin toegevoegd',
  'persoon-gewijzigd': 'heeft gegevens van iemand uit het gezin verbeterd',
  'persoon-verwijderd': 'heeft iemand uit het gezin gehaald',
  'sectie-gearchiveerd': 'heeft gearchiveerd',
  gezocht: 'heeft in het dossier gezocht',
  'correctie-gevraagd': 'heeft gevraagd iets te verbeteren in',
  'correctie-beantwoord': 'heeft een verzoek om verbetering beantwoord in',
  'verwijdering-gevraagd': 'heeft gevraagd iets te verwijderen uit',
  'verwijdering-beantwoord': 'heeft een verzoek om verwijdering beantwoord in',
  noodtoegang: 'kreeg noodtoegang',
  'noodtoegang-beeindigd': 'heeft de noodtoegang beëindigd van',
  'zaak-gesloten': 'heeft de zaak gesloten',
  'bewaarplicht-gezet': 'heeft gezegd dat de zaak niet vernietigd mag worden (bewaarplicht)',
  'bewaarplicht-opgeheven': 'heeft de bewaarplicht opgeheven',
  'vernietigingsverzoek-ingediend': 'heeft gevraagd om het dossier te vernietigen',
  'vernietigingsverzoek-geweigerd': 'heeft het verzoek om vernietiging geweigerd',
  'vernietigingsverzoek-uitgevoerd': 'heeft het verzoek om vernietiging uitgevoerd',
};

const parts = (n: number) => (n === 1 ? '1 onderdeel' : `${n} onderdelen`);

/** The sections of a day's looks or of a copy: how many, and on opening which (only those the reader may read). */
function Sections({ sections }: { sections: NonNullable<AuditEntry['sections']> }) {
  return (
    <details className="audit-sections">
      <summary>{parts(sections.length)}</summary>
      <ul className={NLDS.unorderedList}>
        {sections.map((s) => (
          <li key={s.id} className={NLDS.listItem}>
            {s.title}
            {s.times ? ` (${s.times} keer)` : ''}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** What happened, in a sentence after the name: "las 3 onderdelen". */
function What({ e }: { e: AuditEntry }) {
  if (e.sections && e.event === 'sectie-bekeken') {
    return (
      <>
        {e.detail === 'noodtoegang' ? 'las met noodtoegang ' : 'las '}
        <Sections sections={e.sections} />
      </>
    );
  }
  if (e.sections && e.event === 'export') {
    return (
      <>
        {'downloadde een afschrift van '}
        <Sections sections={e.sections} />
      </>
    );
  }
  const label = EVENT_LABEL[e.event] ?? e.event;
  if (e.event === 'noodtoegang') return <>{`${label}: “${e.detail ?? ''}”`}</>;
  if (e.event === 'noodtoegang-beeindigd') return <>{`${label} ${e.detail ?? ''}`}</>;
  return <>{e.sectionTitle ? `${label}: ${e.sectionTitle}` : label}</>;
}

interface Period {
  from: string;
  to: string;
}
const EVERYTHING: Period = { from: '', to: '' };

/** This month and last month, as Dutch calendar days, for a choice in one tap. */
function monthsAround(today: string): { thisMonth: Period; lastMonth: Period } {
  const first = `${today.slice(0, 8)}01`;
  return { thisMonth: { from: first, to: today }, lastMonth: { from: addMonths(first, -1), to: addDays(first, -1) } };
}

const MONTH = new Intl.DateTimeFormat('nl-NL', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A month (`2026-11`) as a period of its days, and its name ("november 2026"). */
function wholeMonth(month: string): { period: Period; name: string } {
  const first = `${month}-01`;
  return { period: { from: first, to: addDays(addMonths(first, 1), -1) }, name: MONTH.format(new Date(`${first}T00:00:00Z`)) };
}

/** Entries of one Dutch day together, in the order the log gives them (newest first). */
function byDay(entries: readonly AuditEntry[]): [string, AuditEntry[]][] {
  const days = new Map<string, AuditEntry[]>();
  for (const e of entries) {
    const day = dateInNetherlands(new Date(e.at));
    const same = days.get(day);
    if (same) same.push(e);
    else days.set(day, [e]);
  }
  return [...days];
}

/** What an empty period says: for the family in their words, about this month as this month. */
function nothingIn(family: boolean, thisMonth: boolean): string {
  if (!thisMonth) return 'In deze periode is er niets gebeurd.';
  return family ? 'Deze maand heeft nog niemand iets gedaan in je dossier.' : 'Deze maand is er nog niets gebeurd.';
}

/**
 * "Wie heeft mijn dossier bekeken" for the family; the full log for the regisseur. Per period
 * (NEN 7513), one line per person per day, what one did oneself only when asked, a page at a time.
 */
export function AuditPage({ caseId }: { caseId: string }) {
  const family = isFamilyRole(useCase().detail.me.role);
  const [log, setLog] = useState<AuditLogView | null>(null);
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [error, setError] = useState<string | null>(null);
  // It opens on this month: what most people come to ask (NEN 7513 asks for a period).
  const [period, setPeriod] = useState<Period>(() => monthsAround(dateInNetherlands(new Date())).thisMonth);
  const [shown, setShown] = useState<Period>(period);
  const [own, setOwn] = useState(false);
  const [page, setPage] = useState(1);
  /** The first entry a "Meer laden" brought in (-1: none): focus goes there, so the keyboard goes on where the list grew. */
  const [firstNew, setFirstNew] = useState(-1);
  const shownCount = useRef(0);
  shownCount.current = entries.length;
  const list = useRef<HTMLElement>(null);
  const status = useRef<HTMLParagraphElement>(null);
  /** Where in the log the first page was read up to (opaque, from the server). */
  const upTo = useRef<string | null>(null);
  const { thisMonth, lastMonth } = monthsAround(dateInNetherlands(new Date()));

  useEffect(() => {
    const query = new URLSearchParams(Object.entries(shown).filter(([, v]) => v !== ''));
    if (own) query.set('own', 'true');
    // The next pages as the log stood for the first: what happens meanwhile shifts nothing.
    if (page > 1) {
      query.set('page', String(page));
      if (upTo.current) query.set('upTo', upTo.current);
    }
    setError(null);
    let current = true;
    api('GET', `/api/cases/${encodeURIComponent(caseId)}/audit${query.size ? `?${query}` : ''}`, AuditLogView).then(
      (next) => {
        if (!current) return;
        setLog(next);
        if (page === 1) upTo.current = next.upTo;
        setFirstNew(page > 1 && next.entries.length > 0 ? shownCount.current : -1);
        setEntries((before) => (page > 1 ? [...before, ...next.entries] : next.entries));
      },
      (e: Error) => current && setError(e.message),
    );
    return () => {
      current = false;
    };
  }, [caseId, shown, own, page]);
  useEffect(() => {
    if (firstNew >= 0) list.current?.querySelectorAll<HTMLElement>('.audit-entries > li')[firstNew]?.focus();
  }, [firstNew]);

  const show = (p: Period) => {
    setPeriod(p);
    setShown(p);
    setPage(1);
  };
  const choose = (e: FormEvent) => {
    e.preventDefault();
    // The server checks this too; here it is said in plain words before asking.
    if (period.from && period.to && period.from > period.to) setError('De einddatum ligt vóór de begindatum.');
    else show({ ...period });
  };
  const is = (p: Period) => shown.from === p.from && shown.to === p.to;
  // An empty period with entries before it says so, so it does not read as "nobody ever looked".
  const earlier = entries.length === 0 && log?.earlier ? wholeMonth(log.earlier) : null;
  const showEarlier = () => {
    if (earlier) show(earlier.period);
    // The button goes with the empty period: the keyboard goes on at what is shown now.
    status.current?.focus();
  };

  if (!log && error) return <p role="alert">{error}</p>;
  if (!log) return <p>Laden…</p>;
  let index = 0;
  return (
    <section className="audit-page" aria-labelledby="audit-title" ref={list}>
      <h1 id="audit-title" className={NLDS.heading1}>{log.scope === 'volledig' ? 'Logboek van deze zaak' : 'Wie heeft mijn dossier bekeken'}</h1>
      <p className={`muted ${NLDS.paragraph}`}>
        {log.scope === 'volledig'
          ? `Alles wat er in deze zaak is gebeurd: inloggen, bekijken, wijzigen en toegang${own ? '' : ', behalve wat je zelf deed'}.`
          : 'Hier zie je wie jullie dossier heeft gelezen of gedownload, en wanneer. Je ziet alleen de onderdelen die je zelf ook mag lezen.'}
      </p>
      <fieldset className={`audit-choices ${NLDS.fieldset}`}>
        <legend className={NLDS.legend}>Welke periode?</legend>
        <div className="audit-quick">
          {(
            [
              ['Deze maand', thisMonth],
              ['Vorige maand', lastMonth],
              ['Alles', EVERYTHING],
            ] as const
          ).map(([label, p]) => (
            <button key={label} type="button" className={`${NLDS.secondaryButton} ${is(p) ? NLDS.pressed : ''}`} aria-pressed={is(p)} onClick={() => show(p)}>
              {label}
            </button>
          ))}
        </div>
        <form className="audit-period" onSubmit={choose} aria-label="Kies zelf een periode" noValidate>
          <label className={NLDS.label}>
            Van
            <input type="date" className={NLDS.textbox} value={period.from} onChange={(e) => setPeriod({ ...period, from: e.target.value })} />
          </label>
          <label className={NLDS.label}>
            Tot en met
            <input type="date" className={NLDS.textbox} value={period.to} onChange={(e) => setPeriod({ ...period, to: e.target.value })} />
          </label>
          <button type="submit" className={NLDS.primaryButton}>
            Toon deze periode
          </button>
        </form>
        <label className={`audit-own ${NLDS.checkboxLabel}`}>
          <input
            type="checkbox"
            className={NLDS.checkbox}
            checked={own}
            onChange={(e) => {
              setOwn(e.target.checked);
              setPage(1);
            }}
          />
          Ook wat ik zelf deed
        </label>
      </fieldset>
      {error && <p role="alert">{error}</p>}
      <p className={`muted ${NLDS.paragraph}`} role="status" tabIndex={-1} ref={status}>
        {entries.length === 0
          ? shown.from || shown.to
            ? nothingIn(family, is(thisMonth))
            : 'Er is nog niets om te laten zien.'
          : shown.from || shown.to
            ? `Van ${shown.from ? formatDate(shown.from) : 'het begin'} tot en met ${shown.to ? formatDate(shown.to) : 'vandaag'}.`
            : 'Alles, het nieuwste eerst.'}
        {earlier && (
          <>
            {' Daarvoor wel: '}
            <button type="button" className={NLDS.secondaryButton} onClick={showEarlier}>
              Bekijk {earlier.name}
            </button>
          </>
        )}
      </p>
      {byDay(entries).map(([day, items]) => (
        <section key={day} className="audit-day" aria-labelledby={`audit-day-${day}`}>
          <h2 id={`audit-day-${day}`} className={NLDS.heading2}>
            {formatDate(day)}
          </h2>
          <ul className="audit-entries">
            {items.map((e) => {
              const i = index++;
              return (
                <li key={i} data-event={e.event} tabIndex={i === firstNew ? -1 : undefined}>
                  <span className="audit-time">{formatTime(e.at)}</span> <strong>{e.who}</strong>
                  {e.organisation ? ` (${e.organisation})` : ''} <What e={e} />
                </li>
              );
            })}
          </ul>
        </section>
      ))}
      {log.more && (
        <button type="button" className={NLDS.secondaryButton} onClick={() => setPage(page + 1)}>
          Meer laden
        </button>
      )}
    </section>
  );
}
