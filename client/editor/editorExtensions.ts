import type { AnyExtension } from '@tiptap/core';
import { isBlockType } from '../../shared/blocks/index.ts';
import { documentExtensions } from '../../shared/editor/schema.ts';
import { blockExtensions } from './blocks/blockExtensions.ts';
import { PasteCleanup } from './pasteCleanup.ts';
import { TrailingParagraph } from './trailingParagraph.ts';

/** The shared document model, with React views for the blocks and browser-only behaviour. */
export function editorExtensions(sectionId: string, mayComment: boolean): AnyExtension[] {
  return [...documentExtensions().filter((e) => !isBlockType(e.name)), ...blockExtensions(sectionId, mayComment), PasteCleanup, TrailingParagraph];
}
