import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** What a PDF says, page by page, as a reader's "copy text" gives it (pdf.js, Mozilla's viewer). */
export interface PdfText {
  pages: string[];
  /** All pages, one after another. */
  text: string;
}

/** Extracts the text of each page (of a copy of the bytes: pdf.js takes over the buffer it reads). */
export async function pdfText(bytes: Uint8Array): Promise<PdfText> {
  const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
  }
  await pdf.destroy();
  return { pages, text: pages.join('\n') };
}
