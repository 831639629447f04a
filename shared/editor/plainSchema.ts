import { type AnyExtension, getSchema } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { PLAIN_MARKS, PLAIN_NODES } from '../ownVoice.ts';

/** What StarterKit brings that a document holds (nodes and marks), by their option name. */
const STARTER_CONTENT = ['blockquote', 'bold', 'bulletList', 'code', 'codeBlock', 'hardBreak', 'heading', 'horizontalRule', 'italic', 'listItem', 'link', 'orderedList', 'strike', 'underline'] as const;

/**
 * The document model of a person's own voice: only what `PLAIN_NODES` and `PLAIN_MARKS` allow,
 * the rule the server keeps there (server/documents/plainVoice.ts). An editor on it has no command,
 * shortcut (Ctrl+Alt+1 for a heading, Ctrl+E for code) or input rule for anything the server would
 * refuse, because the schema has no such node or mark to make.
 */
export function plainDocumentExtensions(): AnyExtension[] {
  const off = Object.fromEntries(STARTER_CONTENT.filter((name) => !PLAIN_NODES.has(name) && !PLAIN_MARKS.has(name)).map((name) => [name, false]));
  return [StarterKit.configure({ undoRedo: false, trailingNode: false, ...off })];
}

/** ProseMirror schema of a person's own voice. */
export function plainDocumentSchema() {
  return getSchema(plainDocumentExtensions());
}
