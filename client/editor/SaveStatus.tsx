import { useEffect, useRef, useState } from 'react';
import type { AccessLevel } from '../../shared/caseModel.ts';
import { type SaveState, saveStateText } from '../local/saveState.ts';
import { NLDS } from '../ui/theme.ts';

/** What a reader sees offline: there is nothing of theirs to store. */
const READER_OFFLINE = 'Geen verbinding: je ziet de tekst zoals die op dit apparaat bewaard is.';

/**
 * The saved state of one open section, in words. The visible line follows every keystroke; a
 * screen reader is told only when the connection goes or comes back, not at every character.
 */
export function SaveStatus({ state, access, title }: { state: SaveState; access: AccessLevel; title: string }) {
  const editor = access === 'edit';
  const text = editor ? saveStateText(state) : state.kind === 'offline' ? READER_OFFLINE : '';
  const [announcement, setAnnouncement] = useState('');
  const wasOffline = useRef(false);
  useEffect(() => {
    const offline = state.kind === 'offline';
    if (offline === wasOffline.current) return;
    if (offline) setAnnouncement(`${title}: ${text}`);
    // Back: say so once it is confirmed (saved), or at once for a reader.
    else if (state.kind === 'saved' || !editor) setAnnouncement(`${title}: weer verbonden${editor ? ', alles is opgeslagen' : ''}.`);
    else return;
    wasOffline.current = offline;
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
