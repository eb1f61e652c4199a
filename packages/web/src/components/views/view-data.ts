import type { CollaborationDocument, DiagnosisChange } from '@weframe/core';
import { useEffect } from 'react';
import { useSearchParams } from 'wouter';
import { fetchDiagnosis, type FullDiagnosis } from '../../api/diagnosis.js';
import { getJson, send, seg } from '../../api/http.js';
import { useCollaboration } from '../../collaboration-context.js';
import { useResource } from '../../hooks/use-resource.js';
import { markInteractive } from '../../interactive.js';

/** The collaboration record as the user may see it, and how many records were left out. */
export interface VisibleRecord {
  readonly document: CollaborationDocument;
  /** Records confidential to another agency, left out (X-Weframe-Hidden-Records). */
  readonly hidden: number;
}

const base = (id: string) => `/api/collaborations/${seg(id)}`;

/** The record of a collaboration: `GET /api/collaborations/:id`. */
export async function fetchRecord(id: string, signal?: AbortSignal): Promise<VisibleRecord> {
  const response = await send('GET', base(id), signal ? { signal } : {});
  const hidden = Number(response.headers.get('x-weframe-hidden-records') ?? '0');
  const document = (await response.json()) as CollaborationDocument;
  return { document, hidden: Number.isFinite(hidden) ? hidden : 0 };
}

/** Collections of the record a view may load one by one (the record routes serve them). */
export type CollectionName =
  | 'members'
  | 'agencies'
  | 'professions'
  | 'goals'
  | 'activities'
  | 'decisions'
  | 'policies'
  | 'policyInteractions'
  | 'adaptations'
  | 'withheldInformation';

/** Some collections of the record, and how many of their records were left out. */
export interface RecordPart<K extends CollectionName> {
  readonly part: Pick<CollaborationDocument, K>;
  readonly hidden: number;
}

/**
 * Some collections of the record (`GET /api/collaborations/:id/:collection`, in parallel):
 * much lighter than the whole record, which carries every communication.
 */
export async function fetchCollections<K extends CollectionName>(
  id: string,
  names: readonly K[],
  signal?: AbortSignal,
): Promise<RecordPart<K>> {
  const lists = await Promise.all(
    names.map((name) =>
      getJson<{ records: unknown[]; hidden: Record<string, number> }>(
        `${base(id)}/${seg(name)}`,
        signal,
      ),
    ),
  );
  const part: Record<string, unknown> = {};
  let hidden = 0;
  names.forEach((name, i) => {
    part[name] = lists[i]?.records ?? [];
    hidden += Object.values(lists[i]?.hidden ?? {}).reduce((sum, n) => sum + n, 0);
  });
  return { part: part as Pick<CollaborationDocument, K>, hidden };
}

/** The change between two waves: `GET /api/collaborations/:id/change?from=&to=`. */
export const fetchChange = (id: string, from: string, to: string, signal?: AbortSignal) =>
  getJson<DiagnosisChange>(
    `${base(id)}/change?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
    signal,
  );

/**
 * The full diagnosis of the current collaboration, with the survey figures of the wave in the
 * address (`?wave=`, as the dashboard sets it) or the server's default; reloaded whenever the
 * record changes.
 */
export function useDiagnosis() {
  const { id, revision } = useCollaboration();
  const [params] = useSearchParams();
  const wave = params.get('wave');
  return useResource<FullDiagnosis>(
    (signal) => fetchDiagnosis(id, wave, signal),
    [id, revision, wave],
  );
}

/**
 * Some collections of the current collaboration's record when the user's role may read the
 * whole record (`null` when not: a member's own records alone would mislead a view of the
 * team), reloaded whenever the record changes.
 */
export function useCollections<K extends CollectionName>(names: readonly K[]) {
  const { id, revision, can } = useCollaboration();
  const allowed = can('collaboration.read');
  return useResource<RecordPart<K> | null>(
    (signal) => (allowed ? fetchCollections(id, names, signal) : Promise.resolve(null)),
    [id, revision, allowed, names.join()],
  );
}

/** Sets the page's interactive mark once `drawn` turns true (content or an error shown). */
export function useInteractiveWhen(drawn: boolean): void {
  useEffect(() => {
    if (drawn) markInteractive();
  }, [drawn]);
}
