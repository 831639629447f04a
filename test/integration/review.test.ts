import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CaseDetail } from '../../shared/api.ts';
import { dateInNetherlands } from '../../shared/calendar/isoDate.ts';
import { DOC_FIELD } from '../../shared/protocol.ts';
import { reactionDeadline, type ReviewView } from '../../shared/review.ts';
import { signedInTafel } from '../support/signedInTafel.ts';
import { appendParagraph, connectSection, type SectionClient, waitFor } from '../support/syncClient.ts';

const SECTION = 'verklarende-analyse';
const ROOM = `demo/${SECTION}`;

describe('review: approval bound to content, withdrawn by a later change, reaction period', () => {
  const { server, cookie, api } = signedInTafel(['regisseur', 'vt', 'gw', 'moeder', 'gi']);
  const clients: SectionClient[] = [];
  const review = async (who = 'regisseur') => (await (await api(who, 'GET', `/api/cases/demo/sections/${SECTION}/review`)).json()) as ReviewView;
  const move = (who: string, to: string, reason = '') => api(who, 'POST', `/api/cases/demo/sections/${SECTION}/status`, { to, reason });
  const open = async (who: string, doc?: Y.Doc) => {
    const c = connectSection(server.ws, 'demo', SECTION, cookie[who]!, doc);
    clients.push(c);
    await c.synced;
    return c;
  };
  const loggedRows = async () =>
    Number((await server.tafel.services.sql.db.selectFrom('doc_updates').select((eb) => eb.fn.countAll<number>().as('n')).where('room', '=', ROOM).executeTakeFirst())?.n);
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  afterAll(async () => {
    for (const c of clients) c.destroy();
  });

  it('an approval is withdrawn by a later edit from any client, not by an earlier one or a change that changes nothing', async () => {
    expect((await review()).status).toBe('concept');
    const toReview = await move('regisseur', 'review', 'Klaar voor de gedragswetenschapper');
    expect(toReview.status).toBe(200);
    expect(((await toReview.json()) as ReviewView).status).toBe('review');

    // Karim edits before the approval: typing, and deleting a word (a delete set in the document).
    const vt = await open('vt');
    const watcher = await open('regisseur');
    appendParagraph(vt.doc, 'Toevoeging van Veilig Thuis vóór de goedkeuring.');
    await waitFor(() => watcher.text().includes('vóór de goedkeuring'), 5000, 'edit before approval relayed');
    vt.doc.transact(() => {
      const fragment = vt.doc.getXmlFragment(DOC_FIELD);
      const last = (fragment.get(fragment.length - 1) as Y.XmlElement).get(0) as Y.XmlText;
      last.delete(0, 'Toevoeging '.length);
    });
    await waitFor(() => !watcher.text().includes('Toevoeging van Veilig Thuis'), 5000, 'deletion relayed');

    // The gedragswetenschapper approves right away, while that edit's announcement is still pending.
    const approved = await move('gw', 'goedgekeurd');
    expect(approved.status).toBe(200);
    const a = (await approved.json()) as ReviewView;
    expect(a.status).toBe('goedgekeurd');
    expect(a.approval).toMatchObject({ by: 'Lotte Hendriks', withdrawnAt: null, withdrawnBy: null });
    await sleep(600);
    expect((await review()).status).toBe('goedgekeurd');

    // A client that reconnects with everything it has (its sync step 2 carries the whole delete
    // set) is stored as an update, but it changes nothing, so it withdraws nothing.
    const before = await loggedRows();
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(vt.doc));
    await open('vt', copy);
    const deadline = Date.now() + 2000;
    while ((await loggedRows()) === before && Date.now() < deadline) await sleep(20);
    expect(await loggedRows()).toBeGreaterThan(before);
    await sleep(600);
    const still = await review();
    expect(still.status).toBe('goedgekeurd');
    expect(still.approval?.withdrawnAt).toBeNull();

    // Now a real change by Karim: within a second the section is back in review, with his name.
    const editedAt = Date.now();
    appendParagraph(vt.doc, 'Een wijziging na de goedkeuring.');
    let now = await review();
    while (now.status !== 'review' && Date.now() - editedAt < 3000) {
      await sleep(25);
      now = await review();
    }
    expect(now.status).toBe('review');
    expect(Date.now() - editedAt).toBeLessThan(1000);
    expect(now.approval).toMatchObject({ by: 'Lotte Hendriks', withdrawnBy: 'Karim El Amrani' });
    expect(now.approval?.withdrawnAt).not.toBeNull();
    const last = now.history.at(-1)!;
    expect(last).toMatchObject({ from: 'goedgekeurd', to: 'review', by: 'Karim El Amrani' });
    const hhmm = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    expect([hhmm.format(new Date(editedAt)), hhmm.format(new Date())].map((t) => `goedkeuring vervallen door wijziging van Karim El Amrani om ${t}`)).toContain(last.reason);

    // The section list shows the status too, for the family as well.
    const detail = (await (await api('moeder', 'GET', '/api/cases/demo')).json()) as CaseDetail;
    expect(detail.sections.find((s) => s.id === SECTION)?.status).toBe('review');
    expect((await review('moeder')).history.map((h) => h.to)).toEqual(['review', 'goedgekeurd', 'review']);
  });

  it('every move is logged with who and when; only the right roles move', async () => {
    const refused = await move('regisseur', 'goedgekeurd');
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toBe('Alleen de gedragswetenschapper keurt goed.');
    expect((await move('moeder', 'concept')).status).toBe(403);
    expect((await move('gw', 'vastgesteld')).status).toBe(403);
    const bad = await move('gw', 'klaar');
    expect(bad.status).toBe(400);
    // A section the caller cannot see does not exist for them.
    const hidden = await api('moeder', 'GET', '/api/cases/demo/sections/r-adres/review');
    const unknown = await api('moeder', 'GET', '/api/cases/demo/sections/bestaat-niet/review');
    expect(hidden.status).toBe(404);
    expect(await hidden.text()).toBe(await unknown.text());
    const history = (await review()).history;
    expect(history.every((h) => h.by && Date.parse(h.at) > 0)).toBe(true);
    expect(history[0]).toMatchObject({ from: 'concept', to: 'review', by: 'Eva Jansen', reason: 'Klaar voor de gedragswetenschapper' });
  });

  it('sharing with the family starts a reaction period of 5 werkdagen; fixing waits for it, and a change to a shared section withdraws its approval', async () => {
    expect((await move('gw', 'goedgekeurd')).status).toBe(200);
    const shared = await move('regisseur', 'gedeeld');
    expect(shared.status).toBe(200);
    const view = (await shared.json()) as ReviewView;
    expect(view.status).toBe('gedeeld');
    expect(view.reactionUntil).toBe(reactionDeadline(dateInNetherlands(new Date())));
    expect((await review('moeder')).reactionUntil).toBe(view.reactionUntil);

    const early = await move('regisseur', 'vastgesteld');
    expect(early.status).toBe(409);
    expect(((await early.json()) as { error: { message: string } }).error.message).toMatch(/^Het gezin kan nog reageren tot en met \d{1,2} \p{L}+ \d{4}\. Vaststellen kan vanaf /u);

    // An edit while shared: back to review, the reaction period is over with it.
    const vt = clients[0]!;
    appendParagraph(vt.doc, 'Nog een aanvulling terwijl het gedeeld is.');
    const start = Date.now();
    let now = await review();
    while (now.status !== 'review' && Date.now() - start < 3000) {
      await sleep(25);
      now = await review();
    }
    expect(now.history.at(-1)).toMatchObject({ from: 'gedeeld', to: 'review', by: 'Karim El Amrani' });
    expect(now.reactionUntil).toBeNull();

    // After the period has passed (the server clock moved on), the regisseur can fix it.
    expect((await move('gw', 'goedgekeurd')).status).toBe(200);
    const again = (await (await move('regisseur', 'gedeeld')).json()) as ReviewView;
    const service = server.tafel.services.review;
    const realNow = service.now;
    try {
      service.now = () => new Date(`${again.reactionUntil}T12:00:00Z`);
      expect((await move('regisseur', 'vastgesteld')).status).toBe(409);
      service.now = () => new Date(Date.parse(`${again.reactionUntil}T12:00:00Z`) + 86_400_000);
      const fixed = await move('regisseur', 'vastgesteld');
      expect(fixed.status).toBe(200);
      expect(((await fixed.json()) as ReviewView).status).toBe('vastgesteld');
    } finally {
      service.now = realNow;
    }
  });
});
