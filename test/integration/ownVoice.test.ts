import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseDetail } from '../../shared/api.ts';
import { CloseCode } from '../../shared/protocol.ts';
import { ownVoiceMigration } from '../../server/store/migrations/0014_own_voice.ts';
import { RawYClient } from '../support/rawYClient.ts';
import { waitFor } from '../support/syncClient.ts';
import { type RunningTafel, requestAs, signIn, startTafel } from '../support/tafelServer.ts';

const REACTION = 'reactie-besluit-sanne';

describe("a parent's own words and reaction, at the wire", () => {
  let server: RunningTafel;
  const cookie: Record<string, string> = {};
  const stored = async (sectionId: string) => {
    const row = await server.tafel.services.sql.db
      .selectFrom('doc_updates')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('room', '=', `demo/${sectionId}`)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  const levelOf = async (account: string, sectionId: string) => {
    const detail = CaseDetail.parse(await (await requestAs(server.http, cookie[account]!, 'GET', '/api/cases/demo')).json());
    return detail.sections.find((s) => s.id === sectionId)?.access ?? 'none';
  };
  /** Opens the section as `account`, writes a line and says how the server answered. */
  async function tryToWrite(account: string, sectionId: string, text: string): Promise<'stored' | number> {
    const client = new RawYClient(`${server.ws}/sync/demo/${sectionId}`, cookie[account]!);
    await client.socket.opened;
    client.requestState();
    await waitFor(() => client.documentBytes > 0, 5000, `${account}: content`);
    const before = await stored(sectionId);
    client.write(text);
    const outcome = await Promise.race([
      client.socket.closed.then(({ code }) => code),
      (async () => {
        for (let i = 0; i < 50; i++) {
          if ((await stored(sectionId)) > before) return 'stored' as const;
          await new Promise((r) => setTimeout(r, 50));
        }
        return 'nothing' as const;
      })(),
    ]);
    client.close();
    if (outcome === 'nothing') throw new Error(`${account}: neither stored nor refused`);
    return outcome;
  }

  beforeAll(async () => {
    server = await startTafel();
    for (const a of ['moeder', 'vader', 'jeugdige', 'oma', 'regisseur', 'raad']) cookie[a] = await signIn(server.http, `${a}@demo.tafel`);
  });
  afterAll(() => server.close());

  it('the mother writes her own reaction to the decision; everyone else in the case reads and comments', async () => {
    expect(await levelOf('moeder', REACTION)).toBe('edit');
    for (const a of ['vader', 'jeugdige', 'regisseur', 'raad']) expect(await levelOf(a, REACTION), a).toBe('comment');
    expect(await levelOf('oma', REACTION)).toBe('none');
    expect(await tryToWrite('moeder', REACTION, 'Sanne voegt toe')).toBe('stored');
  });

  it("the father cannot change the mother's reaction, nor can the regisseur: 4409, and nothing is stored", async () => {
    const before = await stored(REACTION);
    expect(await tryToWrite('vader', REACTION, 'Murat schrijft bij Sanne')).toBe(CloseCode.readOnly);
    expect(await tryToWrite('regisseur', 'eigen-woorden-murat', 'Eva schrijft bij Murat')).toBe(CloseCode.readOnly);
    expect(await stored(REACTION)).toBe(before);
  });

  it('a grant of edit by the regisseur does not open it: only the person writes her own voice', async () => {
    const res = await requestAs(server.http, cookie.regisseur!, 'POST', '/api/cases/demo/grants', { sectionId: REACTION, userId: 'vader', level: 'edit', reason: 'Proberen' });
    expect(res.status).toBeLessThan(300);
    expect(await levelOf('vader', REACTION)).toBe('comment');
    expect(await tryToWrite('vader', REACTION, 'Toch bij Sanne')).toBe(CloseCode.readOnly);
  });

  it('the migration gives the adults of an existing case their own sections, in catalogue order', async () => {
    const { db } = server.tafel.services.sql;
    const ids = ['eigen-woorden-sanne', 'eigen-woorden-murat', 'reactie-besluit-sanne', 'reactie-besluit-murat'];
    const order = async () => (await db.selectFrom('sections').select(['id', 'title', 'position']).where('case_id', '=', 'demo').orderBy('position').execute()).map((r) => r.id);
    const seeded = await order();
    await db.deleteFrom('sections').where('case_id', '=', 'demo').where('id', 'in', ids).execute();
    await ownVoiceMigration.up(db);
    expect(await order()).toEqual(seeded);
    const titles = await db.selectFrom('sections').select(['id', 'title']).where('case_id', '=', 'demo').where('id', 'in', ids).orderBy('id').execute();
    expect(titles.map((t) => t.title)).toEqual(['In eigen woorden: Murat', 'In eigen woorden: Sanne', 'Reactie op het besluit: Murat', 'Reactie op het besluit: Sanne']);
    // Run again: nothing twice.
    await ownVoiceMigration.up(db);
    expect(await order()).toEqual(seeded);
  });
});
