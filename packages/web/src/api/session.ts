/**
 * The web app's view of the server's sign-in and collaboration list API. The web app talks
 * to the server over HTTP only, so these types describe the JSON on the wire and are checked
 * when it arrives.
 */
import { ApiError, getJson, isObject, requestJson, setCsrfToken, SignedOutError } from './http.js';

export { ApiError, SignedOutError };

export interface MemberSummary {
  id: string;
  displayName: string;
  agencyName: string;
  professionName: string;
}

export interface AgencySummary {
  id: string;
  name: string;
  sector: string;
}

export interface CollaborationSummary {
  id: string;
  docId: string;
  name: string;
  teamForm: string;
  fictional: boolean;
  memberCount: number;
  agencyCount: number;
  members: MemberSummary[];
  agencies: AgencySummary[];
  updatedAt: string;
}

type Json = Record<string, unknown>;

function field<T>(
  object: Json,
  key: string,
  check: (value: unknown) => value is T,
  where: string,
): T {
  const value = object[key];
  if (!check(value))
    throw new ApiError(`Unexpected response: ${where}.${key} is missing or invalid`);
  return value;
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';
const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0;
const isArray = (value: unknown): value is unknown[] => Array.isArray(value);

function parseMember(value: unknown, where: string): MemberSummary {
  if (!isObject(value)) throw new ApiError(`Unexpected response: ${where} is not an object`);
  return {
    id: field(value, 'id', isString, where),
    displayName: field(value, 'displayName', isString, where),
    agencyName: field(value, 'agencyName', isString, where),
    professionName: field(value, 'professionName', isString, where),
  };
}

function parseAgency(value: unknown, where: string): AgencySummary {
  if (!isObject(value)) throw new ApiError(`Unexpected response: ${where} is not an object`);
  return {
    id: field(value, 'id', isString, where),
    name: field(value, 'name', isString, where),
    sector: field(value, 'sector', isString, where),
  };
}

function parseCollaboration(value: unknown, where: string): CollaborationSummary {
  if (!isObject(value)) throw new ApiError(`Unexpected response: ${where} is not an object`);
  return {
    id: field(value, 'id', isString, where),
    docId: field(value, 'docId', isString, where),
    name: field(value, 'name', isString, where),
    teamForm: field(value, 'teamForm', isString, where),
    fictional: field(value, 'fictional', isBoolean, where),
    memberCount: field(value, 'memberCount', isCount, where),
    agencyCount: field(value, 'agencyCount', isCount, where),
    members: field(value, 'members', isArray, where).map((m, i) =>
      parseMember(m, `${where}.members[${i}]`),
    ),
    agencies: field(value, 'agencies', isArray, where).map((a, i) =>
      parseAgency(a, `${where}.agencies[${i}]`),
    ),
    updatedAt: field(value, 'updatedAt', isString, where),
  };
}

/** Checks the body of `GET /api/collaborations`. */
export function parseCollaborationList(body: unknown): CollaborationSummary[] {
  if (!isObject(body)) throw new ApiError('Unexpected response: the body is not an object');
  return field(body, 'collaborations', isArray, 'body').map((c, i) =>
    parseCollaboration(c, `collaborations[${i}]`),
  );
}

/** `GET /api/collaborations`, of one workspace or of all the user's. */
export async function fetchCollaborations(
  signal?: AbortSignal,
  workspace?: string,
): Promise<CollaborationSummary[]> {
  const query = workspace ? `?workspace=${encodeURIComponent(workspace)}` : '';
  return parseCollaborationList(await getJson(`/api/collaborations${query}`, signal));
}

/** The signed-in user, their workspaces, and the token every change must carry. */
export interface Me {
  user: { id: string; email: string; displayName: string };
  memberships: { workspace: { slug: string; name: string; archived: boolean }; role: string }[];
  csrfToken: string;
}

function parseMe(body: unknown): Me {
  if (!isObject(body)) throw new ApiError('Unexpected response: the body is not an object');
  const user = body.user;
  if (!isObject(user)) throw new ApiError('Unexpected response: body.user is missing');
  return {
    user: {
      id: field(user, 'id', isString, 'user'),
      email: field(user, 'email', isString, 'user'),
      displayName: field(user, 'displayName', isString, 'user'),
    },
    memberships: field(body, 'memberships', isArray, 'body').map((m, i) => {
      if (!isObject(m) || !isObject(m.workspace))
        throw new ApiError(`Unexpected response: memberships[${i}] is invalid`);
      return {
        workspace: {
          slug: field(m.workspace, 'slug', isString, `memberships[${i}].workspace`),
          name: field(m.workspace, 'name', isString, `memberships[${i}].workspace`),
          archived: field(m.workspace, 'archived', isBoolean, `memberships[${i}].workspace`),
        },
        role: field(m, 'role', isString, `memberships[${i}]`),
      };
    }),
    csrfToken: field(body, 'csrfToken', isString, 'body'),
  };
}

/** `GET /api/auth/me`: who is signed in, or null when no one is (401). */
export async function fetchMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    const me = parseMe(await getJson('/api/auth/me', signal));
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof SignedOutError) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** `POST /api/auth/login`, then `/api/auth/me`; a refusal is thrown with the server's words. */
export async function signIn(email: string, password: string): Promise<Me> {
  try {
    await requestJson('POST', '/api/auth/login', { body: { email, password } });
  } catch (error) {
    // A wrong password is a 401 too: it is a refusal to show, not a lost session.
    if (error instanceof SignedOutError) throw new ApiError(error.message, 401, error.code);
    throw error;
  }
  const me = await fetchMe();
  if (!me) throw new ApiError('Signed in, but the session was not kept: are cookies allowed?');
  return me;
}

/** `POST /api/auth/accept`: sets the password from an invitation or reset link and signs in. */
export async function acceptLink(
  token: string,
  password: string,
  displayName?: string,
): Promise<Me> {
  await requestJson('POST', '/api/auth/accept', {
    body: { token, password, ...(displayName ? { displayName } : {}) },
  });
  const me = await fetchMe();
  if (!me) throw new ApiError('The password was set, but the session was not kept.');
  return me;
}

/** `POST /api/auth/logout`. */
export async function signOut(): Promise<void> {
  try {
    await requestJson('POST', '/api/auth/logout');
  } catch (error) {
    if (!(error instanceof SignedOutError)) throw error;
  } finally {
    setCsrfToken(null);
  }
}
