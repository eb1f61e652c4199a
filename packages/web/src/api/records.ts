/**
 * The collaboration record over HTTP: one collection's records, single-record create, replace
 * and delete with optimistic concurrency, the collaboration header, and whole-document import
 * and export. Bodies are checked on arrival; refusals keep the server's issue list.
 */
import type { Collaboration } from '@weframe/core';
import { ApiError, download, getJson, isObject, requestJson, send, seg } from './http.js';

/** Collections edited record by record (the server's `EDITABLE_COLLECTIONS`, same order). */
export const EDITABLE_COLLECTIONS = [
  'members',
  'agencies',
  'professions',
  'goals',
  'cases',
  'needs',
  'responsibilityAreas',
  'roleClaims',
  'rolePerceptions',
  'activities',
  'communications',
  'caseEvents',
  'decisions',
  'referrals',
  'coordinatingRecords',
  'withheldInformation',
  'policies',
  'policyInteractions',
  'adaptations',
  'agencyRelations',
  'meetings',
] as const;

/** One of {@link EDITABLE_COLLECTIONS}. */
export type EditableCollection = (typeof EDITABLE_COLLECTIONS)[number];

/** Whether a string names an editable collection. */
export function isEditableCollection(value: string): value is EditableCollection {
  return (EDITABLE_COLLECTIONS as readonly string[]).includes(value);
}

/** A stored record: its fields plus id, author, version and (maybe) the agency it is confidential to. */
export type StoredRecord = Readonly<Record<string, unknown>> & {
  readonly id: string;
  readonly version: number;
  readonly author?: string;
  readonly confidentialTo?: string;
};

/** The records of one collection the user may see, and how many are hidden from them. */
export interface RecordList {
  readonly records: readonly StoredRecord[];
  readonly hidden: number;
}

/** An outcome framework of the document (goals are tagged with its outcomes). */
export interface OutcomeFramework {
  readonly id: string;
  readonly name: string;
  readonly outcomes: readonly { readonly id: string; readonly label: string }[];
}

/** The whole document as the user may see it, and how many records were left out. */
export interface RecordDocument {
  readonly header: Collaboration;
  readonly collections: Readonly<Record<EditableCollection, readonly StoredRecord[]>>;
  readonly outcomeFrameworks: readonly OutcomeFramework[];
  readonly hidden: number;
}

const base = (id: string) => `/api/collaborations/${seg(id)}`;

/** Checks one record as it arrives. */
export function parseRecord(value: unknown, where = 'record'): StoredRecord {
  if (!isObject(value)) throw new ApiError(`Unexpected response: ${where} is not an object`);
  if (typeof value.id !== 'string') throw new ApiError(`Unexpected response: ${where}.id`);
  if (typeof value.version !== 'number')
    throw new ApiError(`Unexpected response: ${where}.version`);
  return value as StoredRecord;
}

function parseRecords(value: unknown, where: string): StoredRecord[] {
  if (!Array.isArray(value)) throw new ApiError(`Unexpected response: ${where} is not a list`);
  return value.map((r, i) => parseRecord(r, `${where}[${i}]`));
}

/** `GET /api/collaborations/:id/<collection>`. */
export async function fetchRecords(
  id: string,
  collection: EditableCollection,
  signal?: AbortSignal,
): Promise<RecordList> {
  const body = await getJson(`${base(id)}/${collection}`, signal);
  if (!isObject(body)) throw new ApiError('Unexpected response: the body is not an object');
  const hidden = isObject(body.hidden) ? body.hidden[collection] : 0;
  return {
    records: parseRecords(body.records, 'records'),
    hidden: typeof hidden === 'number' ? hidden : 0,
  };
}

/** `GET /api/collaborations/:id/<collection>/:recordId`. */
export async function fetchRecord(
  id: string,
  collection: EditableCollection,
  recordId: string,
  signal?: AbortSignal,
): Promise<StoredRecord> {
  return parseRecord(await getJson(`${base(id)}/${collection}/${seg(recordId)}`, signal));
}

/** `POST`: adds a record; the server makes up its id when none is given. */
export async function createRecord(
  id: string,
  collection: EditableCollection,
  body: Readonly<Record<string, unknown>>,
): Promise<StoredRecord> {
  return parseRecord(await requestJson('POST', `${base(id)}/${collection}`, { body }));
}

/** `PUT`: replaces a record; `body.version` is the version the user read (else 409). */
export async function replaceRecord(
  id: string,
  collection: EditableCollection,
  recordId: string,
  body: Readonly<Record<string, unknown>>,
): Promise<StoredRecord> {
  return parseRecord(
    await requestJson('PUT', `${base(id)}/${collection}/${seg(recordId)}`, { body }),
  );
}

/** `DELETE` at the version the user read (else 409). */
export async function deleteRecord(
  id: string,
  collection: EditableCollection,
  recordId: string,
  version: number,
): Promise<void> {
  await requestJson('DELETE', `${base(id)}/${collection}/${seg(recordId)}?version=${version}`);
}

/** `GET /api/collaborations/:id`: the whole document the user may see. */
export async function fetchRecordDocument(
  id: string,
  signal?: AbortSignal,
): Promise<RecordDocument> {
  const response = await send('GET', base(id), signal ? { signal } : {});
  const body: unknown = await response.json().catch(() => null);
  if (!isObject(body) || !isObject(body.collaboration))
    throw new ApiError('Unexpected response: the document has no collaboration');
  const collections = {} as Record<EditableCollection, readonly StoredRecord[]>;
  for (const name of EDITABLE_COLLECTIONS)
    collections[name] = body[name] === undefined ? [] : parseRecords(body[name], name);
  const frameworks = Array.isArray(body.outcomeFrameworks)
    ? (body.outcomeFrameworks as OutcomeFramework[])
    : [];
  return {
    header: body.collaboration as unknown as Collaboration,
    collections,
    outcomeFrameworks: frameworks,
    hidden: Number(response.headers.get('x-weframe-hidden-records') ?? 0) || 0,
  };
}

/** `PATCH /api/collaborations/:id`: changes header fields; `version` is the one read. */
export async function updateHeader(
  id: string,
  body: Readonly<Record<string, unknown>>,
): Promise<Collaboration> {
  const result = await requestJson('PATCH', base(id), { body });
  if (!isObject(result) || typeof result.version !== 'number')
    throw new ApiError('Unexpected response: the header has no version');
  return result as unknown as Collaboration;
}

/**
 * `POST /api/collaborations?workspace=SLUG`: a whole document (an object, or a file's text
 * sent as it is) becomes a new collaboration; returns its id.
 */
export async function importCollaboration(
  workspace: string,
  document: Readonly<Record<string, unknown>> | string,
): Promise<string> {
  const path = `/api/collaborations?workspace=${encodeURIComponent(workspace)}`;
  const result =
    typeof document === 'string'
      ? await requestJson('POST', path, { rawBody: document, contentType: 'application/json' })
      : await requestJson('POST', path, { body: document });
  if (!isObject(result) || typeof result.id !== 'string')
    throw new ApiError('Unexpected response: the new collaboration has no id');
  return result.id;
}

/** Downloads the collaboration document (without records confidential to other agencies). */
export function exportCollaboration(id: string, fallbackName: string): Promise<void> {
  return download(`${base(id)}/export`, fallbackName);
}

/** What a member-role user may read of names through the diagnosis (their lists are their own). */
export interface VisibleNames {
  readonly members: readonly { readonly id: string; readonly label: string }[];
  readonly responsibilityAreas: readonly { readonly id: string; readonly label: string }[];
  readonly agencies: readonly { readonly id: string; readonly label: string }[];
}

/** Names of members, areas and agencies from the diagnosis the user may read. */
export async function fetchVisibleNames(id: string, signal?: AbortSignal): Promise<VisibleNames> {
  const body = await getJson(`${base(id)}/diagnosis`, signal);
  const pick = (value: unknown, label: string) =>
    Array.isArray(value)
      ? value
          .filter(isObject)
          .flatMap((item) =>
            typeof item.id === 'string' && typeof item[label] === 'string'
              ? [{ id: item.id, label: item[label] }]
              : [],
          )
      : [];
  if (!isObject(body)) return { members: [], responsibilityAreas: [], agencies: [] };
  const roleMap = isObject(body.roleMap) ? body.roleMap : {};
  const networks = isObject(body.networks) ? body.networks : {};
  const interAgency = isObject(networks.interAgency) ? networks.interAgency : {};
  return {
    members: pick(roleMap.members, 'displayName'),
    responsibilityAreas: pick(roleMap.areas, 'name'),
    agencies: pick(interAgency.nodes, 'label'),
  };
}
