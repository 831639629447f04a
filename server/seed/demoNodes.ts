import type { JSONContent } from '@tiptap/core';
import type { BlockData, BlockType } from '../../shared/blocks/index.ts';
import { SOURCE_MARK, type StatementSource } from '../../shared/editor/sourceMark.ts';

/** Small builders of Tiptap JSON for the demo content, and its family members as parties. */
export const text = (t: string): JSONContent => ({ type: 'text', text: t });
export const p = (...parts: (string | JSONContent)[]): JSONContent => ({ type: 'paragraph', content: parts.map((part) => (typeof part === 'string' ? text(part) : part)) });
/** A passage marked as fact or opinion, with where it comes from (shared/editor/sourceMark.ts). */
export const sourced = (t: string, source: StatementSource): JSONContent => ({ type: 'text', text: t, marks: [{ type: SOURCE_MARK, attrs: source }] });
export const h = (level: 2 | 3, t: string): JSONContent => ({ type: 'heading', attrs: { level }, content: [text(t)] });
export const ul = (...items: string[]): JSONContent => ({ type: 'bulletList', content: items.map((i) => ({ type: 'listItem', content: [p(i)] })) });
export const block = <T extends BlockType>(type: T, data: BlockData[T]): JSONContent => ({ type, attrs: { data } });
export const doc = (...content: JSONContent[]): JSONContent => ({ type: 'doc', content });

export const moeder = { naam: 'Sanne (moeder)', personId: 'p-sanne', userId: 'moeder' };
export const vader = { naam: 'Murat (vader)', personId: 'p-murat', userId: 'vader' };
export const oma = { naam: 'Oma Ria', personId: 'p-ria', userId: 'oma' };
