import { SCALE_ITEMS, responseSchema, waveSchema, type SurveyResponse } from '@weframe/core';
import type { Store } from '@weframe/store';
import type { CollaborationAccess } from './collaboration-access.js';
import { ServiceError } from './errors.js';
import { responsesCsv, type ResponseRow } from './report.presenter.js';
import { MINIMUM_RESPONDENTS, type WaveLocation } from './survey.service.js';

/** Collections a response refers to, whose confidential records must not show through it. */
const REFERRED = ['members', 'goals', 'responsibilityAreas', 'surveyItems'] as const;

/** What the CSV of a wave's answers needs from the store. */
export type ResponsesExportStore = Pick<Store, 'surveys'>;

/** The CSV of a wave's answers and what it holds. */
export interface ResponsesExport {
  readonly waveId: string;
  readonly mode: 'anonymous' | 'identified';
  readonly rows: number;
  /** Responses left out because they are confidential to another agency. */
  readonly hidden: number;
  readonly csv: string;
}

/**
 * The answers of one wave as CSV, anonymised as the wave requires (PRODUCT.md capability 3):
 * - never for fewer than {@link MINIMUM_RESPONDENTS} responses (the small-group rule of
 *   ANALYSIS.md: no team figure below 3 respondents, and no file of answers either);
 * - anonymous waves: no respondent, no response id, the day of submission only, rows in an
 *   order that follows neither submission nor storage;
 * - identified waves: the member id and the full submission time;
 * - responses confidential to another agency are left out, and ids of records the user may
 *   not see read `confidential`.
 * Every download is written to the audit log.
 */
export function responsesExportService(store: ResponsesExportStore) {
  return {
    async responsesCsv(
      access: CollaborationAccess,
      location: WaveLocation,
    ): Promise<ResponsesExport> {
      const { collaborationId, waveId } = location;
      const [waveRecord, stored, referred] = await Promise.all([
        store.surveys.wave(collaborationId, waveId),
        store.surveys.responsesOf(collaborationId, waveId),
        store.surveys.recordsOf(collaborationId, REFERRED),
      ]);
      if (!waveRecord) throw new ServiceError('not_found', `no wave with id "${waveId}"`);
      const wave = waveSchema.parse(waveRecord.data);
      const visible = (data: Readonly<Record<string, unknown>>) =>
        access.sees(typeof data.confidentialTo === 'string' ? data.confidentialTo : null);
      const responses = stored
        .filter((r) => visible(r.data))
        .map((r) => responseSchema.parse(r.data));
      const hidden = stored.length - responses.length;
      if (responses.length < MINIMUM_RESPONDENTS)
        throw new ServiceError(
          'conflict',
          `The answers of a wave can be downloaded once at least ${MINIMUM_RESPONDENTS} people have answered, so that no one can be picked out; this wave has ${responses.length} ${responses.length === 1 ? 'response' : 'responses'} you may see.`,
        );

      const hiddenIds = new Set(referred.filter((r) => !visible(r.data)).map((r) => r.id));
      const shown = (id: string | null | undefined) =>
        id === null || id === undefined ? null : hiddenIds.has(id) ? 'confidential' : id;
      const customItems = referred
        .filter((r) => r.collection === 'surveyItems' && visible(r.data))
        .map((r) => r.id);
      const itemIds = itemColumns(customItems, responses);
      const anonymous = wave.mode === 'anonymous';

      const ordered = anonymous ? [...responses].sort(byDayThenAnswers) : responses;
      const rows: ResponseRow[] = ordered.map((r, index) => ({
        response: anonymous ? String(index + 1) : r.id,
        respondentMemberId: anonymous ? null : shown(r.respondentMemberId),
        submitted: anonymous ? r.submittedAt.slice(0, 10) : r.submittedAt,
        answers: Object.fromEntries(itemIds.map((id) => [id, r.answers[id] ?? null])),
        goalChoice: r.goal?.choice ?? null,
        goalId: shown(r.goal?.goalId),
        goalText: r.goal?.text === undefined || r.goal.text === '' ? null : r.goal.text,
        namedLeadId: shown(r.namedLeadId),
        ownRoleAreaIds: anonymous ? [] : r.ownRoleAreaIds.map((id) => shown(id) ?? ''),
        ownRoleText: anonymous ? null : (r.ownRoleText ?? null),
        contacts: anonymous
          ? []
          : r.contacts.map((k) => ({
              ...k,
              memberId: shown(k.memberId),
              roleAreaIds: k.roleAreaIds.map((id) => shown(id)),
            })),
      }));
      await store.surveys.audit({
        workspaceId: access.workspaceId,
        actor: access.userId,
        action: 'responses.export',
        targetKind: 'wave',
        targetId: waveId,
        after: { mode: wave.mode, rows: rows.length },
      });
      return {
        waveId,
        mode: wave.mode,
        rows: rows.length,
        hidden,
        csv: responsesCsv(wave, itemIds, rows),
      };
    },
  };
}

/**
 * Item columns: the built-in scale items in instrument order, then the collaboration's own
 * items, then any other item answered (kept from older instruments), sorted.
 */
function itemColumns(custom: readonly string[], responses: readonly SurveyResponse[]): string[] {
  const columns = [...SCALE_ITEMS.map((i) => i.id), ...custom];
  const known = new Set(columns);
  const extra = new Set<string>();
  for (const r of responses)
    for (const id of Object.keys(r.answers)) if (!known.has(id)) extra.add(id);
  return [...columns, ...[...extra].sort()];
}

/** Anonymous rows by day, then by their answers: an order that says nothing of who or when. */
function byDayThenAnswers(a: SurveyResponse, b: SurveyResponse): number {
  const day = a.submittedAt.slice(0, 10).localeCompare(b.submittedAt.slice(0, 10));
  if (day !== 0) return day;
  const key = (r: SurveyResponse) =>
    JSON.stringify([r.answers, r.goal ?? null, r.namedLeadId ?? null]);
  const ka = key(a);
  const kb = key(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** The responses-export service: what {@link responsesExportService} returns. */
export type ResponsesExportService = ReturnType<typeof responsesExportService>;
