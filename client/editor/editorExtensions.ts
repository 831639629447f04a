import type { AnyExtension } from '@tiptap/core';
import { isBlockType } from '../../shared/blocks/index.ts';
import { plainDocumentExtensions } from '../../shared/editor/plainSchema.ts';
import { documentExtensions } from '../../shared/editor/schema.ts';
import { isOwnVoiceSection } from '../../shared/ownVoice.ts';
import { blockExtensions } from './blocks/blockExtensions.ts';
import { PasteCleanup } from './pasteCleanup.ts';
import { TrailingParagraph } from './trailingParagraph.ts';

/**
 * The shared document model, with React views for the blocks and browser-only behaviour. A
 * person's own voice gets the plain model: no heading, table, block or professional mark to make,
 * by toolbar, shortcut or pasting, because the server refuses those there.
 */
export function editorExtensions(sectionId: string, mayComment: boolean): AnyExtension[] {
  if (isOwnVoiceSection(sectionId)) return [...plainDocumentExtensions(), PasteCleanup];
  return [...documentExtensions().filter((e) => !isBlockType(e.name)), ...blockExtensions(sectionId, mayComment), PasteCleanup, TrailingParagraph];
}
