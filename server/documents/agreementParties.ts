import * as Y from 'yjs';
import { may, type Viewer } from '../../shared/access/may.ts';
import { Afspraak } from '../../shared/blocks/index.ts';
import { blocksOf } from './sectionContent.ts';

type Parties = Afspraak['partijen'];

/**
 * Why `writer` may not store `update` because it names someone in a safety agreement (`afspraak`)
 * who cannot read the section, so could never confirm it (`may(writer, 'name-parties')`); null
 * when it names no new party, or only readers. `readers`: the user ids that may read the section
 * now. Only parties the update adds count: someone named before their access changed stays named
 * (the block view warns that they cannot confirm), and the section stays editable.
 */
export function partyRefusal(doc: Y.Doc, update: Uint8Array, writer: Viewer, readers: readonly string[]): string | null {
  if (!touchesAgreements(update)) return null;
  const before = partiesById(doc);
  const trial = new Y.Doc({ gc: true });
  try {
    Y.applyUpdate(trial, Y.encodeStateAsUpdate(doc));
    Y.applyUpdate(trial, update);
    for (const [id, parties] of partiesById(trial)) {
      const known = new Set((before.get(id) ?? []).map((p) => p.userId));
      const added = parties.filter((p) => !known.has(p.userId));
      const verdict = may(writer, 'name-parties', { parties: added, readers });
      if (!verdict.ok) return verdict.reason;
    }
    return null;
  } finally {
    trial.destroy();
  }
}

/**
 * Whether the update may change an agreement's parties: it brings an `afspraak` element or sets
 * an element's attribute (a block's `data`). Typing text never does, so it costs no copy.
 */
function touchesAgreements(update: Uint8Array): boolean {
  for (const s of Y.decodeUpdate(update).structs) {
    if (!(s instanceof Y.Item)) continue;
    if (s.parentSub !== null) return true;
    if (s.content instanceof Y.ContentType && s.content.type instanceof Y.XmlElement && s.content.type.nodeName === 'afspraak') return true;
  }
  return false;
}

function partiesById(doc: Y.Doc): Map<string, Parties> {
  const found = new Map<string, Parties>();
  for (const block of blocksOf(doc)) {
    if (block.type !== 'afspraak') continue;
    const parsed = Afspraak.safeParse(block.data);
    if (parsed.success) found.set(parsed.data.id, parsed.data.partijen);
  }
  return found;
}
