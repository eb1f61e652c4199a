import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';

/** What a confirmation asks. */
export interface ConfirmRequest {
  readonly title: string;
  readonly body: ReactNode;
  /** The confirming button's words ("Remove Sam"); Cancel is always offered first. */
  readonly confirmLabel: string;
  /** Draws the confirming button as a destructive action. */
  readonly destructive?: boolean;
}

/**
 * A modal confirmation drawn with the native `<dialog>`: focus moves into it and is kept
 * there, Escape cancels, and focus returns to what opened it when it closes.
 */
export function ConfirmDialog({
  request,
  onAnswer,
}: {
  request: ConfirmRequest;
  onAnswer: (confirmed: boolean) => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      className="ws-dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onClose={() => onAnswer(ref.current?.returnValue === 'confirm')}
    >
      <form method="dialog" className="ws-dialog__form">
        <h2 id={titleId} className="ws-dialog__title">
          {request.title}
        </h2>
        <div id={bodyId} className="ws-dialog__body">
          {request.body}
        </div>
        <div className="ws-dialog__actions">
          <button type="submit" value="cancel" className="button">
            Cancel
          </button>
          <button
            type="submit"
            value="confirm"
            className={request.destructive ? 'button button--danger' : 'button button--primary'}
          >
            {request.confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}

/**
 * A confirmation step: `confirm(request)` opens the dialog and resolves with the answer;
 * render `dialog` somewhere in the page.
 */
export function useConfirm(): {
  dialog: ReactNode;
  confirm: (request: ConfirmRequest) => Promise<boolean>;
} {
  const [pending, setPending] = useState<{
    request: ConfirmRequest;
    resolve: (confirmed: boolean) => void;
  } | null>(null);
  const confirm = useCallback(
    (request: ConfirmRequest) =>
      new Promise<boolean>((resolve) => setPending({ request, resolve })),
    [],
  );
  const dialog = pending ? (
    <ConfirmDialog
      request={pending.request}
      onAnswer={(confirmed) => {
        setPending(null);
        pending.resolve(confirmed);
      }}
    />
  ) : null;
  return { dialog, confirm };
}
