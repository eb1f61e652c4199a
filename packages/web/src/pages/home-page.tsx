import { useState } from 'react';
import { Link } from 'wouter';
import { fetchWorkspaceCollaborations } from '../api/workspaces.js';
import { PageTitle } from '../components/page-title.js';
import { StatusMessage } from '../components/status-message.js';
import { CollaborationEntries } from '../components/workspace/collaboration-entries.js';
import { NewWorkspaceForm } from '../components/workspace/new-workspace-form.js';
import { WorkspaceSwitcher } from '../components/workspace/workspace-switcher.js';
import { WorkspaceTools } from '../components/workspace/workspace-tools.js';
import { useResource } from '../hooks/use-resource.js';
import { markInteractive } from '../interactive.js';
import { chooseWorkspace, currentWorkspace, useSession } from '../session.js';
import '../styles/workspace.css';

/** The collaborations of the chosen workspace, with the workspace switcher and owners' tools. */
export function HomePage() {
  const { me, refresh } = useSession();
  const [chosen, setChosen] = useState(() => currentWorkspace(me));
  const [creating, setCreating] = useState(false);
  // A workspace just created is not among the memberships until the session is reloaded.
  const [opening, setOpening] = useState<string | null>(null);

  const found = me.memberships.find((m) => m.workspace.slug === chosen) ?? null;
  const waiting = found === null && opening !== null && opening === chosen;
  const membership = found ?? (waiting ? null : (me.memberships[0] ?? null));
  const workspace = waiting ? null : (membership?.workspace.slug ?? null);
  const role = membership?.role ?? null;
  const archived = membership?.workspace.archived ?? false;
  const isOwner = role === 'owner';
  const ownsAny = me.memberships.some((m) => m.role === 'owner');

  const list = useResource(
    (signal) =>
      workspace === null || archived
        ? Promise.resolve([])
        : fetchWorkspaceCollaborations(workspace, signal),
    [workspace, archived],
  );
  if (list.kind === 'ready' && !waiting) markInteractive();

  const choose = (slug: string) => {
    chooseWorkspace(slug);
    setChosen(slug);
  };
  const changed = (change: 'imported' | 'archived' | 'restored') => {
    // Archiving changes the session's view of the workspace, and the list follows it: an
    // archived workspace's collaborations are not listed.
    if (change === 'imported') list.reload();
    else refresh();
  };

  return (
    <>
      <PageTitle title="Collaborations">
        {membership && me.memberships.length === 1 && (
          <p className="ws-lead">In {membership.workspace.name}</p>
        )}
      </PageTitle>
      <div className="toolbar">
        {me.memberships.length > 1 && workspace !== null && (
          <WorkspaceSwitcher memberships={me.memberships} value={workspace} onChange={choose} />
        )}
        {(role === 'owner' || role === 'facilitator') && !archived && (
          <Link href="/new" className="button button--primary">
            New collaboration
          </Link>
        )}
        {isOwner && workspace && (
          <>
            <Link href={`/workspaces/${encodeURIComponent(workspace)}/people`} className="button">
              People and roles
            </Link>
            <Link href={`/workspaces/${encodeURIComponent(workspace)}/audit`} className="button">
              Audit log
            </Link>
          </>
        )}
        {ownsAny && !creating && (
          <button type="button" className="button button--quiet" onClick={() => setCreating(true)}>
            New workspace
          </button>
        )}
      </div>
      <p className="visually-hidden" role="status">
        {membership ? `Showing ${membership.workspace.name}.` : ''}
      </p>

      {creating && (
        <NewWorkspaceForm
          onCancel={() => setCreating(false)}
          onCreated={(slug) => {
            setCreating(false);
            setOpening(slug);
            choose(slug);
            refresh();
          }}
        />
      )}

      {waiting && (
        <StatusMessage kind="loading">
          <p>Opening the new workspace…</p>
        </StatusMessage>
      )}
      {!waiting && membership === null && (
        <StatusMessage kind="empty">
          <p>
            You do not belong to any workspace yet. Ask an owner to invite you, then use the link in
            the invitation.
          </p>
        </StatusMessage>
      )}
      {membership && archived && (
        <div className="ws-notice" role="status">
          <p className="ws-notice__title">{membership.workspace.name} is archived.</p>
          <p>
            Its collaborations are closed until an owner restores it.
            {isOwner && ' You can restore it below.'}
          </p>
        </div>
      )}

      {membership && !archived && list.kind === 'loading' && (
        <StatusMessage kind="loading">
          <p>Loading collaborations…</p>
        </StatusMessage>
      )}
      {membership && list.kind === 'error' && (
        <StatusMessage kind="error">
          <p className="status__title">The collaborations could not be loaded.</p>
          <p className="status__detail">{list.error.message}</p>
          <button type="button" className="button" onClick={list.reload}>
            Try again
          </button>
        </StatusMessage>
      )}
      {membership && !archived && list.kind === 'ready' && (
        <CollaborationEntries items={list.data} canArchive={isOwner} onChanged={list.reload} />
      )}

      {isOwner && membership && list.kind === 'ready' && (
        <WorkspaceTools
          ws={membership.workspace.slug}
          name={membership.workspace.name}
          archived={archived}
          empty={list.data.length === 0}
          onChanged={changed}
        />
      )}
    </>
  );
}
