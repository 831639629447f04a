import { describe, expect, it } from 'vitest';
import { PLAIN_MARKS, PLAIN_NODES } from '../ownVoice.ts';
import { plainDocumentSchema } from './plainSchema.ts';

describe('the plain editor of a person’s own voice', () => {
  it('knows exactly the nodes and marks the server keeps there, so it cannot make any other', () => {
    const schema = plainDocumentSchema();
    const nodes = Object.keys(schema.nodes).filter((n) => n !== 'doc');
    expect(new Set(nodes)).toEqual(PLAIN_NODES);
    expect(new Set(Object.keys(schema.marks))).toEqual(PLAIN_MARKS);
  });
});
