import type { Locator } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Puts the caret at the very end of a Tiptap editor, as a user does with a click and Ctrl+End,
 * and waits until the editor itself has taken that selection. ProseMirror reads a caret the
 * browser moved on 'selectionchange', a moment later; on a busy machine a paste or key sent
 * before that lands at the old caret.
 */
export async function caretAtEnd(editor: Locator): Promise<void> {
  await editor.click();
  await expect
    .poll(async () => {
      await editor.page().keyboard.press('Control+End');
      return editor.evaluate((el) => {
        const tiptap = (el as HTMLElement & { editor?: { state: { selection: { empty: boolean; to: number; $to: { end(): number } }; doc: { content: { size: number } } } } }).editor;
        if (!tiptap) return false;
        const { selection, doc } = tiptap.state;
        // At the end of the last textblock: nothing after it but the closing of its ancestors.
        return selection.empty && selection.to === selection.$to.end() && doc.content.size - selection.to <= 4;
      });
    })
    .toBe(true);
}

/**
 * Clicks into an editor's text, and waits the moment ProseMirror takes to read that caret from
 * 'selectionchange'; a key pressed before that acts on the old selection (the start of the document).
 */
export async function clickCaret(target: Locator): Promise<void> {
  await target.click();
  await target.page().waitForTimeout(100);
}
