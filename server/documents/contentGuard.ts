import * as Y from 'yjs';
import { isBlockType, parseBlock } from '../../shared/blocks/index.ts';
import { documentSchema } from '../../shared/editor/schema.ts';
import { DOC_FIELD } from '../../shared/protocol.ts';
import { attestationRefusal } from './attestedFields.ts';
import { documentJSON, type NodeJSON } from './documentJSON.ts';
import { isAllowedLink } from '../../shared/editor/linkPolicy.ts';
import { SOURCE_MARK, StatementSource } from '../../shared/editor/sourceMark.ts';
import type { ContentRule } from './plainVoice.ts';

const SCHEMA = documentSchema();
/** Each node the editor knows, with the attributes it may carry. */
const KNOWN_ATTRIBUTES = new Map(Object.values(SCHEMA.nodes).map((type) => [type.name, new Set(Object.keys(type.spec.attrs ?? {}))]));
/** The same for text formats (marks); an unknown format itself is refused by the schema check. */
const KNOWN_MARK_ATTRIBUTES = new Map(Object.values(SCHEMA.marks).map((type) => [type.name, new Set(Object.keys(type.spec.attrs ?? {}))]));

/**
 * Decides whether an update may be stored in one section document: it may only touch the
 * document field and must leave a document the editor's schema accepts, with every safety-plan
 * block valid, and every field the server attested (attestedFields.ts) as it wrote it. Plain
 * typing (text inserts and deletes) is recognised from the update alone; anything that adds
 * elements, formats text or changes attributes is tried on a trial copy first.
 *
 * The trial copy is kept, and brought up to date with what the document gained since, so a new
 * paragraph costs a diff rather than a copy of the whole document. A refused change stays in the
 * copy, so the copy is dropped then and made afresh on the next structural change.
 */
export class ContentGuard {
  private trial: Y.Doc | null = null;

  constructor(
    private readonly doc: Y.Doc,
    /** A rule of this kind of section on top of the schema (a person's own voice: plain text, plainVoice.ts). */
    private readonly rule: ContentRule | null = null,
  ) {}

  /** Why the update may not be stored, or null when it may. */
  rejectReason(update: Uint8Array): string | null {
    const { structs, ds } = Y.decodeUpdate(update);
    const sent = new SentStructs(structs);
    let structural = false;
    for (const s of structs) {
      if (!(s instanceof Y.Item)) continue;
      if (typeof s.parent === 'string' && s.parent !== DOC_FIELD) return `onbekend documentveld "${s.parent}"`;
      // The editor never writes sub-documents, binary blobs or embeds; nothing else may either.
      if (s.content instanceof Y.ContentDoc || s.content instanceof Y.ContentBinary || s.content instanceof Y.ContentEmbed) return 'niet toegestane inhoud';
      // Only elements carry attributes; one on a text node or the root is data no editor shows.
      // One that cannot be placed lands in deleted content, where nobody sees it either. (An
      // update names the key only for its first value; a later one deletes the earlier value,
      // which sends the update to the full check.)
      if (s.parentSub !== null && isTextOrRoot(landingOf(this.doc, sent, s))) return 'niet toegestaan kenmerk';
      if (!structural && !typesText(this.doc, sent, s)) structural = true;
    }
    // An update that leans on content the server does not have would wait, unchecked, until that
    // content arrives; the check below could then never see the two together. The editor never
    // sends such updates, so they are refused.
    if (missesDependencies(this.doc, structs, sent)) return 'wijziging verwijst naar onbekende inhoud';
    if (!structural && deletesStructure(this.doc, ds)) structural = true;
    if (!structural) return null;

    const trial = this.inStep();
    let accepted = false;
    try {
      Y.applyUpdate(trial, update);
      const fragment = trial.getXmlFragment(DOC_FIELD);
      const reason = invalidContent(fragment) ?? (this.rule ? this.rule(documentJSON(fragment)) : null) ?? attestationRefusal(this.doc, trial);
      accepted = reason === null;
      return reason;
    } finally {
      // A refused (or unreadable) change is in the copy now and must not outlive this check.
      if (!accepted) this.dropTrial();
    }
  }

  destroy(): void {
    this.dropTrial();
  }

  /** The trial copy, holding exactly what the document holds. */
  private inStep(): Y.Doc {
    if (this.trial === null) {
      this.trial = new Y.Doc({ gc: true });
      Y.applyUpdate(this.trial, Y.encodeStateAsUpdate(this.doc));
    } else {
      Y.applyUpdate(this.trial, Y.encodeStateAsUpdate(this.doc, Y.encodeStateVector(this.trial)));
    }
    return this.trial;
  }

  private dropTrial(): void {
    this.trial?.destroy();
    this.trial = null;
  }
}

function missesDependencies(doc: Y.Doc, structs: readonly Struct[], sent: SentStructs): boolean {
  // Per client, not a whole state vector per update: a long-lived section has met many clients.
  for (const [client, first] of sent.firstClocks()) if (first > Y.getState(doc.store, client)) return true;
  for (const s of structs) {
    if (s instanceof Y.Skip) return true;
    if (!(s instanceof Y.Item)) continue;
    if (!exists(doc, sent, s.origin) || !exists(doc, sent, s.rightOrigin) || (s.parent instanceof Y.ID && !exists(doc, sent, s.parent))) return true;
  }
  return false;
}

/** True when the struct an update points at is in the document already or in the update itself. */
function exists(doc: Y.Doc, sent: SentStructs, id: Y.ID | null): boolean {
  return id === null || id.clock < Y.getState(doc.store, id.client) || sent.at(id) !== undefined;
}

/** The type an item of an update lands in: the root, a type, or null when that cannot be told. */
type Landing = Y.AbstractType<unknown> | 'root' | null;

/**
 * Where an item lands. An update names the parent only of an item without neighbours; otherwise
 * the parent is the neighbour's, and the neighbour may be in the same update (a run of typed
 * characters, an attribute set twice).
 */
function landingOf(doc: Y.Doc, sent: SentStructs, item: Y.Item): Landing {
  let at: Y.Item = item;
  for (let steps = 0; steps < 32; steps++) {
    if (typeof at.parent === 'string') return 'root';
    if (at.parent instanceof Y.ID) {
      const holder = storedItem(doc, at.parent) ?? sent.at(at.parent);
      return holder instanceof Y.Item && holder.content instanceof Y.ContentType ? holder.content.type : null;
    }
    const neighbour = at.origin ?? at.rightOrigin;
    if (neighbour === null) return null;
    const stored = storedItem(doc, neighbour);
    if (stored !== null) return stored instanceof Y.Item ? (stored.parent as Y.AbstractType<unknown>) : null;
    const next = sent.at(neighbour);
    if (!(next instanceof Y.Item)) return null;
    at = next;
  }
  return null;
}

/**
 * True when the item is plain typing: characters in a text node the document already has. Any
 * other insert (an element, a format, an attribute, a value put straight into an element or the
 * root) needs the full check.
 */
function typesText(doc: Y.Doc, sent: SentStructs, item: Y.Item): boolean {
  if (item.parentSub !== null || !(item.content instanceof Y.ContentString || item.content instanceof Y.ContentDeleted)) return false;
  return storedType(doc, landingOf(doc, sent, item)) instanceof Y.XmlText;
}

/** The landing type when the document already holds it (a type new in the update is not yet checked). */
function storedType(doc: Y.Doc, landing: Landing): Y.AbstractType<unknown> | null {
  if (landing === null || landing === 'root') return null;
  const item = landing._item;
  return item !== null && storedItem(doc, item.id) === item ? landing : null;
}

function isTextOrRoot(landing: Landing): boolean {
  return landing === 'root' || landing instanceof Y.XmlText;
}

/** The struct the document holds at `id`, or null when it has none there (yet). */
function storedItem(doc: Y.Doc, id: Y.ID): Y.Item | Y.GC | null {
  if (id.clock >= Y.getState(doc.store, id.client)) return null;
  return Y.getItem(doc.store, id) as Y.Item | Y.GC;
}

type Struct = Y.Item | Y.GC | Y.Skip;

/**
 * The structs of one update by id. A lookup is a binary search: an update of a megabyte holds
 * tens of thousands of structs, and a scan per lookup would let one message stall the server.
 */
class SentStructs {
  private readonly byClient = new Map<number, Struct[]>();

  constructor(structs: readonly Struct[]) {
    for (const s of structs) {
      const list = this.byClient.get(s.id.client);
      if (list) list.push(s);
      else this.byClient.set(s.id.client, [s]);
    }
    for (const list of this.byClient.values()) list.sort((a, b) => a.id.clock - b.id.clock);
  }

  /** Each client of the update with the first clock it brings. */
  *firstClocks(): IterableIterator<[number, number]> {
    for (const [client, list] of this.byClient) yield [client, list[0]!.id.clock];
  }

  /** The struct that covers `id`, if the update has one. */
  at(id: Y.ID): Struct | undefined {
    const list = this.byClient.get(id.client);
    if (!list) return undefined;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = list[mid]!;
      if (id.clock < s.id.clock) hi = mid - 1;
      else if (id.clock >= s.id.clock + s.length) lo = mid + 1;
      else return s;
    }
    return undefined;
  }
}

/**
 * True when the delete set removes more than text: an element (a list item's only paragraph, a
 * table cell's content), a format or an attribute value, or something we cannot find. Removing
 * text alone cannot break the document: every node that holds text may be empty.
 */
function deletesStructure(doc: Y.Doc, ds: ReturnType<typeof Y.decodeUpdate>['ds']): boolean {
  for (const [client, ranges] of ds.clients) {
    for (const range of ranges) {
      let clock = range.clock;
      while (clock < range.clock + range.len) {
        const item = storedItem(doc, Y.createID(client, clock));
        if (item === null) return true;
        if (item instanceof Y.Item && !item.deleted && (item.parentSub !== null || !(item.content instanceof Y.ContentString))) return true;
        clock = item.id.clock + item.length;
      }
    }
  }
  return false;
}

/** First problem found in a section document, or null. */
export function invalidContent(fragment: Y.XmlFragment): string | null {
  if (fragment.length === 0) return null;
  const foreign: string[] = [];
  const content = documentJSON(fragment, (what) => foreign.push(what));
  if (foreign.length > 0) return `ongeldige opbouw: ${foreign[0]}`;
  const bad = firstBadNode(content);
  if (bad) return bad;
  // The whole tree must be a document the editor can load: a paragraph in a paragraph or a list
  // item on its own would be dropped by every editor that opens it, which is an edit in itself.
  try {
    SCHEMA.nodeFromJSON({ type: 'doc', content }).check();
    return null;
  } catch (e) {
    return structureProblem(e);
  }
}

/** An unknown node or an invalid safety-plan block, depth first. */
function firstBadNode(nodes: readonly NodeJSON[]): string | null {
  for (const node of nodes) {
    if (node.text !== undefined) {
      const bad = node.marks?.map(badMark).find((problem) => problem !== null);
      if (bad) return bad;
      continue;
    }
    const known = KNOWN_ATTRIBUTES.get(node.type);
    if (!known) return `onbekend onderdeel "${node.type}"`;
    // The schema would drop an unknown attribute on load; kept in the document it is hidden data.
    const unknown = Object.keys(node.attrs ?? {}).find((key) => !known.has(key));
    if (unknown !== undefined) return `onbekend kenmerk "${unknown.slice(0, 40)}" op ${node.type}`;
    if (isBlockType(node.type)) {
      const parsed = parseBlock(node.type, node.attrs?.data);
      if (!parsed.success) return `ongeldig blok ${node.type}: ${parsed.error.issues[0]?.message ?? ''}`;
    }
    const inner = node.content ? firstBadNode(node.content) : null;
    if (inner) return inner;
  }
  return null;
}

function badMark(mark: NonNullable<NodeJSON['marks']>[number]): string | null {
  const known = KNOWN_MARK_ATTRIBUTES.get(mark.type);
  if (!known) return null;
  const attrs = (mark.attrs ?? {}) as Record<string, unknown>;
  const unknown = Object.keys(attrs).find((key) => !known.has(key));
  if (unknown !== undefined) return `onbekend kenmerk "${unknown.slice(0, 40)}" op ${mark.type}`;
  if (mark.type === SOURCE_MARK && !StatementSource.safeParse(attrs).success) return 'ongeldige bron';
  // The one link rule, so a link that runs a script never reaches a reader.
  const href = attrs.href ?? null;
  if (mark.type === 'link' && href !== null && !isAllowedLink(href)) return 'link niet toegestaan';
  return null;
}

function structureProblem(e: unknown): string {
  return `ongeldige opbouw: ${e instanceof Error ? e.message.slice(0, 80) : 'onbekend'}`;
}
