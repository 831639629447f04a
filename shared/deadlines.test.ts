import { describe, expect, it } from 'vitest';
import { CaseDates, caseDeadlines, Deadline, deadlineLabelFor, deadlineStatus, RegionTerms, REGION_TERMS, STANDARD_TERMS, StandardTerms } from './deadlines.ts';

/** The dates of the demo case (server/seed/demoCase.ts), as stored: without `beoordeeld`. */
const DEMO = CaseDates.parse({
  meldingOntvangen: '2026-09-28',
  kindGezien: '2026-10-01',
  risicotaxatie: '2026-10-09',
  gezinsplanVastgesteld: null,
  laatsteEvaluatie: null,
  laatsteKindGezien: '2026-10-01',
});
const TODAY = '2026-11-24';

const byId = (list: Deadline[]) => new Map(list.map((d) => [d.id, d]));

describe('caseDeadlines', () => {
  it('computes every deadline of the demo case in Flevoland', () => {
    const list = caseDeadlines(DEMO, 'flevoland', TODAY);
    expect(list.map((d) => d.id)).toEqual(['beoordelen', 'kind-zien', 'risicotaxatie-mdo', 'gezinsplan', 'evaluatie', 'kind-periodiek']);
    expect(list.map(({ id, due, done, status }) => ({ id, due, done, status }))).toEqual([
      { id: 'beoordelen', due: '2026-09-30', done: null, status: 'verlopen' },
      { id: 'kind-zien', due: '2026-10-05', done: '2026-10-01', status: 'op_tijd' },
      { id: 'risicotaxatie-mdo', due: '2026-10-16', done: '2026-10-09', status: 'op_tijd' },
      { id: 'gezinsplan', due: '2026-11-09', done: null, status: 'verlopen' },
      { id: 'evaluatie', due: '2026-12-28', done: null, status: 'open' },
      { id: 'kind-periodiek', due: '2027-01-01', done: null, status: 'open' },
    ]);
    for (const d of list) expect(() => Deadline.parse(d)).not.toThrow();
  });

  it('says the term in words and where it comes from', () => {
    const d = byId(caseDeadlines(DEMO, 'flevoland', TODAY));
    expect(d.get('beoordelen')!.termijn).toBe('binnen 2 werkdagen na de melding');
    expect(d.get('gezinsplan')!.termijn).toBe('binnen 6 weken na de melding');
    expect(d.get('evaluatie')!.termijn).toBe('minimaal elke 3 maanden, gerekend vanaf de vorige evaluatie');
    expect(d.get('kind-zien')!.source).toContain('Jeugdbescherming Rotterdam Rijnmond');
    expect(d.get('kind-zien')!.source).toContain('binnen 5 werkdagen face-to-face contact');
    // Flevoland has no terms of its own: the source says so.
    expect(d.get('kind-zien')!.source).toMatch(/^Regio Flevoland heeft hier geen eigen termijn; de standaard geldt\. Standaardtermijn/);
  });

  it('a region without an entry gets the standard, without a regional remark', () => {
    const d = byId(caseDeadlines(DEMO, 'utrecht', TODAY));
    expect(d.get('gezinsplan')!.due).toBe('2026-11-09');
    expect(d.get('gezinsplan')!.source).toMatch(/^Standaardtermijn, bron: /);
  });

  it('a regional override changes the term and names the region in the source', () => {
    const regions = [
      ...REGION_TERMS,
      RegionTerms.parse({
        regio: 'noord',
        naam: 'Noord',
        termijnen: { gezinsplan: { aantal: 4, eenheid: 'weken', bron: 'Regionale werkafspraak Noord 2025.' }, 'kind-zien': { aantal: 3, eenheid: 'werkdagen', bron: 'Idem.' } },
      }),
    ];
    const noord = byId(caseDeadlines(DEMO, 'noord', TODAY, regions));
    expect(noord.get('gezinsplan')!.due).toBe('2026-10-26');
    expect(noord.get('gezinsplan')!.source).toBe('Afspraak in regio Noord: Regionale werkafspraak Noord 2025.');
    expect(noord.get('kind-zien')!.due).toBe('2026-10-01');
    expect(noord.get('kind-zien')!.status).toBe('op_tijd');
    // Terms Noord did not set stay standard; other regions are untouched.
    expect(noord.get('beoordelen')!.due).toBe('2026-09-30');
    expect(byId(caseDeadlines(DEMO, 'flevoland', TODAY, regions)).get('gezinsplan')!.due).toBe('2026-11-09');
  });

  it('a different standard (e.g. 14 calendar days for the risk assessment) is one config change', () => {
    const standard = StandardTerms.parse({ ...STANDARD_TERMS, 'risicotaxatie-mdo': { aantal: 14, eenheid: 'dagen', bron: 'DOMAIN.md' } });
    expect(byId(caseDeadlines(DEMO, 'flevoland', TODAY, REGION_TERMS, standard)).get('risicotaxatie-mdo')!.due).toBe('2026-10-12');
  });

  it('late, on time, open and expired', () => {
    const late = CaseDates.parse({ meldingOntvangen: '2026-12-22', beoordeeld: '2026-12-28', kindGezien: '2027-01-04', risicotaxatie: null });
    const d = byId(caseDeadlines(late, 'flevoland', '2027-01-05'));
    // 2 werkdagen after 22 December: 23, 24 (Kerst and the weekend do not count).
    expect(d.get('beoordelen')).toMatchObject({ due: '2026-12-24', done: '2026-12-28', status: 'te_laat' });
    // 5 werkdagen: 23, 24, 28, 29, 30.
    expect(d.get('kind-zien')).toMatchObject({ due: '2026-12-30', status: 'te_laat' });
    expect(d.get('risicotaxatie-mdo')!.status).toBe('open');
  });

  it('recurring deadlines count from the last time it happened', () => {
    const dates = CaseDates.parse({ ...DEMO, laatsteEvaluatie: '2026-11-30', laatsteKindGezien: '2026-11-15' });
    const d = byId(caseDeadlines(dates, 'flevoland', '2027-02-16'));
    expect(d.get('evaluatie')).toMatchObject({ due: '2027-02-28', status: 'open', done: null });
    expect(d.get('kind-periodiek')).toMatchObject({ due: '2027-02-15', status: 'verlopen' });
  });
});

describe('deadlineLabelFor', () => {
  it('the family reads what the first step means for them; the professionals read their own label', () => {
    const [beoordelen, kindZien] = caseDeadlines(CaseDates.parse({ meldingOntvangen: '2026-10-01' }), 'flevoland', '2026-10-02');
    expect(deadlineLabelFor('ouder', beoordelen!)).toBe('Bekijken hoe dringend de zorgen zijn');
    expect(deadlineLabelFor('regisseur', beoordelen!)).toBe('Melding beoordelen: hoe dringend is het?');
    expect(deadlineLabelFor('ouder', kindZien!)).toBe(kindZien!.label);
  });
});

describe('deadlineStatus', () => {
  it('judges done against due, and open deadlines against today', () => {
    expect(deadlineStatus('2026-11-09', '2026-11-09', '2026-12-01')).toBe('op_tijd');
    expect(deadlineStatus('2026-11-09', '2026-11-10', '2026-11-10')).toBe('te_laat');
    expect(deadlineStatus('2026-11-09', null, '2026-11-09')).toBe('open'); // the last day itself is still open
    expect(deadlineStatus('2026-11-09', null, '2026-11-10')).toBe('verlopen');
  });
});

describe('configuration schemas', () => {
  it('refuse a term that makes no sense', () => {
    expect(RegionTerms.safeParse({ regio: 'x', naam: 'X', termijnen: { gezinsplan: { aantal: 0, eenheid: 'weken', bron: 'b' } } }).success).toBe(false);
    expect(RegionTerms.safeParse({ regio: 'x', naam: 'X', termijnen: { gezinsplan: { aantal: 2, eenheid: 'jaren', bron: 'b' } } }).success).toBe(false);
    expect(RegionTerms.safeParse({ regio: 'x', naam: 'X', termijnen: { gezinsplan: { aantal: 2, eenheid: 'weken', bron: ' ' } } }).success).toBe(false);
    expect(StandardTerms.safeParse(STANDARD_TERMS).success).toBe(true);
    for (const r of REGION_TERMS) expect(RegionTerms.safeParse(r).success).toBe(true);
  });

  it('case dates need the date of the melding; the rest may be missing', () => {
    expect(CaseDates.safeParse({}).success).toBe(false);
    expect(CaseDates.parse({ meldingOntvangen: '2026-09-28' }).kindGezien).toBeNull();
  });
});
