import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailQueueOf } from '../../server/mail/mailQueue.ts';
import { noticeDb } from '../../server/notices/noticeTables.ts';
import { NoticeList } from '../../shared/notices.ts';
import { DestructionRequests } from '../../shared/retention.ts';
import { childrenOnDataDir } from '../support/childSuite.ts';
import { recipientOf } from '../support/smtpServer.ts';
import { suiteSmtp } from '../support/suiteSmtp.ts';
import { waitFor } from '../support/syncClient.ts';
import { demoEmail, type RunningTafel, requestAs, signIn, startTafel, storesToTry } from '../support/tafelServer.ts';

const URL = '/api/cases/demo/destruction-requests';
const REFUSAL = 'De Raad onderzoekt nog of Noa veilig is; het dossier is daarvoor nodig.';
const WHY = 'Het gaat nu goed met ons en ik wil niet dat dit bewaard blijft.';
const ACCOUNTS = ['regisseur', 'vt', 'gw', 'moeder', 'vader', 'jeugdige', 'oma', 'crisis'];

/** Subject and text of a mail, as anyone who sees it in the inbox reads it. */
const readable = (m: ParsedMail) => `${m.subject ?? ''}\n${m.text ?? ''}`;

async function until<T>(what: string, check: () => T | undefined | Promise<T | undefined>, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const found = await check();
    if (found !== undefined) return found;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.each(storesToTry('destruction request mail'))('the family hears of the answer to a destruction request ($store)', ({ options }) => {
  const smtp = suiteSmtp();
  let server: RunningTafel;
  const cookie: Record<string, string> = {};
  const as = (who: string, method: string, url: string, body?: unknown) => requestAs(server.http, cookie[who]!, method, url, body);
  const noticesOf = async (who: string) => NoticeList.parse(await (await as(who, 'GET', '/api/notices')).json()).notices;
  const file = async (who: string, body: object = {}) => {
    const res = await as(who, 'POST', URL, body);
    expect(res.status, `${who} files`).toBe(201);
    return DestructionRequests.parse(await res.json()).requests.find((r) => r.status === 'open')!.id;
  };
  /** What the mail may not hold: the case's title, its sections' titles, the names of the people in it. */
  let caseWords: string[] = [];

  beforeAll(async () => {
    server = await startTafel({ ...options, settings: { TAFEL_SMTP_URL: smtp.url, TAFEL_NOTICE_SEND_MS: '100', TAFEL_NOTICE_SWEEP_MS: '0' } });
    for (const who of ACCOUNTS) cookie[who] = await signIn(server.http, demoEmail(who));
    const { db } = server.tafel.services.sql;
    const titles = await db.selectFrom('sections').select('title').where('case_id', '=', 'demo').execute();
    const caseTitle = (await db.selectFrom('cases').select('title').where('id', '=', 'demo').executeTakeFirstOrThrow()).title;
    const persons = await db.selectFrom('persons').select('name').where('case_id', '=', 'demo').execute();
    caseWords = [caseTitle, ...titles.map((t) => t.title), ...persons.map((p) => p.name)];
    expect(caseWords.length).toBeGreaterThan(5);
  });
  afterAll(() => server?.close());

  it('refused: only who asked gets a notice and a mail, and neither holds the reason or anything of the case', async () => {
    const id = await file('moeder', { explanation: WHY });
    expect((await as('regisseur', 'POST', `${URL}/${id}/answer`, { decision: 'weigeren', reason: REFUSAL })).status).toBe(200);

    const [notice, ...more] = (await noticesOf('moeder')).filter((n) => n.kind === 'vernietiging-beantwoord');
    expect(more).toEqual([]);
    // It points to Thuis, where she reads the reason; it says only that there is an answer.
    expect(notice).toMatchObject({ caseId: 'demo', link: '/zaken/demo/thuis', section: null, text: 'Je vraag om het dossier te vernietigen is beantwoord.' });
    for (const who of ACCOUNTS.filter((a) => a !== 'moeder')) expect((await noticesOf(who)).filter((n) => n.kind === 'vernietiging-beantwoord'), who).toEqual([]);

    const mail = await until('the answer mail to the mother', () => smtp.received.find((m) => recipientOf(m) === demoEmail('moeder') && m.text?.includes('is beantwoord')));
    expect(mail.text).toContain('Je vraag om het dossier te vernietigen is beantwoord.');
    expect((await noticesOf('moeder')).find((n) => n.id === notice!.id)?.mail).toBe('verstuurd');
    const text = readable(mail);
    for (const words of [REFUSAL, 'Raad', 'veilig', WHY, 'bewaard blijft', ...caseWords.filter((w) => w !== 'Sanne de Groot')]) expect(text, words).not.toContain(words);
    // Nobody else got word of the answer by mail.
    expect(smtp.received.filter((m) => m.text?.includes('beantwoord')).map(recipientOf)).toEqual([demoEmail('moeder')]);
  });

  it('refused: who chose no e-mail for it gets the notice only', async () => {
    expect((await as('vader', 'PUT', '/api/notices/preferences', { delivery: { 'vernietiging-beantwoord': 'alleen-app' } })).status).toBe(200);
    const id = await file('vader');
    expect((await as('regisseur', 'POST', `${URL}/${id}/answer`, { decision: 'weigeren', reason: REFUSAL })).status).toBe(200);
    const told = (await noticesOf('vader')).filter((n) => n.kind === 'vernietiging-beantwoord');
    expect(told.map((n) => [n.text, n.mail])).toEqual([['Je vraag om het dossier te vernietigen is beantwoord.', 'geen']]);
    const [waiting] = await noticeDb(server.tafel.services.sql).selectFrom('notice_mails').select('id').where('user_id', '=', 'vader').where('kind', '=', 'vernietiging-beantwoord').execute();
    expect(waiting).toBeUndefined();
    expect(smtp.received.filter((m) => recipientOf(m) === demoEmail('vader'))).toEqual([]);
  });

  it('carried out: who asked and the other parent and the young person get one mail each, kept while the mail server is down and sent though the case is gone', async () => {
    const id = await file('vader');
    expect((await as('regisseur', 'POST', '/api/cases/demo/close', { reason: 'Het gezin vraagt om vernietiging; de hulp stopt.' })).status).toBe(200);
    const { db } = server.tafel.services.sql;

    // A hold keeps the case, and so no mail says it went.
    expect((await as('regisseur', 'PUT', '/api/cases/demo/hold', { reason: 'Er loopt nog een klacht over deze zaak bij de rechter.' })).status).toBe(200);
    expect((await as('regisseur', 'POST', `${URL}/${id}/answer`, { decision: 'uitvoeren' })).status).toBe(409);
    expect(await db.selectFrom('mail_queue').select('id').execute()).toEqual([]);
    expect((await as('regisseur', 'DELETE', '/api/cases/demo/hold', { reason: 'De klacht is ingetrokken; niets houdt de zaak nog.' })).status).toBe(200);

    // The regisseur's notice of the request has gone out: from here on, only what the destruction sends.
    await until('the outbox to be empty', async () => ((await noticeDb(server.tafel.services.sql).selectFrom('notice_mails').select('id').where('state', 'in', ['wacht', 'bezig']).execute()).length === 0 ? true : undefined));
    smtp.refusing = true;
    const before = smtp.received.length;
    try {
      expect((await as('regisseur', 'POST', `${URL}/${id}/answer`, { decision: 'uitvoeren' })).status).toBe(200);
      expect((await as('vader', 'GET', '/api/cases/demo')).status).toBe(404);
      // The mail server refused; the mails wait, though nothing of the case is left to write them from.
      expect((await db.selectFrom('mail_queue').select('recipient').orderBy('recipient').execute()).map((r) => r.recipient)).toEqual(
        ['jeugdige', 'moeder', 'vader'].map(demoEmail),
      );
      expect(await db.selectFrom('participants').select('user_id').where('case_id', '=', 'demo').execute()).toEqual([]);
    } finally {
      smtp.refusing = false;
    }
    expect(await mailQueueOf(server.tafel.services).retryDue(new Date(Date.now() + 3_600_000))).toBe(3);
    expect(await db.selectFrom('mail_queue').select('id').execute()).toEqual([]);

    const destroyed = smtp.received.slice(before).filter((m) => m.subject === 'Het dossier is vernietigd');
    // Once each; the network, the professionals in the case and the one outside it get nothing.
    expect(destroyed.map(recipientOf).sort()).toEqual(['jeugdige', 'moeder', 'vader'].map(demoEmail));
    expect(smtp.received.slice(before).map(recipientOf).sort()).toEqual(['jeugdige', 'moeder', 'vader'].map(demoEmail));
    const byWho = (who: string) => readable(destroyed.find((m) => recipientOf(m) === demoEmail(who))!);
    expect(byWho('vader')).toContain('Beste Murat Yilmaz,');
    expect(byWho('vader')).toContain('Je hebt gevraagd om het dossier in Tafel te vernietigen. Dat is gebeurd: het dossier is vernietigd.');
    // The others are not told that anyone asked, nor who: in the app they do not see his request either.
    for (const who of ['moeder', 'jeugdige']) {
      expect(byWho(who)).toContain('Het dossier van jullie gezin in Tafel is vernietigd.');
      expect(byWho(who)).not.toMatch(/gevraagd|verzoek|Murat/);
    }
    for (const [who, own] of [['vader', 'Murat Yilmaz'], ['moeder', 'Sanne de Groot'], ['jeugdige', 'Noa Yilmaz']] as const) {
      for (const words of [REFUSAL, WHY, 'klacht', 'demo', ...caseWords.filter((w) => w !== own)]) expect(byWho(who), `${who}: ${words}`).not.toContain(words);
    }
    // The log keeps what it kept: that the request was carried out and the case destroyed, no addresses.
    const trail = await db.selectFrom('audit_events').select(['event', 'detail']).where('case_id', '=', 'demo').execute();
    expect(trail.map((t) => t.event)).toEqual(expect.arrayContaining(['vernietigingsverzoek-uitgevoerd', 'zaak-vernietigd']));
    for (const t of trail) expect(t.detail ?? '').not.toMatch(/@/);
  });
});

describe('a server killed after the mail server took a destruction mail, before it recorded that', () => {
  const children = childrenOnDataDir('tafel-queue-crash-');
  const MESSAGE_ID = /^<mail-[a-z0-9]+\.[0-9a-f]{16}@tafel\.gemeente\.example>$/;
  const smtp = suiteSmtp();

  it('the mail goes once more after a restart, with the Message-ID it was queued with, so the copy can be dropped', async () => {
    // No notice mail: only what the queue sends.
    const settings = { TAFEL_SMTP_URL: smtp.url, TAFEL_NOTICE_SEND_MS: '0', TAFEL_NOTICE_SWEEP_MS: '0', TAFEL_PUBLIC_URL: 'https://tafel.gemeente.example' };
    const dying = await children.start(settings);
    const [vader, regisseur] = [await signIn(dying.http, demoEmail('vader')), await signIn(dying.http, demoEmail('regisseur'))];
    expect((await requestAs(dying.http, vader, 'POST', URL, {})).status).toBe(201);
    const [request] = DestructionRequests.parse(await (await requestAs(dying.http, vader, 'GET', URL)).json()).requests;
    expect((await requestAs(dying.http, regisseur, 'POST', '/api/cases/demo/close', { reason: 'Het gezin vraagt om vernietiging; de hulp stopt.' })).status).toBe(200);
    // The mail server has the first mail; the sender dies before it hears "250" and can remove it from the queue.
    smtp.onTaken = async () => {
      smtp.onTaken = null;
      await dying.kill9();
    };
    await requestAs(dying.http, regisseur, 'POST', `${URL}/${request!.id}/answer`, { decision: 'uitvoeren' }).catch(() => null);
    await waitFor(() => smtp.received.length === 1 && dying.process.signalCode === 'SIGKILL', 20_000, 'the mail taken and the sender killed');

    const server = await startTafel({ dataDir: children.dataDir, settings });
    try {
      const { db } = server.tafel.services.sql;
      expect(await db.selectFrom('mail_queue').select('id').execute()).toHaveLength(3);
      // After the dead process's claim (2 minutes), the queue sends what it held, and the rest.
      await mailQueueOf(server.tafel.services).retryDue(new Date(Date.now() + 121_000));
      expect(await db.selectFrom('mail_queue').select('id').execute()).toEqual([]);
    } finally {
      await server.close();
    }
    const [first, ...rest] = smtp.received;
    expect(smtp.received.map((m) => m.subject)).toEqual(Array(4).fill('Het dossier is vernietigd'));
    const again = rest.filter((m) => recipientOf(m) === recipientOf(first!));
    expect(again).toHaveLength(1);
    expect(first!.messageId).toMatch(MESSAGE_ID);
    expect(again[0]!.messageId).toBe(first!.messageId);
    // Each of the three mails has its own Message-ID.
    expect(rest.map(recipientOf).sort()).toEqual(['jeugdige', 'moeder', 'vader'].map(demoEmail));
    for (const m of rest) expect(m.messageId).toMatch(MESSAGE_ID);
    expect(new Set(rest.map((m) => m.messageId)).size).toBe(3);
  });
});
