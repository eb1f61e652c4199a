import { useId, useState } from 'react';
import { Link } from 'wouter';
import { fetchCollaborations } from '../api/session.js';
import { CollaborationList } from '../components/collaboration-list.js';
import { PageTitle } from '../components/page-title.js';
import { StatusMessage } from '../components/status-message.js';
import { useResource } from '../hooks/use-resource.js';
import { markInteractive } from '../interactive.js';
import { chooseWorkspace, currentWorkspace, useSession } from '../session.js';

/** The collaborations of the chosen workspace, with the workspace switcher. */
export function HomePage() {
  const { me } = useSession();
  const [workspace, setWorkspace] = useState(() => currentWorkspace(me));
  const selectId = useId();
  const list = useResource(
    (signal) => fetchCollaborations(signal, workspace ?? undefined),
    [workspace],
  );
  const role = me.memberships.find((m) => m.workspace.slug === workspace)?.role ?? null;
  if (list.kind === 'ready') markInteractive();
  return (
    <>
      <PageTitle title="Collaborations" />
      <div className="toolbar">
        {me.memberships.length > 1 && (
          <div className="field field--inline">
            <label htmlFor={selectId}>Workspace</label>
            <select
              id={selectId}
              value={workspace ?? ''}
              onChange={(event) => {
                chooseWorkspace(event.target.value);
                setWorkspace(event.target.value);
              }}
            >
              {me.memberships.map((m) => (
                <option key={m.workspace.slug} value={m.workspace.slug}>
                  {m.workspace.name} ({m.role})
                </option>
              ))}
            </select>
          </div>
        )}
        {(role === 'owner' || role === 'facilitator') && (
          <Link href="/new" className="button button--primary">
            New collaboration
          </Link>
        )}
        {role === 'owner' && workspace && (
          <>
            <Link href={`/workspaces/${encodeURIComponent(workspace)}/people`} className="button">
              People and roles
            </Link>
            <Link href={`/workspaces/${encodeURIComponent(workspace)}/audit`} className="button">
              Audit log
            </Link>
          </>
        )}
      </div>
      {list.kind === 'loading' && (
        <StatusMessage kind="loading">
          <p>Loading collaborations…</p>
        </StatusMessage>
      )}
      {list.kind === 'error' && (
        <StatusMessage kind="error">
          <p className="status__title">The collaborations could not be loaded.</p>
          <p className="status__detail">{list.error.message}</p>
          <button type="button" className="button" onClick={list.reload}>
            Try again
          </button>
        </StatusMessage>
      )}
      {list.kind === 'ready' && list.data.length === 0 && (
        <StatusMessage kind="empty">
          <p>No collaborations in this workspace yet.</p>
        </StatusMessage>
      )}
      {list.kind === 'ready' && list.data.length > 0 && (
        <CollaborationList collaborations={list.data} />
      )}
    </>
  );
}
