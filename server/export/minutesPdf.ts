import { MINUTES_TITLE, type MinutesText } from './minutesCopy.ts';
import type { PdfWriter } from './pdfWriter.ts';

/** Where the minutes start in the PDF: the contents line links here. */
export const MINUTES_ANCHOR = 'verslagen';

/**
 * The minutes of every closed Tafel in the PDF, after the sections, numbered on from them (already
 * cut to what the reader may read); returns the page they start on.
 */
export function writeMinutes(w: PdfWriter, minutes: readonly MinutesText[], number: number): number {
  w.doc.moveDown(0.8);
  w.heading(`${number}. ${MINUTES_TITLE}`, 14, { destination: MINUTES_ANCHOR });
  const page = w.pageIndex;
  w.doc.outline.addItem(`${number}. ${MINUTES_TITLE}`);
  for (const t of minutes) {
    w.heading(t.title, 12);
    w.note(t.made);
    for (const part of t.parts) {
      w.heading(part.heading, 10.5);
      for (const line of part.lines) {
        w.paragraph([{ text: line.text }], 10, 2, '•');
        if (line.note) {
          w.indent += 12;
          w.note(line.note);
          w.indent -= 12;
        }
      }
    }
  }
  return page;
}
