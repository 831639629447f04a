import type { Editor } from '@tiptap/core';
import type * as Y from 'yjs';
import { ATTESTED_FIELD, AttestedFields } from '../../../shared/blocks/attestedFields.ts';

/**
 * The fields of block `blockId` that the server filled and attested (a besluit's "aanwezig" and
 * date), read from the section's own document; the form shows them read-only, as the server
 * refuses any change to them.
 */
export function attestedFieldsOf(editor: Editor, blockId: string): string[] {
  const collaboration = editor.extensionManager.extensions.find((e) => e.name === 'collaboration');
  const doc = (collaboration?.options as { document?: Y.Doc } | undefined)?.document;
  const parsed = AttestedFields.safeParse(doc?.getMap(ATTESTED_FIELD).get(blockId));
  return parsed.success ? Object.keys(parsed.data.fields) : [];
}
