/**
 * Who may do what: one table mirroring PRODUCT.md's role table. Every route names the
 * action it performs; `authorise` is the one place that decides. The authorisation
 * matrix test walks this table against every route.
 */

/** Roles a user can hold in a workspace. */
export const ROLES = ['owner', 'facilitator', 'researcher', 'member', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** A user's standing in one workspace. */
export interface WorkspaceMembership {
  readonly workspaceId: string;
  readonly role: Role;
  /** The agency the user belongs to there; decides which confidential records they see. */
  readonly agencyId: string | null;
}

/** Who is asking. */
export type Principal =
  | { readonly kind: 'anonymous' }
  | {
      readonly kind: 'user';
      readonly userId: string;
      readonly email: string;
      readonly displayName: string;
      readonly memberships: readonly WorkspaceMembership[];
    };

/** How far a role's permission reaches for an action. */
export type Reach =
  /** Anything in the workspace. */
  | 'all'
  /** Only collaborations the user is a member of, and only their own records there. */
  | 'own'
  /** Only collaborations the user is a member of. */
  | 'ownCollaborations'
  /** Only records not confidential to another agency (viewers). */
  | 'nonConfidential';

/** Actions, each with the roles that may perform it and how far. */
export const POLICY = {
  'collaboration.list': {
    owner: 'all',
    facilitator: 'all',
    researcher: 'all',
    member: 'ownCollaborations',
    viewer: 'all',
  },
  'collaboration.read': {
    owner: 'all',
    facilitator: 'all',
    researcher: 'all',
    viewer: 'nonConfidential',
  },
  'collaboration.create': { owner: 'all', facilitator: 'all' },
  /** The collaboration's header (name, team form, dates…); records have `record.write`. */
  'collaboration.edit': { owner: 'all', facilitator: 'all' },
  'collaboration.export': { owner: 'all', facilitator: 'all' },
  'collaboration.archive': { owner: 'all' },
  'diagnosis.read': {
    owner: 'all',
    facilitator: 'all',
    researcher: 'all',
    member: 'ownCollaborations',
    viewer: 'all',
  },
  'record.read': {
    owner: 'all',
    facilitator: 'all',
    researcher: 'all',
    // Members read back what they may edit: their profile, role claims, and what they authored.
    member: 'own',
    viewer: 'nonConfidential',
  },
  'record.write': { owner: 'all', facilitator: 'all', member: 'own' },
  'wave.manage': { owner: 'all', facilitator: 'all' },
  'qualitative.read': { owner: 'all', facilitator: 'all', researcher: 'all' },
  'qualitative.write': { owner: 'all', researcher: 'all' },
  'workspace.users': { owner: 'all' },
  'workspace.audit': { owner: 'all' },
  'workspace.export': { owner: 'all' },
  'workspace.import': { owner: 'all' },
  'workspace.archive': { owner: 'all' },
} as const satisfies Record<string, Partial<Record<Role, Reach>>>;

/** Every action a route can ask for. */
export type Action = keyof typeof POLICY;

/** The reach a principal has for an action in a workspace, or null when refused. */
export function reachFor(principal: Principal, action: Action, workspaceId: string): Reach | null {
  if (principal.kind !== 'user') return null;
  const membership = principal.memberships.find((m) => m.workspaceId === workspaceId);
  if (!membership) return null;
  const table: Partial<Record<Role, Reach>> = POLICY[action];
  return table[membership.role] ?? null;
}

/** Whether the principal may perform `action` in the workspace at all. */
export function authorise(principal: Principal, action: Action, workspaceId: string): boolean {
  return reachFor(principal, action, workspaceId) !== null;
}

/** The principal's membership in a workspace, if any. */
export function membershipIn(
  principal: Principal,
  workspaceId: string,
): WorkspaceMembership | null {
  if (principal.kind !== 'user') return null;
  return principal.memberships.find((m) => m.workspaceId === workspaceId) ?? null;
}

/**
 * Whether a record marked confidential to `confidentialTo` may be shown to the principal:
 * only users of that agency see it, owners included only when it is their agency.
 */
export function canSeeConfidential(
  principal: Principal,
  workspaceId: string,
  confidentialTo: string | null | undefined,
): boolean {
  if (!confidentialTo) return true;
  const membership = membershipIn(principal, workspaceId);
  return membership !== null && membership.agencyId === confidentialTo;
}
