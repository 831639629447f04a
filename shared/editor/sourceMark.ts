import { Mark } from '@tiptap/core';
import { z } from 'zod';

/**
 * Facts and opinions are kept apart, and the source of each statement is visible: a passage can
 * say whether it is a fact (seen, heard, established) or an opinion (someone's view or
 * assessment), and who or what it comes from. Readers see that after the passage, also on paper.
 */
export const StatementKind = z.enum(['feit', 'mening']);
export type StatementKind = z.infer<typeof StatementKind>;

export const StatementSource = z
  .object({
    soort: StatementKind,
    bron: z.string().trim().min(1, 'Noem de bron: wie zag, hoorde of vindt dit?').max(120, 'De bron is te lang (maximaal 120 tekens).'),
  })
  .strict();
export type StatementSource = z.infer<typeof StatementSource>;

/** What a reader sees after the passage: "feit · bron: school" or "mening · Veilig Thuis". */
export function sourceLabel(s: StatementSource): string {
  return s.soort === 'feit' ? `feit · bron: ${s.bron}` : `mening · ${s.bron}`;
}

/** The mark's name in the document, and the text format it becomes in the Yjs document. */
export const SOURCE_MARK = 'bron';

export const SourceMark = Mark.create({
  name: SOURCE_MARK,
  // Outside bold, italic and links, so one passage stays one span with one label.
  priority: 1100,
  // Typing on at the end of the passage is not part of what the source said.
  inclusive: false,
  addAttributes() {
    return {
      soort: { default: 'feit', parseHTML: (el) => el.getAttribute('data-soort'), renderHTML: () => ({}) },
      bron: { default: '', parseHTML: (el) => el.getAttribute('data-bron'), renderHTML: () => ({}) },
    };
  },
  parseHTML() {
    return [{ tag: 'span[data-bron]' }];
  },
  renderHTML({ mark }) {
    const source = StatementSource.safeParse(mark.attrs);
    const soort = source.success ? source.data.soort : 'feit';
    return ['span', { class: `bron bron-${soort}`, 'data-soort': soort, 'data-bron': String(mark.attrs.bron ?? ''), 'data-label': source.success ? sourceLabel(source.data) : '' }, 0];
  },
});
