import type React from 'react';
import { NLDS } from '../ui/theme.ts';

export interface ToolbarAction {
  key: string;
  label: string;
  pressed?: boolean;
  run(): void;
}

/** Left and right arrows, Home and End move between a toolbar's controls: the toolbar is one tab stop. */
export function moveWithArrows(e: React.KeyboardEvent<HTMLDivElement>): void {
  const items = [...e.currentTarget.querySelectorAll<HTMLElement>('button, select')];
  const i = items.indexOf(document.activeElement as HTMLElement);
  // Home and End reach the ends of a toolbar that scrolls on a phone without stepping through it.
  const next = e.key === 'ArrowRight' ? (i + 1) % items.length : e.key === 'ArrowLeft' ? (i + items.length - 1) % items.length : e.key === 'Home' ? 0 : e.key === 'End' ? items.length - 1 : null;
  if (next === null) return;
  items[next]?.focus();
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
