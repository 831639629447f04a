import { afterAll, describe, expect, it } from 'vitest';
import { AuditLogView } from '../../shared/api.ts';
import { RawYClient } from '../support/rawYClient.ts';
import { signedInTafel } from '../support/signedInTafel.ts';
import { waitFor } from '../support/syncClient.ts';

/** "Wie heeft mijn dossier bekeken": "Eva Jansen las 2 onderdelen", once a day, however often she opened them. */
describe('the family’s log shows one entry per person and day', () => {
  const { server, cookie, api } = signedInTafel(['moeder', 'regisseur']);
  const sockets: RawYClient[] = [];
  afterAll(() => {
    for (const c of sockets) c.close();
  });
  const logOf = async (who: string) => {
    const res = await api(who, 'GET', '/api/cases/demo/audit');
    expect(res.status).toBe(200);
    return AuditLogView.parse(await res.json());
  };
  const rows = async (section: string) => (await server.tafel.services.audit.forCase('demo')).filter((r) => r.event === 'sectie-bekeken' && r.user_id === 'regisseur' && r.section_id === section);
  /** Opens a section as the regisseur, reads it and closes it again: one logged look. */
  const open = async (section: string) => {
    const before = (await rows(section)).length;
    const c = new RawYClient(`${server.ws}/sync/demo/${section}`, cookie.regisseur!);
    sockets.push(c);
    await c.socket.opened;
    c.requestState();
    await waitFor(() => c.documentBytes > 0, 5000, `the regisseur reads ${section}`);
    const deadline = Date.now() + 5000;
    while ((await rows(section)).length === before) {
      if (Date.now() > deadline) throw new Error(`the look at ${section} was not logged`);
      await new Promise((r) => setTimeout(r, 50));
    }
    c.close();
  };

  it('right after the demo starts nobody has looked yet, so there is nothing to show', async () => {
    expect((await logOf('moeder')).entries).toEqual([]);
  });

  it('one person’s looks on one day are one entry, listing each section once with how often; the log itself keeps every opening', async () => {
    await open('aanleiding');
    await open('aanleiding');
    await open('plan');
    await open('aanleiding');
    const looks = (await logOf('moeder')).entries.filter((e) => e.event === 'sectie-bekeken');
    expect(looks.map((e) => [e.who, e.organisation, e.sectionId, e.sections?.map((s) => [s.title, s.times ?? 1])])).toEqual([
      ['Eva Jansen', 'Sociaal wijkteam Almere Haven', null, [['Aanleiding en hulpvraag', 3], ['Doelen en acties', 1]]],
    ]);
    // NEN 7513: every opening stays in the log as it was written.
    expect(await rows('aanleiding')).toHaveLength(3);
  });
});
