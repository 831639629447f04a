import { type AnyExtension, getSchema } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { TableKit } from '@tiptap/extension-table';
import { BlockType } from '../blocks/index.ts';
import { blockNode } from './blockNode.ts';

/**
 * The document model of every section, shared by the editor and the server (seeding, content
 * checks, overview). Undo/redo is left to the collaboration layer.
 */
export function documentExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({ undoRedo: false, link: { openOnClick: false, autolink: true } }),
    TableKit.configure({ table: { resizable: false } }),
    ...BlockType.options.map((type) => blockNode(type)),
  ];
}

/** ProseMirror schema of a section document. */
export function documentSchema() {
  return getSchema(documentExtensions());
}
