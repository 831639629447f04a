import { useEffect, useRef } from 'react';

/** While `active` (an open menu or list), Escape anywhere on the page calls `onEscape`. */
export function useEscape(active: boolean, onEscape: (e: KeyboardEvent) => void) {
  // The latest handler, without listening anew on every render.
  const handler = useRef(onEscape);
  handler.current = onEscape;
  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') handler.current(e);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [active]);
}
