import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import type { CommentAnchor } from '../../shared/comments.ts';
import { DOC_FIELD } from '../../shared/protocol.ts';
import type { ClockRange } from './roomHistory.ts';

/**
 * Destroying what a removal request was about (Jeugdwet 7.3.9): the text is already gone from the
 * section, but the update log that keeps its history still holds it. Here the items it consisted
 * of are found in the full history, and every stored update is rewritten with their content
 * replaced by a deletion of the same length. Ids, positions and deletions stay, so the section
 * and every other part of its history replay exactly as before; only that text is gone.
 */

/** Items whose content is destroyed, per Yjs client, sorted by clock. */
export type DestroyedItems = Map<number, ClockRange[]>;

/** Content of an item, and an update's delete set: Yjs has the classes but does not export their types. */
type Content = Y.Item['content'];
type DeleteSet = ReturnType<typeof Y.decodeUpdate>['ds'];
/** Any shared type: its children start at `_start`, its attributes are in `_map`. */
type Parent = Pick<Y.XmlFragment, '_start' | '_map'>;

export type FindResult =
  /** `texts`: the destroyed text, one string per run of characters, to find where else it is quoted. */
  | { found: DestroyedItems; texts: string[] }
  /** `nog-aanwezig`: part of it is still in the section; `niet-gevonden`: the anchor points at nothing stored. */
  | { problem: 'nog-aanwezig' | 'niet-gevonden' };

/**
 * The deleted items an anchor covers, in a document replayed without garbage collection (so
 * deleted items keep their content). A range covers its first to its last character, with
 * everything between them in document order (whole paragraphs and blocks included); a block, its
 * element with its attributes and everything inside.
 */
export function destroyedBy(anchor: CommentAnchor, fragment: Y.XmlFragment): FindResult {
  const order = itemsInOrder(fragment);
  let covered: { item: Y.Item; from: number; to: number }[];
  if (anchor.kind === 'range') {
    const start = itemId(anchor.start);
    const end = itemId(anchor.end);
    if (!start || !end) return { problem: 'niet-gevonden' };
    let first = order.findIndex((i) => contains(i, start));
    let last = order.findIndex((i) => contains(i, end));
    if (first === -1 || last === -1 || last < first) return { problem: 'niet-gevonden' };
    // A source or other mark on the passage starts just before its first character and ends just after its last.
    while (first > 0 && order[first - 1]!.content instanceof Y.ContentFormat) first--;
    while (last + 1 < order.length && order[last + 1]!.content instanceof Y.ContentFormat) last++;
    covered = order.slice(first, last + 1).map((item) => ({
      item,
      from: contains(item, start) ? start.clock : item.id.clock,
      to: contains(item, end) ? end.clock + 1 : item.id.clock + item.length,
    }));
  } else {
    // A block keeps its fields, its id among them, in its one attribute `data` (see blockNode.ts).
    const element = order.find(
      (i) => i.content instanceof Y.ContentType && i.content.type instanceof Y.XmlElement && (storedAttribute(i.content.type, 'data') as { id?: unknown } | undefined)?.id === anchor.blockId,
    );
    if (!element) return { problem: 'niet-gevonden' };
    covered = [element, ...itemsInOrder((element.content as Y.ContentType).type, true)].map((item) => ({ item, from: item.id.clock, to: item.id.clock + item.length }));
  }
  // Everything it covers must be gone from the section first: destroying never removes live text.
  if (covered.some(({ item }) => !item.deleted && item.countable)) return { problem: 'nog-aanwezig' };
  const found: DestroyedItems = new Map();
  const texts: string[] = [];
  let run = '';
  for (const { item, from, to } of covered) {
    // Only what is deleted: a live mark of a neighbouring passage stays.
    if (!item.deleted || !destroyable(item.content) || to <= from) continue;
    const list = found.get(item.id.client) ?? [];
    list.push({ client: item.id.client, clock: from, len: to - from });
    found.set(item.id.client, list);
    if (item.content instanceof Y.ContentString) run += item.content.str.slice(from - item.id.clock, to - item.id.clock);
    else if (!(item.content instanceof Y.ContentFormat) && run) {
      texts.push(run);
      run = '';
    }
  }
  if (run) texts.push(run);
  for (const list of found.values()) list.sort((a, b) => a.clock - b.clock);
  return { found, texts };
}

/**
 * The change that takes what an anchor covers out of the section, made on a copy of the live
 * document: deleting the block, or the passage when it lies within one paragraph. Null when it is
 * not there, or runs over more than one paragraph (joining paragraphs is the editor's work).
 */
export function removalOf(anchor: CommentAnchor, live: Y.Doc): Uint8Array | null {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(live));
  let update: Uint8Array | null = null;
  copy.on('update', (u: Uint8Array) => {
    update = u;
  });
  try {
    if (anchor.kind === 'block') {
      const found = blockIn(copy.getXmlFragment(DOC_FIELD), anchor.blockId);
      if (!found) return null;
      copy.transact(() => found.parent.delete(found.index, 1));
    } else {
      const start = Y.createAbsolutePositionFromRelativePosition(relative(anchor.start), copy);
      const end = Y.createAbsolutePositionFromRelativePosition(relative(anchor.end), copy);
      if (!start || !end || start.type !== end.type || !(start.type instanceof Y.XmlText) || end.index <= start.index) return null;
      const text = start.type;
      copy.transact(() => text.delete(start.index, end.index - start.index));
    }
    return update;
  } finally {
    copy.destroy();
  }
}

/** Where the block with this id is, at any depth. */
function blockIn(parent: Y.XmlFragment | Y.XmlElement, blockId: string): { parent: Y.XmlFragment | Y.XmlElement; index: number } | null {
  const children = parent.toArray();
  for (let index = 0; index < children.length; index++) {
    const child = children[index];
    if (!(child instanceof Y.XmlElement)) continue;
    if ((child.getAttribute('data') as { id?: unknown } | undefined)?.id === blockId) return { parent, index };
    const inside = blockIn(child, blockId);
    if (inside) return inside;
  }
  return null;
}

/**
 * Whether another comment's anchor points into destroyed text or quotes it (or a part of it), so
 * that its quote must go too.
 */
export function anchorTouches(anchor: CommentAnchor, destroyed: DestroyedItems, texts: readonly string[]): boolean {
  if (anchor.kind === 'range') {
    for (const id of [itemId(anchor.start), itemId(anchor.end)]) {
      if (id && overlapping(destroyed.get(id.client), id.clock, 1).length > 0) return true;
    }
  }
  const quote = anchor.quote.trim();
  return quote.length >= 3 && texts.some((t) => t.includes(quote) || (t.trim().length >= 3 && quote.includes(t.trim())));
}

/**
 * One stored update (or snapshot) with the destroyed items' content replaced by deletions; null
 * when it holds none of them. Written in Yjs' v1 encoding, as Yjs itself writes updates.
 */
export function scrubUpdate(update: Uint8Array, destroyed: DestroyedItems): Uint8Array | null {
  const { structs, ds } = Y.decodeUpdate(update);
  let changed = false;
  const out: (Y.Item | Y.GC | Y.Skip)[] = [];
  for (const s of structs) {
    const ranges = s instanceof Y.Item && destroyable(s.content) ? overlapping(destroyed.get(s.id.client), s.id.clock, s.length) : [];
    if (ranges.length === 0) {
      out.push(s);
      continue;
    }
    changed = true;
    out.push(...pieces(s as Y.Item, ranges));
  }
  return changed ? encodeV1(out, ds) : null;
}

/** Content a person wrote: text, attribute and format values, embeds. Structure (elements) stays. */
function destroyable(content: Content): boolean {
  return (
    content instanceof Y.ContentString ||
    content instanceof Y.ContentAny ||
    content instanceof Y.ContentJSON ||
    content instanceof Y.ContentFormat ||
    content instanceof Y.ContentEmbed ||
    content instanceof Y.ContentBinary
  );
}

/** The item cut at the edges of the destroyed ranges, with the destroyed pieces' content deleted. */
function pieces(item: Y.Item, ranges: readonly ClockRange[]): Y.Item[] {
  const start = item.id.clock;
  const end = start + item.length;
  const cuts = new Set<number>([start, end]);
  for (const r of ranges) {
    cuts.add(Math.max(start, r.clock));
    cuts.add(Math.min(end, r.clock + r.len));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const result: Y.Item[] = [];
  for (let k = 0; k + 1 < points.length; k++) {
    const from = points[k]!;
    const to = points[k + 1]!;
    const gone = ranges.some((r) => r.clock <= from && to <= r.clock + r.len);
    const content = gone ? new Y.ContentDeleted(to - from) : slice(item.content, from - start, to - start);
    // A piece after the first one hangs on the character before it, as Yjs writes a split item.
    const origin = from === start ? item.origin : Y.createID(item.id.client, from - 1);
    result.push(new Y.Item(Y.createID(item.id.client, from), null, origin, null, item.rightOrigin, item.parent, item.parentSub, content));
  }
  return result;
}

function slice(content: Content, from: number, to: number): Content {
  if (from === 0 && to === content.getLength()) return content;
  if (content instanceof Y.ContentString) return new Y.ContentString(content.str.slice(from, to));
  if (content instanceof Y.ContentAny) return new Y.ContentAny(content.arr.slice(from, to));
  if (content instanceof Y.ContentJSON) return new Y.ContentJSON(content.arr.slice(from, to));
  // Formats, embeds and binaries have length 1: never cut.
  throw new Error(`cannot cut ${content.constructor.name}`);
}

function overlapping(ranges: readonly ClockRange[] | undefined, clock: number, len: number): ClockRange[] {
  if (!ranges) return [];
  return ranges.filter((r) => r.clock < clock + len && clock < r.clock + r.len);
}

/** Structs and delete set in the v1 layout Yjs reads: per client its structs from the first clock, then the deletions. */
function encodeV1(structs: readonly (Y.Item | Y.GC | Y.Skip)[], ds: DeleteSet): Uint8Array {
  const encoder = new Y.UpdateEncoderV1();
  const groups: (Y.Item | Y.GC | Y.Skip)[][] = [];
  for (const s of structs) {
    const last = groups.at(-1);
    if (last && last[0]!.id.client === s.id.client) last.push(s);
    else groups.push([s]);
  }
  encoding.writeVarUint(encoder.restEncoder, groups.length);
  for (const group of groups) {
    encoding.writeVarUint(encoder.restEncoder, group.length);
    encoder.writeClient(group[0]!.id.client);
    encoding.writeVarUint(encoder.restEncoder, group[0]!.id.clock);
    for (const s of group) s.write(encoder, 0);
  }
  const clients = [...ds.clients.entries()].sort((a, b) => b[0] - a[0]);
  encoding.writeVarUint(encoder.restEncoder, clients.length);
  for (const [client, items] of clients) {
    encoder.resetDsCurVal();
    encoding.writeVarUint(encoder.restEncoder, client);
    encoding.writeVarUint(encoder.restEncoder, items.length);
    for (const it of items) {
      encoder.writeDsClock(it.clock);
      encoder.writeDsLen(it.len);
    }
  }
  return encoder.toUint8Array();
}

/**
 * Every item under a type in document order: each child, then (for an element) every value its
 * attributes ever had and its own children; with `withAttributes`, the type's own attributes first.
 */
function itemsInOrder(type: Parent, withAttributes = false): Y.Item[] {
  const out: Y.Item[] = [];
  const attributes = (parent: Parent) => {
    for (const last of parent._map.values()) for (let entry: Y.Item | null = last; entry !== null; entry = entry.left) out.push(entry);
  };
  const visit = (parent: Parent) => {
    for (let item = parent._start; item !== null; item = item.right) {
      out.push(item);
      if (item.content instanceof Y.ContentType) {
        attributes(item.content.type);
        visit(item.content.type);
      }
    }
  };
  if (withAttributes) attributes(type);
  visit(type);
  return out;
}

/** An attribute as stored, also when its element was deleted (`getAttribute` hides deleted ones). */
function storedAttribute(type: Parent, key: string): unknown {
  const item = type._map.get(key);
  return item?.content.getContent().at(-1);
}

function relative(base64: string): Y.RelativePosition {
  return Y.decodeRelativePosition(Uint8Array.from(Buffer.from(base64, 'base64')));
}

function itemId(base64: string): Y.ID | null {
  return relative(base64).item;
}

function contains(item: Y.Item, id: Y.ID): boolean {
  return item.id.client === id.client && item.id.clock <= id.clock && id.clock < item.id.clock + item.length;
}
