/**
 * Every API route and what it needs, in one table: the action of {@link POLICY} it performs,
 * or a rule of its own. The authorisation matrix test walks this table against the routes the
 * app registers (a route missing here fails it) and against every role.
 */
import { EDITABLE_COLLECTIONS } from './record.service.js';
import type { Action } from './policy.js';

/**
 * What a route requires:
 * - an {@link Action}: a role of the resource's workspace whose POLICY row allows it;
 * - `public`: anyone, no session (health, sign-in, respondents' links);
 * - `self`: any signed-in user, about themselves (who am I, my workspaces, my password);
 * - `anyOwner`: a user who owns some workspace (creating a workspace).
 */
export type RouteAccess = Action | 'public' | 'self' | 'anyOwner';

/** HTTP methods the API uses. */
export type RouteMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One route: its method, its path template (Hono's `:param` form) and what it requires. */
export interface RouteEntry {
  readonly method: RouteMethod;
  readonly path: string;
  readonly access: RouteAccess;
}

const entry = (method: RouteMethod, path: string, access: RouteAccess): RouteEntry => ({
  method,
  path,
  access,
});

const recordRoutes: readonly RouteEntry[] = EDITABLE_COLLECTIONS.flatMap((collection) => {
  const base = `/api/collaborations/:id/${collection}`;
  const one = `${base}/:recordId`;
  return [
    entry('GET', base, 'record.read'),
    entry('GET', one, 'record.read'),
    entry('POST', base, 'record.write'),
    entry('PUT', one, 'record.write'),
    entry('DELETE', one, 'record.write'),
  ];
});

const Q = '/api/collaborations/:id/qualitative';
/** Qualitative evidence: reading needs `qualitative.read`, every change `qualitative.write`. */
const qualitativeRoutes: readonly RouteEntry[] = [
  entry('GET', `${Q}/sources`, 'qualitative.read'),
  entry('POST', `${Q}/sources`, 'qualitative.write'),
  entry('GET', `${Q}/sources/:sourceId`, 'qualitative.read'),
  entry('PATCH', `${Q}/sources/:sourceId`, 'qualitative.write'),
  entry('DELETE', `${Q}/sources/:sourceId`, 'qualitative.write'),
  entry('GET', `${Q}/sources/:sourceId/suggestions`, 'qualitative.read'),
  entry('POST', `${Q}/sources/:sourceId/suggestions/accept`, 'qualitative.write'),
  entry('POST', `${Q}/sources/:sourceId/suggestions/reject`, 'qualitative.write'),
  entry('POST', `${Q}/import`, 'qualitative.write'),
  entry('GET', `${Q}/export`, 'qualitative.read'),
  entry('GET', `${Q}/codes`, 'qualitative.read'),
  entry('POST', `${Q}/codes`, 'qualitative.write'),
  entry('PATCH', `${Q}/codes/:codeId`, 'qualitative.write'),
  entry('DELETE', `${Q}/codes/:codeId`, 'qualitative.write'),
  entry('POST', `${Q}/codes/:codeId/merge`, 'qualitative.write'),
  entry('POST', `${Q}/codes/:codeId/move`, 'qualitative.write'),
  entry('POST', `${Q}/codings`, 'qualitative.write'),
  entry('DELETE', `${Q}/codings/:codingId`, 'qualitative.write'),
  entry('GET', `${Q}/memos`, 'qualitative.read'),
  entry('POST', `${Q}/memos`, 'qualitative.write'),
  entry('PATCH', `${Q}/memos/:memoId`, 'qualitative.write'),
  entry('DELETE', `${Q}/memos/:memoId`, 'qualitative.write'),
  entry('GET', `${Q}/cases`, 'qualitative.read'),
  entry('POST', `${Q}/cases`, 'qualitative.write'),
  entry('PATCH', `${Q}/cases/:caseId`, 'qualitative.write'),
  entry('DELETE', `${Q}/cases/:caseId`, 'qualitative.write'),
  entry('POST', `${Q}/attributes`, 'qualitative.write'),
  entry('DELETE', `${Q}/attributes/:name`, 'qualitative.write'),
  entry('GET', `${Q}/matrix`, 'qualitative.read'),
  entry('GET', `${Q}/cooccurrence`, 'qualitative.read'),
  entry('GET', `${Q}/agreement`, 'qualitative.read'),
];

/** Every /api route the app serves. */
export const ROUTE_TABLE: readonly RouteEntry[] = [
  entry('GET', '/api/health', 'public'),
  entry('GET', '/api/openapi.json', 'public'),

  entry('POST', '/api/auth/login', 'public'),
  // Signing out answers anonymous callers too (there is nothing to end).
  entry('POST', '/api/auth/logout', 'public'),
  entry('GET', '/api/auth/me', 'self'),
  entry('POST', '/api/auth/accept', 'public'),
  entry('POST', '/api/auth/password', 'self'),

  entry('GET', '/api/workspaces', 'self'),
  entry('POST', '/api/workspaces', 'anyOwner'),
  entry('GET', '/api/workspaces/:ws/users', 'workspace.users'),
  entry('POST', '/api/workspaces/:ws/users', 'workspace.users'),
  entry('PATCH', '/api/workspaces/:ws/users/:userId', 'workspace.users'),
  entry('DELETE', '/api/workspaces/:ws/users/:userId', 'workspace.users'),
  entry('POST', '/api/workspaces/:ws/users/:userId/reset', 'workspace.users'),
  entry('GET', '/api/workspaces/:ws/audit', 'workspace.audit'),
  entry('POST', '/api/workspaces/:ws/archive', 'workspace.archive'),
  entry('POST', '/api/workspaces/:ws/restore', 'workspace.archive'),
  entry('GET', '/api/workspaces/:ws/export', 'workspace.export'),
  entry('POST', '/api/workspaces/:ws/import', 'workspace.import'),

  entry('GET', '/api/collaborations', 'collaboration.list'),
  entry('POST', '/api/collaborations', 'collaboration.create'),
  entry('GET', '/api/collaborations/:id', 'collaboration.read'),
  entry('PATCH', '/api/collaborations/:id', 'collaboration.edit'),
  entry('GET', '/api/collaborations/:id/access', 'collaboration.list'),
  entry('GET', '/api/collaborations/:id/export', 'collaboration.export'),
  entry('GET', '/api/collaborations/:id/diagnosis', 'diagnosis.read'),
  entry('GET', '/api/collaborations/:id/diagnosis/summary', 'diagnosis.read'),
  entry('GET', '/api/collaborations/:id/change', 'diagnosis.read'),
  entry('GET', '/api/collaborations/:id/report', 'diagnosis.read'),
  entry('GET', '/api/collaborations/:id/downloads/indicators.csv', 'diagnosis.read'),
  entry('GET', '/api/collaborations/:id/downloads/edges-professional.csv', 'diagnosis.read'),
  entry('GET', '/api/collaborations/:id/downloads/edges-agency.csv', 'diagnosis.read'),
  entry('POST', '/api/collaborations/:id/archive', 'collaboration.archive'),
  entry('POST', '/api/collaborations/:id/restore', 'collaboration.archive'),
  ...recordRoutes,
  ...qualitativeRoutes,

  entry('POST', '/api/collaborations/:id/waves', 'wave.manage'),
  entry('GET', '/api/collaborations/:id/waves', 'wave.manage'),
  entry('GET', '/api/waves/:waveId', 'wave.manage'),
  entry('POST', '/api/waves/:waveId/close', 'wave.manage'),
  entry('POST', '/api/waves/:waveId/invitations', 'wave.manage'),
  entry('POST', '/api/waves/:waveId/invitations/:linkId/revoke', 'wave.manage'),
  entry('POST', '/api/waves/:waveId/invitations/:linkId/reissue', 'wave.manage'),
  entry('GET', '/api/waves/:waveId/status', 'wave.manage'),
  entry('GET', '/api/waves/:waveId/summary', 'diagnosis.read'),
  entry('GET', '/api/waves/:waveId/downloads/responses.csv', 'wave.manage'),
  entry('POST', '/api/waves/:waveId/responses/import', 'wave.manage'),

  // Respondents: the link's token is the key, to its own response only.
  entry('GET', '/api/s/:token', 'public'),
  entry('PUT', '/api/s/:token/draft', 'public'),
  entry('POST', '/api/responses', 'public'),
];
