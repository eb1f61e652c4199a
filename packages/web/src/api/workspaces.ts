/**
 * The web app's view of the workspace API: the user's workspaces, their people and roles,
 * one-time links, the audit log, archiving, the whole-workspace backup, and one's own
 * password. Bodies are checked as they arrive so a changed server shows a clear message.
 */
import { parseCollaborationList, type CollaborationSummary } from './session.js';
import { ApiError, download, getJson, isObject, requestJson, send, seg } from './http.js';

/** Roles a user can hold in a workspace, most powerful first (the server's policy table). */
export const ROLES = ['owner', 'facilitator', 'researcher', 'member', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value);

/** One of the signed-in user's workspaces, with their role there. */
export interface MyWorkspace {
  readonly slug: string;
  readonly name: string;
  readonly archived: boolean;
  readonly role: Role;
  readonly agencyId: string | null;
}

/** A member of a workspace as its owners see them. */
export interface WorkspaceMember {
  readonly userId: string;
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  readonly agencyId: string | null;
  /** `invited` until they have chosen a password; `disabled` accounts cannot sign in. */
  readonly status: 'active' | 'invited' | 'disabled';
  readonly memberSince: string;
}

/** A one-time link to pass on; shown once. */
export interface OneTimeLink {
  /** Absolute (resolved against this site when the server sent a relative one). */
  readonly url: string;
  readonly expiresAt: string;
}

/** One entry of the append-only audit log. */
export interface AuditEntry {
  readonly id: number;
  readonly at: string;
  /** A user id, or `cli` for the command line. */
  readonly actor: string;
  readonly actorEmail: string | null;
  readonly action: string;
  readonly targetKind: string;
  readonly targetId: string;
  readonly before: unknown;
  readonly after: unknown;
}

/** What a workspace import brought in. */
export interface ImportSummary {
  readonly collaborations: number;
  readonly records: number;
  readonly surveyLinks: number;
  readonly auditEntries: number;
  readonly membershipsAdded: number;
  /** Emails of accounts created without a password (they need a reset link to sign in). */
  readonly usersCreated: readonly string[];
}

type Json = Record<string, unknown>;

const unexpected = (where: string) =>
  new ApiError(`Unexpected response from the server: ${where} is missing or invalid`);

function object(value: unknown, where: string): Json {
  if (!isObject(value)) throw unexpected(where);
  return value;
}
function text(o: Json, key: string, where: string): string {
  const value = o[key];
  if (typeof value !== 'string') throw unexpected(`${where}.${key}`);
  return value;
}
function optionalText(o: Json, key: string, where: string): string | null {
  const value = o[key];
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw unexpected(`${where}.${key}`);
  return value;
}
function count(o: Json, key: string, where: string): number {
  const value = o[key];
  if (typeof value !== 'number' || !Number.isInteger(value)) throw unexpected(`${where}.${key}`);
  return value;
}
function list(o: Json, key: string, where: string): unknown[] {
  const value = o[key];
  if (!Array.isArray(value)) throw unexpected(`${where}.${key}`);
  return value;
}
function role(o: Json, key: string, where: string): Role {
  const value = o[key];
  if (!isRole(value)) throw unexpected(`${where}.${key}`);
  return value;
}

/** A link the server sent (relative unless it knows its public address), made absolute. */
export function absoluteLink(url: string): string {
  try {
    return new URL(url, window.location.origin).href;
  } catch {
    return url;
  }
}

function parseLink(value: unknown, where: string): OneTimeLink {
  const o = object(value, where);
  return { url: absoluteLink(text(o, 'url', where)), expiresAt: text(o, 'expiresAt', where) };
}

function parseMember(value: unknown, where: string): WorkspaceMember {
  const o = object(value, where);
  const status = o.status;
  if (status !== 'active' && status !== 'invited' && status !== 'disabled')
    throw unexpected(`${where}.status`);
  return {
    userId: text(o, 'userId', where),
    email: text(o, 'email', where),
    displayName: text(o, 'displayName', where),
    role: role(o, 'role', where),
    agencyId: optionalText(o, 'agencyId', where),
    status,
    memberSince: text(o, 'memberSince', where),
  };
}

function parseAuditEntry(value: unknown, where: string): AuditEntry {
  const o = object(value, where);
  return {
    id: count(o, 'id', where),
    at: text(o, 'at', where),
    actor: text(o, 'actor', where),
    actorEmail: optionalText(o, 'actorEmail', where),
    action: text(o, 'action', where),
    targetKind: text(o, 'targetKind', where),
    targetId: text(o, 'targetId', where),
    before: o.before ?? null,
    after: o.after ?? null,
  };
}

const wsPath = (ws: string) => `/api/workspaces/${seg(ws)}`;

/** `GET /api/workspaces`: the user's workspaces (archived ones marked) and their role in each. */
export async function fetchWorkspaces(signal?: AbortSignal): Promise<MyWorkspace[]> {
  const body = object(await getJson('/api/workspaces', signal), 'body');
  return list(body, 'workspaces', 'body').map((value, i) => {
    const where = `workspaces[${i}]`;
    const o = object(value, where);
    const archived = o.archived;
    if (typeof archived !== 'boolean') throw unexpected(`${where}.archived`);
    return {
      slug: text(o, 'slug', where),
      name: text(o, 'name', where),
      archived,
      role: role(o, 'role', where),
      agencyId: optionalText(o, 'agencyId', where),
    };
  });
}

/** `POST /api/workspaces`: a new workspace, with the caller as its owner. */
export async function createWorkspace(input: { slug: string; name: string }): Promise<string> {
  const body = object(await requestJson('POST', '/api/workspaces', { body: input }), 'body');
  return text(object(body.workspace, 'workspace'), 'slug', 'workspace');
}

/** `POST /api/workspaces/:ws/archive` or `/restore`. */
export async function setWorkspaceArchived(ws: string, archived: boolean): Promise<void> {
  await requestJson('POST', `${wsPath(ws)}/${archived ? 'archive' : 'restore'}`);
}

/** `GET /api/workspaces/:ws/users` (owners only). */
export async function fetchMembers(ws: string, signal?: AbortSignal): Promise<WorkspaceMember[]> {
  const body = object(await getJson(`${wsPath(ws)}/users`, signal), 'body');
  return list(body, 'members', 'body').map((m, i) => parseMember(m, `members[${i}]`));
}

/** What inviting someone gave: the member, and the link to pass on when they are new. */
export interface Invitation {
  readonly member: WorkspaceMember;
  /** Null when the person already had an account: they were simply added. */
  readonly link: OneTimeLink | null;
  /** Whether the server also sent the link by email (only when SMTP is configured). */
  readonly mailed: boolean;
}

/** `POST /api/workspaces/:ws/users`: invites someone with a role and an agency. */
export async function inviteMember(
  ws: string,
  input: { email: string; role: Role; agencyId: string | null; displayName?: string },
): Promise<Invitation> {
  const body = object(await requestJson('POST', `${wsPath(ws)}/users`, { body: input }), 'body');
  return {
    member: parseMember(body.member, 'member'),
    link: body.invitation === null ? null : parseLink(body.invitation, 'invitation'),
    mailed: body.mailed === true,
  };
}

/** `PATCH /api/workspaces/:ws/users/:userId`: a new role and/or agency. */
export async function updateMember(
  ws: string,
  userId: string,
  change: { role?: Role; agencyId?: string | null },
): Promise<WorkspaceMember> {
  const body = object(
    await requestJson('PATCH', `${wsPath(ws)}/users/${seg(userId)}`, { body: change }),
    'body',
  );
  return parseMember(body.member, 'member');
}

/** `DELETE /api/workspaces/:ws/users/:userId`: out of this workspace (the account stays). */
export async function removeMember(ws: string, userId: string): Promise<void> {
  await requestJson('DELETE', `${wsPath(ws)}/users/${seg(userId)}`);
}

/** `POST /api/workspaces/:ws/users/:userId/reset`: clears the password, returns a new link. */
export async function resetAccess(
  ws: string,
  userId: string,
): Promise<{ link: OneTimeLink; mailed: boolean }> {
  const body = object(
    await requestJson('POST', `${wsPath(ws)}/users/${seg(userId)}/reset`),
    'body',
  );
  return { link: parseLink(body.link, 'link'), mailed: body.mailed === true };
}

/** One page of the audit log, newest first; `next` fetches the older ones. */
export interface AuditPage {
  readonly entries: AuditEntry[];
  readonly next: number | null;
}

/** `GET /api/workspaces/:ws/audit` (owners only). */
export async function fetchAuditPage(
  ws: string,
  page: { limit: number; before?: number | null },
  signal?: AbortSignal,
): Promise<AuditPage> {
  const query = new URLSearchParams({ limit: String(page.limit) });
  if (page.before !== undefined && page.before !== null) query.set('before', String(page.before));
  const body = object(await getJson(`${wsPath(ws)}/audit?${query.toString()}`, signal), 'body');
  const next = body.next;
  if (next !== null && (typeof next !== 'number' || !Number.isInteger(next)))
    throw unexpected('body.next');
  return {
    entries: list(body, 'entries', 'body').map((e, i) => parseAuditEntry(e, `entries[${i}]`)),
    next,
  };
}

/** `GET /api/workspaces/:ws/export`: the whole workspace as one file, saved by the browser. */
export function exportWorkspace(ws: string): Promise<void> {
  return download(`${wsPath(ws)}/export`, `weframe-${ws}.json`);
}

/** `POST /api/workspaces/:ws/import`: restores a backup file into this (empty) workspace. */
export async function importWorkspace(ws: string, file: Blob): Promise<ImportSummary> {
  const response = await send('POST', `${wsPath(ws)}/import`, {
    rawBody: file,
    contentType: 'application/json',
  });
  const body = object((await response.json()) as unknown, 'body');
  return {
    collaborations: count(body, 'collaborations', 'body'),
    records: count(body, 'records', 'body'),
    surveyLinks: count(body, 'surveyLinks', 'body'),
    auditEntries: count(body, 'auditEntries', 'body'),
    membershipsAdded: count(body, 'membershipsAdded', 'body'),
    usersCreated: list(body, 'usersCreated', 'body').filter(
      (e): e is string => typeof e === 'string',
    ),
  };
}

/** `POST /api/auth/password`: changes one's own password; other sessions end. */
export async function changePassword(current: string, next: string): Promise<void> {
  await requestJson('POST', '/api/auth/password', { body: { current, next } });
}

/** A collaboration of the workspace, and when (if ever) it was archived. */
export interface WorkspaceCollaboration {
  readonly summary: CollaborationSummary;
  readonly archivedAt: string | null;
}

/** `GET /api/collaborations?workspace=…&includeArchived=true`: current and archived ones. */
export async function fetchWorkspaceCollaborations(
  ws: string,
  signal?: AbortSignal,
): Promise<WorkspaceCollaboration[]> {
  const query = new URLSearchParams({ workspace: ws, includeArchived: 'true' });
  const body = await getJson(`/api/collaborations?${query.toString()}`, signal);
  const summaries = parseCollaborationList(body);
  const raw = list(object(body, 'body'), 'collaborations', 'body');
  return summaries.map((summary, i) => {
    const archivedAt = isObject(raw[i]) ? raw[i].archivedAt : null;
    return { summary, archivedAt: typeof archivedAt === 'string' ? archivedAt : null };
  });
}

/** `POST /api/collaborations/:id/archive` or `/restore` (owners). */
export async function setCollaborationArchived(id: string, archived: boolean): Promise<void> {
  await requestJson('POST', `/api/collaborations/${seg(id)}/${archived ? 'archive' : 'restore'}`);
}

/** An agency a workspace member may belong to, as the collaborations record it. */
export interface AgencyOption {
  readonly id: string;
  readonly name: string;
  /** The collaborations that record it. */
  readonly collaborations: readonly string[];
}

/**
 * The agencies recorded in the workspace's collaborations, one per id: a user's agency decides
 * which confidential records they see, and records name agencies by these ids.
 */
export function agencyOptions(collaborations: readonly WorkspaceCollaboration[]): AgencyOption[] {
  const byId = new Map<string, { names: Set<string>; collaborations: string[] }>();
  for (const { summary } of collaborations) {
    for (const agency of summary.agencies) {
      const entry = byId.get(agency.id) ?? { names: new Set<string>(), collaborations: [] };
      entry.names.add(agency.name);
      entry.collaborations.push(summary.name);
      byId.set(agency.id, entry);
    }
  }
  return [...byId.entries()]
    .map(([id, entry]) => ({
      id,
      name: [...entry.names].join(' / '),
      collaborations: entry.collaborations,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}
