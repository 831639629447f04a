import * as Y from 'yjs';
import { isBlockType } from '../../shared/blocks/index.ts';
import type { DiffRun } from '../../shared/history.ts';
import { SOURCE_MARK, sourceLabel, StatementSource } from '../../shared/editor/sourceMark.ts';
import { DOC_FIELD } from '../../shared/protocol.ts';
import { blockText } from './blockText.ts';
import type { RoomHistory } from './roomHistory.ts';
import { wordDiff } from './wordDiff.ts';

export { blockText, wordDiff };

type Kind = DiffRun['kind'];

/** A diff run before names are filled in. */
export interface RawRun {
  kind: Kind;
  text: string;
  /** Who added or removed it; null for unchanged text (or an unknown author). */
  userId: string | null;
}

/**
 * The difference between the document as of row `versionId` and the document now, per top-level
 * node (paragraph, heading, list, table, block), in document order. Exact, not guessed: the
 * history document keeps every item ever written, so each piece of text is classified by its own
 * Yjs item — there then and still there (`same`), written since (`added`, by the user whose update
 * brought the item's client), or deleted since (`removed`, by the user whose update deleted it).
 * A safety-plan block is one line of text in the words it reads in (blockText.ts); when its data
 * changed, that line is diffed word by word.
 */
export function diffSinceVersion(history: RoomHistory, versionId: number): { runs: RawRun[] }[] {
  const sv = history.stateVectorAt(versionId);
  const at = new Classifier(history, versionId, sv);
  const out: { runs: RawRun[] }[] = [];
  const fragment = history.doc.getXmlFragment(DOC_FIELD);
  for (let item = fragment._start; item; item = item.right) {
    if (!(item.content instanceof Y.ContentType)) continue;
    const state = at.itemState(item);
    if (!state) continue;
    const type = item.content.type;
    const runs: RawRun[] = [];
    if (type instanceof Y.XmlElement && isBlockType(type.nodeName)) blockRuns(at, type, state, runs);
    else new TextWalker(at, runs).walk(type);
    const merged = mergeRuns(settleStretches(mergeRuns(runs)));
    if (merged.length > 0) out.push({ runs: merged });
  }
  return out;
}

interface ItemState {
  kind: Kind;
  userId: string | null;
}

/** Decides for items and clock ranges whether they were there at the version and are there now. */
class Classifier {
  constructor(
    readonly history: RoomHistory,
    readonly versionId: number,
    private readonly sv: Map<number, number>,
  ) {}

  /** Was `(client, clock)` part of the document at the version? */
  visibleAtVersion(client: number, clock: number): boolean {
    if (clock >= (this.sv.get(client) ?? 0)) return false;
    const deletion = this.history.deletionOf(client, clock);
    return !deletion || deletion.id > this.versionId;
  }

  /** State of a whole item (elements, attribute values: length 1); null when in neither version. */
  itemState(item: Y.Item): ItemState | null {
    const { client, clock } = item.id;
    return this.state(client, clock, !item.deleted);
  }

  state(client: number, clock: number, now: boolean): ItemState | null {
    const then = this.visibleAtVersion(client, clock);
    if (then && now) return { kind: 'same', userId: null };
    if (then) return { kind: 'removed', userId: this.history.deletionOf(client, clock)?.userId ?? null };
    if (now) return { kind: 'added', userId: this.history.authorOf(client) };
    return null;
  }

  /** An item's clock range cut where its state can change: the version's state vector, deletions. */
  pieces(item: Y.Item): { offset: number; len: number; state: ItemState }[] {
    const { client, clock } = item.id;
    const end = clock + item.length;
    const cuts = new Set<number>([clock, end]);
    const svClock = this.sv.get(client) ?? 0;
    if (svClock > clock && svClock < end) cuts.add(svClock);
    for (const c of this.history.deletionBoundaries(client, clock, item.length)) cuts.add(c);
    const sorted = [...cuts].sort((a, b) => a - b);
    const out: { offset: number; len: number; state: ItemState }[] = [];
    for (let i = 0; i + 1 < sorted.length; i++) {
      const from = sorted[i]!;
      const state = this.state(client, from, !item.deleted);
      if (state) out.push({ offset: from - clock, len: sorted[i + 1]! - from, state });
    }
    return out;
  }
}

/** Collects the text of an element and everything in it, with a line break between nested blocks. */
class TextWalker {
  private pendingBreak: ItemState | null = null;

  constructor(
    private readonly at: Classifier,
    private readonly out: RawRun[],
  ) {}

  /**
   * Depth first, in document order, without recursion: a section stored before nesting was bounded
   * may be thousands of levels deep. The stack holds, per open level, the next item to visit.
   */
  // biome-ignore lint/suspicious/noExplicitAny: Yjs types are generic over their event type.
  walk(type: Y.AbstractType<any>): void {
    const next: (Y.Item | null)[] = [type._start];
    while (next.length > 0) {
      const item = next.pop();
      if (!item) continue;
      next.push(item.right);
      const content = item.content;
      if (content instanceof Y.ContentString) {
        for (const piece of this.at.pieces(item)) this.push(piece.state, content.str.slice(piece.offset, piece.offset + piece.len));
      } else if (content instanceof Y.ContentType) {
        const state = this.at.itemState(item);
        if (!state) continue;
        if (content.type instanceof Y.XmlElement) this.pendingBreak = state;
        next.push(content.type._start);
      } else if (content instanceof Y.ContentFormat && content.key === SOURCE_MARK) {
        // Saying where a passage comes from, or no longer, changes what it means: the reviewer sees
        // the label where the passage starts, as added or removed by who did it.
        const source = StatementSource.safeParse(content.value);
        const state = source.success ? this.at.itemState(item) : null;
        if (source.success && state && state.kind !== 'same') this.push(state, `(${sourceLabel(source.data)}) `);
      }
      // Other formatting marks and embeds carry no text of their own.
    }
  }

  private push(state: ItemState, text: string): void {
    if (text.length === 0) return;
    if (this.pendingBreak && this.out.length > 0) this.out.push(run(this.pendingBreak, '\n'));
    this.pendingBreak = null;
    this.out.push(run(state, text));
  }
}

function run(state: ItemState, text: string): RawRun {
  return { kind: state.kind, text, userId: state.kind === 'same' ? null : state.userId };
}

function blockRuns(at: Classifier, element: Y.XmlElement, state: ItemState, out: RawRun[]): void {
  // Attribute values of a key form a chain: the newest is in `_map`, older ones to its left.
  const latest = element._map.get('data') ?? null;
  const now = latest && !latest.deleted ? latest : null;
  let then: Y.Item | null = null;
  for (let item = latest; item && !then; item = item.left) {
    if (at.visibleAtVersion(item.id.client, item.id.clock)) then = item;
  }
  const value = (item: Y.Item | null) => (item && item.content instanceof Y.ContentAny ? item.content.arr[0] : null);
  if (state.kind === 'added') {
    out.push(run(state, blockText(element.nodeName, value(now))));
    return;
  }
  if (state.kind === 'removed') {
    out.push(run(state, blockText(element.nodeName, value(then))));
    return;
  }
  const before = blockText(element.nodeName, value(then));
  const after = blockText(element.nodeName, value(now));
  if (then === now || before === after) {
    out.push({ kind: 'same', text: after, userId: null });
    return;
  }
  const addedBy = now ? at.history.authorOf(now.id.client) : null;
  const removedBy = then ? (at.history.deletionOf(then.id.client, then.id.clock)?.userId ?? null) : null;
  for (const part of wordDiff(before, after)) {
    out.push({ kind: part.kind, text: part.text, userId: part.kind === 'added' ? addedBy : part.kind === 'removed' ? removedBy : null });
  }
}

/**
 * Item by item, text that was deleted and written again (a restored version, a paste over the same
 * words) shows as removed and added although nothing reads differently. Each stretch of changes
 * that has both is therefore compared as text, word by word; what still differs keeps the author
 * of the items that hold it (added) or of the update that deleted it (removed).
 */
export function settleStretches(runs: readonly RawRun[]): RawRun[] {
  const out: RawRun[] = [];
  let i = 0;
  while (i < runs.length) {
    if (runs[i]!.kind === 'same') {
      out.push(runs[i]!);
      i++;
      continue;
    }
    let j = i;
    while (j < runs.length && runs[j]!.kind !== 'same') j++;
    out.push(...rediff(runs.slice(i, j)));
    i = j;
  }
  return out;
}

function rediff(stretch: readonly RawRun[]): RawRun[] {
  const removed = stretch.filter((r) => r.kind === 'removed');
  const added = stretch.filter((r) => r.kind === 'added');
  if (removed.length === 0 || added.length === 0) return [...stretch];
  const side = (list: RawRun[]) => ({ text: list.map((r) => r.text).join(''), users: list.flatMap((r) => Array.from({ length: r.text.length }, () => r.userId)) });
  const before = side(removed);
  const after = side(added);
  const out: RawRun[] = [];
  let b = 0;
  let a = 0;
  const take = (kind: Kind, from: { text: string; users: (string | null)[] }, at: number, n: number) => {
    for (let k = 0; k < n; k++) out.push({ kind, text: from.text[at + k]!, userId: from.users[at + k] ?? null });
  };
  for (const op of wordDiff(before.text, after.text)) {
    const n = op.text.length;
    if (op.kind === 'same') {
      out.push({ kind: 'same', text: op.text, userId: null });
      b += n;
      a += n;
    } else if (op.kind === 'removed') {
      take('removed', before, b, n);
      b += n;
    } else {
      take('added', after, a, n);
      a += n;
    }
  }
  return mergeRuns(out);
}

/** Joins neighbouring runs of the same kind and author. */
export function mergeRuns(runs: readonly RawRun[]): RawRun[] {
  const out: RawRun[] = [];
  for (const r of runs) {
    const last = out.at(-1);
    if (last && last.kind === r.kind && last.userId === r.userId) last.text += r.text;
    else if (r.text.length > 0) out.push({ ...r });
  }
  return out;
}
