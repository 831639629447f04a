import { NLDS } from './theme.ts';

/** A form's two last buttons, side by side (wrapping on a phone): save it, or leave it as it was. */
export function SaveOrCancel({ onCancel, save = 'Opslaan' }: { onCancel(): void; save?: string }) {
  return (
    <div className={`form-actions ${NLDS.buttonGroup}`}>
      <button type="submit" className={NLDS.primaryButton}>
        {save}
      </button>
      <button type="button" className={NLDS.secondaryButton} onClick={onCancel}>
        Annuleren
      </button>
    </div>
  );
}
