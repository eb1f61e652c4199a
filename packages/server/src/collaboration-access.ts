import type { CollaborationRow, Store, WorkspaceRow } from '@weframe/store';
import { ServiceError } from './errors.js';
import {
  canSeeConfidential,
  membershipIn,
  reachFor,
  type Action,
  type Principal,
  type Reach,
  type Role,
} from './policy.js';

/** What a principal may do with one collaboration, decided once per request. */
export interface CollaborationAccess {
  readonly collaboration: CollaborationRow;
  readonly workspaceId: string;
  readonly principal: Principal;
  readonly userId: string;
  readonly role: Role;
  /** How far the requested action reaches for this principal. */
  readonly reach: Reach;
  /** The collaboration member the user is linked to, if any (needed for 'own' reaches). */
  readonly memberId: string | null;
  /** Whether a record marked confidential to this agency (or to none) may be shown. */
  readonly sees: (confidentialTo: string | null | undefined) => boolean;
}

/**
 * Decides access to a collaboration: it must exist and the principal must hold a membership
 * in its workspace (else `not_found`, so ids of other workspaces do not leak); the role must
 * allow the action (else `forbidden`); 'own' reaches need a member link to the collaboration
 * (else `not_found`: to a member, collaborations they are not part of do not exist).
 */
export function collaborationAccess(store: Pick<Store, 'collaborations' | 'records'>) {
  return async function accessTo(
    principal: Principal,
    collaborationId: string,
    action: Action,
  ): Promise<CollaborationAccess> {
    const missing = () =>
      new ServiceError('not_found', `no collaboration with id "${collaborationId}"`);
    if (principal.kind !== 'user') throw missing();
    const collaboration = await store.collaborations.get(collaborationId);
    if (!collaboration) throw missing();
    const workspaceId = collaboration.workspaceId;
    const membership = membershipIn(principal, workspaceId);
    if (!membership) throw missing();
    const reach = reachFor(principal, action, workspaceId);
    if (reach === null)
      throw new ServiceError('forbidden', `a ${membership.role} may not do this (${action})`);
    let memberId: string | null = null;
    if (reach === 'own' || reach === 'ownCollaborations') {
      memberId = await store.records.linkedMemberId(principal.userId, collaborationId);
      if (memberId === null) throw missing();
    }
    return {
      collaboration,
      workspaceId,
      principal,
      userId: principal.userId,
      role: membership.role,
      reach,
      memberId,
      sees: seesFor(principal, workspaceId),
    };
  };
}

/**
 * Which confidential records a principal may see in a workspace: those of their own agency
 * (owners included only then), and none at all for viewers, who read non-confidential
 * records only.
 */
export function seesFor(
  principal: Principal,
  workspaceId: string,
): (confidentialTo: string | null | undefined) => boolean {
  const readReach = reachFor(principal, 'record.read', workspaceId);
  return (confidentialTo) =>
    !confidentialTo ||
    (readReach !== null &&
      readReach !== 'nonConfidential' &&
      canSeeConfidential(principal, workspaceId, confidentialTo));
}

/**
 * The workspace a request means: `?workspace=SLUG`, or the principal's first one. A
 * workspace the principal does not belong to is `not_found`, like one that does not exist.
 */
export async function workspaceFor(
  store: Pick<Store, 'workspaces'>,
  principal: Principal,
  slug: string | undefined,
): Promise<WorkspaceRow> {
  if (principal.kind !== 'user') throw new ServiceError('not_found', 'no such workspace');
  if (slug !== undefined) {
    const found = await store.workspaces.bySlug(slug);
    if (!found || !membershipIn(principal, found.id))
      throw new ServiceError('not_found', `no workspace "${slug}"`);
    return found;
  }
  const first = principal.memberships[0];
  const found = first ? await store.workspaces.byId(first.workspaceId) : null;
  if (!found) throw new ServiceError('not_found', 'you belong to no workspace');
  return found;
}

/** The access check as a function; what {@link collaborationAccess} returns. */
export type AccessTo = ReturnType<typeof collaborationAccess>;

/** Collections a member (the 'own' reach) may add records to. */
const MEMBER_CREATES = new Set(['roleClaims', 'activities', 'communications', 'caseEvents']);
/** Collections whose records belong to the user who authored them. */
const AUTHORED = new Set(['activities', 'communications', 'caseEvents']);

/** A record as the 'own' rule looks at it. */
export interface OwnedCandidate {
  readonly author: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/**
 * Whether a record is the principal's own under the member role: their member profile,
 * their role claims, and activities, communications and case events they authored.
 */
export function ownsRecord(
  access: CollaborationAccess,
  collection: string,
  record: OwnedCandidate,
): boolean {
  if (collection === 'members')
    return access.memberId !== null && record.data.id === access.memberId;
  if (collection === 'roleClaims')
    return access.memberId !== null && record.data.memberId === access.memberId;
  if (AUTHORED.has(collection)) return record.author === access.userId;
  return false;
}

/** What a write does, for {@link mayWrite}. */
export type WriteKind = 'create' | 'replace' | 'delete';

/**
 * Whether the principal may make this write: 'all' reaches may write anything; 'own' may add
 * role claims for themselves and activities, communications and case events, edit what is
 * theirs (keeping it theirs), and delete it, except their own member profile.
 */
export function mayWrite(
  access: CollaborationAccess,
  collection: string,
  kind: WriteKind,
  current: OwnedCandidate | null,
  next: OwnedCandidate | null,
): boolean {
  if (access.reach === 'all') return true;
  if (access.reach !== 'own') return false;
  switch (kind) {
    case 'create':
      return (
        MEMBER_CREATES.has(collection) && next !== null && ownsRecord(access, collection, next)
      );
    case 'replace':
      return (
        current !== null &&
        next !== null &&
        ownsRecord(access, collection, current) &&
        ownsRecord(access, collection, next)
      );
    case 'delete':
      return (
        collection !== 'members' && current !== null && ownsRecord(access, collection, current)
      );
  }
}
