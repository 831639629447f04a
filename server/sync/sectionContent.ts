import * as Y from 'yjs';
import { type BlockData, type BlockType, isBlockType } from '../../shared/blocks/index.ts';
import { DOC_FIELD } from '../../shared/protocol.ts';
import type { DocRegistry } from './docRegistry.ts';

/** Runs `read` on the live document of a room (loading it if nobody has it open). */
export async function readSection<T>(registry: DocRegistry, room: string, read: (doc: Y.Doc) => T): Promise<T> {
  const section = await registry.acquire(room);
  try {
    return read(section.doc);
  } finally {
    registry.release(room);
  }
}

export interface FoundBlock<T extends BlockType = BlockType> {
  type: T;
  data: BlockData[T];
}

/** Every safety-plan block in a section document, in document order. */
export function blocksOf(doc: Y.Doc): FoundBlock[] {
  const found: FoundBlock[] = [];
  for (const node of doc.getXmlFragment(DOC_FIELD).createTreeWalker(() => true)) {
    if (node instanceof Y.XmlElement && isBlockType(node.nodeName)) {
      found.push({ type: node.nodeName, data: node.getAttribute('data') as unknown as BlockData[BlockType] });
    }
  }
  return found;
}
