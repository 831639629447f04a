import { describe, expect, it } from 'vitest';
import type { ThreadView } from '../../shared/comments.ts';
import { signedInTafel } from '../support/signedInTafel.ts';

const SECTION = 'aanleiding';

describe('closing a comment thread ("Afhandelen"): who started it, or a professional who writes the section', () => {
  const { api } = signedInTafel(['regisseur', 'gw', 'moeder', 'vader']);
  const start = async (who: string, body: string): Promise<ThreadView> => {
    const res = await api(who, 'POST', `/api/cases/demo/sections/${SECTION}/threads`, {
      anchor: { kind: 'block', blockId: 'aanleiding-vraag', quote: 'Wat vraagt het gezin zelf?' },
      visibility: 'iedereen',
      body,
    });
    expect(res.status).toBe(200);
    return (await res.json()) as ThreadView;
  };
  const resolve = (who: string, id: string, resolved = true) => api(who, 'POST', `/api/cases/demo/threads/${id}/resolve`, { resolved });
  const current = async (id: string) => ((await (await api('regisseur', 'GET', `/api/cases/demo/sections/${SECTION}/threads`)).json()) as ThreadView[]).find((t) => t.id === id)!;

  it("the mother cannot close a professional's question; the regisseur can", async () => {
    const question = await start('regisseur', 'Sanne, klopt het dat de schuldhulp in januari start?');
    const refused = await resolve('moeder', question.id);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain('Alleen wie deze reactie begon');
    expect((await current(question.id)).resolvedAt).toBeNull();

    // The mother answers, which she may; the question stays open until the regisseur closes it.
    expect((await api('moeder', 'POST', `/api/cases/demo/threads/${question.id}/comments`, { body: 'Ja, op 12 januari.' })).status).toBe(200);
    expect((await current(question.id)).resolvedAt).toBeNull();
    expect((await resolve('regisseur', question.id)).status).toBe(200);
    expect((await current(question.id)).resolvedBy).toBe('Eva Jansen');
    // Nor may she reopen it.
    expect((await resolve('moeder', question.id, false)).status).toBe(403);
    expect((await current(question.id)).resolvedAt).not.toBeNull();
  });

  it("a parent closes her own reaction, not the other parent's; a commenting reviewer only her own", async () => {
    const own = await start('moeder', 'Ik wil hier nog iets over zeggen.');
    expect((await resolve('vader', own.id)).status).toBe(403);
    expect((await current(own.id)).resolvedAt).toBeNull();
    expect((await resolve('moeder', own.id)).status).toBe(200);
    expect((await current(own.id)).resolvedBy).toBe('Sanne de Groot');

    // The gedragswetenschapper comments on this section but does not write it.
    const other = await start('regisseur', 'Nog aanvullen met de hulpvraag van Murat.');
    expect((await resolve('gw', other.id)).status).toBe(403);
    const hers = await start('gw', 'Graag de bron van deze zin.');
    expect((await resolve('gw', hers.id)).status).toBe(200);
  });
});
