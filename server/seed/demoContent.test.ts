import type { JSONContent } from '@tiptap/core';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BlockType, isBlockType, parseBlock } from '../../shared/blocks/index.ts';
import { documentSchema } from '../../shared/editor/schema.ts';
import { buildOverview } from '../../shared/overview.ts';
import { DOC_FIELD } from '../../shared/protocol.ts';
import { invalidContent } from '../documents/contentGuard.ts';
import { DEMO_ACCOUNTS, demoSections } from './demoCase.ts';
import { DEMO_CONTENT } from './demoContent.ts';

interface FoundBlock {
  sectionId: string;
  type: string;
  data: unknown;
}

function blocksIn(sectionId: string, node: JSONContent): FoundBlock[] {
  const own = node.type && isBlockType(node.type) ? [{ sectionId, type: node.type, data: node.attrs?.data }] : [];
  return [...own, ...(node.content ?? []).flatMap((child) => blocksIn(sectionId, child))];
}

const sections = demoSections();
const ALL_BLOCKS = Object.entries(DEMO_CONTENT).flatMap(([id, doc]) => blocksIn(id, doc));
const schema = documentSchema();

describe('demo content', () => {
  it('every section of the demo case has content, and no content belongs to a section that does not exist', () => {
    const sectionIds = sections.map((s) => s.id).sort();
    expect(Object.keys(DEMO_CONTENT).sort()).toEqual(sectionIds);
    // Per-person and per-organisation sections are among them.
    expect(sectionIds).toEqual(expect.arrayContaining(['ggz-sanne', 'ggz-murat', 'gezondheid-jeugdige-noa', 'r-werkaantekeningen-veilig-thuis-flevoland']));
  });

  it.each(Object.keys(DEMO_CONTENT))('%s is a valid document the server content guard accepts', (id) => {
    const json = DEMO_CONTENT[id]!;
    const node = schema.nodeFromJSON(json);
    expect(() => node.check()).not.toThrow();
    expect(node.textContent.trim().length).toBeGreaterThan(0);
    // The seed stores this as a Y document; the guard re-checks the whole document on every
    // structural edit, so seeded content it refuses would lock the section for all writers.
    const doc = new Y.Doc();
    prosemirrorJSONToYXmlFragment(schema, json, doc.getXmlFragment(DOC_FIELD));
    expect(invalidContent(doc.getXmlFragment(DOC_FIELD))).toBeNull();
    doc.destroy();
  });

  it.each(ALL_BLOCKS.map((b) => [b.sectionId, b.type, (b.data as { id?: string })?.id, b] as const))('%s: %s %s passes its schema', (_s, type, _id, block) => {
    const parsed = parseBlock(type as BlockType, block.data);
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it('every block type appears at least once', () => {
    expect(new Set(ALL_BLOCKS.map((b) => b.type))).toEqual(new Set(BlockType.options));
  });

  it('block ids are unique across the case (comments and confirmations refer to them)', () => {
    const ids = ALL_BLOCKS.map((b) => (b.data as { id: string }).id);
    const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(duplicates).toEqual([]);
  });

  it('parties named by userId are demo accounts, so they can confirm', () => {
    const accounts = new Set(DEMO_ACCOUNTS.map((a) => a.id));
    const named = ALL_BLOCKS.filter((b) => b.type === 'afspraak').flatMap((b) => (b.data as { partijen: { userId: string | null }[] }).partijen.map((p) => p.userId));
    expect(named.filter((u) => u !== null && !accounts.has(u))).toEqual([]);
  });

  it('at least one afspraak is made by moeder, vader and oma, each by userId', () => {
    const withAll = ALL_BLOCKS.filter((b) => {
      if (b.type !== 'afspraak') return false;
      const users = new Set((b.data as { partijen: { userId: string | null }[] }).partijen.map((p) => p.userId));
      return users.has('moeder') && users.has('vader') && users.has('oma');
    });
    expect(withAll.length).toBeGreaterThan(0);
  });

  it('on 2026-11-24 the case overview shows at least one overdue afspraak or actie', () => {
    const bySection = sections.map((s) => ({ sectionId: s.id, sectionTitle: s.title, blocks: ALL_BLOCKS.filter((b) => b.sectionId === s.id) }));
    const overview = buildOverview(bySection, [], '2026-11-24');
    // Every afspraak and actie of the content makes it into the overview (none dropped as invalid).
    expect(overview.afspraken.length + overview.acties.length).toBe(ALL_BLOCKS.filter((b) => b.type === 'afspraak' || b.type === 'actie').length);
    const overdue = [...overview.afspraken, ...overview.acties].filter((i) => i.overdue);
    expect(overdue.length).toBeGreaterThan(0);
    for (const item of overdue) expect(item.deadline! < '2026-11-24').toBe(true);
  });
});
