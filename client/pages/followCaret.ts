import { type RefObject, useEffect } from 'react';

/**
 * While following, keeps the chair's caret in view: Tiptap's collaboration caret of the chair (her
 * name comes from the server, see awarenessIdentity) is found in the followed section and scrolled
 * to whenever it moves, so a follower's page scrolls with her through the section.
 */
export function useFollowCaret(panel: RefObject<HTMLElement | null>, chairName: string, following: boolean): void {
  useEffect(() => {
    const root = panel.current;
    if (!following || !root) return;
    let lastTop: number | null = null;
    const follow = () => {
      const label = [...root.querySelectorAll('.collaboration-carets__label')].find((l) => l.textContent === chairName);
      const caret = label?.parentElement;
      if (!caret) return;
      const top = caret.getBoundingClientRect().top + scrollY;
      if (top === lastTop) return;
      lastTop = top;
      caret.scrollIntoView({ block: 'center' });
    };
    const observer = new MutationObserver(follow);
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [panel, chairName, following]);
}
