import { create } from 'zustand';
import type { BlockType } from '../../../shared/blocks/index.ts';
import type { AnyBlockData } from '../../../shared/blocks/fields.ts';

export interface BlockDialogRequest {
  type: BlockType;
  initial: Record<string, unknown>;
  /** Fields the server attested: shown, not editable. */
  locked?: readonly string[];
  /** The section the block is in: an agreement names only who may read it. */
  sectionId?: string;
  /** Where focus goes back to when the dialog closes. */
  returnFocus: HTMLElement | null;
  onSave(data: AnyBlockData): void;
}

/** The one open block form of the page (new or existing block), shown in a modal dialog. */
export const useBlockDialog = create<{ request: BlockDialogRequest | null; open(r: BlockDialogRequest): void; close(): void }>((set) => ({
  request: null,
  open: (request) => set({ request }),
  close: () => set({ request: null }),
}));
