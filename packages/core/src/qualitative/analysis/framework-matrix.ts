import { csvText } from './csv.js';
import {
  caseResolver,
  checkIds,
  codebookOrder,
  sourceTexts,
  type QualitativeDocument,
} from './internal.js';
import { xlsxWorkbook, type XlsxCell } from './xlsx.js';

/** Options of {@link frameworkMatrix}. */
export interface FrameworkMatrixOptions {
  /** Only these coders' codings. Default: every coder. */
  readonly coderIds?: readonly string[];
  /** Only codings in these sources. Default: every source. */
  readonly sourceIds?: readonly string[];
  /** Only these codes, as columns in codebook order. Default: every code in the codebook. */
  readonly codeIds?: readonly string[];
  /** Only these cases, as rows in document order. Default: every QDA case. */
  readonly caseIds?: readonly string[];
}

/** One excerpt in a framework-matrix cell. */
export interface FrameworkExcerpt {
  readonly codingId: string;
  readonly sourceId: string;
  readonly sourceTitle: string;
  readonly coderId: string;
  /** Code-point offsets into the source text, end exclusive. */
  readonly start: number;
  readonly end: number;
  /** The coded text, whole. */
  readonly text: string;
  /** The agency the coding or its source is confidential to, if any. */
  readonly confidentialTo?: string;
}

/** One cell: the codings of a code that belong to a case. */
export interface FrameworkCell {
  readonly caseId: string;
  readonly codeId: string;
  readonly count: number;
  readonly excerpts: readonly FrameworkExcerpt[];
}

/** A framework matrix: cases × codes, each cell with its count and excerpts. */
export interface FrameworkMatrix {
  readonly cases: readonly { readonly id: string; readonly name: string }[];
  /** Codes in codebook (tree) order, with their path of names from the root. */
  readonly codes: readonly {
    readonly id: string;
    readonly name: string;
    readonly depth: number;
    readonly path: readonly string[];
  }[];
  /** `cells[i][j]` is case `cases[i]` × code `codes[j]`. */
  readonly cells: readonly (readonly FrameworkCell[])[];
  /** Codings in scope that belong to no case (e.g. the interviewer's own turns). */
  readonly unassigned: number;
}

/**
 * The framework matrix of Framework Analysis (Ritchie & Spencer 1994; Gale et al. 2013): rows
 * are QDA cases, columns codes, each cell the codings of that code belonging to that case.
 * A coding belongs to the cases of the speaker turns it overlaps (turn.caseId, else the case
 * named like the speaker) when the source's turns are linked to cases, otherwise to the
 * source's participantCaseIds. Rows keep document order, columns codebook tree order, and
 * excerpts source order then offset then coding id.
 */
export function frameworkMatrix(
  doc: QualitativeDocument,
  options: FrameworkMatrixOptions = {},
): FrameworkMatrix {
  const q = doc.qualitative;
  checkIds('coder', 'coderIds', options.coderIds, new Set(q.coders.map((c) => c.id)));
  checkIds('source', 'sourceIds', options.sourceIds, new Set(q.sources.map((s) => s.id)));
  checkIds('code', 'codeIds', options.codeIds, new Set(q.codes.map((c) => c.id)));
  checkIds('case', 'caseIds', options.caseIds, new Set(q.cases.map((c) => c.id)));
  const coderSet = options.coderIds ? new Set(options.coderIds) : null;
  const sourceSet = options.sourceIds ? new Set(options.sourceIds) : null;
  const codeSet = options.codeIds ? new Set(options.codeIds) : null;
  const caseSet = options.caseIds ? new Set(options.caseIds) : null;

  const cases = q.cases
    .filter((c) => caseSet === null || caseSet.has(c.id))
    .map((c) => ({ id: c.id, name: c.name }));
  const codes = codebookOrder(q.codes)
    .filter(({ code }) => codeSet === null || codeSet.has(code.id))
    .map(({ code, depth, path }) => ({ id: code.id, name: code.name, depth, path }));
  const caseIndex = new Map(cases.map((c, i) => [c.id, i]));
  const codeIndex = new Map(codes.map((c, j) => [c.id, j]));
  const sourceOrder = new Map(q.sources.map((s, i) => [s.id, i]));
  const sourceById = new Map(q.sources.map((s) => [s.id, s]));
  const buckets: FrameworkExcerpt[][][] = cases.map(() => codes.map(() => []));
  const textOf = sourceTexts();
  const casesOf = caseResolver(doc);
  let unassigned = 0;

  for (const coding of q.codings) {
    if (coderSet !== null && !coderSet.has(coding.coderId)) continue;
    if (sourceSet !== null && !sourceSet.has(coding.sourceId)) continue;
    const j = codeIndex.get(coding.codeId);
    const source = sourceById.get(coding.sourceId);
    if (j === undefined || source === undefined) continue;
    const owners = casesOf(source, coding);
    if (owners.length === 0) unassigned++;
    let excerpt: FrameworkExcerpt | undefined;
    for (const caseId of owners) {
      const i = caseIndex.get(caseId);
      if (i === undefined) continue;
      const confidentialTo = coding.confidentialTo ?? source.confidentialTo;
      excerpt ??= {
        codingId: coding.id,
        sourceId: source.id,
        sourceTitle: source.title,
        coderId: coding.coderId,
        start: coding.start,
        end: coding.end,
        text: textOf(source).slice(coding.start, coding.end),
        ...(confidentialTo !== undefined ? { confidentialTo } : {}),
      };
      buckets[i]?.[j]?.push(excerpt);
    }
  }

  const byPlace = (a: FrameworkExcerpt, b: FrameworkExcerpt) =>
    (sourceOrder.get(a.sourceId) ?? 0) - (sourceOrder.get(b.sourceId) ?? 0) ||
    a.start - b.start ||
    a.end - b.end ||
    (a.codingId < b.codingId ? -1 : a.codingId > b.codingId ? 1 : 0);
  const cells = cases.map((c, i) =>
    codes.map((code, j): FrameworkCell => {
      const excerpts = (buckets[i]?.[j] ?? []).sort(byPlace);
      return { caseId: c.id, codeId: code.id, count: excerpts.length, excerpts };
    }),
  );
  return { cases, codes, cells, unassigned };
}

/** What the cells of an exported framework matrix hold. */
export type FrameworkMatrixContent = 'excerpts' | 'counts';

/** Options of {@link frameworkMatrixCsv}. */
export interface FrameworkMatrixCsvOptions {
  /** Excerpts (default) or counts in the cells. */
  readonly content?: FrameworkMatrixContent;
}

/** Header and rows of a matrix export: case id, case name, then one column per code. */
function matrixRows(matrix: FrameworkMatrix, content: FrameworkMatrixContent): XlsxCell[][] {
  const header: XlsxCell[] = ['case id', 'case', ...matrix.codes.map((c) => c.path.join(' / '))];
  const rows = matrix.cases.map((c, i) => [
    c.id,
    c.name,
    ...(matrix.cells[i] ?? []).map((cell) =>
      content === 'counts' ? cell.count : excerptsText(cell.excerpts),
    ),
  ]);
  return [header, ...rows];
}

/** A cell's excerpts as text: each "[source title] excerpt", separated by blank lines. */
function excerptsText(excerpts: readonly FrameworkExcerpt[]): string {
  return excerpts.map((e) => `[${e.sourceTitle}] ${e.text.trim()}`).join('\n\n');
}

/**
 * The matrix as RFC 4180 CSV (CRLF line ends, fields quoted when needed): header `case id`,
 * `case`, then each code's path of names; cells hold excerpts (default) or counts.
 */
export function frameworkMatrixCsv(
  matrix: FrameworkMatrix,
  options: FrameworkMatrixCsvOptions = {},
): string {
  return csvText(matrixRows(matrix, options.content ?? 'excerpts'));
}

/**
 * The matrix as an .xlsx workbook with two sheets, "Excerpts" and "Counts" (header row and the
 * case columns frozen); excerpts longer than Excel's 32,767 characters per cell are cut.
 */
export function frameworkMatrixXlsx(matrix: FrameworkMatrix): Uint8Array {
  const widths = [16, 24, ...matrix.codes.map(() => 48)];
  const freeze = { rows: 1, columns: 2 };
  return xlsxWorkbook([
    { name: 'Excerpts', rows: matrixRows(matrix, 'excerpts'), widths, freeze, wrap: true },
    {
      name: 'Counts',
      rows: matrixRows(matrix, 'counts'),
      widths: [16, 24, ...matrix.codes.map(() => 14)],
      freeze,
    },
  ]);
}
