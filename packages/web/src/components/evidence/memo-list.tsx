import { useId, useState } from 'react';
import { createMemo, deleteMemo, updateMemo, type Memo } from '../../api/qualitative.js';
import { describedBy, FieldIssues, FormProblem, useAction } from './use-action.js';

/** One memo: its text, and for researchers Edit and Delete. */
function MemoItem({
  collaborationId,
  memo,
  canWrite,
  onChanged,
}: {
  readonly collaborationId: string;
  readonly memo: Memo;
  readonly canWrite: boolean;
  readonly onChanged: () => void;
}) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(memo.text);
  const action = useAction();
  const id = useId();
  if (editing)
    return (
      <li className="ev-memo">
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void action
              .run(() => updateMemo(collaborationId, memo.id, memo.version, text))
              .then((ok) => {
                if (ok) {
                  setEditing(false);
                  onChanged();
                }
              });
          }}
        >
          <FormProblem problem={action.problem} fields={['text']} />
          <label htmlFor={`${id}-text`}>Memo</label>
          <textarea
            id={`${id}-text`}
            className="ev-input"
            rows={3}
            value={text}
            aria-describedby={describedBy(`${id}-issues`, action.issuesFor('text'))}
            onChange={(event) => setText(event.target.value)}
          />
          <FieldIssues id={`${id}-issues`} issues={action.issuesFor('text')} />
          <div className="ev-actions">
            <button type="submit" className="button button--primary" aria-disabled={action.busy}>
              Save memo
            </button>
            <button
              type="button"
              className="button button--quiet"
              onClick={() => {
                setEditing(false);
                setText(memo.text);
                action.clear();
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      </li>
    );
  return (
    <li className="ev-memo">
      <p className="ev-memo__text">{memo.text}</p>
      {canWrite && (
        <div className="ev-actions">
          <button
            type="button"
            className="button button--quiet ev-button--small"
            onClick={() => setEditing(true)}
          >
            Edit<span className="visually-hidden"> memo</span>
          </button>
          <button
            type="button"
            className="button button--quiet ev-button--small"
            onClick={() =>
              void action
                .run(() => deleteMemo(collaborationId, memo.id, memo.version))
                .then((ok) => {
                  if (ok) onChanged();
                })
            }
          >
            Delete<span className="visually-hidden"> memo</span>
          </button>
        </div>
      )}
      <FormProblem problem={action.problem} />
    </li>
  );
}

/** Memos on one source, code, coding or case, with a form to add one. */
export function MemoList({
  collaborationId,
  target,
  memos,
  canWrite,
  onChanged,
  label,
}: {
  readonly collaborationId: string;
  readonly target: { readonly kind: Memo['target']['kind']; readonly id: string };
  readonly memos: readonly Memo[];
  readonly canWrite: boolean;
  readonly onChanged: () => void;
  /** What the memos are about, for the field's label ("Memo on this source"). */
  readonly label: string;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const action = useAction();
  const mine = memos.filter((m) => m.target.kind === target.kind && m.target.id === target.id);
  return (
    <div className="ev-memos">
      {mine.length === 0 ? (
        <p className="muted">No memos yet.</p>
      ) : (
        <ul className="ev-memos__list">
          {mine.map((memo) => (
            <MemoItem
              key={`${memo.id}-${memo.version}`}
              collaborationId={collaborationId}
              memo={memo}
              canWrite={canWrite}
              onChanged={onChanged}
            />
          ))}
        </ul>
      )}
      {canWrite && (
        <form
          className="ev-memos__form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void action
              .run(() => createMemo(collaborationId, target, text))
              .then((ok) => {
                if (ok) {
                  setText('');
                  onChanged();
                }
              });
          }}
        >
          <FormProblem problem={action.problem} fields={['text']} />
          <label htmlFor={`${id}-new`}>{label}</label>
          <textarea
            id={`${id}-new`}
            className="ev-input"
            rows={2}
            value={text}
            aria-describedby={describedBy(`${id}-new-issues`, action.issuesFor('text'))}
            onChange={(event) => setText(event.target.value)}
          />
          <FieldIssues id={`${id}-new-issues`} issues={action.issuesFor('text')} />
          <button type="submit" className="button" aria-disabled={action.busy}>
            Add memo
          </button>
        </form>
      )}
    </div>
  );
}
