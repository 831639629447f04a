import type { Editor } from '@tiptap/react';
import { useEditorState } from '@tiptap/react';
import { useState } from 'react';
import { may } from '../../shared/access/may.ts';
import { emptyBlock } from '../../shared/blocks/fields.ts';
import { BLOCK_LABEL, BlockType } from '../../shared/blocks/index.ts';
import { typedLink } from '../../shared/editor/linkPolicy.ts';
import { SOURCE_MARK } from '../../shared/editor/sourceMark.ts';
import { newId } from '../../shared/ids.ts';
import { useCase } from '../state/caseContext.ts';
import { useBlockDialog } from './blocks/blockDialog.ts';
import { sectionOfEditor } from './blocks/blockExtensions.ts';
import { SourceForm } from './SourceForm.tsx';
import { moveWithArrows, type ToolbarAction, ToolbarButtons } from './ToolbarButtons.tsx';
import { NLDS } from '../ui/theme.ts';

/**
 * Opens the form for a new block and inserts it at the cursor once it is valid. With the cursor in a
 * heading (where it is before one clicks into the text), the block goes below the heading, never
 * above it; a block that ends the section gets an empty line after it (TrailingParagraph).
 */
export function insertBlock(editor: Editor, type: BlockType, returnFocus: HTMLElement | null): void {
  useBlockDialog.getState().open({
    type,
    initial: emptyBlock(type, newId(type)),
    sectionId: sectionOfEditor(editor),
    returnFocus,
    onSave: (data) => {
      const { $from } = editor.state.selection;
      const content = { type, attrs: { data } };
      const chain = editor.chain().focus();
      if ($from.parent.type.name === 'heading') chain.insertContentAt($from.after(), content).run();
      else chain.insertContent(content).run();
    },
  });
}

/** Formatting and block insertion; a real toolbar for keyboard users (one tab stop, arrow keys). */
export function Toolbar({ editor, label }: { editor: Editor; label: string }) {
  const { me } = useCase().detail;
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bullet: e.isActive('bulletList'),
      ordered: e.isActive('orderedList'),
      link: e.isActive('link'),
      source: e.isActive(SOURCE_MARK),
      selection: !e.state.selection.empty,
    }),
  });
  const [askSource, setAskSource] = useState(false);
  const [hint, setHint] = useState<string | null>(null);
  const chain = () => editor.chain().focus();
  const buttons: ToolbarAction[] = [
    { key: 'b', label: 'Vet', pressed: state.bold, run: () => chain().toggleBold().run() },
    { key: 'i', label: 'Cursief', pressed: state.italic, run: () => chain().toggleItalic().run() },
    { key: 'h2', label: 'Kop', pressed: state.h2, run: () => chain().toggleHeading({ level: 2 }).run() },
    { key: 'h3', label: 'Subkop', pressed: state.h3, run: () => chain().toggleHeading({ level: 3 }).run() },
    { key: 'ul', label: 'Opsomming', pressed: state.bullet, run: () => chain().toggleBulletList().run() },
    { key: 'ol', label: 'Nummering', pressed: state.ordered, run: () => chain().toggleOrderedList().run() },
    {
      key: 'link',
      label: 'Link',
      pressed: state.link,
      run: () => {
        if (state.link) return void chain().unsetLink().run();
        const typed = prompt('Adres van de link (https://…)');
        if (typed === null) return;
        const href = typedLink(typed);
        setHint(href === null ? 'Dit adres kan geen link worden. Begin met https:// of mailto:.' : null);
        if (href !== null) chain().setLink({ href }).run();
      },
    },
    {
      key: 'bron',
      label: state.source ? 'Bron weghalen' : 'Feit of mening',
      pressed: state.source,
      run: () => {
        if (state.source) return void chain().extendMarkRange(SOURCE_MARK).unsetMark(SOURCE_MARK).run();
        setHint(state.selection ? null : 'Selecteer eerst de tekst waarvan je zegt of het een feit of een mening is.');
        setAskSource(state.selection);
      },
    },
    { key: 'table', label: 'Tabel', run: () => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run() },
  ];
  return (
    <>
      <div role="toolbar" aria-label={`Opmaak ${label}`} className="toolbar" onKeyDown={moveWithArrows}>
        <ToolbarButtons buttons={buttons} />
        <select
          className={NLDS.select}
          tabIndex={-1}
          aria-label="Blok invoegen"
          value=""
          onChange={(e) => {
            const type = BlockType.safeParse(e.target.value);
            if (type.success) insertBlock(editor, type.data, e.currentTarget);
          }}
        >
          <option value="">Blok invoegen…</option>
          {BlockType.options.filter((t) => may(me, 'write-block', { block: t }).ok).map((t) => (
            <option key={t} value={t}>
              {BLOCK_LABEL[t]}
            </option>
          ))}
        </select>
      </div>
      <p role="status" className={`hint ${NLDS.smallParagraph}`}>
        {hint}
      </p>
      {askSource && <SourceForm editor={editor} onClose={() => setAskSource(false)} />}
    </>
  );
}
