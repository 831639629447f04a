import type { EditorState } from '@tiptap/pm/state';
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import type { CommentAnchor } from '../../../shared/comments.ts';

interface SyncState {
  doc: Y.Doc;
  type: Y.XmlFragment;
  binding: { mapping: Map<Y.AbstractType<unknown>, unknown> } | null;
}

function syncState(state: EditorState): SyncState | null {
  const s = ySyncPluginKey.getState(state) as SyncState | undefined;
  return s?.binding ? s : null;
}

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/**
 * A range anchor for the current selection: Yjs RelativePositions, which keep pointing at the
 * same characters while others type before, in or after them.
 */
export function anchorForSelection(state: EditorState): CommentAnchor | null {
  const sync = syncState(state);
  const { from, to, empty } = state.selection;
  if (!sync || empty) return null;
  // The start sticks to the first character of the range and the end to the last, so text typed
  // just outside the range stays outside it.
  const rel = (pos: number, assoc: 0 | -1) => {
    const base = absolutePositionToRelativePosition(pos, sync.type, sync.binding!.mapping as never) as Y.RelativePosition;
    const abs = Y.createAbsolutePositionFromRelativePosition(base, sync.doc);
    const exact = abs && abs.type instanceof Y.XmlText ? Y.createRelativePositionFromTypeIndex(abs.type, abs.index, assoc) : base;
    return toBase64(Y.encodeRelativePosition(exact));
  };
  return { kind: 'range', start: rel(from, 0), end: rel(to, -1), quote: state.doc.textBetween(from, to, ' ').slice(0, 2000) };
}

/** Where a range anchor is now; null when its text was deleted (the range collapsed) or is gone. */
export function resolveAnchor(state: EditorState, anchor: CommentAnchor): { from: number; to: number } | null {
  const sync = syncState(state);
  if (!sync) return null;
  if (anchor.kind === 'block') {
    let found: { from: number; to: number } | null = null;
    state.doc.descendants((node, pos) => {
      if (found) return false;
      if ((node.attrs.data as { id?: string } | null)?.id === anchor.blockId) found = { from: pos, to: pos + node.nodeSize };
      return !found;
    });
    return found;
  }
  try {
    const abs = (b64: string) => relativePositionToAbsolutePosition(sync.doc, sync.type, Y.decodeRelativePosition(fromBase64(b64)), sync.binding!.mapping as never);
    const from = abs(anchor.start);
    const to = abs(anchor.end);
    if (from === null || to === null || to <= from) return null;
    return { from, to };
  } catch {
    return null;
  }
}
