import type React from 'react';
import { NLDS } from '../ui/theme.ts';

export interface ToolbarAction {
  key: string;
  label: string;
  pressed?: boolean;
  run(): void;
}

/** Left and right arrows move between a toolbar's controls: the toolbar is one tab stop. */
export function moveWithArrows(e: React.KeyboardEvent<HTMLDivElement>): void {
  if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
  const items = [...e.currentTarget.querySelectorAll<HTMLElement>('button, select')];
  const i = items.indexOf(document.activeElement as HTMLElement);
  items[(i + (e.key === 'ArrowRight' ? 1 : items.length - 1)) % items.length]?.focus();
  e.preventDefault();
}

/** A toolbar's buttons; only the first is in the tab order, and a click keeps the editor's selection. */
export function ToolbarButtons({ buttons }: { buttons: readonly ToolbarAction[] }) {
  return buttons.map((b, i) => (
    <button
      key={b.key}
      type="button"
      className={`${NLDS.button}${b.pressed ? ` ${NLDS.pressed}` : ''}`}
      tabIndex={i === 0 ? 0 : -1} aria-pressed={b.pressed} onMouseDown={(e) => e.preventDefault()} onClick={b.run}>
      {b.label}
    </button>
  ));
}
