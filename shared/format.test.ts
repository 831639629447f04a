import { describe, expect, it } from 'vitest';
import { formatDateTime, formatFullDateTime, formatShortDate } from './format.ts';

const DECEMBER_2026 = new Date('2026-12-02T10:00:00Z');

describe('dates a reader cannot misread', () => {
  it('a moment this year reads without the year, one from last year with it', () => {
    expect(formatDateTime('2026-11-12T16:30:00Z', DECEMBER_2026)).toBe('12 nov, 17:30');
    expect(formatDateTime('2025-12-12T16:30:00Z', DECEMBER_2026)).toBe('12 dec 2025, 17:30');
  });

  it('new year in the Netherlands counts, not in UTC', () => {
    // 23:30 UTC on 31 December is already 1 January in Amsterdam.
    expect(formatDateTime('2026-12-31T23:30:00Z', new Date('2027-01-01T12:00:00Z'))).toBe('1 jan, 00:30');
  });

  it('versions and copies always carry the year', () => {
    expect(formatFullDateTime('2026-11-12T16:30:00Z')).toBe('12 nov 2026, 17:30');
  });

  it('a plan date in another year says which year', () => {
    expect(formatShortDate('2026-11-14', DECEMBER_2026)).toBe('14 november');
    expect(formatShortDate('2027-01-31', DECEMBER_2026)).toBe('31 januari 2027');
  });
});
