/**
 * Survey waves over HTTP: what facilitators use to open, invite, follow and close waves, and
 * what a respondent's browser uses with the link's token alone (no account).
 */
import { ApiError, ConnectionError, getJson, isObject, requestJson, send, seg } from './http.js';

/** Anonymous waves keep no name; identified ones feed the contact and role maps. */
export type WaveMode = 'anonymous' | 'identified';

/** Link and response counts of a wave. */
export interface WaveCounts {
  readonly invited: number;
  readonly started: number;
  readonly submitted: number;
  readonly revoked: number;
  /** Stored responses, imported ones included. */
  readonly responses: number;
}

/** A survey wave as the server presents it. */
export interface Wave {
  readonly id: string;
  readonly collaborationId: string;
  readonly name: string;
  readonly mode: WaveMode;
  readonly opensOn: string;
  readonly closesOn: string | null;
  readonly status: 'draft' | 'open' | 'closed';
  readonly instrumentVersion: string;
  readonly version: number;
  readonly counts: WaveCounts;
}

/** A single-use link, with its address only when just made or reissued. */
export interface SurveyLink {
  readonly id: string;
  readonly memberId: string | null;
  readonly label: string;
  /** `/s/:token`, possibly relative; the server keeps only a hash, so it is shown once. */
  readonly url: string;
  readonly expiresAt: string | null;
}

/** Who has not answered (identified waves), or counts only (anonymous waves). */
export interface WaveStatus {
  readonly waveId: string;
  readonly mode: WaveMode;
  readonly counts: WaveCounts;
  readonly notAnswered?: readonly {
    readonly linkId: string;
    readonly memberId: string;
    readonly displayName: string;
    readonly started: boolean;
  }[];
}

/** One row an import did not take, with every reason (paths name the CSV column). */
export interface RejectedRow {
  readonly row: number;
  readonly issues: readonly { code: string; path: string; message: string }[];
}

/** The outcome of importing responses from another tool. */
export interface ImportReport {
  readonly imported: number;
  readonly rejected: readonly RejectedRow[];
  readonly unmappedColumns: readonly string[];
}

/** How the columns of another tool's CSV map to the instrument. */
export interface ImportMapping {
  readonly columns: Record<string, string>;
  readonly values?: Record<string, 1 | 2 | 3 | 4 | 5 | 'dontKnow' | null>;
  readonly delimiter?: ',' | ';' | '\t';
}

/** A member as the roster needs them. */
export interface RosterMember {
  readonly id: string;
  readonly displayName: string;
  readonly agencyId: string;
  readonly endDate: string | null;
}

const checked = <T>(value: unknown, keys: readonly string[], what: string): T => {
  if (!isObject(value) || keys.some((key) => !(key in value)))
    throw new ApiError(`Unexpected response: ${what} is missing or invalid`);
  return value as T;
};

const waveKeys = ['id', 'name', 'mode', 'opensOn', 'closesOn', 'status', 'counts'];
const parseWave = (value: unknown) => checked<Wave>(value, waveKeys, 'the wave');
const parseLinks = (value: unknown): SurveyLink[] => {
  const body = checked<{ links: unknown }>(value, ['links'], 'the links');
  if (!Array.isArray(body.links)) throw new ApiError('Unexpected response: links is not a list');
  return body.links.map((l) => checked<SurveyLink>(l, ['id', 'label', 'url'], 'a link'));
};

const waveUrl = (waveId: string) => `/api/waves/${seg(waveId)}`;

/** `GET /api/collaborations/:id/waves`, in order of opening. */
export async function fetchWaves(collaborationId: string, signal?: AbortSignal) {
  const body = checked<{ waves: unknown }>(
    await getJson(`/api/collaborations/${seg(collaborationId)}/waves`, signal),
    ['waves'],
    'the waves',
  );
  if (!Array.isArray(body.waves)) throw new ApiError('Unexpected response: waves is not a list');
  return body.waves.map(parseWave);
}

/** `POST /api/collaborations/:id/waves`: opens a wave. */
export async function openWave(
  collaborationId: string,
  input: { name: string; mode: WaveMode; opensOn?: string; closesOn?: string | null },
): Promise<Wave> {
  return parseWave(
    await requestJson('POST', `/api/collaborations/${seg(collaborationId)}/waves`, {
      body: input,
    }),
  );
}

/** `GET /api/waves/:waveId`. */
export async function fetchWave(waveId: string, signal?: AbortSignal): Promise<Wave> {
  return parseWave(await getJson(waveUrl(waveId), signal));
}

/** `POST /api/waves/:waveId/close`: no more drafts or answers; unused links end. */
export async function closeWave(waveId: string): Promise<Wave> {
  return parseWave(await requestJson('POST', `${waveUrl(waveId)}/close`));
}

/** `POST /api/waves/:waveId/invitations`: one link per member, label, or a count of links. */
export async function invite(
  waveId: string,
  input: { roster: ({ memberId: string } | { label: string })[] } | { count: number },
): Promise<SurveyLink[]> {
  return parseLinks(await requestJson('POST', `${waveUrl(waveId)}/invitations`, { body: input }));
}

/** `POST …/invitations/:linkId/revoke`: the link stops working. */
export async function revokeLink(waveId: string, linkId: string): Promise<void> {
  await requestJson('POST', `${waveUrl(waveId)}/invitations/${seg(linkId)}/revoke`);
}

/** `POST …/invitations/:linkId/reissue`: a new address; the old one stops working, the draft stays. */
export async function reissueLink(waveId: string, linkId: string): Promise<SurveyLink> {
  return checked<SurveyLink>(
    await requestJson('POST', `${waveUrl(waveId)}/invitations/${seg(linkId)}/reissue`),
    ['id', 'label', 'url'],
    'the link',
  );
}

/** `GET /api/waves/:waveId/status`. */
export async function fetchWaveStatus(waveId: string, signal?: AbortSignal): Promise<WaveStatus> {
  return checked<WaveStatus>(
    await getJson(`${waveUrl(waveId)}/status`, signal),
    ['counts'],
    'the status',
  );
}

/** `POST /api/waves/:waveId/responses/import`: the file and its mapping as a form. */
export async function importResponses(
  waveId: string,
  file: File,
  mapping: ImportMapping,
): Promise<ImportReport> {
  const form = new FormData();
  form.append('file', file);
  form.append('mapping', JSON.stringify(mapping));
  return checked<ImportReport>(
    await requestJson('POST', `${waveUrl(waveId)}/responses/import`, { rawBody: form }),
    ['imported', 'rejected'],
    'the import report',
  );
}

/** The path of a wave's responses as CSV (anonymised as the wave requires). */
export const responsesCsvPath = (waveId: string) => `${waveUrl(waveId)}/downloads/responses.csv`;

/** Members of the collaboration who can be invited (`GET /api/collaborations/:id/members`). */
export async function fetchRosterMembers(
  collaborationId: string,
  signal?: AbortSignal,
): Promise<{ members: RosterMember[]; agencies: Map<string, string> }> {
  const base = `/api/collaborations/${seg(collaborationId)}`;
  const [members, agencies] = await Promise.all([
    getJson(`${base}/members`, signal),
    getJson(`${base}/agencies`, signal),
  ]);
  const list = (body: unknown, what: string): unknown[] => {
    const records = checked<{ records: unknown }>(body, ['records'], what).records;
    if (!Array.isArray(records)) throw new ApiError(`Unexpected response: ${what} is not a list`);
    return records;
  };
  return {
    members: list(members, 'the members').map((m) =>
      checked<RosterMember>(m, ['id', 'displayName', 'agencyId'], 'a member'),
    ),
    agencies: new Map(
      list(agencies, 'the agencies').map((a) => {
        const agency = checked<{ id: string; name: string }>(a, ['id', 'name'], 'an agency');
        return [agency.id, agency.name] as const;
      }),
    ),
  };
}

// ── Respondents ──────────────────────────────────────────────────────────────

/** A scale answer: 1–5 or "don't know". */
export type ScaleAnswer = 1 | 2 | 3 | 4 | 5 | 'dontKnow';
export type GoalChoice = 'joint' | 'agency' | 'other';

/** What the respondent answered about one named colleague (parts may be missing in a draft). */
export interface ContactDraft {
  readonly memberId: string;
  readonly frequency?: string | null;
  readonly workingLevel?: string | null;
  readonly roleUnderstanding?: number | null;
  readonly trust?: number | null;
  readonly roleAreaIds?: readonly string[];
}

/** Answers so far, as the server keeps them between visits. */
export interface SurveyDraft {
  readonly answers?: Readonly<Record<string, ScaleAnswer | null>>;
  readonly goal?: { choice?: GoalChoice; goalId?: string | null; text?: string };
  readonly namedLeadId?: string | null;
  readonly contacts?: readonly ContactDraft[];
  readonly ownRoleAreaIds?: readonly string[];
  readonly ownRoleText?: string;
}

/** The final answers sent once. */
export interface SurveySubmission {
  readonly token: string;
  readonly answers: Readonly<Record<string, ScaleAnswer | null>>;
  readonly goal?: { choice: GoalChoice; goalId?: string; text?: string };
  readonly namedLeadId?: string | null;
  readonly contacts?: readonly {
    memberId: string;
    frequency: string;
    workingLevel: string;
    roleUnderstanding: number | null;
    trust: number | null;
    roleAreaIds: readonly string[];
  }[];
  readonly ownRoleAreaIds?: readonly string[];
  readonly ownRoleText?: string;
}

/** An answer offered by a question about a colleague. */
export interface Choice {
  readonly value: string | number;
  readonly label: string;
}

/** Everything a respondent sees: `GET /api/s/:token`. */
export interface RespondentSurvey {
  readonly wave: {
    readonly name: string;
    readonly mode: WaveMode;
    readonly opensOn: string;
    readonly closesOn: string | null;
    /** False until the opening day: the survey can be read, not answered. */
    readonly open: boolean;
  };
  readonly collaboration: { readonly name: string };
  readonly privacyNotice: string;
  readonly respondent: { readonly displayName: string } | null;
  readonly instrument: {
    readonly version: string;
    readonly answerScale: {
      readonly points: number;
      readonly labels: readonly string[];
      readonly dontKnow: string;
    };
    readonly items: readonly { readonly id: string; readonly wording: string }[];
    readonly goalQuestion: {
      readonly id: string;
      readonly wording: string;
      readonly choiceWording: string;
      readonly choices: readonly {
        readonly choice: GoalChoice;
        readonly goalId: string | null;
        readonly label: string;
      }[];
    };
    readonly leadQuestion: {
      readonly id: string;
      readonly wording: string;
      readonly members: readonly { readonly id: string; readonly displayName: string }[];
    };
    readonly nameGenerator: {
      readonly id: string;
      readonly wording: string;
      readonly maxNames: number;
      readonly colleagues: readonly {
        readonly id: string;
        readonly displayName: string;
        readonly agencyName: string | null;
      }[];
      readonly dyadicQuestions: readonly {
        readonly id: string;
        readonly wording: string;
        readonly answers: readonly Choice[];
      }[];
    } | null;
    readonly roleQuestion: {
      readonly id: string;
      readonly wording: string;
      readonly areas: readonly {
        readonly id: string;
        readonly name: string;
        readonly description: string;
      }[];
    } | null;
  };
  readonly draft: unknown;
}

/** What a submission returns (the first result again on a retry with the same key). */
export interface SubmissionResult {
  readonly status: 'submitted';
  readonly waveId: string;
  readonly responseId: string | null;
  readonly submittedAt: string;
}

const tokenUrl = (token: string) => `/api/s/${seg(token)}`;

/** `GET /api/s/:token`: 404 unknown or revoked, 409 already answered, 410 closed. */
export async function fetchSurvey(token: string, signal?: AbortSignal): Promise<RespondentSurvey> {
  return checked<RespondentSurvey>(
    await getJson(tokenUrl(token), signal),
    ['wave', 'collaboration', 'privacyNotice', 'instrument'],
    'the survey',
  );
}

/** `PUT /api/s/:token/draft`. */
export async function saveDraft(token: string, draft: SurveyDraft): Promise<void> {
  await requestJson('PUT', `${tokenUrl(token)}/draft`, { body: draft });
}

/**
 * Saves the draft as the page goes away: `keepalive` lets the request outlive the page.
 * Best effort; nothing to report to a page that is gone.
 */
export function saveDraftOnLeaving(token: string, draft: SurveyDraft): void {
  void fetch(`${tokenUrl(token)}/draft`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(draft),
    keepalive: true,
    credentials: 'omit',
  }).catch(() => undefined);
}

/** `POST /api/responses` with the Idempotency-Key: a retry with the same key gets the first result. */
export async function submitResponse(
  submission: SurveySubmission,
  idempotencyKey: string,
): Promise<SubmissionResult> {
  const response = await send('POST', '/api/responses', {
    body: submission,
    headers: { 'idempotency-key': idempotencyKey },
  });
  try {
    return checked<SubmissionResult>(await response.json(), ['status'], 'the submission result');
  } catch (error) {
    if (error instanceof ApiError) throw error;
    // The body was cut off: the answers may be stored; the same key will tell on retry.
    throw new ConnectionError('The answer from the server was cut off.');
  }
}
