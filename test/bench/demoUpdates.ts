import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { documentSchema } from '../../shared/editor/schema.ts';
import { DOC_FIELD } from '../../shared/protocol.ts';
import { DEMO_CONTENT } from '../../server/seed/demoContent.ts';

/** The demo case's sections that have content, so synthetic rooms can cycle through them. */
export const DEMO_CONTENT_IDS = Object.keys(DEMO_CONTENT);

/** A section's demo content as one Yjs update, built exactly as the demo seed builds it. */
export function demoUpdate(sectionId: string): Uint8Array {
  const content = DEMO_CONTENT[sectionId];
  const doc = new Y.Doc();
  if (content) prosemirrorJSONToYXmlFragment(documentSchema(), content, doc.getXmlFragment(DOC_FIELD));
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}
