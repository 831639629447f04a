import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { MAX_NESTING_DEPTH } from '../../shared/editor/nesting.ts';
import { documentSchema } from '../../shared/editor/schema.ts';
import { SESSION_GAP_MS, type VersionDetail, type VersionView } from '../../shared/history.ts';
import { DOC_FIELD } from '../../shared/protocol.ts';
import { settledPrefix, type UpdateLog } from '../documents/updateLog.ts';
import { documentJSON, TOO_DEEP } from '../documents/sectionContent.ts';
import type { SectionDocuments } from '../documents/sectionDocuments.ts';
import { diffSinceVersion } from './diff.ts';
import { RoomHistory, type Session } from './roomHistory.ts';
import { versionSummaries } from './versionSummary.ts';
import type { DiffSummary } from '../../shared/sinceApproval.ts';

/** Histories kept in memory, most recently used last. */
const CACHED_ROOMS = 16;

interface Cached {
  history: RoomHistory;
  /** Every row up to this id is applied; later ones are looked for on each read. */
  settledUpTo: number;
}

/**
 * Version history of section documents, read from the update log (never from
 * snapshots, which fold authors away). Replayed histories are cached per room and caught up
 * incrementally, so a history panel that re-reads on every live event stays cheap.
 */
export class HistoryService {
  private readonly cache = new Map<string, Cached>();
  /** Edits closer together than this form one version; replaceable in tests. */
  sessionGapMs = SESSION_GAP_MS;
  private readonly schema = documentSchema();

  constructor(
    /** Read from; its settle rule says which rows are looked for again on the next read. */
    private readonly log: UpdateLog,
    private readonly documents: SectionDocuments,
  ) {}

  /** Versions of a room, newest first, with author ids (names are added by the caller). */
  async sessions(room: string): Promise<Session[]> {
    return (await this.historyOf(room)).sessions(this.sessionGapMs);
  }

  /** Versions with author names. */
  async versions(room: string, nameOf: (userId: string) => string): Promise<VersionView[]> {
    return (await this.sessions(room)).map((v) => toView(v, nameOf));
  }

  /** What each (recent) version changed against the one before it, by version id (see versionSummary.ts). */
  async summaries(room: string): Promise<Map<number, DiffSummary>> {
    const history = await this.historyOf(room);
    return versionSummaries(history, history.sessions(this.sessionGapMs));
  }

  /** All author ids appearing in a room's history (to look their names up in one query). */
  async authors(room: string): Promise<string[]> {
    const history = await this.historyOf(room);
    return [...new Set(history.effective.map((u) => u.userId))];
  }

  /**
   * One version: its content as ProseMirror JSON and its difference with now. Null if unknown. A
   * version nested deeper than any editor writes (stored before that was refused) shows a note
   * instead of its content, and `log` hears of it (by room, without content); its diff still reads.
   */
  async detail(room: string, versionId: number, nameOf: (userId: string) => string, log: (msg: string) => void = () => {}): Promise<VersionDetail | null> {
    const history = await this.historyOf(room);
    if (!history.has(versionId)) return null;
    const version = history.versionAt(versionId, this.sessionGapMs);
    if (!version) return null;
    const content = this.readableContentAt(history, versionId, room, log);
    const diff = diffSinceVersion(history, versionId).map((block) => ({
      runs: block.runs.map((r) => ({ kind: r.kind, text: r.text, by: r.kind === 'same' || !r.userId ? null : { userId: r.userId, name: nameOf(r.userId) } })),
    }));
    return { version: toView(version, nameOf), content, diff };
  }

  /**
   * The change that turns the live document into the version's content, made on a copy of the
   * live document so only what differs is touched (unchanged paragraphs keep their identity, and
   * comment anchors in them keep pointing at their text). Null when unknown; an empty update when
   * the document already equals the version.
   */
  async restoreUpdate(room: string, versionId: number): Promise<Uint8Array | null> {
    const history = await this.historyOf(room);
    if (!history.has(versionId) || !history.versionAt(versionId, this.sessionGapMs)) return null;
    const target = this.contentAt(history, versionId);
    return this.documents.read(room, (live) => {
      const copy = new Y.Doc();
      try {
        Y.applyUpdate(copy, Y.encodeStateAsUpdate(live));
        let update: Uint8Array = new Uint8Array([0, 0]);
        copy.on('update', (u: Uint8Array) => {
          update = u;
        });
        copy.transact(() => updateYFragment(copy, copy.getXmlFragment(DOC_FIELD), target, { mapping: new Map(), isOMark: new Map() }));
        return update;
      } finally {
        copy.destroy();
      }
    });
  }

  /** The version's content as ProseMirror JSON, or a note when it nests too deep to show. */
  private readableContentAt(history: RoomHistory, versionId: number, room: string, log: (msg: string) => void): unknown {
    const doc = history.docAt(versionId);
    let tooDeep = false;
    try {
      documentJSON(doc.getXmlFragment(DOC_FIELD), (what) => {
        if (what === TOO_DEEP) tooDeep = true;
      });
      if (!tooDeep) return yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(DOC_FIELD), this.schema).toJSON();
    } finally {
      doc.destroy();
    }
    log(`version ${versionId} of ${room} is nested deeper than ${MAX_NESTING_DEPTH} levels; shown as a note`);
    return { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Deze versie kon niet worden weergegeven.' }] }] };
  }

  private contentAt(history: RoomHistory, versionId: number) {
    const doc = history.docAt(versionId);
    try {
      return yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(DOC_FIELD), this.schema);
    } finally {
      doc.destroy();
    }
  }

  /** Drops the cached history of a room whose stored updates were rewritten. */
  forget(room: string): void {
    this.cache.delete(room);
  }

  /** The room's history, caught up with the log. */
  private async historyOf(room: string): Promise<RoomHistory> {
    let cached = this.cache.get(room);
    if (cached) this.cache.delete(room);
    cached ??= { history: new RoomHistory(), settledUpTo: 0 };
    this.cache.set(room, cached);
    // Evicted histories are left to the garbage collector: a request may still be reading one.
    while (this.cache.size > CACHED_ROOMS) this.cache.delete(this.cache.keys().next().value as string);
    const rows = await this.log.updatesAfter(room, cached.settledUpTo);
    cached.history.apply(rows.filter((r) => !cached.history.has(r.id)));
    cached.settledUpTo = settledPrefix(rows, this.log.settleMs).at(-1)?.id ?? cached.settledUpTo;
    return cached.history;
  }
}

function toView(v: Session, nameOf: (userId: string) => string): VersionView {
  return {
    id: v.id,
    from: new Date(v.from).toISOString(),
    until: new Date(v.until).toISOString(),
    authors: v.userIds.map((userId) => ({ userId, name: nameOf(userId) })),
  };
}
