import { useId, useMemo, useState } from 'react';
import {
  createCode,
  deleteCode,
  mergeCode,
  moveCode,
  updateCode,
  type Codebook,
  type CodebookCodeNode,
} from '../../api/qualitative.js';
import { plural } from '../../labels.js';
import { CodeCount, CodeTree, Swatch } from './code-tree.js';
import { CodeSelect } from './code-select.js';
import { codeColour, descendantIds, flattenCodebook } from './coding-text.js';
import { MemoList } from './memo-list.js';
import { describedBy, EvidenceDialog, FieldIssues, FormProblem, useAction } from './use-action.js';

type Dialog = {
  readonly kind: 'edit' | 'merge' | 'move' | 'delete';
  readonly node: CodebookCodeNode;
} | null;

/** The form that adds a code, under any code of the codebook or at the top level. */
function AddCode({
  collaborationId,
  codebook,
  onAdded,
}: {
  readonly collaborationId: string;
  readonly codebook: Codebook;
  readonly onAdded: (id: string) => void;
}) {
  const id = useId();
  const [name, setName] = useState('');
  const [parentId, setParentId] = useState('');
  const [colour, setColour] = useState('#1f5a7a');
  const [description, setDescription] = useState('');
  const action = useAction();
  const nameIssues = action.issuesFor('name');
  const parentIssues = action.issuesFor('parentId');
  return (
    <form
      className="ev-add-code"
      noValidate
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        let made = '';
        void action
          .run(async () => {
            made = (
              await createCode(collaborationId, {
                name,
                parentId: parentId === '' ? null : parentId,
                color: colour,
                description,
              })
            ).id;
          })
          .then((ok) => {
            if (!ok) return;
            setName('');
            setDescription('');
            onAdded(made);
          });
      }}
    >
      <h3 id={`${id}-title`}>Add a code</h3>
      <FormProblem problem={action.problem} fields={['name', 'parentId', 'color', 'description']} />
      <div className="ev-field">
        <label htmlFor={`${id}-name`}>Name</label>
        <input
          id={`${id}-name`}
          className="ev-input"
          value={name}
          maxLength={300}
          aria-invalid={nameIssues.length > 0 || undefined}
          aria-describedby={describedBy(`${id}-name-issues`, nameIssues)}
          onChange={(event) => setName(event.target.value)}
        />
        <FieldIssues id={`${id}-name-issues`} issues={nameIssues} />
      </div>
      <div className="ev-field">
        <label htmlFor={`${id}-parent`}>Under</label>
        <CodeSelect
          id={`${id}-parent`}
          groups={codebook.groups}
          value={parentId}
          onChange={setParentId}
          top="Top level (your own codes)"
          describedBy={describedBy(`${id}-parent-issues`, parentIssues)}
        />
        <FieldIssues id={`${id}-parent-issues`} issues={parentIssues} />
      </div>
      <div className="ev-field ev-field--inline">
        <label htmlFor={`${id}-colour`}>Colour</label>
        <input
          id={`${id}-colour`}
          type="color"
          className="ev-colour"
          value={colour}
          onChange={(event) => setColour(event.target.value)}
        />
      </div>
      <div className="ev-field">
        <label htmlFor={`${id}-description`}>Description (optional)</label>
        <textarea
          id={`${id}-description`}
          className="ev-input"
          rows={2}
          value={description}
          maxLength={4000}
          onChange={(event) => setDescription(event.target.value)}
        />
      </div>
      <button type="submit" className="button button--primary" aria-disabled={action.busy}>
        Add code
      </button>
    </form>
  );
}

/** Rename a code, change its colour or its description. */
function EditDialog({
  collaborationId,
  node,
  onDone,
  onClose,
}: {
  readonly collaborationId: string;
  readonly node: CodebookCodeNode;
  readonly onDone: () => void;
  readonly onClose: () => void;
}) {
  const id = useId();
  const [name, setName] = useState(node.name);
  const [colour, setColour] = useState(codeColour(node));
  const [description, setDescription] = useState(node.description);
  return (
    <EvidenceDialog
      title={`Edit “${node.name}”`}
      confirmLabel="Save code"
      onClose={onClose}
      onConfirm={async () => {
        await updateCode(collaborationId, node.id, {
          version: node.version,
          name,
          color: colour,
          description,
        });
        onDone();
      }}
    >
      <div className="ev-field">
        <label htmlFor={`${id}-name`}>Name</label>
        <input
          id={`${id}-name`}
          className="ev-input"
          value={name}
          maxLength={300}
          onChange={(event) => setName(event.target.value)}
        />
      </div>
      <div className="ev-field ev-field--inline">
        <label htmlFor={`${id}-colour`}>Colour</label>
        <input
          id={`${id}-colour`}
          type="color"
          className="ev-colour"
          value={colour}
          onChange={(event) => setColour(event.target.value)}
        />
      </div>
      <div className="ev-field">
        <label htmlFor={`${id}-description`}>Description</label>
        <textarea
          id={`${id}-description`}
          className="ev-input"
          rows={4}
          value={description}
          maxLength={4000}
          onChange={(event) => setDescription(event.target.value)}
        />
      </div>
    </EvidenceDialog>
  );
}

/** Merge a code into another: its codings, sub-codes and memos move there. */
function MergeDialog({
  collaborationId,
  codebook,
  node,
  onDone,
  onClose,
}: {
  readonly collaborationId: string;
  readonly codebook: Codebook;
  readonly node: CodebookCodeNode;
  readonly onDone: (into: string, report: { duplicatesFolded: number; warnings: string[] }) => void;
  readonly onClose: () => void;
}) {
  const id = useId();
  const [into, setInto] = useState('');
  const exclude = useMemo(() => new Set([node.id, ...descendantIds(node)]), [node]);
  return (
    <EvidenceDialog
      title={`Merge “${node.name}” into another code`}
      confirmLabel="Merge codes"
      onClose={onClose}
      onConfirm={async () => {
        if (into === '') throw new Error('Choose the code to merge into.');
        const report = await mergeCode(collaborationId, node.id, into);
        onDone(into, report);
      }}
    >
      <p id={`${id}-hint`}>
        Its {plural(node.codings, 'coded passage', 'coded passages')}, its sub-codes and its memos
        move to the code you choose; a passage both codes hold for the same coder is kept once. “
        {node.name}” is then deleted.
      </p>
      <div className="ev-field">
        <label htmlFor={`${id}-into`}>Merge into</label>
        <CodeSelect
          id={`${id}-into`}
          groups={codebook.groups}
          value={into}
          onChange={setInto}
          exclude={exclude}
          describedBy={`${id}-hint`}
        />
      </div>
    </EvidenceDialog>
  );
}

/** Move a code under another (or to the top level). */
function MoveDialog({
  collaborationId,
  codebook,
  node,
  onDone,
  onClose,
}: {
  readonly collaborationId: string;
  readonly codebook: Codebook;
  readonly node: CodebookCodeNode;
  readonly onDone: () => void;
  readonly onClose: () => void;
}) {
  const id = useId();
  const [parent, setParent] = useState(node.parentId ?? '');
  const exclude = useMemo(() => new Set([node.id, ...descendantIds(node)]), [node]);
  return (
    <EvidenceDialog
      title={`Move “${node.name}”`}
      confirmLabel="Move code"
      onClose={onClose}
      onConfirm={async () => {
        await moveCode(collaborationId, node.id, parent === '' ? null : parent);
        onDone();
      }}
    >
      <p id={`${id}-hint`}>
        The code keeps its coded passages and its sub-codes. Under a model element’s code, it counts
        as evidence for that element.
      </p>
      <div className="ev-field">
        <label htmlFor={`${id}-parent`}>Move under</label>
        <CodeSelect
          id={`${id}-parent`}
          groups={codebook.groups}
          value={parent}
          onChange={setParent}
          exclude={exclude}
          top="Top level (your own codes)"
          describedBy={`${id}-hint`}
        />
      </div>
    </EvidenceDialog>
  );
}

/**
 * The codebook: the model's elements grouped by context, the researcher's own codes, counts
 * of coded passages; researchers add, edit, move, merge and delete codes, and keep memos on them.
 */
export function CodebookManager({
  collaborationId,
  codebook,
  canWrite,
  onChanged,
}: {
  readonly collaborationId: string;
  readonly codebook: Codebook;
  readonly canWrite: boolean;
  readonly onChanged: () => void;
}) {
  const id = useId();
  const [selected, setSelected] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const flat = useMemo(() => flattenCodebook(codebook.groups), [codebook]);
  const current = flat.find((f) => f.node.id === selected) ?? null;
  const nameOf = (codeId: string) => flat.find((f) => f.node.id === codeId)?.node.name ?? codeId;
  const close = () => setDialog(null);
  const done = (message: string, next: string | null = selected) => {
    setNotice(message);
    setSelected(next);
    onChanged();
  };

  return (
    <div className="ev-codebook">
      <div className="ev-codebook__tree">
        <div className="ev-field">
          <label htmlFor={`${id}-find`}>Find a code</label>
          <input
            id={`${id}-find`}
            className="ev-input"
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
        </div>
        {notice && (
          <p className="ev-done" role="status">
            {notice}
          </p>
        )}
        <CodeTree
          label="Codebook"
          groups={codebook.groups}
          query={query}
          row={(node) => (
            <button
              type="button"
              className="ev-code-button"
              aria-pressed={node.id === selected}
              onClick={() => {
                setSelected(node.id === selected ? null : node.id);
                setNotice(null);
              }}
            >
              <Swatch code={node} />
              <span className="ev-code-button__name">{node.name}</span>
              <CodeCount node={node} />
            </button>
          )}
        />
      </div>
      <div className="ev-codebook__side">
        {current ? (
          <section className="ev-code-detail" aria-labelledby={`${id}-detail`}>
            <h3 id={`${id}-detail`}>
              <Swatch code={current.node} /> {current.node.name}
            </h3>
            <p className="muted">
              {current.groupName}
              {current.path.length > 1 ? ` › ${current.path.slice(0, -1).join(' › ')}` : ''}
              {current.node.elementId ? ' · a model element' : ''}
              {!current.node.stored ? ' · not used yet' : ''}
            </p>
            {current.node.description && (
              <p className="ev-code-detail__text">{current.node.description}</p>
            )}
            <p>
              {plural(current.node.codings, 'coded passage', 'coded passages')} in{' '}
              {plural(current.node.sources, 'source', 'sources')}
              {current.node.total !== current.node.codings
                ? `; ${current.node.total} with its sub-codes`
                : ''}
              .
            </p>
            {canWrite && (
              <div className="ev-actions">
                {current.node.stored && (
                  <button
                    type="button"
                    className="button button--quiet"
                    onClick={() => setDialog({ kind: 'edit', node: current.node })}
                  >
                    Edit
                  </button>
                )}
                <button
                  type="button"
                  className="button button--quiet"
                  onClick={() => setDialog({ kind: 'move', node: current.node })}
                >
                  Move…
                </button>
                {current.node.stored && (
                  <button
                    type="button"
                    className="button button--quiet"
                    onClick={() => setDialog({ kind: 'merge', node: current.node })}
                  >
                    Merge…
                  </button>
                )}
                {current.node.stored && (
                  <button
                    type="button"
                    className="button button--quiet"
                    onClick={() => setDialog({ kind: 'delete', node: current.node })}
                  >
                    Delete…
                  </button>
                )}
              </div>
            )}
            <h4>Memos</h4>
            <MemoList
              collaborationId={collaborationId}
              target={{ kind: 'code', id: current.node.id }}
              memos={codebook.memos}
              canWrite={canWrite}
              onChanged={onChanged}
              label={`Memo on “${current.node.name}”`}
            />
          </section>
        ) : (
          <p className="muted ev-codebook__hint">
            Choose a code to see its description, counts and memos
            {canWrite ? ', and to edit, move, merge or delete it' : ''}.
          </p>
        )}
        {canWrite && (
          <AddCode
            collaborationId={collaborationId}
            codebook={codebook}
            onAdded={(made) => done('The code was added.', made)}
          />
        )}
      </div>
      {dialog?.kind === 'edit' && (
        <EditDialog
          collaborationId={collaborationId}
          node={dialog.node}
          onClose={close}
          onDone={() => done('The code was saved.')}
        />
      )}
      {dialog?.kind === 'merge' && (
        <MergeDialog
          collaborationId={collaborationId}
          codebook={codebook}
          node={dialog.node}
          onClose={close}
          onDone={(into, report) =>
            done(
              [
                `“${dialog.node.name}” was merged into “${nameOf(into)}”.`,
                report.duplicatesFolded > 0
                  ? `${plural(report.duplicatesFolded, 'passage', 'passages')} coded with both became one.`
                  : '',
                ...report.warnings,
              ]
                .filter(Boolean)
                .join(' '),
              into,
            )
          }
        />
      )}
      {dialog?.kind === 'move' && (
        <MoveDialog
          collaborationId={collaborationId}
          codebook={codebook}
          node={dialog.node}
          onClose={close}
          onDone={() => done(`“${dialog.node.name}” was moved.`)}
        />
      )}
      {dialog?.kind === 'delete' && (
        <EvidenceDialog
          title={`Delete “${dialog.node.name}”?`}
          confirmLabel="Delete code"
          destructive
          onClose={close}
          onConfirm={async () => {
            await deleteCode(collaborationId, dialog.node.id, dialog.node.version);
            done(`“${dialog.node.name}” was deleted.`, null);
          }}
        >
          <p>
            Its {plural(dialog.node.codings, 'coded passage', 'coded passages')} and the memos on it
            are deleted too; its sub-codes move up a level and keep theirs. To keep the passages,
            merge it into another code instead.
          </p>
        </EvidenceDialog>
      )}
    </div>
  );
}
