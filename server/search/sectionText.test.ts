import { describe, expect, it } from 'vitest';
import type { NodeJSON } from '../documents/sectionContent.ts';
import { sectionText } from './sectionText.ts';

const text = (t: string, marks?: NodeJSON['marks']): NodeJSON => ({ type: 'text', text: t, ...(marks ? { marks } : {}) });

describe('sectionText', () => {
  it('holds the source of a passage once, after it, so "mening · Veilig Thuis" can be found', () => {
    const vt = [{ type: 'bron', attrs: { soort: 'mening', bron: 'Veilig Thuis' } }];
    const nodes: NodeJSON[] = [
      { type: 'paragraph', content: [text('Voor. '), text('Moeder is ', vt), text('te', [...vt, { type: 'bold' }]), text(' streng.', vt), text(' Na.')] },
      { type: 'paragraph', content: [text('Tweede alinea.')] },
    ];
    expect(sectionText(nodes)).toBe('Voor. Moeder is te streng. (mening · Veilig Thuis) Na.\nTweede alinea.');
  });
});
