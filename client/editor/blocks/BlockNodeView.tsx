import { type NodeViewProps, NodeViewWrapper } from '@tiptap/react';
import { BLOCK_LABEL, type BlockType, parseBlock } from '../../../shared/blocks/index.ts';
import { readBlock } from '../../../shared/blocks/fields.ts';
import { Term } from '../../ui/Term.tsx';
import { commentFieldId, useCommentTarget } from '../comments/commentTarget.ts';
import { useBlockDialog } from './blockDialog.ts';
import { may } from '../../../shared/access/may.ts';
import { authorshipLine } from '../../../shared/blocks/authorship.ts';
import { useCase } from '../../state/caseContext.ts';
import { attestedFieldsOf } from './attestedFields.ts';
import { useBlockAuthorship } from './blockAuthorship.ts';
import { BlockView } from './BlockView.tsx';
import { NLDS } from '../../ui/theme.ts';

/** A safety-plan block inside the editor: its content, for editors edit and remove buttons, for who may comment "Reageren". */
export function BlockNodeView({ node, editor, updateAttributes, deleteNode, extension }: NodeViewProps) {
  const type = node.type.name as BlockType;
  const { sectionId = '', mayComment = false } = extension.options as { sectionId?: string; mayComment?: boolean };
  const parsed = parseBlock(type, node.attrs.data);
  const open = useBlockDialog((s) => s.open);
  const chooseTarget = useCommentTarget((s) => s.choose);
  const { detail } = useCase();
  const authorship = useBlockAuthorship(detail.id, sectionId, parsed.success ? parsed.data.id : undefined);
  const attested = authorship ? authorshipLine(type, authorship) : null;
  // The server refuses a change to a condition or decision by someone who does not set those; so does the view.
  const mayChange = editor.isEditable && may(detail.me, 'write-block', { block: type }).ok;
  return (
    <NodeViewWrapper as="section" className={`block block-${type}`} data-block-id={parsed.success ? parsed.data.id : undefined} aria-label={BLOCK_LABEL[type]}>
      <header className="block-header">
        <Term term={type}>{BLOCK_LABEL[type]}</Term>
        <span className={NLDS.buttonGroup}>
          {mayChange && parsed.success && (
            <button
              type="button"
              className={NLDS.subtleButton}
              onClick={(e) =>
                open({
                  type,
                  initial: parsed.data as Record<string, unknown>,
                  sectionId,
                  locked: attestedFieldsOf(editor, parsed.data.id),
                  returnFocus: e.currentTarget,
                  onSave: (data) => updateAttributes({ data }),
                })
              }
            >
              Bewerken
            </button>
          )}
          {mayChange && (
            <button type="button" className={NLDS.subtleButton} aria-label={`${BLOCK_LABEL[type]} weghalen`} onClick={() => confirm(`${BLOCK_LABEL[type]} weghalen uit dit onderdeel?`) && deleteNode()}>
              Weghalen
            </button>
          )}
          {mayComment && parsed.success && (
            <button
              type="button"
              className={NLDS.subtleButton}
              onClick={() => {
                const about = readBlock(type, parsed.data)[0]?.text ?? '';
                const label = `${BLOCK_LABEL[type]}: ${about}`.slice(0, 300);
                chooseTarget({ sectionId, anchor: { kind: 'block', blockId: parsed.data.id, quote: label }, label });
                document.getElementById(commentFieldId(sectionId))?.focus();
              }}
            >
              Reageren
            </button>
          )}
        </span>
      </header>
      {parsed.success ? <BlockView type={type} data={parsed.data} sectionId={sectionId} /> : <p className="error">Dit blok is beschadigd en kan niet worden getoond.</p>}
      {attested && <p className="block-authorship muted">{attested}</p>}
    </NodeViewWrapper>
  );
}
