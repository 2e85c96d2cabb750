/** The outcome of a save, announced to screen readers. */
export function FormNotice({ notice }: { notice: { kind: 'ok' | 'error'; text: string } | null }) {
  return (
    <div aria-live="polite" className="form-notice">
      {notice ? <p className={notice.kind === 'ok' ? 'form-notice--ok' : 'field__error'} role={notice.kind === 'error' ? 'alert' : 'status'}>{notice.text}</p> : null}
    </div>
  );
}
