/**
 * The one way the web app talks to the server: JSON over fetch, the session's CSRF token on
 * every change, and errors turned into {@link ApiError}s that keep the server's issue list so
 * forms can show each problem next to its field.
 */

/** One problem the server found, with the path of the field it concerns. */
export interface ApiIssue {
  readonly code: string;
  readonly path: string;
  readonly message: string;
}

/** A refusal or failure from the server, in its own words. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    message: string,
    /** HTTP status; 0 when the server could not be reached at all. */
    readonly status = 0,
    /** The server's error code (`invalid_request`, `conflict`…), when it sent one. */
    readonly code = 'error',
    readonly issues: readonly ApiIssue[] = [],
  ) {
    super(message);
  }
}

/** The session is missing or over (401): the app shows the sign-in form. */
export class SignedOutError extends ApiError {
  override name = 'SignedOutError';
}

/** The server or its database could not be reached; what was typed must be kept. */
export class ConnectionError extends ApiError {
  override name = 'ConnectionError';
}

// Kept in memory only: sent as X-CSRF-Token on every change the session cookie authorises.
let csrfToken: string | null = null;

/** Remembers (or forgets) the session's CSRF token. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseIssues(value: unknown): ApiIssue[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isObject).map((issue) => ({
    code: typeof issue.code === 'string' ? issue.code : 'invalid',
    path: typeof issue.path === 'string' ? issue.path : '',
    message: typeof issue.message === 'string' ? issue.message : 'invalid',
  }));
}

/** Builds the error for a response that is not ok. */
export async function errorFrom(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON: the status line says what there is to say.
  }
  const fallback = `The server answered ${response.status} ${response.statusText}`.trim();
  const message = isObject(body) && typeof body.message === 'string' ? body.message : fallback;
  const code = isObject(body) && typeof body.error === 'string' ? body.error : 'error';
  const issues = isObject(body) ? parseIssues(body.issues) : [];
  if (response.status === 401) return new SignedOutError(message, 401, code, issues);
  if (response.status === 503 || response.status === 502 || response.status === 504)
    return new ConnectionError(
      `${message} — nothing was lost; try again in a moment.`,
      response.status,
      code,
      issues,
    );
  return new ApiError(message, response.status, code, issues);
}

export interface RequestOptions {
  readonly body?: unknown;
  /** Sent as is (a File, Blob or string) instead of JSON. */
  readonly rawBody?: BodyInit;
  readonly contentType?: string;
  readonly signal?: AbortSignal;
  readonly headers?: Record<string, string>;
}

/** Sends a request and returns the raw response when it is ok; throws {@link ApiError} if not. */
export async function send(
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  let body: BodyInit | undefined;
  if (options.rawBody !== undefined) {
    body = options.rawBody;
    if (options.contentType) headers['content-type'] = options.contentType;
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] = 'application/json';
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body === undefined ? {} : { body }),
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ConnectionError(
      'The server could not be reached. Check your connection; nothing you typed has been lost.',
    );
  }
  if (!response.ok) throw await errorFrom(response);
  return response;
}

/** Sends a request and returns its JSON body (or null for an empty body). */
export async function requestJson<T = unknown>(
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  const response = await send(method, path, options);
  const text = await response.text();
  if (text === '') return null as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError('The server did not answer with JSON', response.status);
  }
}

/** `GET` a JSON resource. */
export const getJson = <T = unknown>(path: string, signal?: AbortSignal): Promise<T> =>
  requestJson<T>('GET', path, signal ? { signal } : {});

/** Fetches a resource and saves it as a file the browser downloads. */
export async function download(path: string, fallbackName: string): Promise<void> {
  const response = await send('GET', path, { headers: { accept: '*/*' } });
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
  saveBlob(await response.blob(), name);
}

/** Offers a blob as a download. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Encodes one path segment. */
export const seg = (value: string): string => encodeURIComponent(value);
