import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvitationSummary } from '../../shared/invitationsApi.ts';
import { createMailer } from '../../server/mail/mailer.ts';
import { mailQueueOf } from '../../server/mail/mailQueue.ts';
import { startSmtp, type TestSmtp } from '../support/smtpServer.ts';
import { demoEmail, type RunningTafel, requestAs, signIn, startTafel, storesToTry } from '../support/tafelServer.ts';

const linkIn = (mail: ParsedMail) => /https?:\/\/\S+\/uitnodiging\/[A-Za-z0-9_-]+/.exec(mail.text ?? '')?.[0];
const tokenOf = (link: string) => new URL(link).pathname.split('/').at(-1)!;
const mailTo = (received: ParsedMail[], to: string) => received.filter((m) => m.to && !Array.isArray(m.to) && m.to.text === to);
const DAY = 86_400_000;

describe.each(storesToTry('invitation links'))('invitation links expire, are resent and revoked ($store)', ({ options }) => {
  let smtp: TestSmtp;
  let server: RunningTafel;
  let regisseur: string;
  const invite = async (body: object) => (await requestAs(server.http, regisseur, 'POST', '/api/cases/demo/invitations', body)).json() as Promise<{ link: string; mailed: boolean; mail: string }>;
  const list = async (cookie = regisseur) => InvitationSummary.array().parse(await (await requestAs(server.http, cookie, 'GET', '/api/cases/demo/invitations')).json());
  const opened = async (token: string) => {
    const res = await fetch(`${server.http}/api/invitations/${token}`);
    return { status: res.status, message: ((await res.json()) as { error?: { message: string } }).error?.message };
  };
  const waitForMails = async (to: string, n: number) => {
    for (let i = 0; i < 50 && mailTo(smtp.received, to).length < n; i++) await new Promise((r) => setTimeout(r, 100));
    return mailTo(smtp.received, to);
  };

  beforeAll(async () => {
    smtp = await startSmtp();
    server = await startTafel({ ...options, settings: { TAFEL_SMTP_URL: `smtp://127.0.0.1:${smtp.port}` } });
    regisseur = await signIn(server.http, demoEmail('regisseur'));
  });
  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });

  it('a link works 7 days; after that it fails with a Dutch message, also for a link from before the term was kept', async () => {
    const { link } = await invite({ name: 'Ria de Groot', email: 'ria@example.nl', role: 'netwerk', personId: 'p-ria' });
    const [row] = (await list()).filter((i) => i.email === 'ria@example.nl');
    expect(row).toMatchObject({ state: 'open', mail: 'verstuurd' });
    expect(Date.parse(row!.expiresAt) - Date.parse(row!.createdAt)).toBe(7 * DAY);
    expect((await opened(tokenOf(link))).status).toBe(200);

    // Eight days later.
    const { sql } = server.tafel.services;
    const past = (days: number) => new Date(Date.now() - days * DAY).toISOString();
    await sql.db.updateTable('invitations').set({ created_at: past(8), expires_at: past(1) }).where('email', '=', 'ria@example.nl').execute();
    expect(await opened(tokenOf(link))).toEqual({ status: 410, message: 'Deze uitnodiging is verlopen: een link werkt 7 dagen. Vraag de regisseur om de uitnodiging opnieuw te sturen.' });
    const accept = await requestAs(server.http, '', 'POST', `/api/invitations/${tokenOf(link)}`, { password: 'een-lang-wachtwoord' });
    expect(accept.status).toBe(410);
    expect((await list()).find((i) => i.email === 'ria@example.nl')?.state).toBe('verlopen');
    // A row without an end counts 7 days from when it was made (it was 14).
    await sql.db.updateTable('invitations').set({ created_at: past(8), expires_at: null }).where('email', '=', 'ria@example.nl').execute();
    expect((await opened(tokenOf(link))).status).toBe(410);
  });

  it('resending gives a new link by mail and a new term; the old link stops working', async () => {
    const before = (await list()).find((i) => i.email === 'ria@example.nl')!;
    const res = await requestAs(server.http, regisseur, 'POST', `/api/cases/demo/invitations/${before.id}/resend`);
    expect(res.status).toBe(200);
    const again = (await res.json()) as { link: string; mailed: boolean; id: string };
    expect(again.mailed).toBe(true);
    const mails = await waitForMails('ria@example.nl', 2);
    expect(linkIn(mails.at(-1)!)).toBe(again.link);
    expect((await opened(tokenOf(linkIn(mails[0]!)!))).status).toBe(410);
    expect((await opened(tokenOf(again.link))).status).toBe(200);
    const now = await list();
    expect(now.find((i) => i.id === again.id)).toMatchObject({ state: 'open', mail: 'verstuurd' });
    expect(now.find((i) => i.id === before.id)?.state).toBe('ingetrokken');
    const accepted = await requestAs(server.http, '', 'POST', `/api/invitations/${tokenOf(again.link)}`, { password: 'een-lang-wachtwoord' });
    expect(accepted.status).toBe(200);
    expect((await list()).find((i) => i.id === again.id)?.state).toBe('gebruikt');
  });

  it('a revoked link fails in Dutch; only the regisseur lists, resends or revokes (attacker)', async () => {
    const { link } = await invite({ name: 'Murat Yilmaz', email: 'murat.privé@example.nl'.replace('é', 'e'), role: 'ouder', personId: 'p-murat' });
    const row = (await list()).find((i) => i.email === 'murat.prive@example.nl')!;
    // Someone else in the case: no list (it holds addresses), no revoking, no resending.
    for (const account of ['vt', 'moeder', 'jeugdige']) {
      const cookie = await signIn(server.http, demoEmail(account));
      expect((await requestAs(server.http, cookie, 'GET', '/api/cases/demo/invitations')).status, account).toBe(403);
      expect((await requestAs(server.http, cookie, 'DELETE', `/api/cases/demo/invitations/${row.id}`)).status, account).toBe(403);
      expect((await requestAs(server.http, cookie, 'POST', `/api/cases/demo/invitations/${row.id}/resend`)).status, account).toBe(403);
    }
    // Someone outside the case hears of no case at all.
    const crisis = await signIn(server.http, 'crisis@demo.tafel');
    expect((await requestAs(server.http, crisis, 'DELETE', `/api/cases/demo/invitations/${row.id}`)).status).toBe(404);
    expect((await opened(tokenOf(link))).status).toBe(200);

    expect((await requestAs(server.http, regisseur, 'DELETE', `/api/cases/demo/invitations/${row.id}`)).status).toBe(200);
    expect(await opened(tokenOf(link))).toEqual({ status: 410, message: 'Deze uitnodiging is ingetrokken. Vraag de regisseur om een nieuwe uitnodiging.' });
    expect((await requestAs(server.http, '', 'POST', `/api/invitations/${tokenOf(link)}`, { password: 'een-lang-wachtwoord' })).status).toBe(410);
    expect((await list()).find((i) => i.id === row.id)?.state).toBe('ingetrokken');
    expect((await requestAs(server.http, regisseur, 'DELETE', '/api/cases/demo/invitations/bestaat-niet-zo-is-het')).status).toBe(404);
    const logged = await server.tafel.services.sql.db.selectFrom('audit_events').select(['event', 'detail']).where('event', 'in', ['uitnodiging-ingetrokken', 'uitnodiging-opnieuw']).execute();
    expect(logged.map((l) => l.event).sort()).toEqual(['uitnodiging-ingetrokken', 'uitnodiging-opnieuw']);
    for (const l of logged) expect(l.detail).not.toContain('@');
  });
});

describe('a mail the SMTP server did not take is tried again', () => {
  it('kept sealed, sent once the server is back, with the same link; the log holds no address', async () => {
    const probe = await startSmtp();
    const port = probe.port;
    await probe.close();
    const server = await startTafel({ settings: { TAFEL_SMTP_URL: `smtp://127.0.0.1:${port}` } });
    let smtp: TestSmtp | undefined;
    try {
      const regisseur = await signIn(server.http, demoEmail('regisseur'));
      const res = await requestAs(server.http, regisseur, 'POST', '/api/cases/demo/invitations', { name: 'Ria de Groot', email: 'ria@example.nl', role: 'netwerk', personId: 'p-ria' });
      const json = (await res.json()) as { link: string; mailed: boolean; mail: string };
      expect([res.status, json.mailed, json.mail]).toEqual([200, false, 'wacht']);
      const { sql } = server.tafel.services;
      const queued = await sql.db.selectFrom('mail_queue').selectAll().execute();
      expect(queued).toHaveLength(1);
      expect(queued[0]!.sealed_text).not.toContain(tokenOf(json.link));

      // Tried while still down: kept, for later.
      const queue = mailQueueOf(server.tafel.services);
      expect(await queue.retryDue(new Date(Date.now() + 60_000))).toBe(0);
      expect(await sql.db.selectFrom('mail_queue').select('attempts').executeTakeFirstOrThrow()).toEqual({ attempts: 2 });

      smtp = await startSmtp({ port });
      expect(await queue.retryDue(new Date(Date.now() + 3600_000))).toBe(1);
      const [mail] = mailTo(smtp.received, 'ria@example.nl');
      expect(linkIn(mail!)).toBe(json.link);
      expect(await sql.db.selectFrom('mail_queue').selectAll().execute()).toEqual([]);
      const [row] = InvitationSummary.array().parse(await (await requestAs(server.http, regisseur, 'GET', '/api/cases/demo/invitations')).json());
      expect(row?.mail).toBe('verstuurd');
    } finally {
      await server.close();
      await smtp?.close();
    }
  });

  it('a failed send is logged without the recipient', async () => {
    const probe = await startSmtp();
    await probe.close();
    const lines: string[] = [];
    const mailer = createMailer(`smtp://127.0.0.1:${probe.port}`, 'Tafel <t@example>', (line) => lines.push(line));
    expect(await mailer.send({ to: 'ria@example.nl', subject: 'Uitnodiging voor Tafel', text: 'http://x/uitnodiging/geheim' })).toBe('not-sent');
    mailer.close();
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('ria@example.nl');
    expect(lines[0]).not.toContain('geheim');
  });
});
