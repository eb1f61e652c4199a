/**
 * What the record page offers a user, mirroring the server's rule (collaboration-access.ts):
 * owners and facilitators change anything; a member adds role claims for themselves and
 * activities, communications and case events, and changes only their own profile, role
 * claims and what they recorded. The server checks again.
 */
import type { CollaborationAccess } from '../../api/access.js';
import type { EditableCollection, StoredRecord } from '../../api/records.js';

/** Collections a member may add to. */
const MEMBER_CREATES: ReadonlySet<EditableCollection> = new Set([
  'roleClaims',
  'activities',
  'communications',
  'caseEvents',
]);
/** Collections whose records belong to the user who recorded them. */
const AUTHORED: ReadonlySet<EditableCollection> = new Set([
  'activities',
  'communications',
  'caseEvents',
]);

/** What the user may do with the record. */
export interface RecordRights {
  /** Whether they read the whole record (not only their own part). */
  readonly readsAll: boolean;
  readonly canAdd: (collection: EditableCollection) => boolean;
  readonly canEdit: (collection: EditableCollection, record: StoredRecord) => boolean;
  readonly canDelete: (collection: EditableCollection, record: StoredRecord) => boolean;
  readonly canEditHeader: boolean;
  /** Whether a record confidential to this agency (or none) stays visible to the user. */
  readonly sees: (confidentialTo: string | null | undefined) => boolean;
  /** A member's own member id: their role claims must name it. */
  readonly ownMemberId: string | null;
  /** Collections a member-role user works with (everything for the others). */
  readonly collections: (all: readonly EditableCollection[]) => readonly EditableCollection[];
}

/** The rights of the signed-in user (`userId`) in one collaboration. */
export function recordRights(access: CollaborationAccess, userId: string): RecordRights {
  const write = access.actions['record.write'];
  const read = access.actions['record.read'];
  const own = write === 'own';
  const owns = (collection: EditableCollection, record: StoredRecord) => {
    if (collection === 'members') return access.memberId !== null && record.id === access.memberId;
    if (collection === 'roleClaims')
      return access.memberId !== null && record.memberId === access.memberId;
    if (AUTHORED.has(collection)) return record.author === userId;
    return false;
  };
  return {
    readsAll: read !== undefined && read !== 'own',
    canAdd: (collection) => write === 'all' || (own && MEMBER_CREATES.has(collection)),
    canEdit: (collection, record) => write === 'all' || (own && owns(collection, record)),
    canDelete: (collection, record) =>
      write === 'all' || (own && collection !== 'members' && owns(collection, record)),
    canEditHeader: access.actions['collaboration.edit'] !== undefined,
    sees: (confidentialTo) =>
      !confidentialTo ||
      (read !== undefined && read !== 'nonConfidential' && access.agencyId === confidentialTo),
    ownMemberId: own ? access.memberId : null,
    collections: (all) =>
      read === 'own'
        ? all.filter((c) => c === 'members' || c === 'roleClaims' || AUTHORED.has(c))
        : all,
  };
}
