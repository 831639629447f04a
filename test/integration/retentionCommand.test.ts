import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailQueueOf } from '../../server/mail/mailQueue.ts';
import { recipientOf, startSmtp, type TestSmtp } from '../support/smtpServer.ts';
import { demoEmail, type RunningTafel, requestAs, signIn, startTafel } from '../support/tafelServer.ts';

const run = promisify(execFile);

describe('npm run beheer: the operator sets an organisation’s term and runs the retention job', () => {
  let server: RunningTafel;
  let smtp: TestSmtp;
  let regisseur: string;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tafel-retention-'));
  // The same store as the server: SQLite in its data dir.
  const { DATABASE_URL: _, TAFEL_RETENTION_YEARS: __, ...env } = process.env;
  /** The command with these settings on top (one left out: without it). */
  const beheerWith = (settings: Record<string, string | null>, ...args: string[]) =>
    run(process.execPath, ['--import', 'tsx', 'server/admin/beheer.ts', ...args], {
      env: Object.fromEntries(Object.entries({ ...env, TAFEL_DATA_DIR: dataDir, TAFEL_SMTP_URL: smtp.url, ...settings }).filter(([, v]) => typeof v === 'string')),
    }).then(
      (r) => ({ code: 0, out: r.stdout, err: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout, err: e.stderr }),
    );
  const beheer = (...args: string[]) => beheerWith({}, ...args);

  beforeAll(async () => {
    smtp = await startSmtp();
    // No notice mail: only what the destruction sends.
    server = await startTafel({ dataDir, settings: { TAFEL_SMTP_URL: smtp.url, TAFEL_NOTICE_SEND_MS: '0', TAFEL_NOTICE_SWEEP_MS: '0' } });
    regisseur = await signIn(server.http, demoEmail('regisseur'));
  });
  afterAll(async () => {
    await server?.close();
    await smtp?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('a case closed 40 years ago stays under a 50-year term of its organisation and goes under the default', async () => {
    const started = await requestAs(server.http, regisseur, 'POST', '/api/cases', { title: 'Gezin Oud', region: 'flevoland', persons: [{ name: 'Anna Oud', kind: 'volwassene' }] });
    const { id } = (await started.json()) as { id: string };
    expect((await requestAs(server.http, regisseur, 'POST', `/api/cases/${id}/close`, { reason: 'De hulp is afgerond en het gaat goed.' })).status).toBe(200);
    const longAgo = new Date(Date.now() - 40 * 365.25 * 86_400_000).toISOString();
    await server.tafel.services.sql.db.updateTable('cases').set({ closed_at: longAgo }).where('id', '=', id).execute();

    const tooShort = await beheer('termijn', 'lokaal-team-almere', '12');
    expect([tooShort.code, tooShort.err.trim()]).toEqual([1, 'De bewaartermijn is minstens 15 jaar.']);
    expect((await beheer('termijn', 'bestaat-niet', '30')).code).toBe(1);
    const set = await beheer('termijn', 'lokaal-team-almere', '50');
    expect([set.code, set.out.trim()]).toEqual([0, 'lokaal-team-almere bewaart zaken 50 jaar na het sluiten.']);
    expect((await beheer('bewaartermijn')).out).toMatch(/^0 zaak\/zaken voorbij hun bewaartermijn/);
    expect((await beheer('vernietig-verlopen', '--ja')).out).toMatch(/^0 zaak\/zaken vernietigd/);
    expect((await requestAs(server.http, regisseur, 'GET', `/api/cases/${id}`)).status).toBe(200);

    expect((await beheer('termijn', 'lokaal-team-almere', 'standaard')).out.trim()).toBe('lokaal-team-almere bewaart zaken de standaardtermijn (20 jaar).');
    const due = await beheer('bewaartermijn');
    expect(due.out).toContain(`${id}\tgesloten ${longAgo.slice(0, 10)}\ttermijn 20 jaar`);
    // Without --ja nothing goes.
    expect((await beheer('vernietig-verlopen')).out).toContain('Vernietigen doe je met: vernietig-verlopen --ja');
    expect((await requestAs(server.http, regisseur, 'GET', `/api/cases/${id}`)).status).toBe(200);
    // Outside the demo without the server's key, the mails it queues could never be opened: it refuses, and nothing goes.
    const noKey = await beheerWith({ TAFEL_NO_DEMO: 'true', TAFEL_SECRET_KEY: null }, 'vernietig-verlopen', '--ja');
    expect([noKey.code, noKey.err.trim()]).toEqual([1, 'Zet TAFEL_SECRET_KEY op dezelfde waarde als bij de server: anders kan die de mails over vernietigde dossiers niet versturen.']);
    expect((await requestAs(server.http, regisseur, 'GET', `/api/cases/${id}`)).status).toBe(200);
    const destroyed = await beheer('vernietig-verlopen', '--ja');
    expect(destroyed.out).toContain(`1 zaak/zaken vernietigd.\n${id}`);
    expect((await requestAs(server.http, regisseur, 'GET', `/api/cases/${id}`)).status).toBe(404);
    const logged = await server.tafel.services.sql.db.selectFrom('audit_events').select('event').where('event', 'in', ['bewaartermijn-gewijzigd', 'zaak-vernietigd']).execute();
    expect(logged.map((l) => l.event).sort()).toEqual(['bewaartermijn-gewijzigd', 'bewaartermijn-gewijzigd', 'zaak-vernietigd']);
    // Nine runs of the command, each a Node process of its own: seconds apiece on a busy machine.
  }, 180_000);

  it('a case destroyed at the end of its term: the parents and the young person each get the mail, kept while the mail server is down', async () => {
    const { db } = server.tafel.services.sql;
    const caseWords = [
      (await db.selectFrom('cases').select('title').where('id', '=', 'demo').executeTakeFirstOrThrow()).title,
      ...(await db.selectFrom('sections').select('title').where('case_id', '=', 'demo').execute()).map((t) => t.title),
      ...(await db.selectFrom('persons').select('name').where('case_id', '=', 'demo').execute()).map((p) => p.name),
    ];
    expect((await requestAs(server.http, regisseur, 'POST', '/api/cases/demo/close', { reason: 'De hulp is afgerond en het gaat goed.' })).status).toBe(200);
    await db.updateTable('cases').set({ closed_at: new Date(Date.now() - 40 * 365.25 * 86_400_000).toISOString() }).where('id', '=', 'demo').execute();

    const before = smtp.received.length;
    smtp.refusing = true;
    try {
      const destroyed = await beheer('vernietig-verlopen', '--ja');
      expect(destroyed.out).toContain('1 zaak/zaken vernietigd.\ndemo');
      // Queued with the destruction, while the addresses were known; the case is gone, the mails wait.
      expect((await db.selectFrom('mail_queue').select('recipient').orderBy('recipient').execute()).map((r) => r.recipient)).toEqual(['jeugdige', 'moeder', 'vader'].map(demoEmail));
      expect(await db.selectFrom('participants').select('user_id').where('case_id', '=', 'demo').execute()).toEqual([]);
    } finally {
      smtp.refusing = false;
    }
    // The running server sends what the command could not.
    expect(await mailQueueOf(server.tafel.services).retryDue(new Date(Date.now() + 3_600_000))).toBe(3);

    const mails = smtp.received.slice(before);
    // One each; the network (oma Ria) and the professionals get nothing.
    expect(mails.map(recipientOf).sort()).toEqual(['jeugdige', 'moeder', 'vader'].map(demoEmail));
    for (const [who, own] of [['vader', 'Murat Yilmaz'], ['moeder', 'Sanne de Groot'], ['jeugdige', 'Noa Yilmaz']] as const) {
      const mail = mails.find((m) => recipientOf(m) === demoEmail(who))!;
      expect(mail.subject).toBe('Het dossier is vernietigd');
      const text = `${mail.subject}\n${mail.text ?? ''}`;
      expect(text).toContain(`Beste ${own},`);
      expect(text).toContain('Het dossier van jullie gezin in Tafel is vernietigd.');
      // Nobody asked for this one; and nothing of the case is in it.
      expect(text).not.toMatch(/gevraagd|verzoek/);
      for (const words of ['demo', ...caseWords.filter((w) => w !== own)]) expect(text, `${who}: ${words}`).not.toContain(words);
    }
  }, 60_000);
});
