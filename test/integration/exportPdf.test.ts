import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markDemoCase } from '../support/markedCase.ts';
import { AuditLogView } from '../../shared/api.ts';
import { DEMO_ACCOUNTS } from '../../server/seed/demoCase.ts';
import { type PdfText, pdfText } from '../support/pdfText.ts';
import { demoEmail, ownOrigin, type RunningTafel, signIn, startTafel } from '../support/tafelServer.ts';

/** A word that occurs nowhere else: one per section, so a leak names the section it came from. */
const marker = (sectionId: string) => `pdfmerk${sectionId.replaceAll('-', '')}`;
const PROFESSIONAL_NOTE = 'pdfmerkoverlegprofessionals';
const FAMILY_NOTE = 'pdfmerkvoorhetgezin';
const YEAR_DATE = /\b\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}\b/;

describe('PDF copy: exactly what the caller may read, on numbered pages', () => {
  let server: RunningTafel;
  const cookies = new Map<string, string>();
  const readable = new Map<string, Set<string>>();
  let sectionIds: string[] = [];
  const pdfs = new Map<string, { res: Response; bytes: Uint8Array; text: PdfText }>();
  const post = (who: string, url: string, body: unknown) =>
    fetch(`${server.http}${url}`, {
      method: 'POST',
      headers: { cookie: cookies.get(who)!, 'content-type': 'application/json', ...ownOrigin(server.http) },
      body: JSON.stringify(body),
    });
  const copyOf = async (who: string) => {
    if (!pdfs.has(who)) {
      const res = await fetch(`${server.http}/api/cases/demo/export?format=pdf`, { headers: { cookie: cookies.get(who)! } });
      const bytes = new Uint8Array(await res.arrayBuffer());
      pdfs.set(who, { res, bytes, text: res.status === 200 ? await pdfText(bytes) : { pages: [], text: '' } });
    }
    return pdfs.get(who)!;
  };
  const markersIn = (text: string) => new Set(sectionIds.filter((id) => text.includes(marker(id))));

  beforeAll(async () => {
    server = await startTafel();
    sectionIds = await markDemoCase(server, marker, { cookies, readable });
    // Comments on a section the whole family can read: one for professionals only, one for everyone.
    for (const [visibility, body] of [
      ['professionals', `Intern: ${PROFESSIONAL_NOTE}`],
      ['iedereen', `Voor iedereen: ${FAMILY_NOTE}, één afspraak`],
    ]) {
      const res = await post('regisseur', '/api/cases/demo/sections/veiligheidsplan/threads', {
        anchor: { kind: 'block', blockId: 'afspraak-weggaan-bij-ruzie', quote: 'weggaan bij ruzie' },
        visibility,
        body,
      });
      expect(res.status).toBe(200);
    }
    // An approval the copy must show with who and when.
    expect((await post('regisseur', '/api/cases/demo/sections/aanleiding/status', { to: 'review', reason: '' })).status).toBe(200);
    cookies.set('gw', cookies.get('gw') ?? (await signIn(server.http, demoEmail('gw'))));
    expect((await post('gw', '/api/cases/demo/sections/aanleiding/status', { to: 'goedgekeurd', reason: '' })).status).toBe(200);
  });
  afterAll(() => server.close());

  it.each(['moeder', 'regisseur', 'vader', 'vt'])('the PDF of %s is a PDF holding exactly the sections it may read', async (who) => {
    const { res, bytes, text } = await copyOf(who);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="afschrift-demo-\d{4}-\d{2}-\d{2}\.pdf"$/);
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(markersIn(text.text)).toEqual(readable.get(who));
    const family = DEMO_ACCOUNTS.find((a) => a.id === who)!.organisationId === 'gezin';
    expect(text.text.includes(PROFESSIONAL_NOTE)).toBe(!family);
    expect(text.text).toContain(FAMILY_NOTE);
    // No title of a section it may not read (the catalogue's restricted sections have their own).
    const sections = await server.tafel.services.cases.sections('demo');
    for (const s of sections.filter((x) => !readable.get(who)!.has(x.id))) {
      if (!sections.some((x) => readable.get(who)!.has(x.id) && x.title.includes(s.title))) expect(text.text).not.toContain(s.title);
    }
  });

  it('the mother’s copy: Dutch letters, for her, numbered pages with a running header, well under 29 pages', async () => {
    const { bytes, text } = await copyOf('moeder');
    const { pages } = text;
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.length).toBeLessThan(16);
    // Embedded TrueType fonts, so ë and é print on any machine.
    expect(Buffer.from(bytes).toString('latin1')).toContain('/FontFile2');
    expect(text.text).toContain('Financiën');
    expect(text.text).toContain('één afspraak');
    expect(pages[0]).toContain('Afschrift van het dossier');
    expect(pages[0]).toMatch(/Gemaakt voor\s*Sanne de Groot, Ouder/);
    expect(pages[0]).toMatch(YEAR_DATE);
    pages.forEach((page, i) => {
      expect(page).toContain(`pagina ${i + 1} van ${pages.length}`);
      expect(page).toMatch(/Kopie van het dossier zoals het was op \d{1,2} \w+ \d{4} om \d{2}:\d{2}/);
      if (i > 0) expect(page).toMatch(/Afschrift voor Sanne de Groot · .* \(zaak demo\)/);
    });
    // Sections flow on: no page is nearly empty (the last may be short).
    for (const page of pages.slice(0, -1)) expect(page.length).toBeGreaterThan(1200);
  });

  it('the copy says who approved a section and when, who set the decision, and ends with control codes', async () => {
    const { text } = await copyOf('moeder');
    expect(text.text).toMatch(new RegExp(`Goedgekeurd door Lotte Hendriks op ${YEAR_DATE.source} om \\d{2}:\\d{2}`));
    expect(text.text).toMatch(/Vastgelegd door [^\n]+, Raad voor de Kinderbescherming, op /);
    expect(text.text).toContain('Controlegegevens');
    expect(text.text).toMatch(/Code van het hele afschrift: [0-9a-f]{64}/);
    // One code per section in the copy, besides the whole copy's, each with the section's version.
    const codes = text.text.match(/\b[0-9a-f]{64}\b/g) ?? [];
    expect(new Set(codes).size).toBe(readable.get('moeder')!.size + 1);
    const control = text.text.slice(text.text.indexOf('Controlegegevens')).replace(/\s+/g, ' ');
    expect(control).toMatch(new RegExp(`Aanleiding en hulpvraag Goedgekeurd, gewijzigd ${YEAR_DATE.source} om \\d{2}:\\d{2} [0-9a-f]{64}`));
  });

  it('facts and opinions carry their source, as on the screen', async () => {
    const { text } = await copyOf('moeder');
    const flowing = text.text.replace(/\s+/g, ' ');
    expect(flowing).toContain('gegooid. (feit · bron: melding van de school)');
    expect(flowing).toContain('Noa en Daan. (mening · Veilig Thuis en lokaal team)');
  });

  it('one download is one entry in the log, with the sections the reader of the log may read', async () => {
    await copyOf('vt');
    const log = AuditLogView.parse(await (await fetch(`${server.http}/api/cases/demo/audit`, { headers: { cookie: cookies.get('moeder')! } })).json());
    const copies = log.entries.filter((e) => e.event === 'export' && e.who === 'Karim El Amrani');
    expect(copies).toHaveLength(1);
    const ids = copies[0]!.sections!.map((s) => s.id);
    expect(ids.length).toBeGreaterThan(1);
    for (const id of ids) expect(readable.get('moeder')!.has(id)).toBe(true);
    expect(ids).not.toContain('r-melder');
  });

  it('a format that does not exist is refused, naming the field', async () => {
    const res = await fetch(`${server.http}/api/cases/demo/export?format=docx`, { headers: { cookie: cookies.get('moeder')! } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { field: string } }).error.field).toBe('format');
  });

  it('someone outside the case gets 404, someone signed out 401', async () => {
    expect((await fetch(`${server.http}/api/cases/geen-zaak/export?format=pdf`, { headers: { cookie: cookies.get('moeder')! } })).status).toBe(404);
    expect((await fetch(`${server.http}/api/cases/demo/export?format=pdf`)).status).toBe(401);
  });
});
