import { describe, expect, it } from 'vitest';
import { hasChromium, signedInOnSection, tafelInChromium } from '../support/browser.ts';

/** What Word puts on the clipboard for a heading, a bold word, links, a two-level bullet list, a numbered list and a table. */
const FROM_WORD = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta name=Generator content="Microsoft Word 15"><style><!-- p.MsoNormal {margin:0cm; font-family:"Calibri"} --></style></head>
<body lang=NL style='tab-interval:35.4pt'><!--StartFragment-->
<h1 style='margin-top:12.0pt'><span style='font-family:"Calibri Light"'>Afspraken met school<o:p></o:p></span></h1>
<p class=MsoNormal>Noa gaat <b><span style='font-size:12.0pt'>elke dag</span></b> naar school.<o:p></o:p></p>
<p class=MsoNormal>Zie <a href="https://www.rijksoverheid.nl/onderwerpen/jeugdbescherming">de website</a> en de <a href="#_Toc184391">inhoudsopgave</a>.<o:p></o:p></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>Mentor belt vrijdag<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='margin-left:72.0pt;text-indent:-18.0pt;mso-list:l0 level2 lfo1'><![if !supportLists]><span style='font-family:"Courier New"'><span style='mso-list:Ignore'>o<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><![endif]>ook bij ziekte<o:p></o:p></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l1 level1 lfo2'><![if !supportLists]><span><span style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><![endif]>Eerst bellen<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l1 level1 lfo2'><![if !supportLists]><span><span style='mso-list:Ignore'>2.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><![endif]>Dan mailen<o:p></o:p></p>
<table class=MsoTableGrid border=1 style='border-collapse:collapse'><tr><td width=300 style='border:solid windowtext 1.0pt'><p class=MsoNormal>Wie<o:p></o:p></p></td><td width=300><p class=MsoNormal>Wanneer<o:p></o:p></p></td></tr>
<tr><td><p class=MsoNormal>Mentor<o:p></o:p></p></td><td><p class=MsoNormal>Vrijdag<o:p></o:p></p></td></tr></table>
<!--EndFragment--></body></html>`;

/** What Google Docs puts on the clipboard: a wrapper, and bold and italic as span styles. */
const FROM_GOOGLE_DOCS = `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-3f2a9c1e-7fff-1a2b"><h2 dir="ltr" style="line-height:1.38;margin-top:18pt"><span style="font-size:16pt;font-family:Arial;color:#000000;font-weight:400">Wat gaat goed</span></h2><p dir="ltr" style="line-height:1.38"><span style="font-size:11pt;font-family:Arial;color:#000000;font-weight:700">Oma Ria</span><span style="font-size:11pt;font-family:Arial;color:#000000;font-weight:400"> vangt de kinderen op, </span><span style="font-size:11pt;font-family:Arial;font-style:italic">ook in het weekend</span></p><ul style="margin-top:0;margin-bottom:0"><li dir="ltr" style="list-style-type:disc"><p dir="ltr" role="presentation"><span style="font-size:11pt;font-family:Arial">woensdagmiddag</span></p></li></ul></b>`;

describe.skipIf(!hasChromium)('pasting from Word and Google Docs, in Chromium', () => {
  const env = tafelInChromium();

  /** Eva, signed in on "onderwijs", pastes this clipboard HTML there; returns her and the section's editor. */
  const evaPastes = async (html: string) => {
    const sectionId = 'onderwijs';
    const eva = await signedInOnSection(env.browser, env.server.http, 'regisseur@demo.tafel', sectionId);
    const { page } = eva;
    const editor = eva.panel.locator('.ProseMirror');
    await editor.click();
    // Pasted over the whole section: the structure then cannot merge into a paragraph the caret
    // happens to be in, and select-all is handled by the editor itself, not read from the page.
    await page.keyboard.press('Control+a');
    await page.evaluate(
      ({ sectionId, html }) => {
        const data = new DataTransfer();
        data.setData('text/html', html);
        data.setData('text/plain', 'tekst');
        const target = document.querySelector(`[data-section-panel="${sectionId}"] .ProseMirror`)!;
        target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      },
      { sectionId, html },
    );
    return { eva, editor };
  };

  it('keeps headings, bold, links, nested and numbered lists and tables from Word, and drops the rest', async () => {
    const { eva, editor } = await evaPastes(FROM_WORD);
    await editor.getByRole('heading', { name: 'Afspraken met school' }).waitFor();
    expect(await editor.locator('strong', { hasText: 'elke dag' }).count()).toBe(1);
    expect(await editor.locator('a[href="https://www.rijksoverheid.nl/onderwerpen/jeugdbescherming"]', { hasText: 'de website' }).count()).toBe(1);
    // The bullet list with its nested item, and the numbered list, without the typed bullets.
    const bullets = editor.locator('ul', { hasText: 'Mentor belt vrijdag' }).last();
    expect(await bullets.locator(':scope > li > p').first().textContent()).toBe('Mentor belt vrijdag');
    expect(await bullets.locator('li ul li').textContent()).toBe('ook bij ziekte');
    expect(await editor.locator('ol', { hasText: 'Eerst bellen' }).locator('li').allInnerTexts()).toEqual(['Eerst bellen', 'Dan mailen']);
    expect(await editor.locator('table', { hasText: 'Mentor' }).locator('td').allInnerTexts()).toEqual(['Wie', 'Wanneer', 'Mentor', 'Vrijdag']);
    const html = await editor.innerHTML();
    for (const junk of ['Mso', 'mso-', 'Calibri', '·', 'supportLists', 'font-family']) expect(html).not.toContain(junk);

    // What was pasted is stored: the server accepted it as a valid document.
    await expect
      .poll(async () => {
        const res = await eva.page.request.get(`${env.server.http}/api/cases/demo/search?q=${encodeURIComponent('ook bij ziekte')}`);
        return ((await res.json()) as { hits: { sectionId: string }[] }).hits.map((h) => h.sectionId);
      })
      .toContain('onderwijs');
    expect(await eva.panel.locator('[role="alert"]').count()).toBe(0);
  });

  it('keeps the structure and emphasis from Google Docs without its wrapper and styles', async () => {
    const { editor } = await evaPastes(FROM_GOOGLE_DOCS);
    await editor.getByRole('heading', { name: 'Wat gaat goed' }).waitFor();
    expect(await editor.locator('strong', { hasText: 'Oma Ria' }).count()).toBe(1);
    expect(await editor.locator('em', { hasText: 'ook in het weekend' }).count()).toBe(1);
    expect(await editor.locator('li', { hasText: 'woensdagmiddag' }).count()).toBe(1);
    // The wrapper's "font-weight:normal" bold must not make everything bold.
    expect(await editor.locator('strong', { hasText: 'vangt de kinderen op' }).count()).toBe(0);
    const html = await editor.innerHTML();
    for (const junk of ['docs-internal-guid', 'font-family', 'line-height', 'dir="ltr"']) expect(html).not.toContain(junk);
  });

  it('keeps where a passage comes from when it is copied from another section, and nothing else of the span', async () => {
    // What the editor itself puts on the clipboard for a sourced passage, plus a style to drop.
    const fromTafel = '<p><span class="bron bron-mening" data-soort="mening" data-bron="Veilig Thuis" data-label="mening · Veilig Thuis" style="color:red">Moeder is streng.</span> Verder.</p>';
    const { eva, editor } = await evaPastes(fromTafel);
    const passage = editor.locator('.bron-mening', { hasText: 'Moeder is streng.' });
    await passage.waitFor();
    expect(await passage.getAttribute('data-label')).toBe('mening · Veilig Thuis');
    expect(await passage.getAttribute('style')).toBeNull();
    // Stored: the server accepted the source, so search finds it.
    await expect
      .poll(async () => {
        const res = await eva.page.request.get(`${env.server.http}/api/cases/demo/search?q=${encodeURIComponent('mening · Veilig Thuis')}`);
        return ((await res.json()) as { hits: { sectionId: string }[] }).hits.map((h) => h.sectionId);
      })
      .toContain('onderwijs');
  });
});

