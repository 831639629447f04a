import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import type { ThreadView } from '../../../shared/comments.ts';
import { resolveAnchor } from './anchors.ts';

export const commentHighlightKey = new PluginKey<DecorationSet>('commentHighlights');

/** Meta to hand the plugin a new list of threads. */
export const SET_THREADS = 'setCommentThreads';

/**
 * Highlights the text each open thread is about. Positions are re-resolved from the Yjs anchors
 * on every change, so a highlight follows what others type around it.
 */
export const CommentHighlights = Extension.create({
  name: 'commentHighlights',
  addProseMirrorPlugins() {
    let threads: ThreadView[] = [];
    const build = (state: Parameters<typeof resolveAnchor>[0]) => {
      const decorations: Decoration[] = [];
      for (const t of threads) {
        if (t.resolvedAt) continue;
        const at = resolveAnchor(state, t.anchor);
        if (!at) continue;
        const attrs = { class: 'comment-highlight', 'data-thread': t.id };
        decorations.push(t.anchor.kind === 'block' ? Decoration.node(at.from, at.to, attrs) : Decoration.inline(at.from, at.to, attrs));
      }
      return DecorationSet.create(state.doc, decorations);
    };
    return [
      new Plugin<DecorationSet>({
        key: commentHighlightKey,
        state: {
          init: (_config, state) => build(state),
          apply(tr, old, _oldState, newState) {
            const next = tr.getMeta(SET_THREADS) as ThreadView[] | undefined;
            if (next) threads = next;
            if (next) return build(newState);
            if (!tr.docChanged) return old;
            // A change from the shared document: the Yjs anchors are up to date, resolve them. A
            // local edit reaches Yjs only after this state exists, so map the highlights instead.
            const fromYjs = (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin;
            return fromYjs ? build(newState) : old.map(tr.mapping, tr.doc);
          },
        },
        props: { decorations: (state) => commentHighlightKey.getState(state) },
      }),
    ];
  },
});
