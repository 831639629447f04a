import { describe, expect, it } from 'vitest';
import { listen } from '../support/caseEvents.ts';
import { signedInTafel } from '../support/signedInTafel.ts';
import { demoEmail, describeAcrossProcesses, requestAs, signIn, storesToTry } from '../support/tafelServer.ts';

const STREAM = '/api/notices/events';
const counts = (stream: ReturnType<typeof listen>) => stream.events.filter((e) => e.type === 'notices').map((e) => e.unread);

/** Waits until the stream has had `n` counts, at most `ms`; resolves with how long it took. */
async function nthCount(stream: ReturnType<typeof listen>, n: number, ms: number): Promise<number> {
  const start = Date.now();
  while (counts(stream).length < n) {
    if (Date.now() - start > ms) throw new Error(`no count ${n} within ${ms} ms (had ${JSON.stringify(counts(stream))})`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return Date.now() - start;
}

/** A comment by the regisseur on the family section that names the mother: a notice for her. */
const nameTheMother = (http: string, regisseur: string) =>
  requestAs(http, regisseur, 'POST', '/api/cases/demo/sections/gezin/threads', {
    anchor: { kind: 'block', blockId: 'blok-1234', quote: '' },
    visibility: 'iedereen',
    body: 'Klopt dit, @[Sanne de Groot](moeder)?',
  });

describe.each(storesToTry('notice stream'))('the header count is pushed, only to its reader ($store)', ({ options }) => {
  const { server, cookie } = signedInTafel(['regisseur', 'moeder', 'vader'], { ...options, settings: { TAFEL_NOTICE_SEND_MS: '0', TAFEL_NOTICE_SWEEP_MS: '0' } });

  it('a new notice shows in her open header within a second; the father hears nothing of it', async () => {
    const mother = listen(server.http, cookie.moeder!, STREAM);
    const father = listen(server.http, cookie.vader!, STREAM);
    await Promise.all([mother.ready, father.ready]);
    await Promise.all([nthCount(mother, 1, 2000), nthCount(father, 1, 2000)]);
    expect(counts(mother)).toEqual([0]);
    expect((await nameTheMother(server.http, cookie.regisseur!)).status).toBe(200);
    expect(await nthCount(mother, 2, 1000)).toBeLessThan(1000);
    expect(counts(mother)).toEqual([0, 1]);
    // Only the count: no kind, no case, no text.
    for (const e of mother.events) expect(Object.keys(e).sort()).toEqual(['at', 'type', 'unread']);
    await new Promise((r) => setTimeout(r, 300));
    expect(counts(father)).toEqual([0]);
    // Read on another device: the open header follows.
    expect((await requestAs(server.http, cookie.moeder!, 'POST', '/api/notices/read', {})).status).toBe(200);
    await nthCount(mother, 3, 1000);
    expect(counts(mother)).toEqual([0, 1, 0]);
    mother.close();
    father.close();
  });

  it('signed out, the stream ends; without a session there is none', async () => {
    const own = await signIn(server.http, demoEmail('vader'));
    const stream = listen(server.http, own, STREAM);
    await stream.ready;
    await nthCount(stream, 1, 2000);
    expect((await requestAs(server.http, own, 'DELETE', '/api/session')).status).toBeLessThan(300);
    const start = Date.now();
    while (!stream.ended() && Date.now() - start < 2000) await new Promise((r) => setTimeout(r, 20));
    expect(stream.ended()).toBe(true);
    expect((await fetch(`${server.http}${STREAM}`)).status).toBe(401);
  });

  it('a session that expired hears no more counts: its stream ends at the next change', async () => {
    const own = await signIn(server.http, demoEmail('moeder'));
    const stream = listen(server.http, own, STREAM);
    await stream.ready;
    await nthCount(stream, 1, 2000);
    const before = counts(stream).length;
    const { sql } = server.tafel.services;
    await sql.db.updateTable('sessions').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('user_id', '=', 'moeder').execute();
    expect((await nameTheMother(server.http, cookie.regisseur!)).status).toBe(200);
    const start = Date.now();
    while (!stream.ended() && Date.now() - start < 2000) await new Promise((r) => setTimeout(r, 20));
    expect(stream.ended()).toBe(true);
    expect(counts(stream)).toHaveLength(before);
  });
});

describeAcrossProcesses('the header count across two processes (PostgreSQL and Redis)', (processes) => {
  it('a notice made on one process reaches her header on the other within a second', async () => {
    const { a, b } = processes;
    const mother = listen(b.http, await signIn(b.http, demoEmail('moeder')), STREAM);
    await mother.ready;
    await nthCount(mother, 1, 2000);
    expect((await nameTheMother(a.http, await signIn(a.http, demoEmail('regisseur')))).status).toBe(200);
    expect(await nthCount(mother, 2, 1000)).toBeLessThan(1000);
    expect(counts(mother)).toEqual([0, 1]);
    mother.close();
  });
});
