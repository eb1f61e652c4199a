import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'wouter';
import { SignedOutError } from '../api/http.js';
import {
  agencyOptions,
  fetchMembers,
  fetchWorkspaceCollaborations,
  removeMember,
  resetAccess,
  type Invitation,
  type OneTimeLink,
  type WorkspaceMember,
} from '../api/workspaces.js';
import { PageTitle } from '../components/page-title.js';
import { StatusMessage } from '../components/status-message.js';
import { useConfirm } from '../components/workspace/confirm-dialog.js';
import { FormProblem, problemOf, type Problem } from '../components/workspace/form-problems.js';
import { InviteForm } from '../components/workspace/invite-form.js';
import { ROLE_HELP, ROLE_LABELS, roleLabel } from '../components/workspace/labels.js';
import { agencyName } from '../components/workspace/member-fields.js';
import { MemberEditForm } from '../components/workspace/member-edit-form.js';
import { OneTimeLinkPanel } from '../components/workspace/one-time-link.js';
import { OwnerOnly, type Membership } from '../components/workspace/owner-only.js';
import { PeopleTable } from '../components/workspace/people-table.js';
import { useResource } from '../hooks/use-resource.js';
import { markInteractive } from '../interactive.js';
import { useSession } from '../session.js';
import { ROLES } from '../api/workspaces.js';
import '../styles/workspace.css';

/** The people of a workspace, their roles and agencies, invitations and resets (owners only). */
export function WorkspaceUsersPage() {
  const { ws = '' } = useParams<{ ws: string }>();
  return (
    <OwnerOnly ws={ws} title="People and roles" what="its people and their roles">
      {(membership) => <People ws={ws} membership={membership} />}
    </OwnerOnly>
  );
}

interface ShownLink {
  readonly kind: 'invite' | 'reinvite' | 'reset';
  readonly who: { displayName: string; email: string };
  readonly link: OneTimeLink;
  readonly mailed: boolean;
}

function People({ ws, membership }: { ws: string; membership: Membership }) {
  const session = useSession();
  const { dialog, confirm } = useConfirm();
  const archived = membership.workspace.archived;
  const data = useResource(
    async (signal) => {
      // An archived workspace's collaborations are closed; its people can still be listed.
      const [members, collaborations] = await Promise.all([
        fetchMembers(ws, signal),
        archived ? Promise.resolve([]) : fetchWorkspaceCollaborations(ws, signal),
      ]);
      return { members, agencies: agencyOptions(collaborations) };
    },
    [ws, archived],
  );
  const [editing, setEditing] = useState<string | null>(null);
  const [shown, setShown] = useState<ShownLink | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (data.kind === 'ready') markInteractive();
  }, [data.kind]);

  const announce = (text: string) => {
    setNotice(text);
    setProblem(null);
    requestAnimationFrame(() => noticeRef.current?.focus());
  };
  const failed = (caught: unknown) => {
    if (caught instanceof SignedOutError) return session.signedOut();
    setNotice(null);
    setProblem(problemOf(caught));
    requestAnimationFrame(() => noticeRef.current?.focus());
  };

  const invited = (invitation: Invitation) => {
    const who = invitation.member;
    data.reload();
    if (invitation.link) {
      setNotice(null);
      setProblem(null);
      setShown({ kind: 'invite', who, link: invitation.link, mailed: invitation.mailed });
    } else {
      announce(
        `${who.email} already had an account and has been added as ${roleLabel(who.role).toLowerCase()}. They can sign in now.`,
      );
    }
  };

  const reset = async (member: WorkspaceMember) => {
    const invitedOnly = member.status === 'invited';
    const ok = await confirm({
      title: invitedOnly
        ? `Make a new link for ${member.displayName}?`
        : `Reset ${member.displayName}’s access?`,
      body: invitedOnly ? (
        <p>The link they were given stops working, and you get a new one to pass on.</p>
      ) : (
        <p>
          Their password stops working at once and they are signed out everywhere. You get a new
          one-time link to pass on, with which they choose a new password.
        </p>
      ),
      confirmLabel: invitedOnly ? 'Make a new link' : 'Reset access',
      destructive: !invitedOnly,
    });
    if (!ok) return;
    try {
      const result = await resetAccess(ws, member.userId);
      setNotice(null);
      setProblem(null);
      setShown({ kind: invitedOnly ? 'reinvite' : 'reset', who: member, ...result });
      data.reload();
    } catch (caught) {
      failed(caught);
    }
  };

  const remove = async (member: WorkspaceMember) => {
    const ok = await confirm({
      title: `Remove ${member.displayName} from ${membership.workspace.name}?`,
      body: (
        <p>
          They will no longer see anything in this workspace. Their account stays, with any other
          workspaces they belong to, and what they recorded stays in the collaborations.
        </p>
      ),
      confirmLabel: `Remove ${member.displayName}`,
      destructive: true,
    });
    if (!ok) return;
    try {
      await removeMember(ws, member.userId);
      if (editing === member.userId) setEditing(null);
      announce(`${member.displayName} has been removed from ${membership.workspace.name}.`);
      data.reload();
    } catch (caught) {
      failed(caught);
    }
  };

  return (
    <>
      <nav aria-label="Breadcrumb" className="ws-breadcrumb">
        <Link href="/">Collaborations</Link> <span aria-hidden="true">›</span>{' '}
        {membership.workspace.name}
      </nav>
      <PageTitle title="People and roles">
        <p className="ws-lead">
          Who can sign in to {membership.workspace.name}, with what role, and for which agency.
        </p>
      </PageTitle>
      {archived && (
        <div className="ws-notice" role="status">
          <p className="ws-notice__title">This workspace is archived.</p>
          <p>People can be listed but not invited or changed until an owner restores it.</p>
        </div>
      )}
      {dialog}
      {shown && (
        <OneTimeLinkPanel
          kind={shown.kind}
          who={shown.who}
          link={shown.link}
          mailed={shown.mailed}
          onDone={() => setShown(null)}
        />
      )}
      <div ref={noticeRef} tabIndex={-1} className="ws-live">
        {notice && (
          <p className="ws-done" role="status">
            {notice}
          </p>
        )}
        <FormProblem problem={problem} fields={[]} title="That was not done." />
      </div>
      {data.kind === 'loading' && (
        <StatusMessage kind="loading">
          <p>Loading the people of this workspace…</p>
        </StatusMessage>
      )}
      {data.kind === 'error' && (
        <StatusMessage kind="error">
          <p className="status__title">The people of this workspace could not be loaded.</p>
          <p className="status__detail">{data.error.message}</p>
          <button type="button" className="button" onClick={data.reload}>
            Try again
          </button>
        </StatusMessage>
      )}
      {data.kind === 'ready' && (
        <>
          {!archived && (
            <section className="ws-section" aria-labelledby="invite-heading">
              <h2 id="invite-heading">Invite someone</h2>
              <p className="ws-section__lead">
                You get a one-time link to pass on; with it they choose their password.
              </p>
              <InviteForm ws={ws} agencies={data.data.agencies} onInvited={invited} />
            </section>
          )}
          <section className="ws-section" aria-labelledby="people-heading">
            <h2 id="people-heading">People</h2>
            <PeopleTable
              caption={`${data.data.members.length} ${data.data.members.length === 1 ? 'person' : 'people'} in ${membership.workspace.name}`}
              members={data.data.members}
              agencies={data.data.agencies}
              me={session.me.user.id}
              readOnly={archived}
              editing={editing}
              editor={(() => {
                const member = data.data.members.find((m) => m.userId === editing);
                return member ? (
                  <MemberEditForm
                    ws={ws}
                    member={member}
                    agencies={data.data.agencies}
                    onCancel={() => setEditing(null)}
                    onSaved={(saved) => {
                      setEditing(null);
                      const agency = agencyName(data.data.agencies, saved.agencyId);
                      announce(
                        `${saved.displayName} is now ${roleLabel(saved.role).toLowerCase()}${agency ? ` for ${agency}` : ', with no agency'}.`,
                      );
                      data.reload();
                    }}
                  />
                ) : null;
              })()}
              onEdit={(member) => setEditing(editing === member.userId ? null : member.userId)}
              onReset={(member) => void reset(member)}
              onRemove={(member) => void remove(member)}
            />
          </section>
          <section className="ws-section" aria-labelledby="roles-heading">
            <h2 id="roles-heading">What each role may do</h2>
            <dl className="ws-roles">
              {ROLES.map((role) => (
                <div key={role} className="ws-roles__item">
                  <dt>{ROLE_LABELS[role]}</dt>
                  <dd>{ROLE_HELP[role]}</dd>
                </div>
              ))}
            </dl>
          </section>
        </>
      )}
    </>
  );
}
