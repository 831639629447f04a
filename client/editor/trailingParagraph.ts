import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { type EditorState, NodeSelection, Plugin, PluginKey, TextSelection, type Transaction } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { isBlockType } from '../../shared/blocks/index.ts';

/** A last node after which nobody can type: a safety-plan block or a table. */
const closesText = (node: PMNode | null | undefined): boolean => !!node && (isBlockType(node.type.name) || node.type.name === 'table');

/** An empty paragraph at the end, when the document ends in a block or table; null when it does not. */
function withTrailingParagraph(state: EditorState): Transaction | null {
  const { doc, schema } = state;
  if (!closesText(doc.lastChild)) return null;
  return state.tr.insert(doc.content.size, schema.nodes.paragraph!.create());
}

/**
 * Always room to type after a last block or table: Tiptap's TrailingNode idea, but only on the
 * writer's own edits. Opening a section changes nothing (a reader may not edit, and six people
 * opening it at once would each add a line); the writer's next edit that leaves a block last adds
 * one empty paragraph after it, and so does a click below the last block, or from the keyboard
 * Ctrl+End (the browser's own stops in the last text before the blocks) and Arrow down on the
 * last block.
 */
export const TrailingParagraph = Extension.create({
  name: 'trailingParagraph',
  addKeyboardShortcuts() {
    return {
      'Mod-End': () => typeAfterLastBlock(this.editor.view, this.editor.isEditable),
      ArrowDown: () => {
        const { selection, doc } = this.editor.state;
        const onLastBlock = selection instanceof NodeSelection && selection.to === doc.content.size;
        return onLastBlock && typeAfterLastBlock(this.editor.view, this.editor.isEditable);
      },
    };
  },
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('trailingParagraph'),
        appendTransaction: (transactions, _old, state) => {
          const local = transactions.some((tr) => tr.docChanged && !tr.getMeta(ySyncPluginKey)?.isChangeOrigin);
          return local && this.editor.isEditable ? withTrailingParagraph(state) : null;
        },
        props: {
          handleDOMEvents: {
            mousedown: (view, event) => clickBelowLastBlock(view, event, this.editor.isEditable),
          },
        },
      }),
    ];
  },
});

/** A click below the last block puts the caret in a new paragraph after it. */
function clickBelowLastBlock(view: EditorView, event: MouseEvent, editable: boolean): boolean {
  const last = view.dom.lastElementChild;
  if (!last || event.clientY <= last.getBoundingClientRect().bottom) return false;
  if (!typeAfterLastBlock(view, editable)) return false;
  event.preventDefault();
  return true;
}

/** The caret in a new paragraph after the last block or table; false when the document does not end in one. */
function typeAfterLastBlock(view: EditorView, editable: boolean): boolean {
  if (!editable) return false;
  const tr = withTrailingParagraph(view.state);
  if (!tr) return false;
  view.dispatch(tr.setSelection(TextSelection.create(tr.doc, tr.doc.content.size - 1)).scrollIntoView());
  view.focus();
  return true;
}
