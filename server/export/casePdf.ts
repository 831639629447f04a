import { STATUS_LABEL } from '../../shared/caseModel.ts';
import { DESTROYING_OUTCOME, isRequest, OUTCOME_LABEL, REQUESTS, type ThreadView } from '../../shared/comments.ts';
import { regionName } from '../../shared/regions.ts';
import { formatDate } from '../../shared/format.ts';
import { isFamilyRole, ROLE_LABEL, type Role } from '../../shared/roles.ts';
import type { CaseCopy, CopiedSection } from './caseCopy.ts';
import type { CopyChecksum } from './copyChecksum.ts';
import { MINUTES_TITLE, minutesText } from './minutesCopy.ts';
import { MINUTES_ANCHOR, writeMinutes } from './minutesPdf.ts';
import { writeNodes } from './pdfContent.ts';
import { fullDate, fullDateTime, MUTED, PdfWriter } from './pdfWriter.ts';

/**
 * The copy of the file as a PDF a court or the Raad can file (Jeugdwet 7.3.10): a cover saying
 * for whom, by whom and when it was made, contents with page numbers, the sections the reader may
 * read flowing on one after another, each with its status and approval, and control codes at the
 * end. Every page has a running header and "pagina N van M".
 */
export async function caseExportPdf(copy: CaseCopy, check: CopyChecksum): Promise<Buffer> {
  const reader = copy.madeFor.name;
  const w = new PdfWriter({ title: `Afschrift ${copy.caseTitle}, ${fullDateTime(copy.at)}`, author: `Tafel, op verzoek van ${reader}`, subject: `Afschrift voor ${reader}` });
  const minutes = copy.minutes.map((t) => minutesText(t, isFamilyRole(copy.madeFor.role)));
  const contents = cover(w, copy, minutes.length > 0);
  const startPages = copy.sections.map((s, i) => sectionPart(w, s, i, copy));
  if (minutes.length > 0) startPages.push(writeMinutes(w, minutes, copy.sections.length + 1));
  controlPart(w, copy, check);

  // Now that every page exists: the contents' page numbers, then header and footer on each page.
  contents.forEach(({ page, y }, i) => {
    w.doc.switchToPage(page);
    w.doc.font('regular').fontSize(10).fillColor('#000000').text(String(startPages[i]! + 1), w.left, y, { width: w.width, align: 'right', lineBreak: false });
  });
  const header = `Afschrift voor ${reader} · ${copy.caseTitle} (zaak ${copy.caseId})`;
  const footer = `Kopie van het dossier zoals het was op ${fullDateTime(copy.at)}. Latere wijzigingen staan er niet in.`;
  w.onEveryPage((i, count) => {
    const { doc } = w;
    doc.font('regular').fontSize(8).fillColor(MUTED);
    if (i > 0) {
      doc.text(header, w.left, 30, { width: w.width - 110, lineBreak: false, ellipsis: true });
      doc.text(fullDate(copy.at), w.left, 30, { width: w.width, align: 'right', lineBreak: false });
      doc.moveTo(w.left, 44).lineTo(w.left + w.width, 44).lineWidth(0.4).strokeColor('#9a9a9a').stroke();
    }
    const y = doc.page.height - 42;
    doc.moveTo(w.left, y - 6).lineTo(w.left + w.width, y - 6).lineWidth(0.4).strokeColor('#9a9a9a').stroke();
    doc.text(footer, w.left, y, { width: w.width - 90, lineBreak: false, ellipsis: true });
    doc.text(`pagina ${i + 1} van ${count}`, w.left, y, { width: w.width, align: 'right', lineBreak: false });
  });
  return w.finish();
}

function roleLabel(role: string): string {
  return ROLE_LABEL[role as Role] ?? role;
}

/** The cover and the contents (the minutes last, when there are any); returns where each contents line is, for its page number. */
function cover(w: PdfWriter, copy: CaseCopy, withMinutes: boolean): { page: number; y: number }[] {
  const { doc } = w;
  const { name, role, organisation } = copy.madeFor;
  doc.font('bold').fontSize(20).text('Afschrift van het dossier', { paragraphGap: 2 });
  doc.font('regular').fontSize(14).text(copy.caseTitle, { paragraphGap: 10 });
  w.table(
    [
      ['Zaak', `${copy.caseTitle}, zaaknummer ${copy.caseId}, regio ${regionName(copy.region)}`],
      ['Gemaakt voor', `${name}, ${roleLabel(role)}${organisation ? `, ${organisation}` : ''}`],
      ['Gemaakt door', `Tafel, op verzoek van ${name}`],
      ['Gemaakt op', fullDateTime(copy.at)],
      ['Inhoud', `${copy.sections.length} onderdelen: alles wat ${name} op dat moment mocht lezen, met de opmerkingen die ${name} mocht zien`],
    ],
    { widths: [110, '*'], size: 10 },
  );
  w.paragraph([
    {
      text: `Dit is een kopie van het dossier zoals het was op ${fullDateTime(copy.at)}. Wat daarna is veranderd, staat er niet in. Achterin staan controlegegevens: daarmee is later na te gaan dat dit afschrift niet is veranderd.`,
    },
  ]);
  w.heading('Inhoud', 13);
  const lines = copy.sections.map((s, i) => ({ text: `${i + 1}. ${s.section.title}`, goTo: anchor(s) }));
  if (withMinutes) lines.push({ text: `${lines.length + 1}. ${MINUTES_TITLE}`, goTo: MINUTES_ANCHOR });
  return lines.map(({ text, goTo }) => {
    w.keepSpace(16);
    const at = { page: w.pageIndex, y: doc.y };
    doc.font('regular').fontSize(10).fillColor('#000000').text(text, w.left, doc.y, { width: w.width - 40, goTo, paragraphGap: 1.5 });
    return at;
  });
}

const anchor = (s: CopiedSection) => `onderdeel-${s.section.id}`;

/** One section, flowing on after the previous one; returns the page it starts on. */
function sectionPart(w: PdfWriter, s: CopiedSection, i: number, copy: CaseCopy): number {
  w.doc.moveDown(0.8);
  w.heading(`${i + 1}. ${s.section.title}`, 14, { destination: anchor(s) });
  const page = w.pageIndex;
  w.doc.outline.addItem(`${i + 1}. ${s.section.title}`);
  w.note(statusLine(s), 'bold');
  for (const h of s.review.history) {
    w.note(`${fullDateTime(h.at)}: van ${STATUS_LABEL[h.from]} naar ${STATUS_LABEL[h.to]}, door ${h.by}${h.reason ? ` (${h.reason})` : ''}.`);
  }
  w.doc.moveDown(0.3);
  const blocks = {
    authorship: (blockId: string) => s.blocks.find((b) => b.blockId === blockId),
    notes: (blockId: string) =>
      copy.confirmations.filter((c) => c.sectionId === s.section.id && c.blockId === blockId).map((c) => `Bevestigd door ${c.name} op ${fullDateTime(c.at)}.`),
  };
  if (s.nodes === null) w.note('Dit onderdeel kon niet worden weergegeven.', 'italic');
  else if (s.nodes.length === 0) w.note('Nog niets geschreven.', 'italic');
  else writeNodes(w, s.nodes, blocks);
  if (s.threads.length > 0) {
    w.heading('Opmerkingen', 11);
    for (const t of s.threads) threadPart(w, t);
  }
  return page;
}

/** "Status: Goedgekeurd. Goedgekeurd door Lotte Hendriks op 2 december 2026 om 06:17. Laatst gewijzigd …" */
function statusLine({ review, change }: CopiedSection): string {
  const parts = [`Status: ${STATUS_LABEL[review.status]}.`];
  const a = review.approval;
  if (a?.withdrawnAt) parts.push(`De goedkeuring door ${a.by} van ${fullDateTime(a.at)} is vervallen op ${fullDateTime(a.withdrawnAt)}${a.withdrawnBy ? ` door een wijziging van ${a.withdrawnBy}` : ''}.`);
  else if (a) parts.push(`Goedgekeurd door ${a.by} op ${fullDateTime(a.at)}.`);
  if (review.reactionUntil) parts.push(`Het gezin kan reageren tot en met ${formatDate(review.reactionUntil)}.`);
  if (change.updatedAt) parts.push(`Laatst gewijzigd op ${fullDateTime(change.updatedAt)}${change.byName ? ` door ${change.byName}` : ''}.`);
  return parts.join(' ');
}

function threadPart(w: PdfWriter, t: ThreadView): void {
  w.keepSpace(50);
  const state = threadState(t);
  w.note(`Zichtbaar voor ${t.visibility === 'professionals' ? 'alleen professionals' : 'iedereen'}${state ? `. ${state}` : ''}.`);
  w.indent += 12;
  if (t.anchor.quote) w.paragraph([{ text: `“${t.anchor.quote}”`, face: 'italic', color: MUTED }], 9.5, 2);
  for (const c of t.comments) {
    w.paragraph([{ text: `${c.author.name}, ${roleLabel(c.author.role)}, ${fullDateTime(c.at)}: `, face: 'bold' }, { text: c.body }], 9.5, 3);
  }
  w.indent -= 12;
  w.doc.moveDown(0.3);
}

/** A request's answer or a thread's closing, with the year (the app's own line has none). */
function threadState(t: ThreadView): string | null {
  if (isRequest(t.kind)) {
    const { name } = REQUESTS[t.kind];
    if (!t.decision) return `${name}, nog niet beantwoord`;
    const history = t.decision.outcome === DESTROYING_OUTCOME ? ' (ook uit de geschiedenis)' : '';
    return `${name}: ${OUTCOME_LABEL[t.decision.outcome].toLowerCase()}${history} door ${t.decision.by}, ${fullDateTime(t.decision.at)}`;
  }
  if (t.resolvedAt) return `Afgehandeld${t.resolvedBy ? ` door ${t.resolvedBy}` : ''} op ${fullDateTime(t.resolvedAt)}`;
  return null;
}

function controlPart(w: PdfWriter, copy: CaseCopy, check: CopyChecksum): void {
  w.doc.moveDown(1);
  w.keepSpace(220);
  w.heading('Controlegegevens', 14);
  w.paragraph([
    {
      text: `Elke code hieronder is een SHA-256 van de inhoud zoals die in dit afschrift staat. Tafel bewaart dezelfde codes in zijn logboek bij dit afschrift (${fullDateTime(copy.at)}, voor ${copy.madeFor.name}), zodat later is na te gaan of een afschrift ongewijzigd is.`,
    },
  ]);
  w.paragraph([{ text: 'Code van het hele afschrift: ', face: 'bold' }, { text: check.total }], 9.5);
  // A code on one line, so a reader can copy it whole to check it.
  w.table(
    [
      ['Onderdeel en versie', 'SHA-256'],
      ...copy.sections.map((s) => [
        `${s.section.title}\n${STATUS_LABEL[s.review.status]}${s.change.updatedAt ? `, gewijzigd ${fullDateTime(s.change.updatedAt)}` : ', nog niet gewijzigd'}`,
        check.sections.get(s.section.id) ?? '',
      ]),
    ],
    { header: true, widths: ['*', 300], size: 7.5 },
  );
}
