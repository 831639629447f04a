import * as Y from 'yjs';
import { isBlockType, parseBlock } from '../../shared/blocks/index.ts';
import { documentSchema } from '../../shared/editor/schema.ts';
import { DOC_FIELD } from '../../shared/protocol.ts';
import { documentJSON } from './sectionContent.ts';

const SCHEMA = documentSchema();
const ALLOWED_NODES = new Set(Object.keys(SCHEMA.nodes));

/**
 * Decides whether an update may be stored in one section document: it may only touch the
 * document field and must leave a document the editor's schema accepts, with every safety-plan
 * block valid. Plain typing (text inserts and deletes) is recognised from the update alone;
 * anything that adds elements, formats text or changes attributes is tried on a trial copy first.
 *
 * The trial copy is kept, and brought up to date with what the document gained since, so a new
 * paragraph costs a diff rather than a copy of the whole document. A refused change stays in the
 * copy, so the copy is dropped then and made afresh on the next structural change.
 */
export class ContentGuard {
  private trial: Y.Doc | null = null;

  constructor(private readonly doc: Y.Doc) {}

  /** Why the update may not be stored, or null when it may. */
  rejectReason(update: Uint8Array): string | null {
    const { structs, ds } = Y.decodeUpdate(update);
    let structural = false;
    for (const s of structs) {
      if (!(s instanceof Y.Item)) continue;
      if (typeof s.parent === 'string' && s.parent !== DOC_FIELD) return `onbekend documentveld "${s.parent}"`;
      // The editor never writes sub-documents, binary blobs or embeds; nothing else may either.
      if (s.content instanceof Y.ContentDoc || s.content instanceof Y.ContentBinary || s.content instanceof Y.ContentEmbed) return 'niet toegestane inhoud';
      if (s.content instanceof Y.ContentType || s.content instanceof Y.ContentFormat || s.parentSub !== null) structural = true;
    }
    // An update that leans on content the server does not have would wait, unchecked, until that
    // content arrives; the check below could then never see the two together. The editor never
    // sends such updates, so they are refused.
    if (missesDependencies(this.doc, structs)) return 'wijziging verwijst naar onbekende inhoud';
    if (!structural && deletesStructure(this.doc, ds)) structural = true;
    if (!structural) return null;

    const trial = this.inStep();
    let accepted = false;
    try {
      Y.applyUpdate(trial, update);
      const reason = invalidContent(trial.getXmlFragment(DOC_FIELD));
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

function missesDependencies(doc: Y.Doc, structs: (Y.Item | Y.GC | Y.Skip)[]): boolean {
  const inUpdate = new Map<number, ClockRange>();
  for (const s of structs) {
    const r = inUpdate.get(s.id.client);
    if (r) {
      r.from = Math.min(r.from, s.id.clock);
      r.to = Math.max(r.to, s.id.clock + s.length);
    } else {
      inUpdate.set(s.id.client, { from: s.id.clock, to: s.id.clock + s.length });
    }
  }
  // Per client, not a whole state vector per update: a long-lived section has met many clients.
  for (const [client, r] of inUpdate) if (r.from > Y.getState(doc.store, client)) return true;
  for (const s of structs) {
    if (s instanceof Y.Skip) return true;
    if (!(s instanceof Y.Item)) continue;
    if (!exists(doc, inUpdate, s.origin) || !exists(doc, inUpdate, s.rightOrigin) || (s.parent instanceof Y.ID && !exists(doc, inUpdate, s.parent))) return true;
  }
  return false;
}

/** The clocks an update brings for one client: from ≤ clock < to. */
interface ClockRange {
  from: number;
  to: number;
}

/** True when the struct an update points at is in the document already or in the update itself. */
function exists(doc: Y.Doc, inUpdate: ReadonlyMap<number, ClockRange>, id: Y.ID | null): boolean {
  if (id === null) return true;
  if (id.clock < Y.getState(doc.store, id.client)) return true;
  const r = inUpdate.get(id.client);
  return r !== undefined && id.clock >= r.from && id.clock < r.to;
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
        let item: Y.Item | Y.GC;
        try {
          item = Y.getItem(doc.store, Y.createID(client, clock)) as Y.Item | Y.GC;
        } catch {
          return true;
        }
        if (item instanceof Y.Item && !item.deleted && (item.parentSub !== null || !(item.content instanceof Y.ContentString))) return true;
        clock = item.id.clock + item.length;
      }
    }
  }
  return false;
}

/** First problem found in a section document, or null. */
export function invalidContent(fragment: Y.XmlFragment): string | null {
  for (const child of fragment.createTreeWalker(() => true)) {
    if (!(child instanceof Y.XmlElement)) continue;
    const name = child.nodeName;
    if (!ALLOWED_NODES.has(name)) return `onbekend onderdeel "${name}"`;
    if (isBlockType(name)) {
      const parsed = parseBlock(name, child.getAttribute('data'));
      if (!parsed.success) return `ongeldig blok ${name}: ${parsed.error.issues[0]?.message ?? ''}`;
    }
  }
  if (fragment.length === 0) return null;
  // The whole tree must be a document the editor can load: a paragraph in a paragraph or a list
  // item on its own would be dropped by every editor that opens it, which is an edit in itself.
  try {
    SCHEMA.nodeFromJSON({ type: 'doc', content: documentJSON(fragment) }).check();
    return null;
  } catch (e) {
    return `ongeldige opbouw: ${e instanceof Error ? e.message.slice(0, 80) : 'onbekend'}`;
  }
}
