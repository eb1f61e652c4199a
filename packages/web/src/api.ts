/**
 * The web app's view of the server's HTTP API. The web app talks to the server over HTTP
 * only, so these types describe the JSON on the wire and are checked when it arrives.
 */

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

/** Thrown when the server answers with something the page cannot show. */
export class ApiError extends Error {
  override name = 'ApiError';
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

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

/** `GET /api/collaborations`. */
export async function fetchCollaborations(signal?: AbortSignal): Promise<CollaborationSummary[]> {
  const response = await fetch('/api/collaborations', {
    headers: { accept: 'application/json' },
    signal: signal ?? null,
  });
  if (!response.ok) {
    throw new ApiError(`The server answered ${response.status} ${response.statusText}`.trim());
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new ApiError('The server did not answer with JSON');
  }
  return parseCollaborationList(body);
}
