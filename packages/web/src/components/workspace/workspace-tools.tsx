import { useId, useRef, useState, type FormEvent } from 'react';
import { SignedOutError } from '../../api/http.js';
import {
  exportWorkspace,
  importWorkspace,
  setWorkspaceArchived,
  type ImportSummary,
} from '../../api/workspaces.js';
import { plural } from '../../labels.js';
import { useSession } from '../../session.js';
import { useConfirm } from './confirm-dialog.js';
import { FormProblem, problemOf, type Problem } from './form-problems.js';

/**
 * What owners do with a whole workspace: download a backup, import one into an empty
 * workspace, archive it (or restore it).
 */
export function WorkspaceTools({
  ws,
  name,
  archived,
  empty,
  onChanged,
}: {
  ws: string;
  name: string;
  archived: boolean;
  /** Whether the workspace holds no collaboration at all: only then can a backup go in. */
  empty: boolean;
  /** After an import, an archive or a restore: the page reloads what it shows. */
  onChanged: (change: 'imported' | 'archived' | 'restored') => void;
}) {
  const id = useId();
  const session = useSession();
  const { dialog, confirm } = useConfirm();
  const fileRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<'export' | 'import' | 'archive' | null>(null);
  const [problem, setProblem] = useState<{ what: string; problem: Problem } | null>(null);
  const [imported, setImported] = useState<ImportSummary | null>(null);
  const [fileChosen, setFileChosen] = useState(false);

  const failed = (what: string, caught: unknown) => {
    if (caught instanceof SignedOutError) return session.signedOut();
    setProblem({ what, problem: problemOf(caught) });
  };

  const download = async () => {
    setBusy('export');
    setProblem(null);
    try {
      await exportWorkspace(ws);
    } catch (caught) {
      failed('The backup could not be made.', caught);
    } finally {
      setBusy(null);
    }
  };

  const upload = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) return;
    setBusy('import');
    setProblem(null);
    setImported(null);
    try {
      const summary = await importWorkspace(ws, file);
      setImported(summary);
      if (fileRef.current) fileRef.current.value = '';
      setFileChosen(false);
      onChanged('imported');
    } catch (caught) {
      failed('The backup was not imported; nothing was changed.', caught);
    } finally {
      setBusy(null);
    }
  };

  const archive = async (next: boolean) => {
    if (next) {
      const ok = await confirm({
        title: `Archive ${name}?`,
        body: (
          <>
            <p>
              Its collaborations are closed, and its people and roles can no longer be changed,
              until an owner restores it. Nothing is deleted.
            </p>
            <p>Owners can still download a backup, read the audit log and restore it.</p>
          </>
        ),
        confirmLabel: 'Archive the workspace',
        destructive: true,
      });
      if (!ok) return;
    }
    setBusy('archive');
    setProblem(null);
    try {
      await setWorkspaceArchived(ws, next);
      onChanged(next ? 'archived' : 'restored');
    } catch (caught) {
      failed(next ? 'The workspace was not archived.' : 'The workspace was not restored.', caught);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="ws-section ws-tools" aria-labelledby={`${id}-title`}>
      {dialog}
      <h2 id={`${id}-title`}>Look after this workspace</h2>
      {problem && <FormProblem problem={problem.problem} fields={[]} title={problem.what} />}

      <div className="ws-tools__grid">
        <div className="ws-tool">
          <h3>Backup</h3>
          <p>
            One file with everything in {name}: collaborations, survey waves and answers, evidence
            and the audit log. Keep it as safely as the records themselves.
          </p>
          <button
            type="button"
            className="button"
            disabled={busy !== null}
            onClick={() => void download()}
          >
            {busy === 'export' ? 'Preparing the backup…' : 'Download a backup'}
          </button>
        </div>

        {!archived && (
          <div className="ws-tool">
            <h3>Import a backup</h3>
            {empty ? (
              <form onSubmit={(event) => void upload(event)}>
                <p id={`${id}-import-help`}>
                  Brings every record of a backup file into this empty workspace, exactly as it was.
                  People in the backup who have no account here get one without a password: give
                  each of them a link from People and roles.
                </p>
                <div className="ws-field">
                  <label htmlFor={`${id}-file`}>Backup file (.json)</label>
                  <input
                    ref={fileRef}
                    id={`${id}-file`}
                    className="ws-file"
                    type="file"
                    accept="application/json,.json"
                    aria-describedby={`${id}-import-help`}
                    onChange={(event) => setFileChosen((event.target.files?.length ?? 0) > 0)}
                  />
                </div>
                <button type="submit" className="button" disabled={busy !== null || !fileChosen}>
                  {busy === 'import' ? 'Importing…' : 'Import the backup'}
                </button>
              </form>
            ) : (
              <p>
                A backup can only go into an empty workspace, so nothing is overwritten. To restore
                one, create a new workspace and import it there.
              </p>
            )}
            {imported && (
              <div className="ws-done" role="status">
                <p>
                  <strong>Imported.</strong>{' '}
                  {plural(imported.collaborations, 'collaboration', 'collaborations')},{' '}
                  {plural(imported.records, 'record', 'records')},{' '}
                  {plural(imported.surveyLinks, 'survey link', 'survey links')},{' '}
                  {plural(imported.auditEntries, 'audit entry', 'audit entries')} and{' '}
                  {plural(imported.membershipsAdded, 'person', 'people')} added.
                </p>
                {imported.usersCreated.length > 0 && (
                  <p>
                    New accounts without a password: {imported.usersCreated.join(', ')}. Give each a
                    link with “Reset access” on People and roles.
                  </p>
                )}
              </div>
            )}
          </div>
        )}

        <div className="ws-tool">
          <h3>{archived ? 'Restore' : 'Archive'}</h3>
          <p>
            {archived
              ? 'Opens the workspace again, exactly as it was when it was archived.'
              : 'Puts the whole workspace on hold once its work has ended. Nothing is deleted, and an owner can restore it.'}
          </p>
          <button
            type="button"
            className={archived ? 'button button--primary' : 'button button--danger-quiet'}
            disabled={busy !== null}
            onClick={() => void archive(!archived)}
          >
            {busy === 'archive'
              ? archived
                ? 'Restoring…'
                : 'Archiving…'
              : archived
                ? 'Restore the workspace'
                : 'Archive the workspace'}
          </button>
        </div>
      </div>
    </section>
  );
}
