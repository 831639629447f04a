import { useEffect, useRef } from 'react';
import { BLOCK_LABEL } from '../../../shared/blocks/index.ts';
import { NLDS } from '../../ui/theme.ts';
import { BlockForm } from './BlockForm.tsx';
import { useBlockDialog } from './blockDialog.ts';

/** Modal with the block form; a native dialog, so focus stays inside and Escape closes it. */
export function BlockDialogHost() {
  const { request, close } = useBlockDialog();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (request && !dialog.open) dialog.showModal();
    if (!request && dialog.open) dialog.close();
  }, [request]);
  const finish = () => {
    const back = request?.returnFocus;
    close();
    back?.focus();
  };
  return (
    <dialog
      ref={ref}
      className="block-dialog"
      aria-labelledby="block-dialog-title"
      // Escape closes the dialog itself. The event of a close we made comes a moment later: by then
      // the next block's form may be open already, and it must not close that one.
      onClose={() => !ref.current?.open && useBlockDialog.getState().request && finish()}
    >
      {request && (
        <>
          <h2 id="block-dialog-title" className={NLDS.heading2}>{BLOCK_LABEL[request.type]}</h2>
          <BlockForm
            key={String(request.initial.id)}
            type={request.type}
            initial={request.initial}
            sectionId={request.sectionId}
            locked={request.locked}
            onCancel={finish}
            onSave={(data) => {
              request.onSave(data);
              finish();
            }}
          />
        </>
      )}
    </dialog>
  );
}
