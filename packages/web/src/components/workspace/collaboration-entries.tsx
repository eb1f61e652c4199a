import { useState } from 'react';
import { Link } from 'wouter';
import { SignedOutError } from '../../api/http.js';
import { setCollaborationArchived, type WorkspaceCollaboration } from '../../api/workspaces.js';
import { useSession } from '../../session.js';
import { CollaborationCard } from '../collaboration-card.js';
import { StatusMessage } from '../status-message.js';
import { useConfirm } from './confirm-dialog.js';
import { FormProblem, problemOf, type Problem } from './form-problems.js';
import { formatDay } from './labels.js';

/**
 * The workspace's collaborations, and apart from them the archived ones. Owners may archive
 * a collaboration (after confirming) and restore an archived one.
 */
export function CollaborationEntries({
  items,
  canArchive,
  onChanged,
}: {
  items: readonly WorkspaceCollaboration[];
  canArchive: boolean;
  onChanged: () => void;
}) {
  const session = useSession();
  const { dialog, confirm } = useConfirm();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const current = items.filter((c) => c.archivedAt === null);
  const archived = items.filter((c) => c.archivedAt !== null);

  const change = async (item: WorkspaceCollaboration, archive: boolean) => {
    const { id, name } = item.summary;
    if (archive) {
      const ok = await confirm({
        title: `Archive ${name}?`,
        body: (
          <p>
            It leaves the list of collaborations and can no longer be changed: no record edits and
            no survey waves. Its record and diagnosis can still be read, nothing is deleted, and an
            owner can restore it.
          </p>
        ),
        confirmLabel: 'Archive',
        destructive: true,
      });
      if (!ok) return;
    }
    setBusy(id);
    setProblem(null);
    try {
      await setCollaborationArchived(id, archive);
      onChanged();
    } catch (caught) {
      if (caught instanceof SignedOutError) return session.signedOut();
      setProblem(problemOf(caught));
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      {dialog}
      <FormProblem problem={problem} fields={[]} title="That was not done." />
      {current.length === 0 ? (
        <StatusMessage kind="empty">
          <p>
            {archived.length === 0
              ? 'No collaborations in this workspace yet.'
              : 'Every collaboration in this workspace is archived.'}
          </p>
        </StatusMessage>
      ) : (
        <ul className="collaboration-list">
          {current.map((item) => (
            <li key={item.summary.id}>
              <CollaborationCard collaboration={item.summary} />
              {canArchive && (
                <div className="ws-card-actions">
                  <button
                    type="button"
                    className="button button--danger-quiet"
                    disabled={busy !== null}
                    onClick={() => void change(item, true)}
                  >
                    {busy === item.summary.id ? 'Archiving…' : 'Archive'}
                    <span className="visually-hidden"> {item.summary.name}</span>
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {archived.length > 0 && (
        <section className="ws-section ws-archived" aria-labelledby="archived-collaborations">
          <h2 id="archived-collaborations">Archived collaborations</h2>
          <p className="ws-section__lead">
            Kept as they were: they can be read but not changed.
            {canArchive && ' Restore one to work on it again.'}
          </p>
          <ul className="ws-archived__list">
            {archived.map((item) => (
              <li key={item.summary.id} className="ws-archived__item">
                <span className="ws-archived__name">
                  <Link href={`/c/${encodeURIComponent(item.summary.id)}`}>
                    {item.summary.name}
                  </Link>
                  <span className="badge ws-badge">Archived</span>
                  {item.archivedAt && (
                    <span className="muted ws-archived__when">on {formatDay(item.archivedAt)}</span>
                  )}
                </span>
                {canArchive && (
                  <button
                    type="button"
                    className="button"
                    disabled={busy !== null}
                    onClick={() => void change(item, false)}
                  >
                    {busy === item.summary.id ? 'Restoring…' : 'Restore'}
                    <span className="visually-hidden"> {item.summary.name}</span>
                  </button>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
