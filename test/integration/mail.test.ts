import type { JSONContent } from '@tiptap/core';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProfessionalRole } from '../../shared/directory.ts';
import { hashPassword } from '../../server/auth/password.ts';
import { invitationMail } from '../../server/mail/invitationMail.ts';
import { createMailer } from '../../server/mail/mailer.ts';
import { DEMO_CONTENT } from '../../server/seed/demoContent.ts';
import { startSmtp, type TestSmtp } from '../support/smtpServer.ts';
import { demoEmail, type RunningTafel, requestAs, signIn, startTafel } from '../support/tafelServer.ts';

const USER = 'tafel';
const PASS = 'smtp-geheim';

/** Every text of the demo case of some length: none of it may be in a mail. */
function demoSentences(): string[] {
  const out: string[] = [];
  const walk = (node: JSONContent) => {
    if (node.text && node.text.trim().length >= 25) out.push(node.text.trim());
    for (const child of node.content ?? []) walk(child);
  };
  for (const doc of Object.values(DEMO_CONTENT)) walk(doc);
  return out;
}

const linkIn = (mail: ParsedMail) => /https?:\/\/\S+\/uitnodiging\/[A-Za-z0-9_-]+/.exec(mail.text ?? '')?.[0];

describe('invitations that arrive by e-mail', () => {
  let smtp: TestSmtp;
  let server: RunningTafel;
  let regisseur: string;

  beforeAll(async () => {
    smtp = await startSmtp({ auth: { user: USER, pass: PASS } });
    server = await startTafel({ settings: { TAFEL_SMTP_URL: `smtp://${USER}:${PASS}@127.0.0.1:${smtp.port}`, TAFEL_MAIL_FROM: 'Tafel <tafel@gemeente.example>' } });
    regisseur = await signIn(server.http, demoEmail('regisseur'));
  });
  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });

  const invite = async (body: object) => {
    const res = await requestAs(server.http, regisseur, 'POST', '/api/cases/demo/invitations', body);
    return { status: res.status, json: (await res.json()) as { link: string; mailed: boolean } };
  };
  const waitForMail = async (to: string) => {
    for (let i = 0; i < 50; i++) {
      const mail = smtp.received.find((m) => m.to && !Array.isArray(m.to) && m.to.text === to);
      if (mail) return mail;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no mail arrived for ${to}`);
  };

  it('the grandmother gets a mail with a link that lets her in, and nothing of the case', async () => {
    const { status, json } = await invite({ name: 'Ria de Groot', email: 'ria@example.nl', role: 'netwerk', personId: 'p-ria' });
    expect([status, json.mailed]).toEqual([200, true]);
    const mail = await waitForMail('ria@example.nl');
    expect(mail.subject).toBe('Uitnodiging voor Tafel');
    expect(mail.from?.value).toEqual([{ name: 'Tafel', address: 'tafel@gemeente.example' }]);
    expect(mail.html).toBe(false);
    const text = mail.text ?? '';
    expect(text).toMatch(/^Beste Ria de Groot,/);
    expect(text).toContain('Eva Jansen nodigt je uit');
    // No case content: not the case title, no other member of the family, no section text.
    for (const word of ['Gezin De Groot', 'Yilmaz', 'Sanne', 'Murat', 'Noa', 'Daan', 'flevoland', 'demo']) expect(text, word).not.toContain(word);
    for (const sentence of demoSentences()) expect(text).not.toContain(sentence);

    const link = linkIn(mail)!;
    expect(link).toBe(json.link);
    const token = new URL(link).pathname.split('/').at(-1)!;
    const accepted = await requestAs(server.http, '', 'POST', `/api/invitations/${token}`, { password: 'een-lang-wachtwoord' });
    expect(accepted.status).toBe(200);
    const cookie = accepted.headers.get('set-cookie')!.split(';')[0]!;
    const cases = (await (await requestAs(server.http, cookie, 'GET', '/api/cases')).json()) as { id: string; myRole: string }[];
    expect(cases).toEqual([expect.objectContaining({ id: 'demo', myRole: 'netwerk' })]);
  });

  it('a professional from the directory is added at once and told by mail, without a link that signs in', async () => {
    const { sql, directory } = server.tafel.services;
    await sql.db.insertInto('users').values({ id: 'u-mila', email: 'mila@schuldhulp.example', name: 'Mila Kok', password_hash: await hashPassword('mila-haar-wachtwoord'), created_at: new Date().toISOString() }).execute();
    await directory.setProfessional('u-mila', 'gi' as ProfessionalRole, 'jeugdbescherming-flevoland');
    const { json } = await invite({ email: 'mila@schuldhulp.example' });
    expect(json).toMatchObject({ mailed: true, added: true });
    const mail = await waitForMail('mila@schuldhulp.example');
    expect(mail.text).toMatch(/^Beste Mila Kok,/);
    expect(linkIn(mail)).toBeUndefined();
    for (const word of ['Gezin De Groot', 'Yilmaz', 'Sanne', 'demo']) expect(mail.text, word).not.toContain(word);
    const cookie = await signIn(server.http, 'mila@schuldhulp.example', 'mila-haar-wachtwoord');
    expect((await requestAs(server.http, cookie, 'GET', '/api/cases/demo')).status).toBe(200);
  });
});

describe('when the mail cannot go out', () => {
  it('an SMTP server that is down or refuses: the invitation is kept and the regisseur gets the link', async () => {
    const smtp = await startSmtp({ auth: { user: USER, pass: PASS } });
    const gone = await startSmtp({ auth: { user: USER, pass: PASS } });
    await gone.close();
    // A wrong password, and a port where nothing listens any more.
    for (const url of [`smtp://${USER}:wrong@127.0.0.1:${smtp.port}`, `smtp://127.0.0.1:${gone.port}`]) {
      const down = await startTafel({ settings: { TAFEL_SMTP_URL: url } });
      try {
        const cookie = await signIn(down.http, demoEmail('regisseur'));
        const res = await requestAs(down.http, cookie, 'POST', '/api/cases/demo/invitations', { name: 'Ria de Groot', email: 'ria@example.nl', role: 'netwerk', personId: 'p-ria' });
        const json = (await res.json()) as { link: string; mailed: boolean };
        expect([res.status, json.mailed], url).toEqual([200, false]);
        const token = new URL(json.link).pathname.split('/').at(-1)!;
        expect((await fetch(`${down.http}/api/invitations/${token}`)).status).toBe(200);
      } finally {
        await down.close();
      }
    }
    expect(smtp.received).toEqual([]);
    await smtp.close();
  });

  it('without TAFEL_SMTP_URL the log says a mail was not sent, and holds no link and no address', async () => {
    const lines: string[] = [];
    const mailer = createMailer(undefined, 'Tafel <t@example>', (line) => lines.push(line));
    const link = 'http://localhost:8080/uitnodiging/geheim-token-dat-inlogt';
    expect(await mailer.send(invitationMail({ to: 'ria@example.nl', inviteeName: 'Ria de Groot', inviterName: 'Eva Jansen', link }))).toBe('not-sent');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('Uitnodiging voor Tafel');
    expect(lines[0]).not.toContain('ria@example.nl');
    expect(lines[0]).not.toContain('geheim-token');
    expect(lines[0]).not.toContain('Ria de Groot');
  });
});
