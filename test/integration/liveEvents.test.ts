import { afterAll, describe, expect, it, vi } from 'vitest';
import { CaseDetail } from '../../shared/api.ts';
import { listen } from '../support/caseEvents.ts';
import { signedInTafel } from '../support/signedInTafel.ts';
import { appendParagraph, connectSection, type SectionClient, waitFor } from '../support/syncClient.ts';
import { requestAs, } from '../support/tafelServer.ts';

/** Live events while people type: each reaches only those who may read the section it is about. */
describe('live events about sections', () => {
  const { server, cookie } = signedInTafel(['regisseur', 'moeder']);
  const open: SectionClient[] = [];
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const sectionsOf = async (who: string) => CaseDetail.parse(await (await requestAs(server.http, cookie[who]!, 'GET', '/api/cases/demo')).json()).sections;
  const editor = async (sectionId: string) => {
    const client = connectSection(server.ws, 'demo', sectionId, cookie.regisseur!);
    open.push(client);
    await client.synced;
    return client;
  };

  afterAll(async () => {
    for (const c of open) c.destroy();
  });

  it('the mother hears nothing of typing in a section she may not see, and does hear it in one she may', async () => {
    const mine = new Set((await sectionsOf('moeder')).map((s) => s.id));
    const editable = (await sectionsOf('regisseur')).filter((s) => s.access === 'edit');
    const hidden = editable.filter((s) => !mine.has(s.id)).map((s) => s.id);
    const shared = editable.find((s) => mine.has(s.id))!.id;
    expect(hidden.length).toBeGreaterThanOrEqual(3);

    const clients = await Promise.all(hidden.slice(0, 3).map(editor));
    const mother = listen(server.http, cookie.moeder!);
    const regisseur = listen(server.http, cookie.regisseur!);
    await Promise.all([mother.ready, regisseur.ready]);
    await sleep(300);
    mother.events.length = 0;
    regisseur.events.length = 0;

    const reads = vi.spyOn(server.tafel.services.cases, 'accessContext');
    // In one turn, so the server stores and announces the three sections in one flush.
    for (const [i, c] of clients.entries()) appendParagraph(c.doc, `Overleg tussen professionals ${i}`);
    await waitFor(() => regisseur.events.filter((e) => e.what === 'sections').length >= clients.length, 3000, 'the regisseur hears of all three sections');
    await sleep(500);
    expect(mother.events).toEqual([]);
    expect(mother.raw.join('')).not.toMatch(new RegExp(hidden.join('|')));
    // Deciding the audience of the three events read the case's consents and grants once.
    expect(reads).toHaveBeenCalledTimes(1);
    reads.mockRestore();

    const both = await editor(shared);
    appendParagraph(both.doc, 'Afspraak voor iedereen');
    await waitFor(() => mother.events.some((e) => e.what === 'sections'), 3000, 'the mother hears of the section she can read');
    mother.close();
    regisseur.close();
  });
});
