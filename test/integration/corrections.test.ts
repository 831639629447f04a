import { beforeAll, describe, expect, it } from 'vitest';
import { ThreadView } from '../../shared/comments.ts';
import { signedInTafel } from '../support/signedInTafel.ts';

const SECTION = 'aanleiding';
const ANCHOR = { kind: 'block', blockId: 'glas-kapot', quote: 'Er is een glas kapot gegooid.' } as const;

describe('a family member asks for a correction or a removal; someone who may edit answers it', () => {
  const { api } = signedInTafel(['regisseur', 'gw', 'moeder']);
  const threadsOf = async (who: string) => ThreadView.array().parse(await (await api(who, 'GET', `/api/cases/demo/sections/${SECTION}/threads`)).json());
  const ask = (who: string, body: string) => api(who, 'POST', `/api/cases/demo/sections/${SECTION}/threads`, { anchor: ANCHOR, visibility: 'iedereen', kind: 'correctieverzoek', body });
  const answer = (who: string, threadId: string, outcome: string, body: string) => api(who, 'POST', `/api/cases/demo/threads/${threadId}/decision`, { outcome, body });
  const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string; field?: string } }).error;
  const logged = async (event: string) => {
    const log = (await (await api('regisseur', 'GET', '/api/cases/demo/audit?own=true')).json()) as { entries: { event: string; who: string; sectionId: string | null }[] };
    return log.entries.filter((e) => e.event === event);
  };
  let request: ThreadView;

  beforeAll(async () => {
    const res = await ask('moeder', 'Het glas is gevallen, niet gegooid. Wilt u dat verbeteren?');
    expect(res.status).toBe(200);
    request = ThreadView.parse(await res.json());
  });

  it('the request is stored as one, open, for the family and the professionals alike, and logged', async () => {
    expect(request).toMatchObject({ kind: 'correctieverzoek', decision: null, resolvedAt: null, visibility: 'iedereen' });
    for (const who of ['moeder', 'regisseur', 'gw']) expect((await threadsOf(who)).find((t) => t.id === request.id)?.kind).toBe('correctieverzoek');
    expect(await logged('correctie-gevraagd')).toEqual([expect.objectContaining({ who: 'Sanne de Groot', sectionId: SECTION })]);
  });

  it('comes from the family only', async () => {
    const res = await api('regisseur', 'POST', `/api/cases/demo/sections/${SECTION}/threads`, { anchor: ANCHOR, visibility: 'iedereen', kind: 'correctieverzoek', body: 'Namens moeder' });
    expect(res.status).toBe(403);
    expect((await errorOf(res)).field).toBe('kind');
  });

  it('cannot be closed without an answer, by anyone', async () => {
    for (const who of ['regisseur', 'moeder']) {
      const res = await api(who, 'POST', `/api/cases/demo/threads/${request.id}/resolve`, { resolved: true });
      expect(res.status).toBe(409);
      expect((await errorOf(res)).message).toBe('Een verzoek om verbetering sluit je met een antwoord: verbeterd of niet verbeterd, en waarom.');
    }
    expect((await threadsOf('moeder')).find((t) => t.id === request.id)?.resolvedAt).toBeNull();
  });

  it('is answered only by someone who may edit the section, and only with a reason', async () => {
    expect((await answer('regisseur', request.id, 'verbeterd', '  ')).status).toBe(400);
    expect((await answer('regisseur', request.id, 'misschien', 'Nee')).status).toBe(400);
    // The behavioural scientist and the mother may comment here, not edit.
    for (const who of ['gw', 'moeder']) expect((await answer(who, request.id, 'verbeterd', 'Gedaan')).status).toBe(403);
    expect((await threadsOf('moeder')).find((t) => t.id === request.id)?.decision).toBeNull();
  });

  it('the answer, its reason and who gave it reach the mother, in the app and in her copy; a second answer is refused', async () => {
    const res = await answer('regisseur', request.id, 'verbeterd', 'Ik heb "gegooid" veranderd in "gevallen".');
    expect(res.status).toBe(200);
    const seen = (await threadsOf('moeder')).find((t) => t.id === request.id)!;
    expect(seen.decision).toMatchObject({ outcome: 'verbeterd', by: 'Eva Jansen' });
    expect(seen.resolvedAt).not.toBeNull();
    expect(seen.comments.at(-1)).toMatchObject({ author: { name: 'Eva Jansen' }, body: 'Ik heb "gegooid" veranderd in "gevallen".' });
    expect(await logged('correctie-beantwoord')).toEqual([expect.objectContaining({ who: 'Eva Jansen', sectionId: SECTION })]);

    const copy = await (await api('moeder', 'GET', '/api/cases/demo/export')).text();
    expect(copy).toContain('Verzoek om verbetering: verbeterd door Eva Jansen');

    const again = await answer('regisseur', request.id, 'niet_verbeterd', 'Toch niet.');
    expect(again.status).toBe(409);
    expect((await threadsOf('moeder')).find((t) => t.id === request.id)!.decision?.outcome).toBe('verbeterd');
  });

  it('a request to remove something gets its own answers, and is logged as such', async () => {
    const res = await api('moeder', 'POST', `/api/cases/demo/sections/${SECTION}/threads`, { anchor: ANCHOR, visibility: 'iedereen', kind: 'verwijderverzoek', body: 'Dit gaat over mijn buurvrouw, niet over ons. Wilt u het weghalen?' });
    expect(res.status).toBe(200);
    const removal = ThreadView.parse(await res.json());
    expect(removal).toMatchObject({ kind: 'verwijderverzoek', decision: null });
    const wrong = await answer('regisseur', removal.id, 'verbeterd', 'Gedaan');
    expect(wrong.status).toBe(400);
    expect((await errorOf(wrong)).field).toBe('outcome');
    expect((await answer('regisseur', removal.id, 'niet_verwijderd', 'Het hoort bij de melding; het blijft staan.')).status).toBe(200);
    expect((await threadsOf('moeder')).find((t) => t.id === removal.id)?.decision?.outcome).toBe('niet_verwijderd');
    expect(await logged('verwijdering-gevraagd')).toHaveLength(1);
    expect(await logged('verwijdering-beantwoord')).toEqual([expect.objectContaining({ who: 'Eva Jansen', sectionId: SECTION })]);
    const copy = await (await api('moeder', 'GET', '/api/cases/demo/export')).text();
    expect(copy).toContain('Verzoek om verwijdering: niet verwijderd door Eva Jansen');
  });

  it('an ordinary reaction has no answer to give', async () => {
    const res = await api('moeder', 'POST', `/api/cases/demo/sections/${SECTION}/threads`, { anchor: ANCHOR, visibility: 'iedereen', body: 'Gewoon een reactie.' });
    const reaction = ThreadView.parse(await res.json());
    expect(reaction.kind).toBe('reactie');
    expect((await answer('regisseur', reaction.id, 'verbeterd', 'Gedaan')).status).toBe(409);
  });
});
