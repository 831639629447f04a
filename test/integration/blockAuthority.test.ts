import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { BlockAuthorship } from '../../shared/blocks/authorship.ts';
import type { CaseOverview } from '../../shared/overview.ts';
import { CloseCode, DOC_FIELD } from '../../shared/protocol.ts';
import { signedInTafel } from '../support/signedInTafel.ts';
import { connectSection, insertBlock, type SectionClient, within } from '../support/syncClient.ts';
import { requestAs, storesToTry } from '../support/tafelServer.ts';

const condition = (id: string, voorwaarde: string) => ({ id, voorwaarde, gesteldDoor: 'raad', waarom: 'Dit moet, zegt de Raad.' });

/** The first block element of this type in the client's copy. */
function blockIn(client: SectionClient, type: string): Y.XmlElement {
  for (const node of client.doc.getXmlFragment(DOC_FIELD).createTreeWalker(() => true)) if (node instanceof Y.XmlElement && node.nodeName === type) return node;
  throw new Error(`no ${type} block`);
}

describe.each(storesToTry('block authority'))('who may set a condition or a decision ($store)', ({ options }) => {
  const { server, cookie: cookies } = signedInTafel(['moeder', 'vader', 'raad', 'regisseur'], options);
  const overview = async (who: string) => (await (await requestAs(server.http, cookies[who]!, 'GET', '/api/cases/demo/overview')).json()) as CaseOverview;

  it('a parent’s condition "set by the Raad" in the family’s reaction is refused and never reaches the father', async () => {
    const mother = connectSection(server.ws, 'demo', 'reactie-gezin', cookies.moeder!);
    await mother.synced;
    insertBlock(mother, 'veiligheidsvoorwaarde', condition('vw-nep', 'Murat mag de kinderen niet meer zien.'));
    expect(await within(mother.closed, 5000, 'the socket to close')).toBe(CloseCode.invalidContent);
    mother.destroy();
    const plan = await overview('vader');
    expect(plan.voorwaarden.map((v) => v.voorwaarde)).not.toContain('Murat mag de kinderen niet meer zien.');
  });

  it('the parent can propose a condition as a comment instead', async () => {
    const res = await requestAs(server.http, cookies.moeder!, 'POST', '/api/cases/demo/sections/veiligheidsplan/threads', {
      anchor: { kind: 'block', blockId: 'voorwaarde-geen-geweld', quote: 'Veiligheidsvoorwaarde' },
      visibility: 'iedereen',
      body: 'Voorstel: ook geen geschreeuw waar de kinderen bij zijn.',
    });
    expect(res.status).toBe(200);
  });

  it('the Raad records a condition, and every reader sees the Raad as the one who set it', async () => {
    const raad = connectSection(server.ws, 'demo', 'besluit', cookies.raad!);
    await raad.synced;
    insertBlock(raad, 'veiligheidsvoorwaarde', condition('vw-raad', 'De kinderen slapen bij oma als er gedronken is.'));
    const seen = async () => (await overview('vader')).voorwaarden.find((v) => v.id === 'vw-raad');
    for (let i = 0; i < 50 && !(await seen()); i++) await new Promise((r) => setTimeout(r, 100));
    const set = await seen();
    expect(set?.author).toMatchObject({ name: 'Ingrid Visser', role: 'raad', organisationId: 'raad-kinderbescherming' });
    raad.destroy();
  });

  it('the demo’s conditions read as set by Veilig Thuis, from the stored author', async () => {
    const res = await requestAs(server.http, cookies.vader!, 'GET', '/api/cases/demo/sections/veiligheidsplan/blocks');
    const blocks = (await res.json()) as BlockAuthorship[];
    expect(blocks.find((b) => b.blockId === 'voorwaarde-geen-geweld')?.insertedBy).toMatchObject({ name: 'Karim El Amrani', role: 'veilig_thuis' });
    const decision = (await (await requestAs(server.http, cookies.vader!, 'GET', '/api/cases/demo/sections/besluit/blocks')).json()) as BlockAuthorship[];
    expect(decision.find((b) => b.blockId === 'besluit-tafel-1')?.insertedBy).toMatchObject({ name: 'Ingrid Visser', role: 'raad' });
  });

  it('the regisseur may write in the safety plan, but not change or remove a condition Veilig Thuis set', async () => {
    const eva = connectSection(server.ws, 'demo', 'veiligheidsplan', cookies.regisseur!);
    await eva.synced;
    blockIn(eva, 'veiligheidsvoorwaarde').setAttribute('data', condition('voorwaarde-geen-geweld', 'Afgezwakt.') as unknown as string);
    expect(await within(eva.closed, 5000, 'the socket to close')).toBe(CloseCode.invalidContent);
    eva.destroy();

    const again = connectSection(server.ws, 'demo', 'veiligheidsplan', cookies.regisseur!);
    await again.synced;
    const fragment = again.doc.getXmlFragment(DOC_FIELD);
    const index = fragment.toArray().findIndex((n) => n instanceof Y.XmlElement && n.nodeName === 'veiligheidsvoorwaarde');
    fragment.delete(index, 1);
    expect(await within(again.closed, 5000, 'the socket to close')).toBe(CloseCode.invalidContent);
    again.destroy();
    const plan = await overview('vader');
    expect(plan.voorwaarden.find((v) => v.id === 'voorwaarde-geen-geweld')?.voorwaarde).toMatch(/geen fysiek geweld/);
  });
});
