import { useEffect, useRef } from 'react';
import { useConfirm } from '../app/confirm';

/** Renders the pending confirmation as a modal <dialog>; Escape or Cancel answers no. */
export function ConfirmHost() {
  const request = useConfirm((s) => s.request);
  const answer = useConfirm((s) => s.answer);
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (request && !dialog.open) {
      dialog.showModal();
      cancelRef.current?.focus(); // the safe answer has focus first
    } else if (!request && dialog.open) dialog.close();
  }, [request]);

  return (
    <dialog
      ref={ref}
      aria-labelledby="confirm-title"
      aria-describedby="confirm-message"
      onCancel={(e) => {
        e.preventDefault();
        answer(false);
      }}
    >
      {request ? (
        <>
          <h2 id="confirm-title">{request.title}</h2>
          <p id="confirm-message">{request.message}</p>
          <div className="button-row">
            <button type="button" ref={cancelRef} onClick={() => answer(false)}>
              {request.cancelLabel}
            </button>
            <button type="button" className={request.danger ? 'danger' : 'primary'} onClick={() => answer(true)}>
              {request.confirmLabel}
            </button>
          </div>
        </>
      ) : null}
    </dialog>
  );
}
