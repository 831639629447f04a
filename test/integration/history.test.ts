import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import type { VersionDetail, VersionView } from '../../shared/history.ts';
import { DOC_FIELD } from '../../shared/protocol.ts';
import { signedInTafel } from '../support/signedInTafel.ts';
import { appendParagraph, connectSection, type SectionClient, waitFor } from '../support/syncClient.ts';

const SECTION = 'opvoeding';
const ROOM = `demo/${SECTION}`;
const SEED_START = 'Sanne en Murat zijn betrokken ouders.';

describe('version history: sessions, authors, diff per author, restore', () => {
  const { server, cookie, api } = signedInTafel(['regisseur', 'vt', 'gi', 'moeder', 'oma']);
  const clients: SectionClient[] = [];
  const base = `/api/cases/demo/sections/${SECTION}/versions`;
  const versions = async (who = 'regisseur') => (await (await api(who, 'GET', base)).json()) as VersionView[];
  const detail = async (id: number, who = 'regisseur') => (await (await api(who, 'GET', `${base}/${id}`)).json()) as VersionDetail;
  const rows = () => server.tafel.services.sql.db.selectFrom('doc_updates').select(['id', 'user_id']).where('room', '=', ROOM).orderBy('id').execute();
  const open = async (who: string) => {
    const c = connectSection(server.ws, 'demo', SECTION, cookie[who]!);
    clients.push(c);
    await c.synced;
    return c;
  };
  const runs = (d: VersionDetail) => d.diff.flatMap((b) => b.runs);
  let seedVersion: number;
  let karimVersion: number;
  let karim: SectionClient;
  let eva: SectionClient;

  afterAll(async () => {
    for (const c of clients) c.destroy();
  });

  it('two authors editing in turn make two versions, each with its author', async () => {
    karim = await open('vt');
    eva = await open('regisseur');
    // Karim adds a paragraph and deletes the opening words of the seeded text.
    appendParagraph(karim.doc, 'Karim: de ouders willen allebei hulp bij de opvoeding.');
    karim.doc.transact(() => {
      const paragraph = karim.doc.getXmlFragment(DOC_FIELD).get(1) as Y.XmlElement;
      (paragraph.get(0) as Y.XmlText).delete(0, 'Sanne en Murat zijn '.length);
    });
    await waitFor(() => eva.text().includes('Karim: de ouders') && !eva.text().includes(SEED_START), 5000, 'Karim’s edits reach Eva');
    // Karim's session was twenty minutes ago (longer than the session gap).
    await sql`update doc_updates set created_at = created_at - ${20 * 60_000} where room = ${ROOM} and user_id = 'vt'`.execute(server.tafel.services.sql.db);

    appendParagraph(eva.doc, 'Eva: afspraak met de opvoedondersteuner gemaakt.');
    await waitFor(() => karim.text().includes('Eva: afspraak'), 5000, 'Eva’s edit reaches Karim');

    const list = await versions();
    expect(list.map((v) => v.authors.map((a) => a.name))).toEqual([['Eva Jansen'], ['Karim El Amrani'], ['Eva Jansen']]);
    expect(Date.parse(list[0]!.until)).toBeGreaterThan(Date.parse(list[1]!.until));
    [, { id: karimVersion }, { id: seedVersion }] = list as [VersionView, VersionView, VersionView];
    // The family sees who wrote what about them.
    expect((await versions('moeder')).map((v) => v.id)).toEqual(list.map((v) => v.id));
  });

  it('the diff against now attributes additions and deletions to who made them', async () => {
    const sinceKarim = await detail(karimVersion);
    expect(sinceKarim.version).toMatchObject({ id: karimVersion, authors: [{ userId: 'vt', name: 'Karim El Amrani' }] });
    const changed = runs(sinceKarim).filter((r) => r.kind !== 'same');
    expect(changed).toEqual([{ kind: 'added', text: 'Eva: afspraak met de opvoedondersteuner gemaakt.', by: { userId: 'regisseur', name: 'Eva Jansen' } }]);

    const sinceSeed = await detail(seedVersion);
    const all = runs(sinceSeed);
    expect(all).toContainEqual({ kind: 'removed', text: 'Sanne en Murat zijn ', by: { userId: 'vt', name: 'Karim El Amrani' } });
    expect(all).toContainEqual({ kind: 'added', text: 'Karim: de ouders willen allebei hulp bij de opvoeding.', by: { userId: 'vt', name: 'Karim El Amrani' } });
    expect(all).toContainEqual({ kind: 'added', text: 'Eva: afspraak met de opvoedondersteuner gemaakt.', by: { userId: 'regisseur', name: 'Eva Jansen' } });
    expect(all.filter((r) => r.kind === 'same').every((r) => r.by === null)).toBe(true);
    // The version itself, read-only, as ProseMirror JSON: the seeded text, nothing later.
    const content = JSON.stringify(sinceSeed.content);
    expect(content).toContain(SEED_START);
    expect(content).not.toContain('Karim:');
    expect(sinceSeed.content).toMatchObject({ type: 'doc' });
    // A block keeps its place in the diff as one line.
    expect(all.some((r) => r.kind === 'same' && r.text.startsWith('Zorg: '))).toBe(true);
  });

  it('restoring a version is one new change by the restorer that reaches connected clients; history stays', async () => {
    const before = await rows();
    const res = await api('gi', 'POST', `${base}/${seedVersion}/restore`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ restoredFrom: seedVersion, changed: true });
    await waitFor(() => karim.text().includes(SEED_START) && !karim.text().includes('Karim:') && !karim.text().includes('Eva:'), 5000, 'restored text reaches Karim');
    await waitFor(() => eva.text() === karim.text(), 5000, 'both clients agree');

    const after = await rows();
    expect(after.length).toBe(before.length + 1);
    expect(after.at(-1)!.user_id).toBe('gi');
    // The restore follows Eva's edit within the session gap: one version by both of them.
    const list = await versions();
    expect(list.map((v) => v.authors.map((a) => a.name))).toEqual([['Eva Jansen', 'Tom Bos'], ['Karim El Amrani'], ['Eva Jansen']]);
    expect(list.slice(1).map((v) => v.id)).toEqual([karimVersion, seedVersion]);
    // Older versions are still there to open.
    expect((await detail(karimVersion)).version.id).toBe(karimVersion);
    // Since the restore, nothing differs from the seeded version any more.
    expect(runs(await detail(after.at(-1)!.id)).every((r) => r.kind === 'same')).toBe(true);
    const sinceSeed = runs(await detail(seedVersion));
    expect(sinceSeed.every((r) => r.kind === 'same')).toBe(true);
  });

  it('only writers restore; sections the caller cannot read have no history for them', async () => {
    const family = await api('moeder', 'POST', `${base}/${seedVersion}/restore`);
    expect(family.status).toBe(403);
    expect((await api('regisseur', 'GET', `${base}/999999`)).status).toBe(404);
    expect((await api('regisseur', 'GET', `${base}/abc`)).status).toBe(404);
    expect((await api('regisseur', 'POST', `${base}/999999/restore`)).status).toBe(404);
    // A row of another room is not a version of this one.
    const other = await server.tafel.services.sql.db.selectFrom('doc_updates').select('id').where('room', '=', 'demo/aanleiding').executeTakeFirstOrThrow();
    expect((await api('regisseur', 'GET', `${base}/${other.id}`)).status).toBe(404);
    const hidden = await api('oma', 'GET', base);
    expect(hidden.status).toBe(404);
    expect(await hidden.text()).toBe(await (await api('oma', 'GET', '/api/cases/demo/sections/bestaat-niet/versions')).text());
  });
});
