import { useEffect, useRef } from 'react';
import type { Change } from './changes.js';

/** What the page says after a change, and whether it can still be undone. */
export interface Notice {
  /** Increases with each notice, so each one takes focus. */
  readonly serial: number;
  readonly kind: 'success' | 'error';
  readonly text: string;
  /** More lines: the problems that stopped an undo. */
  readonly details?: readonly string[];
  /** The change the Undo button takes back, when there is one. */
  readonly undo: Change | null;
}

/** "Member “Sam” added. [Undo]" — focused when it appears so the Undo button is one Tab away. */
export function ChangeNotice({
  notice,
  busy,
  onUndo,
  onDismiss,
}: {
  readonly notice: Notice;
  readonly busy: boolean;
  readonly onUndo: () => void;
  readonly onDismiss: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [notice.serial]);
  return (
    <div
      className={`rec-notice rec-change rec-notice--${notice.kind}`}
      role={notice.kind === 'error' ? 'alert' : 'status'}
      tabIndex={-1}
      ref={ref}
    >
      <p className="rec-notice__title">{notice.text}</p>
      {notice.details && notice.details.length > 0 && (
        <ul className="rec-notice__details">
          {notice.details.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      )}
      <div className="rec-change__actions">
        {notice.undo && (
          <button type="button" className="button" aria-disabled={busy} onClick={onUndo}>
            {busy ? 'Undoing…' : 'Undo'}
          </button>
        )}
        <button type="button" className="button button--quiet" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
    </div>
  );
}
