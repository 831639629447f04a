import * as Y from 'yjs';
import { isBlockType } from '../../shared/blocks/index.ts';
import { DOC_FIELD } from '../../shared/protocol.ts';
import type { ClientOwner } from './updateLog.ts';
import type { Room } from './room.ts';

/** Who inserted a block and whose value its content is: owners of the client ids of its element and of its `data`. */
export interface RawBlockAuthorship {
  blockId: string;
  insertedBy: ClientOwner | null;
  changedBy: ClientOwner | null;
}

/**
 * Reads, per block of a section, who inserted it and who last changed it, from the document
 * itself: the element's item was written under one client id and the current `data` value under
 * another (or the same). Owners come from the stored claims (clientOwners.ts), so nothing a
 * client typed says who set a condition.
 */
export function blockAuthorship(section: Room): RawBlockAuthorship[] {
  const out: RawBlockAuthorship[] = [];
  for (const node of section.doc.getXmlFragment(DOC_FIELD).createTreeWalker(() => true)) {
    if (!(node instanceof Y.XmlElement) || !isBlockType(node.nodeName)) continue;
    const data = node.getAttribute('data') as unknown as { id?: unknown } | undefined;
    if (typeof data?.id !== 'string') continue;
    const element = node._item;
    const value = node._map.get('data');
    out.push({
      blockId: data.id,
      insertedBy: element ? (section.ownerOf(element.id.client) ?? null) : null,
      changedBy: value ? (section.ownerOf(value.id.client) ?? null) : null,
    });
  }
  return out;
}
