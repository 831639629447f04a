import { describe, expect, it } from 'vitest';
import { mentionedUserIds, NOTICE_KINDS, NoticeKind, readableMentions } from './notices.ts';

describe('mentions in a comment', () => {
  it('finds each id once, in order, and reads as @Naam', () => {
    const body = 'Zie @[Sanne de Groot](moeder) en @[Eva Jansen](regisseur); nog eens @[Sanne](moeder).';
    expect(mentionedUserIds(body)).toEqual(['moeder', 'regisseur']);
    expect(readableMentions(body)).toBe('Zie @Sanne de Groot en @Eva Jansen; nog eens @Sanne.');
  });

  it('an @ that is not a mention names nobody', () => {
    expect(mentionedUserIds('mail naar sanne@example.nl, @Sanne, @[Sanne](Moeder/../x), @[](moeder)')).toEqual([]);
  });
});

describe('notice sentences', () => {
  it('every kind has a sentence without a date and one with the Dutch date', () => {
    for (const kind of NoticeKind.options) {
      expect(NOTICE_KINDS[kind].text(null).length, kind).toBeGreaterThan(10);
      const dated = NOTICE_KINDS[kind].text('2026-12-14');
      if (dated.includes('2026')) expect(dated, kind).toContain('14 december 2026');
    }
  });
});
