/** Plain words for roles and audit actions. Unknown codes are shown as they come. */
import type { Role } from '../../api/workspaces.js';

export const ROLE_LABELS: Record<Role, string> = {
  owner: 'Owner',
  facilitator: 'Facilitator',
  researcher: 'Researcher',
  member: 'Member',
  viewer: 'Viewer',
};

/** What each role may do, in a sentence (mirrors the server's policy table). */
export const ROLE_HELP: Record<Role, string> = {
  owner:
    'Everything in the workspace: people and roles, backups, the audit log, archiving. Confidential records only of their own agency.',
  facilitator:
    'Creates and keeps collaborations and their records, runs survey waves, sees diagnoses, imports and exports collaboration files.',
  researcher:
    'Reads records and diagnoses, and works with the qualitative evidence: sources, codes and coding.',
  member:
    'Sees the diagnosis of the collaborations they belong to and keeps their own part of the record.',
  viewer: 'Reads diagnoses and the records that are not confidential.',
};

export const roleLabel = (role: string): string =>
  (ROLE_LABELS as Record<string, string>)[role] ?? role;

export const STATUS_LABELS = {
  active: 'Active',
  invited: 'Invited — has not chosen a password yet',
  disabled: 'Disabled',
} as const;

const ACTIONS: Record<string, string> = {
  'workspace.create': 'Created the workspace',
  'workspace.archive': 'Archived the workspace',
  'workspace.restore': 'Restored the workspace',
  'workspace.export': 'Downloaded a backup of the workspace',
  'workspace.import': 'Imported a workspace backup',
  'membership.invite': 'Invited someone',
  'membership.add': 'Added someone to the workspace',
  'membership.update': 'Changed a role or agency',
  'membership.remove': 'Removed someone from the workspace',
  'user.reset': 'Reset someone’s access',
  'invitation.accept': 'Accepted an invitation',
  'reset.accept': 'Chose a new password after a reset',
  'user.password_change': 'Changed their password',
  'collaboration.import': 'Imported a collaboration',
  'collaboration.replace': 'Replaced a collaboration from a file',
  'collaboration.update': 'Changed a collaboration’s details',
  'collaboration.export': 'Exported a collaboration',
  'collaboration.archive': 'Archived a collaboration',
  'collaboration.restore': 'Restored a collaboration',
  'record.create': 'Added a record',
  'record.update': 'Changed a record',
  'record.delete': 'Deleted a record',
  'record.read': 'Read a confidential record',
  'wave.open': 'Opened a survey wave',
  'wave.close': 'Closed a survey wave',
  'wave.invite': 'Made survey links',
  'link.revoke': 'Revoked a survey link',
  'link.reissue': 'Reissued a survey link',
  'response.submit': 'A survey answer was submitted',
  'responses.import': 'Imported survey answers',
};

/** The audit action in words. */
export function actionLabel(action: string, targetId = ''): string {
  if (action === 'record.read' && /\/caseEvents\//.test(targetId)) return 'Read a case event';
  return ACTIONS[action] ?? action;
}

/** The action in words for a filter, where one choice covers every kind of target. */
export function actionFilterLabel(action: string): string {
  return action === 'record.read'
    ? 'Read a confidential record or case event'
    : actionLabel(action);
}

/** Whether the entry records someone reading confidential content (or a case event). */
export const isConfidentialRead = (action: string): boolean => action === 'record.read';

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long' });

/** A timestamp in words ("3 Mar 2026, 14:05"), or the text as it came. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

/** A date in words ("3 March 2026"), or the text as it came. */
export function formatDay(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateOnly.format(date);
}
