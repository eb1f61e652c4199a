import type { UserMembership, UserRow } from '@weframe/store';
import type { Role } from '../policy.js';

/** Names every field of a user that leaves the server (never the password hash). */
export function presentUser(user: Pick<UserRow, 'id' | 'email' | 'displayName'>) {
  return { id: user.id, email: user.email, displayName: user.displayName };
}

/** Names every field of one of the user's memberships. */
export function presentMembership(m: UserMembership) {
  return {
    workspace: { slug: m.slug, name: m.name, archived: m.archivedAt !== null },
    role: m.role as Role,
    agencyId: m.agencyId,
  };
}
