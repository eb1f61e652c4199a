import type { AuditEntry, UserMembership, WorkspaceMember, WorkspaceRow } from '@weframe/store';
import type { OneTimeLink } from './workspace.service.js';
import type { Role } from './policy.js';

/** Names every field of a workspace that leaves the server. */
export function presentWorkspace(w: WorkspaceRow) {
  return {
    slug: w.slug,
    name: w.name,
    createdAt: w.createdAt.toISOString(),
    archivedAt: w.archivedAt?.toISOString() ?? null,
  };
}

/** One of the caller's workspaces, with their role there. */
export function presentMyWorkspace(m: UserMembership) {
  return {
    slug: m.slug,
    name: m.name,
    archived: m.archivedAt !== null,
    role: m.role as Role,
    agencyId: m.agencyId,
  };
}

/** A member as owners see them; `status` is `invited` until they have set a password. */
export function presentMember(m: WorkspaceMember) {
  return {
    userId: m.userId,
    email: m.email,
    displayName: m.displayName,
    role: m.role as Role,
    agencyId: m.agencyId,
    status: m.disabledAt
      ? ('disabled' as const)
      : m.hasPassword
        ? ('active' as const)
        : ('invited' as const),
    memberSince: m.memberSince.toISOString(),
  };
}

/** A one-time link to pass on. */
export function presentLink(link: OneTimeLink) {
  return { url: link.url, expiresAt: link.expiresAt.toISOString() };
}

/** One audit entry. */
export function presentAuditEntry(e: AuditEntry) {
  return {
    id: e.id,
    at: e.at.toISOString(),
    actor: e.actor,
    actorEmail: e.actorEmail,
    action: e.action,
    targetKind: e.targetKind,
    targetId: e.targetId,
    before: e.before ?? null,
    after: e.after ?? null,
  };
}
