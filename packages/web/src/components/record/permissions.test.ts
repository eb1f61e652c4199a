import { describe, expect, it } from 'vitest';
import type { CollaborationAccess } from '../../api/access.js';
import { EDITABLE_COLLECTIONS, type StoredRecord } from '../../api/records.js';
import { recordRights } from './permissions.js';

const access = (
  role: string,
  actions: CollaborationAccess['actions'],
  extra: Partial<CollaborationAccess> = {},
): CollaborationAccess => ({
  collaborationId: 'c1',
  workspace: { slug: 'default', name: 'Default' },
  role,
  agencyId: null,
  memberId: null,
  actions,
  ...extra,
});

const record = (fields: Record<string, unknown>): StoredRecord => ({
  id: 'r1',
  version: 1,
  author: 'someone-else',
  ...fields,
});

describe('what the record page offers', () => {
  const member = recordRights(
    access(
      'member',
      { 'record.read': 'own', 'record.write': 'own', 'diagnosis.read': 'ownCollaborations' },
      { memberId: 'm-me', agencyId: 'ag-1' },
    ),
    'user-me',
  );

  it('lets a member add only role claims, activities, communications and case events', () => {
    expect(EDITABLE_COLLECTIONS.filter((c) => member.canAdd(c))).toEqual([
      'roleClaims',
      'activities',
      'communications',
      'caseEvents',
    ]);
  });

  it('lets a member change their own profile and claims, and what they recorded', () => {
    expect(member.canEdit('members', record({ id: 'm-me' }))).toBe(true);
    expect(member.canEdit('members', record({ id: 'm-other' }))).toBe(false);
    expect(member.canDelete('members', record({ id: 'm-me' }))).toBe(false);
    expect(member.canEdit('roleClaims', record({ memberId: 'm-me' }))).toBe(true);
    expect(member.canEdit('roleClaims', record({ memberId: 'm-other' }))).toBe(false);
    expect(member.canDelete('activities', record({ author: 'user-me' }))).toBe(true);
    expect(member.canEdit('communications', record({ author: 'someone-else' }))).toBe(false);
    expect(member.canEdit('agencies', record({ author: 'user-me' }))).toBe(false);
    expect(member.canEditHeader).toBe(false);
    expect(member.ownMemberId).toBe('m-me');
    expect(member.collections(EDITABLE_COLLECTIONS)).toEqual([
      'members',
      'roleClaims',
      'activities',
      'communications',
      'caseEvents',
    ]);
  });

  it('lets a facilitator change everything, and a viewer nothing', () => {
    const facilitator = recordRights(
      access('facilitator', {
        'record.read': 'all',
        'record.write': 'all',
        'collaboration.edit': 'all',
      }),
      'user-f',
    );
    const viewer = recordRights(access('viewer', { 'record.read': 'nonConfidential' }), 'user-v');
    for (const c of EDITABLE_COLLECTIONS) {
      expect(facilitator.canAdd(c)).toBe(true);
      expect(facilitator.canDelete(c, record({}))).toBe(true);
      expect(viewer.canAdd(c)).toBe(false);
      expect(viewer.canEdit(c, record({}))).toBe(false);
    }
    expect(facilitator.canEditHeader).toBe(true);
    expect(viewer.canEditHeader).toBe(false);
    expect(facilitator.ownMemberId).toBeNull();
  });

  it('knows which confidential records stay in sight', () => {
    expect(member.sees(undefined)).toBe(true);
    expect(member.sees('ag-1')).toBe(true);
    expect(member.sees('ag-2')).toBe(false);
    const owner = recordRights(
      access('owner', { 'record.read': 'all', 'record.write': 'all' }),
      'user-o',
    );
    // An owner with no agency sees no confidential record.
    expect(owner.sees('ag-1')).toBe(false);
  });
});
