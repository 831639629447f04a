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
  it('counts openings on one Dutch day, and starts again after midnight in the Netherlands', () => {
    // Newest first. 23:30 UTC on 2 December is 00:30 on 3 December in the Netherlands.
    const out = oneEntryPerRead([look('2026-12-02T23:30:00Z'), look('2026-12-02T22:50:00Z'), look('2026-12-02T09:00:00Z')]);
    expect(out.map((e) => [e.at, e.times])).toEqual([
      ['2026-12-02T23:30:00Z', undefined],
      ['2026-12-02T22:50:00Z', 2],
    ]);
  });

  it('keeps people, sections and a look under emergency access apart, and other events as they are', () => {
    const edit = { ...look('2026-12-02T10:05:00Z'), event: 'sectie-bewerkt' };
    const out = oneEntryPerRead([
      look('2026-12-02T10:06:00Z'),
      edit,
      look('2026-12-02T10:04:00Z', 'Tom Bos'),
      look('2026-12-02T10:03:00Z', 'Eva Jansen', 'plan'),
      { ...look('2026-12-02T10:02:00Z'), detail: 'noodtoegang' },
      look('2026-12-02T10:01:00Z'),
    ]);
    expect(out.map((e) => [e.event, e.who, e.sectionId, e.detail, e.times ?? 1])).toEqual([
      ['sectie-bekeken', 'Eva Jansen', 'aanleiding', null, 2],
      ['sectie-bewerkt', 'Eva Jansen', 'aanleiding', null, 1],
      ['sectie-bekeken', 'Tom Bos', 'aanleiding', null, 1],
      ['sectie-bekeken', 'Eva Jansen', 'plan', null, 1],
      ['sectie-bekeken', 'Eva Jansen', 'aanleiding', 'noodtoegang', 1],
    ]);
  });
});
