import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { create, type Font } from 'fontkit';
import PDFDocument from 'pdfkit';
import { NETHERLANDS_TIME_ZONE } from '../../shared/calendar/isoDate.ts';

/** The four faces of Noto Sans, embedded (subset) in every copy so ë, é and ï print anywhere. */
export type Face = 'regular' | 'bold' | 'italic' | 'boldItalic';
const FACE_FILES: Record<Face, string> = {
  regular: '400Regular/NotoSans_400Regular.ttf',
  bold: '700Bold/NotoSans_700Bold.ttf',
  italic: '400Regular_Italic/NotoSans_400Regular_Italic.ttf',
  boldItalic: '700Bold_Italic/NotoSans_700Bold_Italic.ttf',
};
let fonts: Record<Face, Font> | null = null;
/**
 * The fonts, parsed once per process: fontkit decodes a font's tables lazily and keeps them, and
 * decoding Noto Sans' glyph and layout tables again for every copy took seconds.
 */
function parsedFonts(): Record<Face, Font> {
  if (!fonts) {
    const require = createRequire(import.meta.url);
    const open = (face: Face) => create(readFileSync(require.resolve(`@expo-google-fonts/noto-sans/${FACE_FILES[face]}`))) as Font;
    fonts = { regular: open('regular'), bold: open('bold'), italic: open('italic'), boldItalic: open('boldItalic') };
  }
  return fonts;
}

const DAY = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: NETHERLANDS_TIME_ZONE });
const TIME = new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: NETHERLANDS_TIME_ZONE });
/** "3 december 2026 om 14:05", Dutch time: a copy for a court always says the year. */
export const fullDateTime = (iso: string) => `${DAY.format(new Date(iso))} om ${TIME.format(new Date(iso))}`;
export const fullDate = (iso: string) => DAY.format(new Date(iso));

/** A piece of text in one style; a paragraph is a list of these. */
export interface Run {
  text: string;
  face?: Face;
  color?: string;
  link?: string;
  underline?: boolean;
  strike?: boolean;
}

export const MUTED = '#4a4a4a';
const BODY_SIZE = 10.5;
/** Room a list's bullet or number takes before the item's text. */
export const LIST_MARKER_WIDTH = 14;

/**
 * A4 document with the copy's fonts and a few primitives (paragraph, heading, table) that flow
 * on across pages: pdfkit breaks text and table rows; headings are kept with what follows.
 */
export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  indent = 0;

  constructor(info: { title: string; author: string; subject: string }) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: 64, bottom: 64, left: 56, right: 56 },
      bufferPages: true,
      lang: 'nl-NL',
      displayTitle: true,
      info: { Title: info.title, Author: info.author, Subject: info.subject, Creator: 'Tafel' },
    });
    const faces = parsedFonts();
    // pdfkit takes parsed fontkit fonts (0.20); its own types still say a file or bytes.
    for (const face of Object.keys(FACE_FILES) as Face[]) this.doc.registerFont(face, faces[face] as unknown as Buffer);
    this.doc.font('regular').fontSize(BODY_SIZE);
  }

  get left(): number {
    return this.doc.page.margins.left;
  }
  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }
  /** Zero-based index of the page being written. */
  get pageIndex(): number {
    const range = this.doc.bufferedPageRange();
    return range.start + range.count - 1;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  keepSpace(height: number): void {
    if (this.doc.y + height > this.doc.page.height - this.doc.page.margins.bottom) this.doc.addPage();
  }

  /** Runs of text as one paragraph; a list `marker` hangs in the indent before its first line. */
  paragraph(runs: readonly Run[], size = BODY_SIZE, gap = 4, marker?: string): void {
    const parts = runs.filter((r) => r.text !== '');
    const doc = this.doc;
    if (marker) {
      // On the page the paragraph starts on, not left behind at the foot of the previous one.
      this.keepSpace(size * 2.5);
      const y = doc.y;
      doc.font('regular').fontSize(size).fillColor('#000000').text(marker, this.left + this.indent - LIST_MARKER_WIDTH, y, { lineBreak: false });
      doc.y = y;
    }
    doc.x = this.left + this.indent;
    if (parts.length === 0) {
      doc.moveDown(0.5);
      return;
    }
    parts.forEach((r, i) => {
      doc
        .font(r.face ?? 'regular')
        .fontSize(size)
        .fillColor(r.color ?? '#000000')
        .text(r.text, {
          width: this.width - this.indent,
          continued: i < parts.length - 1,
          link: r.link ?? null,
          underline: r.underline ?? false,
          strike: r.strike ?? false,
          paragraphGap: gap,
        });
    });
    doc.font('regular').fontSize(BODY_SIZE).fillColor('#000000');
  }

  /** A line in smaller, muted type: statuses, who set a block, dates. */
  note(text: string, face: Face = 'regular'): void {
    this.paragraph([{ text, face, color: MUTED }], 9, 2);
  }

  heading(text: string, size: number, options: { destination?: string } = {}): void {
    this.keepSpace(size * 5);
    this.doc.moveDown(0.4);
    this.doc.x = this.left + this.indent;
    this.doc.font('bold').fontSize(size).fillColor('#000000').text(text, { width: this.width - this.indent, paragraphGap: 3, destination: options.destination });
    this.doc.font('regular').fontSize(BODY_SIZE);
  }

  /**
   * A table with a border per cell; the first row is a header when `header` is set, and a `title`
   * is a first row across all columns. Rows that do not fit move to the next page whole.
   */
  table(rows: readonly (readonly string[])[], options: { header?: boolean; title?: string; widths?: (number | '*')[]; size?: number } = {}): void {
    if (rows.length === 0) return;
    const size = options.size ?? 9.5;
    this.keepSpace(size * 4);
    const doc = this.doc;
    doc.x = this.left + this.indent;
    const table = doc.table({
      position: { x: this.left + this.indent, y: doc.y },
      maxWidth: this.width - this.indent,
      ...(options.widths ? { columnStyles: options.widths } : {}),
      defaultStyle: { border: 0.5, borderColor: '#9a9a9a', padding: [3, 5, 3, 5], font: { src: 'regular', size } } as PDFKit.Mixins.CellStyle,
    });
    if (options.title !== undefined) {
      const columns = Math.max(1, ...rows.map((r) => r.length));
      table.row([{ text: options.title, colSpan: columns, type: 'TH', font: { src: 'bold', size }, backgroundColor: '#ececec' }]);
    }
    rows.forEach((cells, i) => {
      const head = options.header === true && i === 0;
      table.row(cells.map((text) => ({ text, type: head ? 'TH' : 'TD', font: { src: head ? 'bold' : 'regular', size }, ...(head ? { backgroundColor: '#ececec' } : {}) })));
    });
    table.end();
    doc.x = this.left + this.indent;
    doc.moveDown(0.4);
  }

  rule(): void {
    const y = this.doc.y + 2;
    this.doc.moveTo(this.left + this.indent, y).lineTo(this.left + this.width, y).lineWidth(0.5).strokeColor('#9a9a9a').stroke();
    this.doc.moveDown(0.6);
  }

  /** Writes in the top or bottom margin of every page (header, footer) without adding pages. */
  onEveryPage(draw: (index: number, count: number) => void): void {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const { bottom, top } = this.doc.page.margins;
      this.doc.page.margins.bottom = 0;
      this.doc.page.margins.top = 0;
      draw(i, range.count);
      this.doc.page.margins.bottom = bottom;
      this.doc.page.margins.top = top;
    }
  }

  /** Ends the document and resolves with its bytes. */
  finish(): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      this.doc.on('data', (c: Buffer) => chunks.push(c));
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
      this.doc.end();
    });
  }
}
