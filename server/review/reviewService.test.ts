import { describe, expect, it } from 'vitest';
import { dutchDate, reactionPeriodRunning, withdrawalReason } from './reviewService.ts';

describe('review helpers', () => {
  it('names the editor and the time in the Netherlands', () => {
    // 13:05 UTC in winter is 14:05 in Amsterdam; in summer 15:05.
    expect(withdrawalReason('Karim El Amrani', new Date('2026-11-24T13:05:00Z'))).toBe('goedkeuring vervallen door wijziging van Karim El Amrani om 14:05');
    expect(withdrawalReason('Eva Jansen', new Date('2026-07-01T13:05:00Z'))).toBe('goedkeuring vervallen door wijziging van Eva Jansen om 15:05');
    expect(withdrawalReason('Eva Jansen', new Date('2026-11-24T23:30:00Z'))).toBe('goedkeuring vervallen door wijziging van Eva Jansen om 00:30');
  });

  it('the reaction period runs through its last day', () => {
    expect(reactionPeriodRunning('2026-12-31', '2026-12-30')).toBe(true);
    expect(reactionPeriodRunning('2026-12-31', '2026-12-31')).toBe(true);
    expect(reactionPeriodRunning('2026-12-31', '2027-01-01')).toBe(false);
  });

  it('writes dates the Dutch way', () => {
    expect(dutchDate('2027-01-04')).toBe('4 januari 2027');
  });
});
