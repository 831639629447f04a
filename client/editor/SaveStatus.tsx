import { useEffect, useRef, useState } from 'react';
import type { AccessLevel } from '../../shared/caseModel.ts';
import { changesCount, type SaveState, saveStateText } from '../local/saveState.ts';
import { NLDS } from '../ui/theme.ts';

/** What a reader sees offline: there is nothing of theirs to store. */
const READER_OFFLINE = 'Geen verbinding: je ziet de tekst zoals die op dit apparaat bewaard is.';

/**
 * The visible line without the number of changes, which moves at every keystroke: what is left
 * changes only when it matters (offline, and from all saved to not saved). Null while online.
 */
function spokenOffline(state: SaveState, text: string): string | null {
  if (state.kind !== 'offline') return null;
  return state.pending === 0 ? text : text.replace(`: ${changesCount(state.pending)}.`, '.');
}

/**
 * The saved state of one open section, in words. The visible line follows every keystroke; a
 * screen reader is told only when the connection goes, when offline typing leaves something
 * unsaved, and when it is back. The hidden text never says what is no longer so.
 */
export function SaveStatus({ state, access, title }: { state: SaveState; access: AccessLevel; title: string }) {
  const editor = access === 'edit';
  const text = editor ? saveStateText(state) : state.kind === 'offline' ? READER_OFFLINE : '';
  const [announcement, setAnnouncement] = useState('');
  const wasOffline = useRef(false);
  useEffect(() => {
    const offline = spokenOffline(state, text);
    if (offline !== null) {
      wasOffline.current = true;
      // The same words again are no change: nothing is read out.
      setAnnouncement(`${title}: ${offline}`);
    } else if (state.kind === 'saved' || !editor) {
      // Back: said once it is confirmed (saved), or at once for a reader.
      if (wasOffline.current) setAnnouncement(`${title}: weer verbonden${editor ? ', alles is opgeslagen' : ''}.`);
      wasOffline.current = false;
    }
    // Saving: "offline" or "alles is opgeslagen" is no longer so; emptied quietly (a removal is not read out).
    else setAnnouncement('');
  }, [state, text, title, editor]);

  return (
    <>
      {text && (
        <p className={`save-status save-${state.kind} ${NLDS.smallParagraph}`} data-save={state.kind}>
          {text}
        </p>
      )}
      <p className="sr-only" role="status">
        {announcement}
      </p>
    </>
  );
}
