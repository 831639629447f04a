import { type NodeViewProps, NodeViewWrapper } from '@tiptap/react';
import { BLOCK_LABEL, type BlockType, parseBlock } from '../../../shared/blocks/index.ts';
import { Term } from '../../ui/Term.tsx';
import { useBlockDialog } from './blockDialog.ts';
import { BlockView } from './BlockView.tsx';

/** A safety-plan block inside the editor: its content, and for editors an edit button. */
export function BlockNodeView({ node, editor, updateAttributes, extension }: NodeViewProps) {
  const type = node.type.name as BlockType;
  const sectionId = (extension.options as { sectionId?: string }).sectionId ?? '';
  const parsed = parseBlock(type, node.attrs.data);
  const open = useBlockDialog((s) => s.open);
  return (
    <NodeViewWrapper as="section" className={`block block-${type}`} data-block-id={parsed.success ? parsed.data.id : undefined} aria-label={BLOCK_LABEL[type]}>
      <header className="block-header">
        <Term term={type}>{BLOCK_LABEL[type]}</Term>
        {editor.isEditable && parsed.success && (
          <button
            type="button"
            onClick={(e) =>
              open({
                type,
                initial: parsed.data as Record<string, unknown>,
                returnFocus: e.currentTarget,
                onSave: (data) => updateAttributes({ data }),
              })
            }
          >
            Bewerken
          </button>
        )}
      </header>
      {parsed.success ? <BlockView type={type} data={parsed.data} sectionId={sectionId} /> : <p className="error">Dit blok is beschadigd en kan niet worden getoond.</p>}
    </NodeViewWrapper>
  );
}
