import type { Editor } from '@tiptap/react';
import { useEditorState } from '@tiptap/react';
import { useEffect, useState } from 'react';
import { formatDate } from '../../shared/format.ts';
import { ReviewView } from '../../shared/review.ts';
import { api } from '../api/http.ts';
import { moveWithArrows, ToolbarButtons } from '../editor/ToolbarButtons.tsx';
import { useCase } from '../state/caseContext.ts';
import { useCaseVersion } from '../state/caseLive.ts';
import { NLDS } from '../ui/theme.ts';

/**
 * The editor of a person's own voice: text, bold, italic and lists, nothing a professional's
 * report has (headings, tables, blocks, "feit of mening"); the server refuses those there
 * (shared/ownVoice.ts). One tab stop, arrow keys between the buttons, like the full toolbar.
 */
export function PlainToolbar({ editor, label, sectionId }: { editor: Editor; label: string; sectionId: string }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({ bold: e.isActive('bold'), italic: e.isActive('italic'), bullet: e.isActive('bulletList'), ordered: e.isActive('orderedList') }),
  });
  const chain = () => editor.chain().focus();
  const buttons = [
    { key: 'b', label: 'Vet', pressed: state.bold, run: () => chain().toggleBold().run() },
    { key: 'i', label: 'Cursief', pressed: state.italic, run: () => chain().toggleItalic().run() },
    { key: 'ul', label: 'Opsomming', pressed: state.bullet, run: () => chain().toggleBulletList().run() },
    { key: 'ol', label: 'Nummering', pressed: state.ordered, run: () => chain().toggleOrderedList().run() },
  ];
  return (
    <>
      <div role="toolbar" aria-label={`Opmaak ${label}`} className="toolbar" onKeyDown={moveWithArrows}>
        <ToolbarButtons buttons={buttons} />
      </div>
      <p className={NLDS.smallParagraph}>Dit zijn jouw eigen woorden. Alleen jij schrijft hier; anderen kunnen lezen en reageren.</p>
      {sectionId.startsWith('reactie-besluit-') && <ReactionPeriod />}
    </>
  );
}

/** While the decision is shared for the family's reaction: until when (at least 5 werkdagen). */
function ReactionPeriod() {
  const { detail } = useCase();
  const [until, setUntil] = useState<string | null>(null);
  const version = useCaseVersion(detail.id, ['status']);
  const decision = detail.sections.find((s) => s.catalogueId === 'besluit');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is the live-update trigger
  useEffect(() => {
    if (!decision) return;
    api('GET', `/api/cases/${encodeURIComponent(detail.id)}/sections/${encodeURIComponent(decision.id)}/review`, ReviewView).then(
      (r) => setUntil(r.status === 'gedeeld' ? r.reactionUntil : null),
      () => setUntil(null),
    );
  }, [detail.id, decision?.id, version]);
  if (!until) return null;
  return <p className={`reaction-until ${NLDS.paragraph}`}>Je kunt op het besluit reageren tot en met {formatDate(until)}.</p>;
}
