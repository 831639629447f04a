import { CATALOGUE } from './sections.ts';

/**
 * What a person's own voice (`ownVoice` sections: a parent's own words, their reaction to the
 * decision) may hold: plain text in paragraphs and lists, bold and italic. No headings, tables,
 * safety-plan blocks or the professionals' "feit of mening" marks: it is their statement, not a
 * report. The server refuses anything else (server/documents/plainVoice.ts); the editor offers
 * only this (client/editor, the plain toolbar).
 */
export const PLAIN_NODES: ReadonlySet<string> = new Set(['paragraph', 'bulletList', 'orderedList', 'listItem', 'hardBreak', 'text']);
export const PLAIN_MARKS: ReadonlySet<string> = new Set(['bold', 'italic']);

const OWN_VOICE_IDS = CATALOGUE.filter((e) => e.ownVoice).map((e) => e.id);

/**
 * Whether a section instance id is a person's own voice. Per-person instance ids are the
 * catalogue id and the person (`reactie-besluit-sanne`, server/cases/caseSections.ts).
 */
export function isOwnVoiceSection(sectionId: string): boolean {
  return OWN_VOICE_IDS.some((id) => sectionId.startsWith(`${id}-`));
}
