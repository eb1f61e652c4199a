import { getJson, seg } from './http.js';

/** Actions of the server's policy table (see packages/server/src/policy.ts). */
export type Action =
  | 'collaboration.list'
  | 'collaboration.read'
  | 'collaboration.create'
  | 'collaboration.edit'
  | 'collaboration.export'
  | 'collaboration.archive'
  | 'diagnosis.read'
  | 'record.read'
  | 'record.write'
  | 'wave.manage'
  | 'qualitative.read'
  | 'qualitative.write'
  | 'workspace.users'
  | 'workspace.audit'
  | 'workspace.export'
  | 'workspace.import'
  | 'workspace.archive';

/** What the signed-in user may do with one collaboration: `GET /api/collaborations/:id/access`. */
export interface CollaborationAccess {
  readonly collaborationId: string;
  readonly workspace: { readonly slug: string; readonly name: string };
  readonly role: string;
  readonly agencyId: string | null;
  readonly memberId: string | null;
  /** Allowed actions with their reach (`all`, `own`, `ownCollaborations`, `nonConfidential`). */
  readonly actions: Readonly<Partial<Record<Action, string>>>;
}

export const fetchAccess = (id: string, signal?: AbortSignal) =>
  getJson<CollaborationAccess>(`/api/collaborations/${seg(id)}/access`, signal);
