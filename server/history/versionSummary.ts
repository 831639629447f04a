import * as Y from 'yjs';
import { isBlockType } from '../../shared/blocks/index.ts';
import { DOC_FIELD } from '../../shared/protocol.ts';
import { type DiffSummary, summariseDiff } from '../../shared/sinceApproval.ts';
import { blockText, wordDiff } from './diff.ts';
import type { RoomHistory, Session } from './roomHistory.ts';

/** Versions summarised per request, newest first; older ones are listed without a summary. */
export const SUMMARISED_VERSIONS = 50;

/** The text of each top-level node (paragraph, heading, list, table, safety-plan block) of a document. */
function topLevelTexts(doc: Y.Doc): string[] {
  const out: string[] = [];
  for (const node of doc.getXmlFragment(DOC_FIELD).toArray()) {
    if (node instanceof Y.XmlElement && isBlockType(node.nodeName)) {
      out.push(blockText(node.nodeName, node.getAttribute('data')));
      continue;
    }
    const parts: string[] = [];
    const walk = node instanceof Y.XmlElement ? node.createTreeWalker((n) => n instanceof Y.XmlText) : [node];
    for (const text of walk) {
      if (text instanceof Y.XmlText) parts.push((text.toDelta() as { insert: unknown }[]).map((d) => (typeof d.insert === 'string' ? d.insert : '')).join(''));
    }
    out.push(parts.join(' '));
  }
  return out;
}

/** Top-level nodes that differ between two lists of node texts: each changed paragraph counts once. */
function changedBlocks(before: readonly string[], after: readonly string[]): number {
  const left = new Map<string, number>();
  for (const t of before) left.set(t, (left.get(t) ?? 0) + 1);
  let onlyAfter = 0;
  for (const t of after) {
    const n = left.get(t) ?? 0;
    if (n > 0) left.set(t, n - 1);
    else onlyAfter++;
  }
  const onlyBefore = [...left.values()].reduce((a, b) => a + b, 0);
  return Math.max(onlyAfter, onlyBefore);
}

/**
 * What each version changed against the one before it (the first against an empty section):
 * words added and removed, and paragraphs or blocks changed. `sessions` newest first, as
 * `RoomHistory.sessions` gives them; only the newest {@link SUMMARISED_VERSIONS} are summarised.
 */
export function versionSummaries(history: RoomHistory, sessions: readonly Session[]): Map<number, DiffSummary> {
  const out = new Map<number, DiffSummary>();
  const wanted = sessions.slice(0, SUMMARISED_VERSIONS);
  const texts = (id: number | null): string[] => {
    if (id === null) return [];
    const doc = history.docAt(id);
    try {
      return topLevelTexts(doc);
    } finally {
      doc.destroy();
    }
  };
  let newer = wanted[0] ? texts(wanted[0].id) : [];
  for (let i = 0; i < wanted.length; i++) {
    const older = texts(sessions[i + 1]?.id ?? null);
    const words = summariseDiff([{ runs: wordDiff(older.join('\n'), newer.join('\n')) }]);
    out.set(wanted[i]!.id, { ...words, blocksChanged: changedBlocks(older, newer) });
    newer = older;
  }
  return out;
}
