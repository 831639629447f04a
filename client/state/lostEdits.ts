import { create } from 'zustand';

/** Text typed in a section that can no longer be stored there (access ended or changed). */
export interface LostText {
  /** `<caseId>/<sectionId>`. */
  room: string;
  title: string;
  /** What was typed and never stored, one line per paragraph; empty when only text was removed. */
  text: string;
}

interface LostEditsState {
  items: LostText[];
  add(item: LostText): void;
  dismiss(room: string): void;
}

/**
 * Held in memory only: the local copy is already deleted when an item is added, so the text is
 * shown once, for copying, and is gone when dismissed or when the page closes.
 */
export const useLostEdits = create<LostEditsState>((set) => ({
  items: [],
  add: (item) => set((s) => ({ items: [...s.items.filter((i) => i.room !== item.room), item] })),
  dismiss: (room) => set((s) => ({ items: s.items.filter((i) => i.room !== room) })),
}));
