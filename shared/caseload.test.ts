import { describe, expect, it } from 'vitest';
import { arrangeCaseload, type CaseloadItem, CaseloadQuery, type CaseloadRow, dueText, summarise } from './caseload.ts';

const row = (title: string, part: Partial<CaseloadRow> = {}): CaseloadRow => ({
  title,
  region: 'flevoland',
  status: 'actief',
  myRole: 'regisseur',
  nextDue: null,
  overdueCount: 0,
  lastChange: null,
  ...part,
});

const CASES = [
  row('Gezin Zwart', { nextDue: '2027-01-10', lastChange: '2026-12-01T10:00:00.000Z' }),
  row('Gezin appel', { nextDue: '2026-12-20', overdueCount: 1, lastChange: '2026-11-01T10:00:00.000Z' }),
  row('Gezin Oud', { status: 'gesloten', myRole: 'gi' }),
  row('Gezin Bakker', { overdueCount: 3, region: 'utrecht', lastChange: '2026-12-02T09:00:00.000Z' }),
];
const titles = (q: Record<string, string>) => arrangeCaseload(CASES, CaseloadQuery.parse(q)).map((c) => c.title);

describe('sorting and filtering Mijn zaken', () => {
  it('sorts by the next date (none last), overdue first, name (Dutch order, case-blind) and latest change (never changed last)', () => {
    expect(titles({ sort: 'termijn' })).toEqual(['Gezin appel', 'Gezin Zwart', 'Gezin Bakker', 'Gezin Oud']);
    expect(titles({ sort: 'te-laat' })).toEqual(['Gezin Bakker', 'Gezin appel', 'Gezin Zwart', 'Gezin Oud']);
    expect(titles({ sort: 'titel' })).toEqual(['Gezin appel', 'Gezin Bakker', 'Gezin Oud', 'Gezin Zwart']);
    expect(titles({ sort: 'gewijzigd' })).toEqual(['Gezin Bakker', 'Gezin Zwart', 'Gezin appel', 'Gezin Oud']);
    // Without a sort the order given is kept.
    expect(titles({})).toEqual(CASES.map((c) => c.title));
  });

  it('filters to overdue, role, region and open or closed cases', () => {
    expect(titles({ alleenTeLaat: 'true', sort: 'titel' })).toEqual(['Gezin appel', 'Gezin Bakker']);
    expect(titles({ rol: 'gi' })).toEqual(['Gezin Oud']);
    expect(titles({ regio: 'utrecht' })).toEqual(['Gezin Bakker']);
    expect(titles({ status: 'gesloten' })).toEqual(['Gezin Oud']);
    expect(titles({ status: 'open' })).not.toContain('Gezin Oud');
    expect(CaseloadQuery.safeParse({ rol: 'beheerder' }).success).toBe(false);
  });
});

describe('the summary of a case', () => {
  const item = (id: string, due: string | null, overdue: boolean): CaseloadItem => ({ kind: 'actie', id, wat: id, due, overdue, sectionId: 'plan', sectionTitle: 'Plan' });

  it('puts overdue items first, counts them, and takes the next date from what is still to come', () => {
    const s = summarise([item('later', '2027-02-01', false), item('geen-datum', null, false), item('te-laat', '2026-10-01', true), item('eerst', '2026-12-10', false)], '2026-12-03');
    expect(s.items.map((i) => i.id)).toEqual(['te-laat', 'eerst', 'later', 'geen-datum']);
    expect(s.overdueCount).toBe(1);
    expect(s.nextDue).toBe('2026-12-10');
  });
});

describe('the date of an item', () => {
  it('a Tafel is on its day, an action is due by it', () => {
    expect(dueText({ kind: 'tafel', due: '2026-12-04', overdue: false })).toBe('op 4 december 2026');
    expect(dueText({ kind: 'actie', due: '2026-12-04', overdue: false })).toBe('uiterlijk 4 december 2026');
    expect(dueText({ kind: 'actie', due: '2025-06-01', overdue: true })).toBe('was uiterlijk 1 juni 2025');
    expect(dueText({ kind: 'bevestigen', due: null, overdue: false })).toBeNull();
  });
});
