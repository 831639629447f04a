import { type RefObject, useEffect, useRef, useState } from 'react';
import { useCase } from '../../state/caseContext.ts';
import { NLDS } from '../../ui/theme.ts';

/**
 * "Ik ga akkoord": a party confirms an agreement they are named in, from the section or from the
 * overview. Disabled while the request is under way; a refusal is read out. The button goes once
 * the agreement is confirmed: `onConfirmed` lets the page move focus to what takes its place.
 */
export function ConfirmAgreement({ sectionId, blockId, onConfirmed }: { sectionId: string; blockId: string; onConfirmed?: () => void }) {
  const { confirm } = useCase();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const onClick = () => {
    setBusy(true);
    setError(null);
    confirm(sectionId, blockId)
      .then(() => onConfirmed?.())
      .catch((e: Error) => setError(e.message))
      .finally(() => setBusy(false));
  };
  return (
    <>
      <button type="button" className={NLDS.primaryButton} disabled={busy} onClick={onClick}>
        Ik ga akkoord met deze afspraak
      </button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </>
  );
}

/**
 * For a page that lists the parties: once I confirmed from here, focus goes to my own line
 * ("…: akkoord gegeven op …") that stays where the button was, so a keyboard or screen-reader user
 * hears it instead of losing their place. Give `onConfirmed` to the button and `mine` to my line.
 */
export function useFocusMyConfirmation(confirmed: boolean): { onConfirmed(): void; mine: RefObject<HTMLLIElement | null> } {
  const [asked, setAsked] = useState(false);
  const mine = useRef<HTMLLIElement | null>(null);
  useEffect(() => {
    if (asked && confirmed) mine.current?.focus();
  }, [asked, confirmed]);
  return { onConfirmed: () => setAsked(true), mine };
}
