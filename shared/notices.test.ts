import { describe, expect, it } from 'vitest';
import { mentionedUserIds, NOTICE_KINDS, NoticeKind, noticeKindsFor, noticeLink, noticeText, readableMentions, receivesNotice } from './notices.ts';

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

  it('an approval that lapsed by an edit says so, and is not the sentence of a new review', () => {
    expect(noticeText('goedkeuring-vervallen', null, 'Verklarende analyse')).toBe(
      'Je goedkeuring van een onderdeel is vervallen door een wijziging. Het wacht weer op review. Het gaat over: Verklarende analyse.',
    );
    expect(NOTICE_KINDS['goedkeuring-vervallen'].text(null)).not.toBe(NOTICE_KINDS['review-gevraagd'].text(null));
    expect(NOTICE_KINDS['goedkeuring-vervallen'].label).not.toBe(NOTICE_KINDS['review-gevraagd'].label);
  });
});

describe('which kinds go to which role', () => {
  it('the family is never offered what only professionals are sent, nor the other way round', () => {
    const family = noticeKindsFor(['ouder']);
    expect(family).not.toContain('review-gevraagd');
    expect(family).not.toContain('goedkeuring-vervallen');
    expect(family).not.toContain('vernietiging-gevraagd');
    expect(family).toEqual(expect.arrayContaining(['reactie-gevraagd', 'genoemd', 'vernietiging-beantwoord', 'toestemming-eindigt']));
    expect(noticeKindsFor(['regisseur'])).not.toContain('reactie-gevraagd');
    expect(receivesNotice('gedragswetenschapper', 'review-gevraagd')).toBe(true);
    expect(receivesNotice('jeugdige', 'review-gevraagd')).toBe(false);
    expect(receivesNotice('gedragswetenschapper', 'goedkeuring-vervallen')).toBe(true);
    expect(receivesNotice('ouder', 'goedkeuring-vervallen')).toBe(false);
    expect(noticeKindsFor(['gedragswetenschapper'])).toContain('goedkeuring-vervallen');
  });

  it('someone in cases in several roles gets the kinds of each; without a case, every kind', () => {
    expect(noticeKindsFor(['netwerk', 'gi'])).toEqual(NoticeKind.options);
    expect(noticeKindsFor([])).toEqual(NoticeKind.options);
  });
});

describe('where a notice leads', () => {
  it('opens the section it names on its case page, and keeps any other link', () => {
    expect(noticeLink('/zaken/demo', 'demo', { id: 'aanleiding' })).toBe('/zaken/demo?onderdeel=aanleiding');
    expect(noticeLink('/zaken/demo', 'demo', null)).toBe('/zaken/demo');
    expect(noticeLink('/zaken/demo/tafel/t1', 'demo', { id: 'besluit' })).toBe('/zaken/demo/tafel/t1');
  });
});
