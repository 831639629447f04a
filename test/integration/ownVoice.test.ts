import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CaseDetail } from '../../shared/api.ts';
import { CloseCode } from '../../shared/protocol.ts';
import { ownVoiceMigration } from '../../server/store/migrations/0014_own_voice.ts';
import { ownVoiceChildrenMigration } from '../../server/store/migrations/0015_own_voice_children.ts';
import { storedUpdates } from '../support/demoAccess.ts';
import { RawYClient } from '../support/rawYClient.ts';
import { blockElement, waitFor } from '../support/syncClient.ts';
import { type RunningTafel, requestAs, signIn, startTafel, storesToTry } from '../support/tafelServer.ts';

const REACTION = 'reactie-besluit-sanne';

const element = (name: string, ...children: (Y.XmlElement | Y.XmlText)[]) => {
  const el = new Y.XmlElement(name);
  el.insert(0, children);
  return el;
};
const text = (t: string, format?: Record<string, unknown>) => {
  const x = new Y.XmlText();
  x.insert(0, t, format);
  return x;
};

describe.each(storesToTry('own voice'))("a person's own words and reaction, at the wire ($store)", ({ options }) => {
  let server: RunningTafel;
  const cookie: Record<string, string> = {};
  const stored = (sectionId: string) => storedUpdates(server, sectionId);
  const levelOf = async (account: string, sectionId: string) => {
    const detail = CaseDetail.parse(await (await requestAs(server.http, cookie[account]!, 'GET', '/api/cases/demo')).json());
    return detail.sections.find((s) => s.id === sectionId)?.access ?? 'none';
  };
  /** Opens the section as `account`, writes a line (or makes `change`) and says how the server answered. */
  async function tryToWrite(account: string, sectionId: string, text: string, change?: (fragment: Y.XmlFragment) => void): Promise<'stored' | number> {
    const client = new RawYClient(`${server.ws}/sync/demo/${sectionId}`, cookie[account]!);
    await client.socket.opened;
    client.requestState();
    await waitFor(() => client.documentBytes > 0, 5000, `${account}: content`);
    const before = await stored(sectionId);
    if (change) client.change(change);
    else client.write(text);
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
    server = await startTafel(options);
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

  it('her own words are plain: a list and bold go in; a heading, a table, a block or a source mark is refused (4422)', async () => {
    const list = (f: Y.XmlFragment) => f.push([element('bulletList', element('listItem', element('paragraph', text('Ik wil '), text('rust', { bold: {} }), text(' in huis.'))))]);
    expect(await tryToWrite('moeder', 'eigen-woorden-sanne', '', list)).toBe('stored');
    const refused: Record<string, (f: Y.XmlFragment) => void> = {
      heading: (f) => {
        const h = element('heading', text('Kop'));
        h.setAttribute('level', 2 as never);
        f.push([h]);
      },
      table: (f) => f.push([element('table', element('tableRow', element('tableCell', element('paragraph', text('cel')))))]),
      block: (f) => f.push([blockElement('actie', { id: 'actie-eigen', taak: 'Iets', eigenaar: 'Sanne', deadline: '2027-01-01', status: 'open', levensgebied: 'financien' })]),
      source: (f) => f.push([element('paragraph', text('Dit is een feit.', { bron: { soort: 'feit', bron: 'ik' } }))]),
    };
    for (const [what, change] of Object.entries(refused)) expect(await tryToWrite('moeder', 'eigen-woorden-sanne', '', change), what).toBe(CloseCode.invalidContent);
    // The same table in a section that is not someone's own voice is fine.
    expect(await tryToWrite('regisseur', 'aanleiding', '', refused.table!)).toBe('stored');
  });

  it("the young person writes her own reaction; for a child under 12 the regisseur writes down what he said", async () => {
    expect(await levelOf('jeugdige', 'reactie-jeugdige-noa')).toBe('edit');
    expect(await tryToWrite('jeugdige', 'reactie-jeugdige-noa', 'Noa voegt toe')).toBe('stored');
    expect(await tryToWrite('moeder', 'reactie-jeugdige-noa', 'Sanne schrijft bij Noa')).toBe(CloseCode.readOnly);
    expect(await tryToWrite('regisseur', 'reactie-jeugdige-noa', 'Eva schrijft bij Noa')).toBe(CloseCode.readOnly);
    // Daan is 8 and has no account.
    expect(await levelOf('regisseur', 'reactie-jeugdige-daan')).toBe('edit');
    expect(await levelOf('moeder', 'reactie-jeugdige-daan')).toBe('comment');
    expect(await tryToWrite('regisseur', 'reactie-jeugdige-daan', 'Daan zei ook iets')).toBe('stored');
  });

  it('the migration gives the adults of an existing case their own sections, in catalogue order', async () => {
    const { db } = server.tafel.services.sql;
    const ids = ['eigen-woorden-sanne', 'eigen-woorden-murat', 'reactie-besluit-sanne', 'reactie-besluit-murat', 'reactie-jeugdige-noa', 'reactie-jeugdige-daan'];
    const order = async () => (await db.selectFrom('sections').select(['id', 'title', 'position']).where('case_id', '=', 'demo').orderBy('position').execute()).map((r) => r.id);
    const seeded = await order();
    await db.deleteFrom('sections').where('case_id', '=', 'demo').where('id', 'in', ids).execute();
    await ownVoiceMigration.up(db);
    await ownVoiceChildrenMigration.up(db);
    expect(await order()).toEqual(seeded);
    const titles = await db.selectFrom('sections').select(['id', 'title']).where('case_id', '=', 'demo').where('id', 'in', ids).orderBy('id').execute();
    expect(titles.map((t) => t.title)).toEqual(['In eigen woorden: Murat', 'In eigen woorden: Sanne', 'Reactie op het besluit: Murat', 'Reactie op het besluit: Sanne', 'Reactie op het besluit: Daan', 'Reactie op het besluit: Noa']);
    // Run again: nothing twice.
    await ownVoiceMigration.up(db);
    await ownVoiceChildrenMigration.up(db);
    expect(await order()).toEqual(seeded);
  });
});
