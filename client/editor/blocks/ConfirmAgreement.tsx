import { useState } from 'react';
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
