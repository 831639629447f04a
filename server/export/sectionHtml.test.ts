import { describe, expect, it } from 'vitest';
import type { NodeJSON } from '../documents/sectionContent.ts';
import { sectionHtml } from './sectionHtml.ts';

const none = () => [];
const para = (...content: NodeJSON[]): NodeJSON => ({ type: 'paragraph', content });
const text = (t: string, marks?: NodeJSON['marks']): NodeJSON => ({ type: 'text', text: t, ...(marks ? { marks } : {}) });

describe('sectionHtml', () => {
  it('writes what people typed as text, never as markup', () => {
    const html = sectionHtml([para(text('<script>alert("x")</script> & <b>vet</b>'))], none);
    expect(html).toBe('<p>&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; &#60;b&#62;vet&#60;/b&#62;</p>');
  });

  it('keeps web and mail links, and turns other link targets into plain text', () => {
    const link = (href: string) => [{ type: 'link', attrs: { href } }];
    expect(sectionHtml([para(text('site', link('https://example.nl/?a=1&b="2"')))], none)).toBe('<p><a href="https://example.nl/?a=1&#38;b=&#34;2&#34;">site</a></p>');
    expect(sectionHtml([para(text('klik', link('javascript:alert(1)')))], none)).toBe('<p>klik</p>');
    expect(sectionHtml([para(text('mail', link('mailto:a@b.nl')))], none)).toContain('<a href="mailto:a@b.nl">');
  });

  it('shows after a passage whether it is a fact or an opinion and where it comes from, once for the whole passage', () => {
    const vt = [{ type: 'bron', attrs: { soort: 'mening', bron: 'Veilig Thuis' } }];
    const html = sectionHtml([para(text('Voor. '), text('Moeder is ', vt), text('te', [...vt, { type: 'bold' }]), text(' streng.', vt), text(' Na.'))], none);
    expect(html).toBe('<p>Voor. <span class="bron bron-mening">Moeder is <strong>te</strong> streng.</span> <span class="bron-label">(mening · Veilig Thuis)</span> Na.</p>');
    const school = [{ type: 'bron', attrs: { soort: 'feit', bron: 'school <ouders>' } }];
    expect(sectionHtml([para(text('Noa mist lessen.', school))], none)).toBe(
      '<p><span class="bron bron-feit">Noa mist lessen.</span> <span class="bron-label">(feit · bron: school &#60;ouders&#62;)</span></p>',
    );
    // A source without a name is no source: the text stays, without a label.
    expect(sectionHtml([para(text('los', [{ type: 'bron', attrs: { soort: 'feit', bron: '' } }]))], none)).toBe('<p>los</p>');
  });

  it('renders headings below the section title, lists, tables and marks', () => {
    const html = sectionHtml(
      [
        { type: 'heading', attrs: { level: 1 }, content: [text('Kop')] },
        { type: 'bulletList', content: [{ type: 'listItem', content: [para(text('een', [{ type: 'bold' }]))] }] },
        { type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableHeader', attrs: { colspan: 2 }, content: [para(text('kop'))] }] }] },
      ],
      none,
    );
    expect(html).toBe('<h3>Kop</h3>\n<ul><li><p><strong>een</strong></p></li></ul>\n<table><tbody><tr><th colspan="2"><p>kop</p></th></tr></tbody></table>');
  });

  it('renders a block with its questions as labels, and the notes given for it', () => {
    const data = { id: 'kracht-1', wat: 'Oma <Ria> helpt', wie: 'Ria', sinds: '2024', hoeWeten: 'Noa vertelt het' };
    const html = sectionHtml([{ type: 'kracht', attrs: { data } }], (id) => (id === 'kracht-1' ? ['Bevestigd door Sanne.'] : []));
    expect(html).toContain('<dt>Wat gaat er al goed?</dt><dd>Oma &#60;Ria&#62; helpt</dd>');
    expect(html).toContain('<p class="noot">Bevestigd door Sanne.</p>');
  });

  it('shows an invalid block as unreadable instead of failing the whole export', () => {
    expect(sectionHtml([{ type: 'afspraak', attrs: { data: { id: 'x' } } }], none)).toContain('kan niet worden weergegeven');
  });
});
