import { type SectionInstance, STATUS_LABEL } from '../../shared/caseModel.ts';
import { requestState, type ThreadView } from '../../shared/comments.ts';
import { formatFullDateTime } from '../../shared/format.ts';
import { ROLE_LABEL, type Role } from '../../shared/roles.ts';
import type { NodeJSON } from '../documents/sectionContent.ts';
import { MINUTES_TITLE, type MinutesText } from './minutesCopy.ts';
import { type BlockNotes, esc, sectionHtml } from './sectionHtml.ts';

export interface ExportedSection {
  section: SectionInstance;
  /** Null for a section that cannot be shown (nested deeper than any editor writes, or unreadable). */
  nodes: NodeJSON[] | null;
  threads: ThreadView[];
}

export interface CaseExport {
  caseTitle: string;
  exportedBy: string;
  at: string;
  sections: ExportedSection[];
  notes: (sectionId: string) => BlockNotes;
  /** The minutes of each closed Tafel, already cut to what the reader may read. */
  minutes: readonly MinutesText[];
}

/**
 * A copy of the case file as one self-contained HTML page ("afschrift", Jeugdwet 7.3.10): the
 * sections the reader may read, with their blocks and the comments the reader may see. Printable,
 * readable without Tafel, no scripts.
 */
export function caseExportHtml(e: CaseExport): string {
  const minutesToc = e.minutes.length > 0 ? `<li><a href="#verslagen">${esc(MINUTES_TITLE)}</a></li>` : '';
  const toc = e.sections.map(({ section }) => `<li><a href="#${esc(section.id)}">${esc(section.title)}</a></li>`).join('') + minutesToc;
  const body = [...e.sections.map((s) => sectionPart(s, e.notes(s.section.id))), minutesPart(e.minutes)].join('\n');
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(e.caseTitle)}: afschrift van ${esc(formatFullDateTime(e.at))}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${esc(e.caseTitle)}</h1>
<p>Afschrift gemaakt door ${esc(e.exportedBy)} op ${esc(formatFullDateTime(e.at))}. Hierin staan de ${e.sections.length} onderdelen die ${esc(e.exportedBy)} mag lezen, zoals ze op dat moment waren.</p>
<nav aria-label="Inhoud"><h2>Inhoud</h2><ol>${toc}</ol></nav>
</header>
<main>
${body}
</main>
</body>
</html>
`;
}

function sectionPart({ section, nodes, threads }: ExportedSection, notes: BlockNotes): string {
  const content =
    nodes === null ? '<p class="onleesbaar">Dit onderdeel kon niet worden weergegeven.</p>' : nodes.length > 0 ? sectionHtml(nodes, notes) : '<p class="leeg">Nog niets geschreven.</p>';
  return `<section id="${esc(section.id)}">
<h2>${esc(section.title)}</h2>
<p class="status">Status: ${esc(STATUS_LABEL[section.status])}</p>
${content}
${threads.length > 0 ? `<h3>Opmerkingen</h3>${threads.map(threadPart).join('')}` : ''}
</section>`;
}

/** The minutes of every closed Tafel, after the sections; nothing when there are none. */
function minutesPart(minutes: readonly MinutesText[]): string {
  if (minutes.length === 0) return '';
  const tafel = (t: MinutesText) => {
    const parts = t.parts
      .map((p) => `<h4>${esc(p.heading)}</h4><ul>${p.lines.map((l) => `<li>${esc(l.text)}${l.note ? `<p class="noot">${esc(l.note)}</p>` : ''}</li>`).join('')}</ul>`)
      .join('');
    return `<article id="${esc(t.id)}"><h3>${esc(t.title)}</h3><p class="status">${esc(t.made)}</p>${parts}</article>`;
  };
  return `<section id="verslagen">
<h2>${esc(MINUTES_TITLE)}</h2>
${minutes.map(tafel).join('\n')}
</section>`;
}

function threadPart(t: ThreadView): string {
  const about = t.anchor.quote ? `<blockquote>${esc(t.anchor.quote)}</blockquote>` : '';
  const request = requestState(t);
  const state = request ? `. ${esc(request)}` : t.resolvedAt ? ` (afgehandeld${t.resolvedBy ? ` door ${esc(t.resolvedBy)}` : ''})` : '';
  const who = t.visibility === 'professionals' ? 'alleen professionals' : 'iedereen';
  const comments = t.comments
    .map((c) => `<li><p class="wie">${esc(c.author.name)}, ${esc(ROLE_LABEL[c.author.role as Role] ?? c.author.role)}, ${esc(formatFullDateTime(c.at))}</p><p>${esc(c.body)}</p></li>`)
    .join('');
  return `<div class="draad"><p class="zicht">Zichtbaar voor ${who}${state}</p>${about}<ul>${comments}</ul></div>`;
}

const STYLE = `
body { font: 16px/1.5 system-ui, sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; }
h1 { font-size: 1.6rem; } h2 { margin-top: 2.5rem; border-bottom: 1px solid #ccc; }
.status, .zicht, .wie, .noot { color: #555; font-size: .9rem; }
.onleesbaar { font-style: italic; color: #555; }
.blok { border: 1px solid #bbb; border-left: 4px solid #555; padding: .5rem 1rem; margin: 1rem 0; break-inside: avoid; }
.blok-soort { font-weight: bold; margin: 0; }
dl { display: grid; grid-template-columns: 14rem 1fr; gap: .25rem 1rem; } dt { font-weight: 600; } dd { margin: 0; }
table { border-collapse: collapse; } td, th { border: 1px solid #bbb; padding: .25rem .5rem; vertical-align: top; }
.draad { border-left: 3px solid #ddd; padding-left: 1rem; margin: 1rem 0; }
.bron-feit { border-bottom: 1px solid #777; } .bron-mening { border-bottom: 1px dashed #777; } .bron-label { color: #555; font-size: .85rem; }
.draad ul { list-style: none; padding: 0; }
@media (max-width: 30rem) { dl { grid-template-columns: 1fr; } }
@media print { nav { display: none; } section { break-before: page; } }
`;
