import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNotices, type NoticeLoops } from '../../server/notices/noticeService.ts';
import { demoEmail, type RunningTafel, requestAs, signIn, startTafel } from '../support/tafelServer.ts';
import { recipientOf, startSmtp, type TestSmtp } from '../support/smtpServer.ts';

/** A moment in the Netherlands (CET in December) on a date, at an hour. */
const at = (date: string, hour: number) => new Date(`${date}T${String(hour - 1).padStart(2, '0')}:00:00Z`);
const WEEK = ['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11', '2026-12-12', '2026-12-13'];
const PEOPLE = ['moeder', 'vader', 'jeugdige', 'oma', 'regisseur', 'gw', 'vt'];

/**
 * One ordinary week of the demo case, hour by hour with the real scheduler and outbox and a real
 * SMTP server: on Monday a section is shared for the family's reaction, on Wednesday the regisseur
 * asks the mother something in a comment, and the case's own dates and agreements come and go.
 * What matters to the people mailed: no day brings anyone a pile of mails.
 */
describe('a normal week of one case, in the mailbox of each person', () => {
  let smtp: TestSmtp;
  let server: RunningTafel;
  let loops: NoticeLoops;
  let clock = at(WEEK[0]!, 8);
  const cookie: Record<string, string> = {};
  const api = (who: string, method: string, url: string, body?: unknown) => requestAs(server.http, cookie[who]!, method, url, body);

  beforeAll(async () => {
    smtp = await startSmtp();
    server = await startTafel({ settings: { TAFEL_SMTP_URL: smtp.url, TAFEL_NOTICE_SEND_MS: '0', TAFEL_NOTICE_SWEEP_MS: '0' } });
    loops = startNotices(server.tafel.services, { now: () => clock, sendEveryMs: 0, sweepEveryMs: 0 });
    server.tafel.services.review.now = () => clock;
    for (const who of PEOPLE) cookie[who] = await signIn(server.http, demoEmail(who));
  });
  afterAll(async () => {
    await loops?.close();
    await server?.close();
    await smtp?.close();
  });

  it('brings each person at most two mails a day, and one mail a day at most about dates', async () => {
    const perDay = new Map<string, Map<string, number>>();
    const datesPerDay = new Map<string, Map<string, number>>();
    const count = (table: Map<string, Map<string, number>>, who: string, day: string) => {
      const row = table.get(who) ?? new Map<string, number>();
      row.set(day, (row.get(day) ?? 0) + 1);
      table.set(who, row);
    };
    const byAddress = new Map(PEOPLE.map((who) => [demoEmail(who), who]));
    for (const day of WEEK) {
      for (let hour = 8; hour <= 20; hour++) {
        clock = at(day, hour);
        const seen = smtp.received.length;
        if (day === WEEK[0] && hour === 10) {
          for (const [who, to] of [['regisseur', 'review'], ['gw', 'goedgekeurd'], ['regisseur', 'gedeeld']] as const) {
            expect((await api(who, 'POST', '/api/cases/demo/sections/verklarende-analyse/status', { to, reason: '' })).status, to).toBe(200);
          }
        }
        if (day === WEEK[2] && hour === 14) {
          const asked = await api('regisseur', 'POST', '/api/cases/demo/sections/opvoeding/threads', { anchor: { kind: 'block', blockId: 'blok-week', quote: '' }, visibility: 'iedereen', body: 'Klopt dit zo, @[Sanne de Groot](moeder)?' });
          expect(asked.status).toBe(200);
        }
        await loops.scheduler.sweep();
        await loops.outbox.deliverDue();
        for (const mail of smtp.received.slice(seen)) {
          const who = byAddress.get(recipientOf(mail) ?? '');
          if (!who) continue;
          count(perDay, who, day);
          if (mail.text?.includes('datum bijna voorbij')) count(datesPerDay, who, day);
        }
      }
    }
    const total = (who: string) => [...(perDay.get(who)?.values() ?? [])].reduce((a, b) => a + b, 0);
    console.log(`[figures] mails in one normal week: ${PEOPLE.map((who) => `${who} ${total(who)}`).join(', ')}`);
    // Something happened: the family was asked to react, and the mother was asked a question.
    expect(total('moeder')).toBeGreaterThanOrEqual(2);
    for (const who of PEOPLE) {
      for (const [day, n] of perDay.get(who) ?? []) expect(n, `${who} on ${day}`).toBeLessThanOrEqual(2);
      for (const [day, n] of datesPerDay.get(who) ?? []) expect(n, `${who}: mails about dates on ${day}`).toBe(1);
    }
  }, 120_000);
});
