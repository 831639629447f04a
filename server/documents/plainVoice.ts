import { isOwnVoiceSection, PLAIN_MARKS, PLAIN_NODES } from '../../shared/ownVoice.ts';
import type { NodeJSON } from './documentJSON.ts';

/** A rule of one kind of section on top of the schema every section has: why not, or null. */
export type ContentRule = (content: readonly NodeJSON[]) => string | null;

/** Plain text and lists only (shared/ownVoice.ts); depth first without recursion. */
export const plainOnly: ContentRule = (content) => {
  const todo = [...content];
  while (todo.length > 0) {
    const node = todo.pop()!;
    if (!PLAIN_NODES.has(node.type)) return `in eigen woorden alleen tekst en opsommingen (niet: ${node.type})`;
    const mark = node.marks?.find((m) => !PLAIN_MARKS.has(m.type));
    if (mark) return `in eigen woorden alleen vet en schuin (niet: ${mark.type})`;
    if (node.content) todo.push(...node.content);
  }
  return null;
};

/** The extra rule for the document of a room (`<caseId>/<sectionId>`), if its section has one. */
export function contentRuleFor(room: string): ContentRule | null {
  const sectionId = room.slice(room.indexOf('/') + 1);
  return isOwnVoiceSection(sectionId) ? plainOnly : null;
}
