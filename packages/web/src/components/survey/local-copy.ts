/**
 * What a respondent's browser keeps between visits: a copy of answers the server has not yet
 * received (only while it has not: once saved, the server's draft is the copy), and the
 * Idempotency-Key of a submission in flight, so a retry after a lost connection reuses it.
 * Storage may be unavailable (private windows, full disk): then nothing is kept locally.
 */
import type { SurveyDraft } from '../../api/surveys.js';

const draftKey = (token: string) => `weframe.survey.${token}.unsaved`;
const submissionKey = (token: string) => `weframe.survey.${token}.submission-key`;

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function read(key: string): string | null {
  try {
    return storage()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    const store = storage();
    if (value === null) store?.removeItem(key);
    else store?.setItem(key, value);
  } catch {
    // Storage full or refused: the answers stay on the page and on the server.
  }
}

/** Answers not yet saved on the server, if this browser holds any. */
export function unsavedDraft(token: string): unknown {
  const text = read(draftKey(token));
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** Keeps (or, with null, forgets) answers the server has not yet received. */
export function keepUnsavedDraft(token: string, draft: SurveyDraft | null): void {
  write(draftKey(token), draft === null ? null : JSON.stringify(draft));
}

// Also kept here, so retries within the page agree even when storage is refused.
const inMemory = new Map<string, string>();

/** A random key: `crypto.randomUUID` needs a secure context, `getRandomValues` does not. */
function randomKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The Idempotency-Key of this link's submission: made once, reused by every retry. */
export function submissionKeyFor(token: string): string {
  const existing = read(submissionKey(token)) ?? inMemory.get(token);
  if (existing) return existing;
  const key = randomKey();
  inMemory.set(token, key);
  write(submissionKey(token), key);
  return key;
}

/** Forgets everything kept for the link (after it was used). */
export function forgetLink(token: string): void {
  inMemory.delete(token);
  write(draftKey(token), null);
  write(submissionKey(token), null);
}
