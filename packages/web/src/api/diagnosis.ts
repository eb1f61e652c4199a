import type { Diagnosis, ElementDiagnosis, IndicatorResult } from '@weframe/core';
import { getJson, seg } from './http.js';

/** What the server left out of a diagnosis because it is confidential to another agency. */
export interface ConfidentialCounts {
  /** Records of the collaboration the user may not see, per collection. */
  readonly records: Readonly<Record<string, number>>;
  /** Quotes of coded passages taken out because their source or coding is hidden. */
  readonly quotesRemoved: number;
}

/** An indicator of a diagnosis summary: its evidence may be cut short, with the full count. */
export type SummaryIndicator = IndicatorResult & {
  /** How many evidence references the indicator has in all (the list holds the first ones). */
  readonly evidenceTotal?: number;
};

/** One element of a diagnosis summary: long lists cut short, with their full counts. */
export type SummaryElement = Omit<ElementDiagnosis, 'indicators'> & {
  readonly indicators: readonly SummaryIndicator[];
  /** How many evidence references the element has in all. */
  readonly evidenceTotal?: number;
  /** How many coded quotes speak about the element in all. */
  readonly quotesTotal?: number;
};

/**
 * The light diagnosis the dashboard draws: `GET /api/collaborations/:id/diagnosis/summary`
 * (no networks, role map or Frost levels).
 */
export type DiagnosisSummary = Pick<
  Diagnosis,
  | 'collaboration'
  | 'asOf'
  | 'modelVersion'
  | 'engineVersion'
  | 'instrumentVersion'
  | 'wave'
  | 'actions'
  | 'teamForm'
> & {
  readonly elements: readonly SummaryElement[];
  readonly confidential?: ConfidentialCounts;
};

/** The whole diagnosis as the user may see it: `GET /api/collaborations/:id/diagnosis`. */
export type FullDiagnosis = Diagnosis & { readonly confidential?: ConfidentialCounts };

/** A survey wave as the facilitator sees it: `GET /api/collaborations/:id/waves`. */
export interface WaveListItem {
  readonly id: string;
  readonly name: string;
  readonly mode: string;
  readonly opensOn: string;
  readonly closesOn: string | null;
  readonly status: string;
  readonly counts: { readonly responses: number; readonly submitted: number };
}

/** `?wave=ID`, or nothing for the server's default (the latest wave with answers). */
export function waveQuery(wave: string | null | undefined): string {
  return wave ? `?wave=${encodeURIComponent(wave)}` : '';
}

const base = (id: string) => `/api/collaborations/${seg(id)}`;

/** The diagnosis summary of a collaboration, for the dashboard. */
export const fetchDiagnosisSummary = (id: string, wave: string | null, signal?: AbortSignal) =>
  getJson<DiagnosisSummary>(`${base(id)}/diagnosis/summary${waveQuery(wave)}`, signal);

/** A summary asked for ahead of the page that needs it, and when. */
const preloaded = new Map<string, { at: number; summary: Promise<DiagnosisSummary> }>();
/** How long a preloaded summary stays fresh enough to draw. */
const PRELOAD_FRESH_MS = 10_000;

/**
 * Starts loading a dashboard's summary before its page is drawn (say, while the
 * collaboration's access is still loading), so the two requests run side by side. Call it only
 * for a signed-in user; a failed preload is forgotten and the page asks again.
 */
export function preloadDiagnosisSummary(id: string, wave: string | null): void {
  const key = `${id}\n${wave ?? ''}`;
  const known = preloaded.get(key);
  if (known && performance.now() - known.at < PRELOAD_FRESH_MS) return;
  const summary = fetchDiagnosisSummary(id, wave);
  summary.catch(() => preloaded.delete(key));
  preloaded.set(key, { at: performance.now(), summary });
}

/** The summary for a page: a fresh preloaded one (used once) if there is one, else a new request. */
export function loadDiagnosisSummary(
  id: string,
  wave: string | null,
  signal?: AbortSignal,
): Promise<DiagnosisSummary> {
  const key = `${id}\n${wave ?? ''}`;
  const known = preloaded.get(key);
  preloaded.delete(key);
  if (!known || performance.now() - known.at >= PRELOAD_FRESH_MS)
    return fetchDiagnosisSummary(id, wave, signal);
  return known.summary.catch(() => fetchDiagnosisSummary(id, wave, signal));
}

/** The full diagnosis of a collaboration (tens of megabytes for a large one). */
export const fetchDiagnosis = (id: string, wave: string | null, signal?: AbortSignal) =>
  getJson<FullDiagnosis>(`${base(id)}/diagnosis${waveQuery(wave)}`, signal);

interface NamedRecord {
  readonly id: string;
  readonly displayName?: string;
  readonly name?: string;
}

/**
 * Names of the collaboration's members and agencies the user may read, by id, for evidence
 * that points at them; none when the user may not read records.
 */
export async function fetchNames(id: string, signal?: AbortSignal): Promise<Map<string, string>> {
  const [members, agencies] = await Promise.all(
    ['members', 'agencies'].map((collection) =>
      getJson<{ records: NamedRecord[] }>(`${base(id)}/${collection}`, signal),
    ),
  );
  const names = new Map<string, string>();
  for (const r of [...(members?.records ?? []), ...(agencies?.records ?? [])]) {
    const name = r.displayName ?? r.name;
    if (name !== undefined) names.set(r.id, name);
  }
  return names;
}

/** The survey waves of a collaboration (facilitators and owners only). */
export const fetchWaves = async (id: string, signal?: AbortSignal) =>
  (await getJson<{ waves: WaveListItem[] }>(`${base(id)}/waves`, signal)).waves;

/** Address of the standalone HTML report. */
export const reportPath = (id: string, wave: string | null) =>
  `${base(id)}/report${waveQuery(wave)}`;

/** Addresses of the CSV downloads of a collaboration, with figures from `wave`. */
export const downloadPaths = (id: string, wave: string | null) => ({
  indicators: `${base(id)}/downloads/indicators.csv${waveQuery(wave)}`,
  edgesProfessional: `${base(id)}/downloads/edges-professional.csv${waveQuery(wave)}`,
  edgesAgency: `${base(id)}/downloads/edges-agency.csv${waveQuery(wave)}`,
});

/** Address of the CSV of one wave's answers (anonymised as the wave requires). */
export const responsesPath = (waveId: string) =>
  `/api/waves/${seg(waveId)}/downloads/responses.csv`;
