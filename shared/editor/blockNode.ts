import { Node } from '@tiptap/core';
import type { BlockType } from '../blocks/index.ts';

/**
 * A safety-plan block as a Tiptap atom node with one attribute, `data` (the object its zod schema
 * validates). The client adds a React node view to it; the server only needs the schema.
 */
export function blockNode(type: BlockType) {
  return Node.create({
    name: type,
    group: 'block',
    atom: true,
    selectable: true,
    draggable: true,
    addAttributes() {
      return {
        data: {
          default: null,
          parseHTML: (el: HTMLElement) => {
            try {
              return JSON.parse(el.getAttribute('data-json') ?? 'null');
            } catch {
              return null;
            }
          },
          renderHTML: (attrs: { data: unknown }) => ({ 'data-json': JSON.stringify(attrs.data) }),
        },
      };
    },
    parseHTML() {
      return [{ tag: `div[data-block="${type}"]` }];
    },
    renderHTML({ HTMLAttributes }) {
      return ['div', { ...HTMLAttributes, 'data-block': type }];
    },
  });
}
