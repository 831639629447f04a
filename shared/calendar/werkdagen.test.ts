import { describe, expect, it } from 'vitest';
import { addWerkdagen, isWerkdag, werkdagenBetween } from './werkdagen.ts';

describe('isWerkdag', () => {
  it('Monday to Friday, except public holidays', () => {
    expect(isWerkdag('2026-11-24')).toBe(true); // Tuesday
    expect(isWerkdag('2026-11-28')).toBe(false); // Saturday
    expect(isWerkdag('2026-11-29')).toBe(false); // Sunday
    expect(isWerkdag('2026-12-25')).toBe(false); // Eerste Kerstdag, a Friday
    expect(isWerkdag('2027-03-29')).toBe(false); // Tweede Paasdag
    expect(isWerkdag('2027-04-27')).toBe(false); // Koningsdag
    expect(isWerkdag('2027-05-06')).toBe(false); // Hemelvaartsdag
    expect(isWerkdag('2027-05-07')).toBe(true); // the Friday after Hemelvaart is an ordinary werkdag
  });
});

describe('addWerkdagen', () => {
  it('does not count the start day ("binnen 2 werkdagen na ontvangst")', () => {
    expect(addWerkdagen('2026-09-28', 2)).toBe('2026-09-30');
    expect(addWerkdagen('2026-09-28', 5)).toBe('2026-10-05');
  });

  it('skips weekends', () => {
    expect(addWerkdagen('2026-11-27', 1)).toBe('2026-11-30'); // Friday → Monday
    expect(addWerkdagen('2026-11-28', 1)).toBe('2026-11-30'); // from a Saturday
  });

  it('counts back with a negative number, and n = 0 is the date itself', () => {
    expect(addWerkdagen('2026-11-30', -1)).toBe('2026-11-27');
    expect(addWerkdagen('2026-11-28', 0)).toBe('2026-11-28');
  });

  it('reaction period of 5 werkdagen across the Christmas week 2026', () => {
    // Shared on Tuesday 22 December: 23, 24, (25 Kerst, 26–27 weekend), 28, 29, 30.
    expect(addWerkdagen('2026-12-22', 5)).toBe('2026-12-30');
    // Shared on Thursday 24 December: 28, 29, 30, 31, (1 January Nieuwjaarsdag, weekend), 4 January.
    expect(addWerkdagen('2026-12-24', 5)).toBe('2027-01-04');
    expect(werkdagenBetween('2026-12-24', '2027-01-04')).toBe(5);
    expect(werkdagenBetween('2026-12-24', '2027-01-01')).toBe(4);
  });

  it('reaction period of 5 werkdagen across Easter 2027', () => {
    // Shared on Thursday 25 March: 26 (Goede Vrijdag counts), (weekend, 29 Tweede Paasdag), 30, 31, 1, 2 April.
    expect(addWerkdagen('2027-03-25', 5)).toBe('2027-04-02');
  });

  it('reaction period across Koningsdag and lustrum Bevrijdingsdag 2025', () => {
    // Shared on Friday 25 April 2025 (Koningsdag falls on Saturday 26th): 28, 29, 30 April, 1, 2 May.
    expect(addWerkdagen('2025-04-25', 5)).toBe('2025-05-02');
    // Shared on Wednesday 30 April: 1, 2, (weekend, 5 May Bevrijdingsdag), 6, 7, 8 May.
    expect(addWerkdagen('2025-04-30', 5)).toBe('2025-05-08');
  });
});

describe('werkdagenBetween', () => {
  it('is the inverse of addWerkdagen, forward and back, from any day', () => {
    for (const start of ['2026-12-21', '2026-12-24', '2026-12-26', '2027-03-26', '2027-03-28']) {
      for (const n of [-12, -5, -1, 0, 1, 2, 5, 14]) {
        expect(werkdagenBetween(start, addWerkdagen(start, n)), `${start} ${n}`).toBe(n);
      }
    }
  });

  it('is zero within a weekend and holiday stretch', () => {
    expect(werkdagenBetween('2026-12-24', '2026-12-27')).toBe(0);
    expect(werkdagenBetween('2026-12-24', '2026-12-24')).toBe(0);
  });

  it('a reaction period counted over a holiday week is at least 5 werkdagen', () => {
    const shared = '2026-12-22';
    const end = addWerkdagen(shared, 5);
    expect(werkdagenBetween(shared, end)).toBeGreaterThanOrEqual(5);
    // Eight calendar days, because Kerst and a weekend fall in between.
    expect(end).toBe('2026-12-30');
  });
});
