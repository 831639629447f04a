import { Extension } from '@tiptap/core';

/**
 * Paste from Word or Google Docs: keep headings, lists, tables, bold/italic and links (the schema
 * does that), drop what only adds noise: Office comments and conditional blocks, inline styles,
 * classes, fonts and the wrapper Google Docs puts around everything.
 */
export const PasteCleanup = Extension.create({
  name: 'pasteCleanup',
  transformPastedHTML(html: string) {
    return html
      .replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, '')
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<\/?o:p[^>]*>/gi, '')
      .replace(/<style[\s\S]*?<\/style>/gi, '')
      .replace(/\s(style|class|lang|face|size|color)="[^"]*"/gi, '')
      .replace(/<b [^>]*id="docs-internal-guid[^"]*"[^>]*>([\s\S]*)<\/b>/i, '$1')
      .replace(/<\/?font[^>]*>/gi, '')
      .replace(/<span>\s*<\/span>/g, '');
  },
});
