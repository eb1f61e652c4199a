/**
 * Survey answers as the server's diagnosis uses them (decision 0008): no team figure from
 * fewer than the minimum number of respondents, and no individual answer cited.
 *
 * - The answers of a wave with fewer than {@link MINIMUM_RESPONDENTS} responses are left out
 *   of the document before the engine runs, so nothing the diagnosis returns — scale figures,
 *   shares, counts of goal choices, survey ties, changes between waves — can depend on them.
 *   The wave itself stays (its count of responses is shown), and the wave and as-of date the
 *   engine would have chosen on the whole document are kept.
 * - Evidence that points at single responses becomes one reference to their wave per note
 *   ("4 survey answers: did not name the designated lead"): individual answers are for those
 *   who may export the collaboration, not for everyone who reads the diagnosis.
 */
import {
  diagnose,
  latestRecordDate,
  DEFAULT_THRESHOLDS,
  wavesInOrder,
  type CollaborationDocument,
  type DiagnoseOptions,
  type Diagnosis,
} from '@weframe/core';

/** Fewest respondents any team figure may come from (ANALYSIS.md: survey figures ≥ 3). */
export const MINIMUM_RESPONDENTS = DEFAULT_THRESHOLDS['evidence.minimum'].respondents;

/** How many responses each wave has. */
function responseCounts(doc: CollaborationDocument): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of doc.responses) counts.set(r.waveId, (counts.get(r.waveId) ?? 0) + 1);
  return counts;
}

/**
 * The engine's options made explicit on the whole document: the as-of date (the latest
 * dated record, responses included) and the wave (the latest with responses on or before
 * it), so that leaving answers out does not change which the engine picks.
 */
function explicitOptions(doc: CollaborationDocument, options: DiagnoseOptions): DiagnoseOptions {
  const asOf = options.asOf ?? latestRecordDate(doc);
  if (options.waveId !== undefined) return { ...options, asOf };
  const ordered = wavesInOrder(doc).filter((w) => w.wave.opensOn <= asOf);
  const current = ordered.filter((w) => w.responses.length > 0).pop();
  return { ...options, asOf, ...(current ? { waveId: current.wave.id } : {}) };
}

/** The diagnosis of a document with survey answers kept private, as described above. */
export function diagnoseWithPrivacy(
  doc: CollaborationDocument,
  options: DiagnoseOptions = {},
): Diagnosis {
  const counts = responseCounts(doc);
  const small = new Set([...counts].filter(([, n]) => n < MINIMUM_RESPONDENTS).map(([id]) => id));
  const diagnosis =
    small.size === 0
      ? diagnose(doc, options)
      : diagnose(
          { ...doc, responses: doc.responses.filter((r) => !small.has(r.waveId)) },
          explicitOptions(doc, options),
        );
  const waveOf = new Map(doc.responses.map((r) => [r.id, r.waveId]));
  const out = withoutIndividualAnswers(diagnosis, waveOf);
  return out.wave === null
    ? out
    : { ...out, wave: { ...out.wave, respondents: counts.get(out.wave.id) ?? 0 } };
}

type Ref = { kind: string; id: string; collection?: string; note?: string };

const isResponseRef = (v: unknown, waveOf: ReadonlyMap<string, string>): v is Ref => {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return (
    o.kind === 'record' &&
    o.collection === 'responses' &&
    typeof o.id === 'string' &&
    waveOf.has(o.id)
  );
};

const plural = (n: number) => (n === 1 ? 'one survey answer' : `${n} survey answers`);

/**
 * The diagnosis with every list of evidence citing single responses collapsed into one
 * reference to their wave per note, and any other value naming a response replaced by its
 * wave's id.
 */
export function withoutIndividualAnswers<T>(value: T, waveOf: ReadonlyMap<string, string>): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return waveOf.get(v) ?? v;
    if (Array.isArray(v)) {
      const out: unknown[] = [];
      const groups = new Map<string, { slot: Record<string, unknown>; count: number }>();
      for (const item of v) {
        if (!isResponseRef(item, waveOf)) {
          out.push(walk(item));
          continue;
        }
        const waveId = waveOf.get(item.id) as string;
        const groupKey = `${waveId}\n${item.note ?? ''}`;
        const group = groups.get(groupKey);
        if (group) group.count++;
        else {
          const slot: Record<string, unknown> = { kind: 'wave', id: waveId };
          groups.set(groupKey, { slot, count: 1 });
          out.push(slot);
        }
      }
      for (const [groupKey, { slot, count }] of groups) {
        const note = groupKey.slice(groupKey.indexOf('\n') + 1);
        slot.note = note === '' ? plural(count) : `${plural(count)}: ${note}`;
      }
      return out;
    }
    if (typeof v === 'object' && v !== null) {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = walk(x);
      return out;
    }
    return v;
  };
  return walk(value) as T;
}
