import {
  AGREEMENT_MEASURES,
  AnalysisError,
  codeCooccurrence,
  codePointLength,
  codingAgreement,
  exportQdc,
  exportQdpx,
  frameworkMatrix,
  frameworkMatrixCsv,
  frameworkMatrixXlsx,
  learnFromCodings,
  modelCodebook,
  suggestCodes,
  type AgreementMeasure,
  type CollaborationDocument,
  type SuggestCode,
  type TrainingExample,
} from '@weframe/core';
import type { Store } from '@weframe/store';
import type { CollaborationAccess } from './collaboration-access.js';
import { ServiceError } from './errors.js';
import { REJECT_ACTION, storedDocument, visibleDocument } from './qualitative.service.js';

/**
 * The analyses of a collaboration's coded evidence, on the document as the principal may see
 * it (records confidential to another agency left out): framework matrix, co-occurrence,
 * inter-coder agreement, auto-coding suggestions and REFI-QDA export. All of it is the core's
 * pure functions; here requests become their options and their refusals become 400s.
 */

/** Ports the analysis service uses. */
export interface QualitativeAnalysisDeps {
  readonly store: Store;
  readonly now: () => Date;
}

/** A comma-separated list of a query, or undefined when absent or empty. */
export function idList(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const ids = value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
  return ids.length > 0 ? ids : undefined;
}

/** The query parameter each option of the core's analyses comes from. */
const QUERY_NAMES: Readonly<Record<string, string>> = {
  coderIds: 'coders',
  coderId: 'coder',
  sourceIds: 'sources',
  codeIds: 'codes',
  caseIds: 'cases',
};

/** Runs a core analysis; its refusal of an option (an unknown id, a bad measure) is a 400. */
function analysed<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof AnalysisError) {
      const [field = '', ...rest] = error.message.split(': ');
      const path = rest.length > 0 ? (QUERY_NAMES[field] ?? field) : '(query)';
      throw new ServiceError('bad_request', error.message, [
        { code: 'invalid_value', path, message: rest.length > 0 ? rest.join(': ') : error.message },
      ]);
    }
    throw error;
  }
}

/** A file name from a collaboration's name: letters, digits and dashes. */
export function fileStem(doc: CollaborationDocument): string {
  const stem = doc.collaboration.name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return stem || 'collaboration';
}

/** The collaboration's codes, plus a code for each model element none of them stands for. */
function suggestCodebook(doc: CollaborationDocument): SuggestCode[] {
  const own: SuggestCode[] = doc.qualitative.codes.map((c) => ({
    id: c.id,
    name: c.name,
    elementId: c.elementId,
    description: c.description,
  }));
  const covered = new Set(own.flatMap((c) => (c.elementId ? [c.elementId] : [])));
  return [...own, ...modelCodebook().filter((c) => !covered.has(c.id))];
}

export function qualitativeAnalysisService({ store, now }: QualitativeAnalysisDeps) {
  const visible = async (access: CollaborationAccess) =>
    visibleDocument(await storedDocument(store, access), access.sees);

  /** Suggestions rejected in this collaboration, as negative training examples. */
  const rejections = async (
    access: CollaborationAccess,
    doc: CollaborationDocument,
  ): Promise<TrainingExample[]> => {
    const prefix = `${access.collaboration.id}/qualitative.sources/`;
    const rows = await store.db.query.auditLog.findMany({
      where: (t, { and, eq, like }) =>
        and(
          eq(t.workspaceId, access.workspaceId),
          eq(t.action, REJECT_ACTION),
          like(t.targetId, `${prefix}%`),
        ),
      columns: { targetId: true, after: true },
    });
    const texts = new Map(doc.qualitative.sources.map((s) => [s.id, [...s.text]]));
    const out: TrainingExample[] = [];
    for (const row of rows) {
      if (!row.targetId.startsWith(prefix)) continue;
      const chars = texts.get(row.targetId.slice(prefix.length));
      const after = row.after as { start?: unknown; end?: unknown; code?: unknown } | null;
      if (!chars || !after) continue;
      const { start, end, code } = after;
      if (typeof start !== 'number' || typeof end !== 'number' || typeof code !== 'string')
        continue;
      const text = chars.slice(start, end).join('').trim();
      if (text !== '') out.push({ text, codeId: code, accepted: false });
    }
    return out;
  };

  return {
    /** The framework matrix (cases × codes) as JSON, CSV or .xlsx. */
    async matrix(
      access: CollaborationAccess,
      query: {
        format?: 'json' | 'csv' | 'xlsx' | undefined;
        content?: 'excerpts' | 'counts' | undefined;
        coders?: string | undefined;
        sources?: string | undefined;
        codes?: string | undefined;
        cases?: string | undefined;
      },
    ) {
      const doc = await visible(access);
      const options = {
        ...(idList(query.coders) ? { coderIds: idList(query.coders) } : {}),
        ...(idList(query.sources) ? { sourceIds: idList(query.sources) } : {}),
        ...(idList(query.codes) ? { codeIds: idList(query.codes) } : {}),
        ...(idList(query.cases) ? { caseIds: idList(query.cases) } : {}),
      };
      const matrix = analysed(() => frameworkMatrix(doc, options));
      const name = `${fileStem(doc)}-framework-matrix`;
      switch (query.format ?? 'json') {
        case 'csv':
          return {
            kind: 'file' as const,
            name: `${name}.csv`,
            type: 'text/csv; charset=utf-8',
            body: new TextEncoder().encode(
              frameworkMatrixCsv(matrix, { content: query.content ?? 'excerpts' }),
            ),
          };
        case 'xlsx':
          return {
            kind: 'file' as const,
            name: `${name}.xlsx`,
            type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            body: frameworkMatrixXlsx(matrix),
          };
        case 'json':
          return { kind: 'json' as const, body: matrix };
      }
    },

    /** Pairs of codes whose passages overlap, one coder's segments at a time. */
    async cooccurrence(
      access: CollaborationAccess,
      query: { coder?: string | undefined; sources?: string | undefined },
    ) {
      const doc = await visible(access);
      const sourceIds = idList(query.sources);
      return analysed(() =>
        codeCooccurrence(doc, {
          ...(query.coder === undefined ? {} : { coderId: query.coder }),
          ...(sourceIds ? { sourceIds } : {}),
        }),
      );
    },

    /**
     * Agreement between coders (default: every coder who coded something), per code and
     * overall; with fewer than two such coders, the coders and why there is nothing to compare.
     */
    async agreement(
      access: CollaborationAccess,
      query: {
        coders?: string | undefined;
        measures?: string | undefined;
        units?: 'turns' | 'paragraphs' | undefined;
        sources?: string | undefined;
        codes?: string | undefined;
      },
    ) {
      const doc = await visible(access);
      const q = doc.qualitative;
      const coders = q.coders.map((c) => ({
        id: c.id,
        name: c.name,
        codings: q.codings.filter((k) => k.coderId === c.id).length,
        sources: new Set(q.codings.filter((k) => k.coderId === c.id).map((k) => k.sourceId)).size,
      }));
      const chosen = idList(query.coders) ?? coders.filter((c) => c.codings > 0).map((c) => c.id);
      if (chosen.length < 2)
        return {
          coders,
          agreement: null,
          reason:
            'Agreement compares two or more coders who coded the same sources; so far fewer than two have coded.',
        };
      const measures = idList(query.measures);
      for (const m of measures ?? [])
        if (!(AGREEMENT_MEASURES as readonly string[]).includes(m))
          throw new ServiceError('bad_request', `"${m}" is not a measure`, [
            {
              code: 'invalid_value',
              path: 'measures',
              message: `must be among ${AGREEMENT_MEASURES.join(', ')}`,
            },
          ]);
      const sourceIds = idList(query.sources);
      const codeIds = idList(query.codes);
      const agreement = analysed(() =>
        codingAgreement(doc, {
          coders: chosen,
          ...(measures ? { measures: measures as AgreementMeasure[] } : {}),
          ...(query.units ? { units: query.units } : {}),
          ...(sourceIds ? { sourceIds } : {}),
          ...(codeIds ? { codeIds } : {}),
        }),
      );
      const names = new Map(q.coders.map((c) => [c.id, c.name]));
      const titles = new Map(q.sources.map((s) => [s.id, s.title]));
      return {
        coders,
        agreement: {
          ...agreement,
          coderNames: agreement.coders.map((id) => names.get(id) ?? id),
          sourceTitles: agreement.sources.map((id) => titles.get(id) ?? id),
        },
        reason:
          agreement.sources.length === 0
            ? 'No source has been coded by every one of these coders yet.'
            : null,
      };
    },

    /**
     * Suggested codes for each unit of a source: from the code descriptions, blended with
     * what the collaboration's codings teach (accepted) and rejected suggestions (against).
     */
    async suggestions(access: CollaborationAccess, sourceId: string, top: number | undefined) {
      const doc = await visible(access);
      const source = doc.qualitative.sources.find((s) => s.id === sourceId);
      if (!source)
        throw new ServiceError('not_found', `no source "${sourceId}" in this collaboration`);
      const accepted = learnFromCodings(doc);
      const rejected = await rejections(access, doc);
      const units = suggestCodes(source, suggestCodebook(doc), {
        trainingSet: [...accepted, ...rejected],
        ...(top === undefined ? {} : { top }),
      });
      return {
        sourceId,
        length: codePointLength(source.text),
        learnedFrom: accepted.length,
        rejected: rejected.length,
        units,
      };
    },

    /** The qualitative part as a REFI-QDA project or codebook, with a file name; audited. */
    async exportFile(access: CollaborationAccess, format: 'qdpx' | 'qdc') {
      const doc = await visible(access);
      const body = format === 'qdpx' ? exportQdpx(doc, { modifiedAt: now() }) : exportQdc(doc);
      await store.records.appendAudit([
        {
          workspaceId: access.workspaceId,
          actor: access.userId,
          action: 'qualitative.export',
          targetKind: 'collaboration',
          targetId: access.collaboration.id,
          after: { format, bytes: body.byteLength },
        },
      ]);
      return {
        name: `${fileStem(doc)}.${format}`,
        type: format === 'qdpx' ? 'application/zip' : 'application/xml; charset=utf-8',
        body,
      };
    },
  };
}

/** The analysis service: what {@link qualitativeAnalysisService} returns. */
export type QualitativeAnalysisService = ReturnType<typeof qualitativeAnalysisService>;
