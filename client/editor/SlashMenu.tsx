import type { Editor } from '@tiptap/react';
import { useEffect, useRef, useState } from 'react';
import { may } from '../../shared/access/may.ts';
import { BLOCK_LABEL, BlockType } from '../../shared/blocks/index.ts';
import { useCase } from '../state/caseContext.ts';
import { useGlossary } from '../ui/Term.tsx';
import { NLDS } from '../ui/theme.ts';
import { insertBlock } from './Toolbar.tsx';

/** Whether "/" should open the block menu: only at the start of an empty paragraph. */
export function slashOpensMenu(editor: Editor): boolean {
  const { $from, empty } = editor.state.selection;
  return empty && $from.parent.type.name === 'paragraph' && $from.parent.content.size === 0;
}

/** The "/" menu: pick a block with arrow keys and Enter, or Escape to go back to typing. */
export function SlashMenu({ editor, onClose }: { editor: Editor; onClose(): void }) {
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLDivElement>(null);
  const { me } = useCase().detail;
  const glossary = useGlossary();
  const options = BlockType.options.filter((t) => may(me, 'write-block', { block: t }).ok);
  useEffect(() => listRef.current?.focus(), []);
  const coords = editor.view.coordsAtPos(editor.state.selection.from);
  const host = editor.view.dom.getBoundingClientRect();
  const choose = (type: BlockType) => {
    onClose();
    insertBlock(editor, type, editor.view.dom as HTMLElement);
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown') setActive((a) => (a + 1) % options.length);
    else if (e.key === 'ArrowUp') setActive((a) => (a + options.length - 1) % options.length);
    else if (e.key === 'Enter') choose(options[active]!);
    else if (e.key === 'Escape') {
      onClose();
      editor.commands.focus();
    } else return;
    e.preventDefault();
  };
  return (
    <div
      ref={listRef}
      role="listbox"
      tabIndex={-1}
      aria-label="Blok invoegen"
      aria-activedescendant={`slash-${options[active]}`}
      className={`slash-menu ${NLDS.listbox}`}
      style={{ top: coords.bottom - host.top + 4, left: Math.max(0, coords.left - host.left) }}
      onKeyDown={onKeyDown}
      onBlur={onClose}
    >
      {options.map((type, i) => (
        <div
          key={type}
          tabIndex={-1}
          id={`slash-${type}`}
          role="option"
          aria-selected={i === active}
          className={i === active ? `${NLDS.listboxOption} ${NLDS.activeOption}` : NLDS.listboxOption}
          onMouseDown={(e) => {
            e.preventDefault();
            choose(type);
          }}
        >
          <strong>{BLOCK_LABEL[type]}</strong> <span className="muted">{glossary.explain(type)}</span>
        </div>
      ))}
    </div>
  );
}
