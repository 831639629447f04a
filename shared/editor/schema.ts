import { type AnyExtension, getSchema } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { TableKit } from '@tiptap/extension-table';
import { BlockType } from '../blocks/index.ts';
import { blockNode } from './blockNode.ts';
import { isAllowedLink } from './linkPolicy.ts';
import { SourceMark } from './sourceMark.ts';

/**
 * The document model of every section, shared by the editor and the server (seeding, content
 * checks, overview). Undo/redo is left to the collaboration layer. No trailing-node plugin: it
 * edits the document just by opening it, which a reader may not do and which, with six people
 * opening a section at once, stacks up empty lines; the gap cursor lets writers type after a block.
 */
export function documentExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({ undoRedo: false, trailingNode: false, link: { openOnClick: false, autolink: true, isAllowedUri: (url) => isAllowedLink(url) } }),
    TableKit.configure({ table: { resizable: false } }),
    SourceMark,
    ...BlockType.options.map((type) => blockNode(type)),
  ];
}

/** ProseMirror schema of a section document. */
export function documentSchema() {
  return getSchema(documentExtensions());
}
