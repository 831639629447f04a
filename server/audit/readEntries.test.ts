import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/api.ts';
import { oneEntryPerRead } from './readEntries.ts';

const look = (at: string, who = 'Eva Jansen', sectionId = 'aanleiding'): AuditEntry => ({
  at,
  event: 'sectie-bekeken',
  sectionId,
  sectionTitle: 'Aanleiding en hulpvraag',
  who,
  role: 'regisseur',
  organisationId: 'lokaal-team-almere',
  organisation: 'Lokaal team Almere',
  onBehalfOf: null,
  detail: null,
});

describe('oneEntryPerRead', () => {
  const looks = (out: AuditEntry[]) => out.map((e) => [e.at, e.sections?.map((s) => [s.id, s.times ?? 1])]);

  it('is one entry per person per Dutch day across sections, and starts again after midnight in the Netherlands', () => {
    // Newest first. 23:30 UTC on 2 December is 00:30 on 3 December in the Netherlands.
    const out = oneEntryPerRead([
      look('2026-12-02T23:30:00Z'),
      look('2026-12-02T22:50:00Z'),
      look('2026-12-02T12:00:00Z', 'Eva Jansen', 'plan'),
      look('2026-12-02T09:00:00Z'),
    ]);
    expect(looks(out)).toEqual([
      ['2026-12-02T23:30:00Z', [['aanleiding', 1]]],
      // In the order first opened that day, each with how often.
      ['2026-12-02T22:50:00Z', [['aanleiding', 2], ['plan', 1]]],
    ]);
    expect(out.every((e) => e.sectionId === null && e.sectionTitle === null)).toBe(true);
  });

  it('keeps people and a look under emergency access apart, and other events as they are, in their place', () => {
    const edit = { ...look('2026-12-02T10:05:00Z'), event: 'sectie-bewerkt' };
    const out = oneEntryPerRead([
      look('2026-12-02T10:06:00Z'),
      edit,
      look('2026-12-02T10:04:00Z', 'Tom Bos'),
      look('2026-12-02T10:03:00Z', 'Eva Jansen', 'plan'),
      { ...look('2026-12-02T10:02:00Z'), detail: 'noodtoegang' },
      look('2026-12-02T10:01:00Z'),
    ]);
    expect(out.map((e) => [e.event, e.who, e.sectionId ?? e.sections?.map((s) => [s.id, s.times ?? 1]), e.detail])).toEqual([
      ['sectie-bekeken', 'Eva Jansen', [['aanleiding', 2], ['plan', 1]], null],
      ['sectie-bewerkt', 'Eva Jansen', 'aanleiding', null],
      ['sectie-bekeken', 'Tom Bos', [['aanleiding', 1]], null],
      ['sectie-bekeken', 'Eva Jansen', [['aanleiding', 1]], 'noodtoegang'],
    ]);
  });
});
