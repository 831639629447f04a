import type { AnyExtension } from '@tiptap/core';
import { documentExtensions } from '../../shared/editor/schema.ts';

/** The shared document model plus what only the browser needs (node views are added per block). */
export function editorExtensions(): AnyExtension[] {
  return documentExtensions();
}
