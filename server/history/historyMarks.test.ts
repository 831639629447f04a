import { describe, expect, it } from 'vitest';
import { historyMarkLine, type ShareMark, type StatusMark } from '../../shared/history.ts';
import { versionAt } from './historyMarks.ts';

describe('a mark in the history', () => {
  it('belongs to the last update stored at or before it, or to none before the first', () => {
    const updates = [
      { id: 3, at: Date.parse('2026-12-01T10:00:00Z') },
      { id: 7, at: Date.parse('2026-12-01T11:00:00Z') },
    ];
    expect(versionAt(updates, '2026-12-01T09:59:59Z')).toBeNull();
    expect(versionAt(updates, '2026-12-01T10:00:00Z')).toBe(3);
    expect(versionAt(updates, '2026-12-01T12:00:00Z')).toBe(7);
  });

  it("reads in the reader's own status words, with the full date", () => {
    const move: StatusMark = { kind: 'status', at: '2026-12-03T09:15:00Z', by: 'Eva Jansen', from: 'goedgekeurd', to: 'gedeeld', reason: '', versionId: 1 };
    expect(historyMarkLine(move, 'regisseur')).toBe('Status: Goedgekeurd → Gedeeld met het gezin, door Eva Jansen op 3 dec 2026, 10:15');
    expect(historyMarkLine(move, 'ouder')).toBe('Status: Nog niet klaar → Klaar voor jullie reactie, door Eva Jansen op 3 dec 2026, 10:15');
  });

  it('says how a share was given, and when it was withdrawn', () => {
    const share: ShareMark = {
      kind: 'share',
      at: '2026-12-03T09:15:00Z',
      by: 'Sanne de Groot',
      with: 'Ria de Groot',
      basis: 'toestemming',
      level: null,
      until: null,
      withdrawnAt: '2027-01-05T08:00:00Z',
      versionId: 1,
    };
    expect(historyMarkLine(share, 'ouder')).toBe('Gedeeld met Ria de Groot: toestemming van Sanne de Groot op 3 dec 2026, 10:15 (ingetrokken op 5 jan 2027, 09:00)');
    expect(historyMarkLine({ ...share, basis: 'wettelijke_grond', by: 'Karim El Amrani', with: 'wie in deze zaak de rol Raad voor de Kinderbescherming heeft', withdrawnAt: null }, 'raad')).toBe(
      'Gedeeld met wie in deze zaak de rol Raad voor de Kinderbescherming heeft: wettelijke grond, vastgelegd door Karim El Amrani op 3 dec 2026, 10:15',
    );
  });
});
