import { create } from 'zustand';
import type { CommentAnchor } from '../../../shared/comments.ts';

export interface CommentTarget {
  sectionId: string;
  anchor: Extract<CommentAnchor, { kind: 'block' }>;
  /** What the reaction is about, as the form says it ("Afspraak: …"). */
  label: string;
}

/**
 * A block someone chose to react on ("Reageren" on the block). Blocks are not text one can
 * select, least of all for a reader on a phone; the comment form of the section picks this up.
 */
export const useCommentTarget = create<{ target: CommentTarget | null; choose(t: CommentTarget): void; clear(): void }>((set) => ({
  target: null,
  choose: (target) => set({ target }),
  clear: () => set({ target: null }),
}));

/** Id of the comment field of a section, so a block's "Reageren" can move focus there. */
export const commentFieldId = (sectionId: string) => `reactie-${sectionId}`;
