import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingView } from '../../shared/meetings.ts';
import { markDemoCase } from '../support/markedCase.ts';
import { pdfText } from '../support/pdfText.ts';
import { atInstant, requestAs, type RunningTafel, startTafel } from '../support/tafelServer.ts';

/** A word of each agenda item's note, so a leak names the item (and its section) it came from. */
const noteMarker = (i: number) => `verslagmerk${i}`;
const DECISION = 'Besluitmerk: de ouders werken mee, de afspraken over drinken blijven staan.';
const READERS = ['moeder', 'vader', 'jeugdige', 'regisseur', 'vt', 'raad', 'gw'];
const FAMILY = ['moeder', 'vader', 'jeugdige'];

describe('the copy of the file holds the minutes of each Tafel, as far as the reader may read them', () => {
  let server: RunningTafel;
  const cookies = new Map<string, string>();
  const readable = new Map<string, Set<string>>();
  let agenda: MeetingView['agenda'] = [];
  const as = (who: string, method: string, path: string, body?: unknown) => requestAs(server.http, cookies.get(who)!, method, path, body);
  const copies = new Map<string, { html: string; pdf: string }>();
  const copyOf = async (who: string) => {
    if (!copies.has(who)) {
      const html = await (await as(who, 'GET', '/api/cases/demo/export')).text();
      const res = await as(who, 'GET', '/api/cases/demo/export?format=pdf');
      expect(res.status).toBe(200);
      const pdf = (await pdfText(new Uint8Array(await res.arrayBuffer()))).text;
      copies.set(who, { html, pdf });
    }
    return copies.get(who)!;
  };

  beforeAll(async () => {
    server = await startTafel();
    // Every section changed since the last Tafel: each goes on the agenda the regisseur may read.
    await markDemoCase(server, (id) => `sectiemerk${id.replaceAll('-', '')}`, { cookies, readable });
    const planned = await as('regisseur', 'POST', '/api/cases/demo/meetings', {
      date: '2027-01-14',
      time: '10:00',
      durationMinutes: 90,
      place: 'Wijkcentrum De Schoof',
      participants: ['moeder', 'vader', 'raad', 'vt', 'gi'],
    });
    expect(planned.status).toBe(201);
    const { id } = (await planned.json()) as { id: string };
    const base = `/api/cases/demo/meetings/${id}`;
    expect((await atInstant(server, '2027-01-14T08:30:00Z', () => as('regisseur', 'POST', `${base}/start`))).status).toBe(200);
    agenda = ((await (await as('regisseur', 'GET', base)).json()) as MeetingView).agenda;
    for (const [i, item] of agenda.entries()) expect((await as('regisseur', 'POST', `${base}/notes`, { itemId: item.id, text: `Besproken: ${noteMarker(i)}.` })).status).toBe(200);
    for (const userId of ['moeder', 'vader', 'raad', 'vt', 'regisseur']) expect((await as('regisseur', 'POST', `${base}/attendance`, { userId, presence: 'aanwezig' })).status).toBe(200);
    expect((await as('raad', 'POST', `${base}/decision`, { keuze: 'drang', onderbouwing: DECISION })).status).toBe(200);
    expect((await as('regisseur', 'POST', `${base}/close`, { share: [] })).status).toBe(200);
  });
  afterAll(() => server?.close());

  it('the agenda has items about sections that some readers may not read', () => {
    const hiddenFromMother = agenda.filter((i) => i.sectionId !== null && !readable.get('moeder')!.has(i.sectionId));
    expect(hiddenFromMother.length).toBeGreaterThan(0);
    expect(agenda.some((i) => i.sectionId === null)).toBe(true);
  });

  it.each(READERS)('the copy of %s (HTML and PDF) holds the minutes with exactly the items it may read', async (who) => {
    const mine = readable.get(who)!;
    const { html, pdf } = await copyOf(who);
    const titles = agenda.filter((i) => i.sectionId === null || mine.has(i.sectionId)).map((i) => i.title);
    for (const text of [html, pdf]) {
      expect(text).toContain('Verslagen van de Jeugdbeschermingstafel');
      expect(text).toContain('Jeugdbeschermingstafel van 14 januari 2027 om 10:00');
      // The family reads them in the plain words of the meeting page.
      expect(text).toContain(FAMILY.includes(who) ? 'Waar we over praatten' : 'Besproken');
      for (const [i, item] of agenda.entries()) {
        const visible = item.sectionId === null || mine.has(item.sectionId);
        expect({ item: item.id, shown: text.includes(noteMarker(i)) }).toEqual({ item: item.id, shown: visible });
        // Nor the title of an item about a section it may not read (unless a readable one carries the same words).
        if (!visible && !titles.some((t) => t.includes(item.title))) expect(text).not.toContain(item.title);
      }
      // The decision goes with the besluit section: whoever may read that reads it in the minutes too.
      expect(text.includes('Besluitmerk')).toBe(mine.has('besluit'));
    }
  });
});
