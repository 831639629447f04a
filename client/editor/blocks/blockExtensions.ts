import type { AnyExtension, Editor } from '@tiptap/core';
import { ReactNodeViewRenderer } from '@tiptap/react';
import { BlockType } from '../../../shared/blocks/index.ts';
import { blockNode } from '../../../shared/editor/blockNode.ts';
import { BlockNodeView } from './BlockNodeView.tsx';

/**
 * The shared block nodes with their React view; `sectionId` lets a view find its confirmations,
 * `mayComment` whether it offers "Reageren".
 */
export function blockExtensions(sectionId: string, mayComment: boolean): AnyExtension[] {
  return BlockType.options.map((type) =>
    blockNode(type).extend({
      addOptions: () => ({ sectionId, mayComment }),
      addNodeView: () =>
        ReactNodeViewRenderer(BlockNodeView, {
          // Clicks and typing in the block's own buttons are theirs, not the editor's.
          stopEvent: ({ event }) => event.target instanceof HTMLElement && event.target.closest('button, a, input, select, textarea') !== null,
        }),
    }),
  );
}

/** The section an editor's blocks belong to (its block extensions were made for it). */
export function sectionOfEditor(editor: Editor): string | undefined {
  const options = editor.extensionManager.extensions.find((e) => e.name === BlockType.options[0])?.options as { sectionId?: string } | undefined;
  return options?.sectionId;
}
