import * as Y from 'yjs';
import { ATTESTED_FIELD, AttestedFields } from '../../shared/blocks/attestedFields.ts';
import { DOC_FIELD } from '../../shared/protocol.ts';

/**
 * Notes in `doc` that the server filled these fields of block `blockId` (in the same transaction
 * as the block itself, so every process and every later load holds both or neither).
 */
export function attestFields(doc: Y.Doc, blockId: string, fields: Record<string, unknown>): void {
  doc.getMap(ATTESTED_FIELD).set(blockId, AttestedFields.parse({ fields }));
}

/**
 * Why the document `after` (a trial copy with a client's update applied) may not follow `before`
 * (the stored document), or null: the server's notes must be unchanged, and every block they name
 * must still be there once, with exactly the attested values. A block that was already gone (a
 * restored older version) is not asked back.
 */
export function attestationRefusal(before: Y.Doc, after: Y.Doc): string | null {
  const stored = before.getMap(ATTESTED_FIELD);
  const tried = after.getMap(ATTESTED_FIELD);
  if (stored.size === 0 && tried.size === 0) return null;
  if (canonical(stored) !== canonical(tried)) return 'vastgelegde gegevens mogen alleen door de server worden geschreven';
  const noted = notes(stored);
  const was = blocksNamed(before, noted);
  const now = blocksNamed(after, noted);
  for (const [blockId, { fields }] of noted) {
    const kept = now.get(blockId) ?? [];
    const had = was.get(blockId)?.length ?? 0;
    if (had > 0 && kept.length === 0) return 'een vastgelegd besluit kan niet worden weggehaald';
    if (kept.length > had) return 'een vastgelegd besluit kan niet worden gekopieerd';
    for (const data of kept) {
      for (const [key, value] of Object.entries(fields)) {
        if (JSON.stringify(data[key]) !== JSON.stringify(value)) return `"${key}" is vastgelegd door de voorzitter en kan niet worden gewijzigd`;
      }
    }
  }
  return null;
}

/** The map's entries in a stable order, to tell whether an update touched it. */
function canonical(map: Y.Map<unknown>): string {
  return JSON.stringify([...map.keys()].sort().map((key) => [key, map.get(key)]));
}

/** The server's notes by block id (only the server writes them; one it cannot read names no field). */
function notes(map: Y.Map<unknown>): Map<string, AttestedFields> {
  const out = new Map<string, AttestedFields>();
  for (const [key, value] of map.entries()) {
    const parsed = AttestedFields.safeParse(value);
    if (parsed.success) out.set(key, parsed.data);
  }
  return out;
}

/** The `data` of every element whose block id is noted, by id (more than one when copied). */
function blocksNamed(doc: Y.Doc, noted: Map<string, AttestedFields>): Map<string, Record<string, unknown>[]> {
  const found = new Map<string, Record<string, unknown>[]>();
  for (const node of doc.getXmlFragment(DOC_FIELD).createTreeWalker(() => true)) {
    if (!(node instanceof Y.XmlElement)) continue;
    const data = node.getAttribute('data') as unknown;
    const id = typeof data === 'object' && data !== null ? (data as { id?: unknown }).id : undefined;
    if (typeof id !== 'string' || !noted.has(id)) continue;
    const list = found.get(id) ?? [];
    list.push(data as Record<string, unknown>);
    found.set(id, list);
  }
  return found;
}
