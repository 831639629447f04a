import { describe, expect, it } from 'vitest';
import { easterSunday, holidaysOf, holidaysOn, isHoliday } from './holidays.ts';

describe('easterSunday (anonymous Gregorian algorithm)', () => {
  it.each([
    [2008, '2008-03-23'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'], // latest possible date
    [2285, '2285-03-22'], // earliest possible date
  ])('%i → %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });
});

describe('holidaysOf', () => {
  it('2026: every Dutch holiday with its name, in date order', () => {
    expect(holidaysOf(2026)).toEqual([
      { date: '2026-01-01', naam: 'Nieuwjaarsdag' },
      { date: '2026-04-05', naam: 'Eerste Paasdag' },
      { date: '2026-04-06', naam: 'Tweede Paasdag' },
      { date: '2026-04-27', naam: 'Koningsdag' },
      { date: '2026-05-14', naam: 'Hemelvaartsdag' },
      { date: '2026-05-24', naam: 'Eerste Pinksterdag' },
      { date: '2026-05-25', naam: 'Tweede Pinksterdag' },
      { date: '2026-12-25', naam: 'Eerste Kerstdag' },
      { date: '2026-12-26', naam: 'Tweede Kerstdag' },
    ]);
  });

  it('2027: Easter in March, Hemelvaart 39 and Pinksteren 49/50 days later; Koningsdag on its own date (a Tuesday)', () => {
    const byName = new Map(holidaysOf(2027).map((h) => [h.naam, h.date]));
    expect(byName.get('Eerste Paasdag')).toBe('2027-03-28');
    expect(byName.get('Tweede Paasdag')).toBe('2027-03-29');
    expect(byName.get('Koningsdag')).toBe('2027-04-27');
    expect(byName.get('Hemelvaartsdag')).toBe('2027-05-06');
    expect(byName.get('Eerste Pinksterdag')).toBe('2027-05-16');
    expect(byName.get('Tweede Pinksterdag')).toBe('2027-05-17');
  });

  it('Koningsdag moves to Saturday 26 April when 27 April is a Sunday (2025, 2031)', () => {
    expect(holidaysOf(2025).find((h) => h.naam === 'Koningsdag')?.date).toBe('2025-04-26');
    expect(holidaysOf(2031).find((h) => h.naam === 'Koningsdag')?.date).toBe('2031-04-26');
    expect(isHoliday('2031-04-27')).toBe(false);
  });

  it('before 2014 it was Koninginnedag on 30 April', () => {
    expect(holidaysOf(2010).find((h) => h.naam === 'Koninginnedag')?.date).toBe('2010-04-30');
    expect(holidaysOf(2010).some((h) => h.naam === 'Koningsdag')).toBe(false);
  });

  it('Bevrijdingsdag only in lustrum years', () => {
    expect(holidaysOf(2025).some((h) => h.date === '2025-05-05' && h.naam === 'Bevrijdingsdag')).toBe(true);
    expect(holidaysOf(2030).some((h) => h.naam === 'Bevrijdingsdag')).toBe(true);
    expect(holidaysOf(2026).some((h) => h.naam === 'Bevrijdingsdag')).toBe(false);
    expect(isHoliday('2027-05-05')).toBe(false);
  });

  it('Goede Vrijdag is not a holiday', () => {
    expect(isHoliday('2027-03-26')).toBe(false);
  });
});

describe('holidaysOn', () => {
  it('names the holiday on a date, and nothing on an ordinary day', () => {
    expect(holidaysOn('2026-12-25')).toEqual([{ date: '2026-12-25', naam: 'Eerste Kerstdag' }]);
    expect(holidaysOn('2026-12-24')).toEqual([]);
  });

  it('two holidays can share a date: Hemelvaartsdag and Bevrijdingsdag on 5 May 2005', () => {
    expect(holidaysOn('2005-05-05').map((h) => h.naam).sort()).toEqual(['Bevrijdingsdag', 'Hemelvaartsdag']);
  });
});
