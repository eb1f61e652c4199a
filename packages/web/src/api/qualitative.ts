/**
 * Qualitative evidence over HTTP (`/api/collaborations/:id/qualitative/…`): sources, the
 * codebook, codings, memos, cases, analyses, suggestions and REFI-QDA exchange. Shapes are
 * the server's (docs/qualitative.md, "The web workspace and its API").
 */
import type {
  CodebookCodeNode,
  CodebookGroupNode,
  CodebookNode,
  CodeCooccurrence,
  Coding,
  CodingAgreement,
  FrameworkMatrix,
  Memo,
  QdaCase,
  SpeakerTurn,
  UnitSuggestions,
} from '@weframe/core';
import { download, getJson, requestJson, seg } from './http.js';

export type { CodebookCodeNode, CodebookGroupNode, CodebookNode, Coding, Memo, UnitSuggestions };

/** Kinds of source, in the order forms offer them. */
export const SOURCE_KINDS = ['interview', 'focusGroup', 'observation', 'document'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

const KIND_LABELS: Record<SourceKind, string> = {
  interview: 'Interview',
  focusGroup: 'Focus group',
  observation: 'Observation',
  document: 'Document',
};

/** A kind of source in words. */
export function sourceKindLabel(kind: string): string {
  return KIND_LABELS[kind as SourceKind] ?? kind;
}

/** A source as listed: everything but its text. */
export interface SourceSummary {
  readonly id: string;
  readonly title: string;
  readonly kind: SourceKind;
  readonly date: string | null;
  readonly format: string;
  /** Length in code points. */
  readonly length: number;
  readonly turns: number;
  readonly speakers: readonly string[];
  readonly participants: readonly { readonly id: string; readonly name: string }[];
  readonly codings: number;
  readonly coders: number;
  readonly author: string;
  readonly version: number;
  readonly confidentialTo: string | null;
}

/** A coder as listed with the sources. */
export interface CoderSummary {
  readonly id: string;
  readonly name: string;
  readonly codings?: number;
  /** The signed-in user's own coder. */
  readonly you: boolean;
}

export interface SourceList {
  readonly sources: readonly SourceSummary[];
  readonly coders: readonly CoderSummary[];
  /** Sources confidential to another agency, left out. */
  readonly hidden: number;
}

/** One source with its text, turns, codings and memos. */
export interface SourceDetail {
  readonly source: SourceSummary & {
    readonly text: string;
    readonly turns: readonly SpeakerTurn[];
  };
  readonly codings: readonly Coding[];
  readonly memos: readonly Memo[];
  readonly coders: readonly CoderSummary[];
}

export interface Codebook {
  readonly groups: readonly CodebookGroupNode[];
  /** Memos on codes. */
  readonly memos: readonly Memo[];
}

export interface CaseList {
  readonly cases: readonly (QdaCase & { readonly sources: number })[];
  readonly attributes: readonly { readonly name: string; readonly type: string }[];
}

export interface AgreementAnswer {
  readonly coders: readonly {
    readonly id: string;
    readonly name: string;
    readonly codings: number;
    readonly sources: number;
  }[];
  readonly agreement:
    | (CodingAgreement & {
        readonly coderNames: readonly string[];
        readonly sourceTitles: readonly string[];
      })
    | null;
  readonly reason: string | null;
}

export interface Suggestions {
  readonly sourceId: string;
  readonly length: number;
  /** Coded passages the suggester learned from. */
  readonly learnedFrom: number;
  /** Suggestions rejected so far, counted against their codes. */
  readonly rejected: number;
  readonly units: readonly UnitSuggestions[];
}

/** What a project import did. */
export interface ProjectImport {
  readonly added: Readonly<Record<string, number>>;
  readonly updated: Readonly<Record<string, number>>;
  readonly unchanged: Readonly<Record<string, number>>;
  readonly warnings: readonly string[];
  readonly origin?: string | null;
}

const base = (id: string) => `/api/collaborations/${seg(id)}/qualitative`;

export const fetchSources = (id: string, signal?: AbortSignal) =>
  getJson<SourceList>(`${base(id)}/sources`, signal);

export const fetchSource = (id: string, sourceId: string, signal?: AbortSignal) =>
  getJson<SourceDetail>(`${base(id)}/sources/${seg(sourceId)}`, signal);

export const fetchCodebook = (id: string, signal?: AbortSignal) =>
  getJson<Codebook>(`${base(id)}/codes`, signal);

export const fetchCases = (id: string, signal?: AbortSignal) =>
  getJson<CaseList>(`${base(id)}/cases`, signal);

/** Whether a file is imported as a project (.qdpx) or codebook (.qdc) rather than a source. */
export const isProjectFile = (name: string) => /\.(qdpx|qdc)$/i.test(name);

/** Adds a .txt, .md or .docx file as a source. */
export function importSource(
  id: string,
  file: File,
  fields: { kind: string; date: string; title: string },
) {
  const form = new FormData();
  form.append('file', file, file.name);
  form.append('kind', fields.kind);
  if (fields.date !== '') form.append('date', fields.date);
  if (fields.title.trim() !== '') form.append('title', fields.title.trim());
  return requestJson<{ source: SourceSummary; newCases: { id: string; name: string }[] }>(
    'POST',
    `${base(id)}/sources`,
    { rawBody: form },
  );
}

/** Merges a REFI-QDA project or codebook into the collaboration. */
export function importProject(id: string, file: File, kind: string) {
  const form = new FormData();
  form.append('file', file, file.name);
  if (kind !== '') form.append('kind', kind);
  return requestJson<ProjectImport>('POST', `${base(id)}/import`, { rawBody: form });
}

export const deleteSource = (id: string, sourceId: string, version: number) =>
  requestJson('DELETE', `${base(id)}/sources/${seg(sourceId)}?version=${version}`);

export const createCode = (
  id: string,
  body: { name: string; parentId?: string | null; color?: string | null; description?: string },
) => requestJson<{ id: string }>('POST', `${base(id)}/codes`, { body });

export const updateCode = (
  id: string,
  codeId: string,
  body: { version: number; name?: string; color?: string | null; description?: string },
) => requestJson('PATCH', `${base(id)}/codes/${seg(codeId)}`, { body });

export const deleteCode = (id: string, codeId: string, version: number) =>
  requestJson<{ codingsRemoved: number }>(
    'DELETE',
    `${base(id)}/codes/${seg(codeId)}?version=${version}`,
  );

export const mergeCode = (id: string, codeId: string, into: string) =>
  requestJson<{ codingsMoved: number; duplicatesFolded: number; warnings: string[] }>(
    'POST',
    `${base(id)}/codes/${seg(codeId)}/merge`,
    { body: { into } },
  );

export const moveCode = (id: string, codeId: string, parentId: string | null) =>
  requestJson('POST', `${base(id)}/codes/${seg(codeId)}/move`, { body: { parentId } });

export const createCoding = (
  id: string,
  body: { sourceId: string; codeId: string; start: number; end: number },
) => requestJson<Coding>('POST', `${base(id)}/codings`, { body });

export const deleteCoding = (id: string, codingId: string, version: number) =>
  requestJson('DELETE', `${base(id)}/codings/${seg(codingId)}?version=${version}`);

export const createMemo = (
  id: string,
  target: { kind: Memo['target']['kind']; id: string },
  text: string,
) => requestJson<Memo>('POST', `${base(id)}/memos`, { body: { target, text } });

export const updateMemo = (id: string, memoId: string, version: number, text: string) =>
  requestJson<Memo>('PATCH', `${base(id)}/memos/${seg(memoId)}`, { body: { version, text } });

export const deleteMemo = (id: string, memoId: string, version: number) =>
  requestJson('DELETE', `${base(id)}/memos/${seg(memoId)}?version=${version}`);

export const fetchMatrix = (id: string, codes: readonly string[], signal?: AbortSignal) =>
  getJson<FrameworkMatrix>(
    `${base(id)}/matrix${codes.length > 0 ? `?codes=${codes.map(seg).join(',')}` : ''}`,
    signal,
  );

/** Downloads the framework matrix as CSV or a spreadsheet. */
export const downloadMatrix = (id: string, format: 'csv' | 'xlsx', codes: readonly string[]) =>
  download(
    `${base(id)}/matrix?format=${format}${codes.length > 0 ? `&codes=${codes.map(seg).join(',')}` : ''}`,
    `framework-matrix.${format}`,
  );

export const fetchAgreement = (
  id: string,
  options: { coders: readonly string[] | null; units: 'turns' | 'paragraphs' },
  signal?: AbortSignal,
) => {
  const query = [`units=${options.units}`];
  if (options.coders) query.push(`coders=${options.coders.map(seg).join(',')}`);
  return getJson<AgreementAnswer>(`${base(id)}/agreement?${query.join('&')}`, signal);
};

export const fetchCooccurrence = (id: string, signal?: AbortSignal) =>
  getJson<CodeCooccurrence>(`${base(id)}/cooccurrence`, signal);

export const fetchSuggestions = (id: string, sourceId: string, signal?: AbortSignal) =>
  getJson<Suggestions>(`${base(id)}/sources/${seg(sourceId)}/suggestions`, signal);

export const acceptSuggestion = (
  id: string,
  sourceId: string,
  body: { start: number; end: number; code: string },
) =>
  requestJson<Coding>('POST', `${base(id)}/sources/${seg(sourceId)}/suggestions/accept`, {
    body,
  });

export const rejectSuggestion = (
  id: string,
  sourceId: string,
  body: { start: number; end: number; code: string },
) => requestJson('POST', `${base(id)}/sources/${seg(sourceId)}/suggestions/reject`, { body });

/** Downloads the qualitative part as a REFI-QDA project or codebook. */
export const downloadExchange = (id: string, format: 'qdpx' | 'qdc') =>
  download(`${base(id)}/export?format=${format}`, `collaboration.${format}`);
