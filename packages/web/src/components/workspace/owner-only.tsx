import { useEffect, type ReactNode } from 'react';
import { Link } from 'wouter';
import type { Me } from '../../api/session.js';
import { markInteractive } from '../../interactive.js';
import { useSession } from '../../session.js';
import { PageTitle } from '../page-title.js';
import { roleLabel } from './labels.js';

/** The signed-in user's membership of the workspace with this slug, if any. */
export type Membership = Me['memberships'][number];

export function membershipOf(me: Me, ws: string): Membership | null {
  return me.memberships.find((m) => m.workspace.slug === ws) ?? null;
}

/** The friendly page a user sees where their role may not go (the server refuses it too). */
function Refused({ title, children }: { title: string; children: ReactNode }) {
  useEffect(() => markInteractive(), []);
  return (
    <>
      <PageTitle title={title} />
      <div className="ws-notice" role="status">
        {children}
        <p>
          <Link href="/">Back to your collaborations</Link>
        </p>
      </div>
    </>
  );
}

/**
 * Shows `children` only to owners of the workspace; everyone else gets a plain explanation
 * instead of a page that would only fail.
 */
export function OwnerOnly({
  ws,
  title,
  what,
  children,
}: {
  ws: string;
  title: string;
  /** What only owners see, as in "Only owners of X can see {what}." */
  what: string;
  children: (membership: Membership) => ReactNode;
}) {
  const { me } = useSession();
  const membership = membershipOf(me, ws);
  if (!membership)
    return (
      <Refused title={title}>
        <p className="ws-notice__title">You are not a member of a workspace called “{ws}”.</p>
        <p>If you were invited, use the link in your invitation; otherwise ask its owner.</p>
      </Refused>
    );
  if (membership.role !== 'owner')
    return (
      <Refused title={title}>
        <p className="ws-notice__title">
          Only owners of {membership.workspace.name} can see {what}.
        </p>
        <p>
          Your role there is {roleLabel(membership.role).toLowerCase()}. If something needs
          changing, ask one of the workspace’s owners.
        </p>
      </Refused>
    );
  return <>{children(membership)}</>;
}
