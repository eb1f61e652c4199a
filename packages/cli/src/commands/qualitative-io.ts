import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import {
  exportQdc,
  exportQdpx,
  formatIssues,
  importQdc,
  importQdpx,
  mergeQualitative,
  restore,
  sourceFromDocx,
  sourceFromText,
  type CollaborationDocument,
  type ExchangeIssue,
  type MergeReport,
  type QualitativeData,
  type Source,
} from '@weframe/core';
import { CliError, withStore, workspaceFor, type CliDeps, type Io } from '../context.js';
import { importCommand } from './documents.js';

/** Kinds a source can be given with `--kind`. */
export const SOURCE_KINDS = ['interview', 'focusGroup', 'observation', 'document'] as const;
/** Formats `weframe export` writes. */
export const EXPORT_FORMATS = ['json', 'qdpx', 'qdc'] as const;
/** A format of {@link EXPORT_FORMATS}. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Options of `weframe import`. */
export interface ImportOptions {
  workspace?: string;
  collaboration?: string;
  kind?: Source['kind'];
  title?: string;
}

/** Files added to a stored collaboration rather than stored as one. */
const QUALITATIVE_FILES = new Set(['.qdpx', '.qdc', '.docx', '.txt', '.md', '.markdown']);
/** Files larger than this are not read at all. */
const MAX_FILE_BYTES = 200 * 1024 * 1024;

/**
 * `weframe import FILE`: a collaboration document (.json) becomes a new collaboration; a
 * REFI-QDA project (.qdpx) or codebook (.qdc), a Word document (.docx), plain text (.txt)
 * or Markdown (.md) is added to the stored collaboration named by `--collaboration`.
 */
export async function importAnyCommand(
  file: string,
  opts: ImportOptions,
  deps: CliDeps,
  io: Io,
): Promise<void> {
  const extension = extname(file).toLowerCase();
  if (!QUALITATIVE_FILES.has(extension)) {
    if (opts.collaboration !== undefined || opts.kind !== undefined || opts.title !== undefined)
      throw new CliError(
        '--collaboration, --kind and --title apply to .qdpx, .qdc, .docx, .txt and .md files',
      );
    return importCommand(file, opts, deps, io);
  }
  const target = opts.collaboration;
  if (target === undefined)
    throw new CliError(
      `${file}: name the collaboration to add it to with --collaboration ID (see \`weframe list\`)`,
    );
  const bytes = await readInput(file);
  await withStore(deps, async (store) => {
    const ws = await workspaceFor(store, opts.workspace);
    const head = await store.collaborations.get(target);
    if (!head || head.workspaceId !== ws.id)
      throw new CliError(
        `no collaboration with id "${target}" in workspace "${ws.slug}" (see \`weframe list\`)`,
      );
    const doc = await store.collaborations.exportDocument(target);
    if (!doc) throw new CliError(`no collaboration with id "${target}"`);
    const incoming = readQualitative(file, extension, bytes, doc, opts, io);
    const merged = mergeQualitative(doc, incoming);
    const checked = restore(merged.document);
    if (!checked.ok)
      throw new CliError(
        `${file}: the collaboration would have ${plural(checked.issues.length, 'problem')}; nothing was imported`,
        formatIssues(checked.issues).split('\n'),
      );
    const { version } = await store.collaborations.replaceDocument(target, checked.value, {
      actor: 'cli',
      expectedVersion: doc.collaboration.version,
    });
    for (const warning of merged.report.warnings) io.err(`warning: ${warning}`);
    io.out(
      `${file}: ${summary(merged.report)} in ${doc.collaboration.name} (${target}, version ${version})`,
    );
  });
}

/** The qualitative records a file holds, or a CliError listing what is wrong with it. */
function readQualitative(
  file: string,
  extension: string,
  bytes: Uint8Array,
  doc: CollaborationDocument,
  opts: ImportOptions,
  io: Io,
): Partial<QualitativeData> {
  const label = basename(file);
  const title = opts.title ?? basename(file, extname(file));
  const refused = (issues: readonly ExchangeIssue[]) =>
    new CliError(
      `${file}: cannot be imported (${plural(issues.length, 'problem')})`,
      issues.map((i) => `${i.path}: ${i.message}`),
    );
  switch (extension) {
    case '.qdpx': {
      const result = importQdpx(bytes, {
        collaborationId: doc.collaboration.id,
        existing: doc.qualitative,
        label,
        ...(opts.kind ? { kind: opts.kind } : {}),
      });
      if (!result.ok) throw refused(result.issues);
      const { report } = result;
      io.err(
        `${label}: written by ${report.origin ?? 'an unnamed program'}; positions read with \\r\\n as ${report.lineBreaks === 'crlf-as-one' ? 'one character' : 'two characters'}`,
      );
      if (report.normalisedSources.length > 0)
        io.err(`line endings normalised to \\n in: ${report.normalisedSources.join(', ')}`);
      if (report.textFromRichText.length > 0)
        io.err(`text taken from the .docx of: ${report.textFromRichText.join(', ')}`);
      for (const warning of report.warnings) io.err(`warning: ${warning}`);
      return result.qualitative;
    }
    case '.qdc': {
      const result = importQdc(bytes, { existing: doc.qualitative.codes, label });
      if (!result.ok) throw refused(result.issues);
      for (const warning of result.warnings) io.err(`warning: ${warning}`);
      return { codes: result.codes };
    }
    case '.docx': {
      const result = sourceFromDocx(bytes, {
        title,
        label,
        kind: opts.kind ?? 'interview',
        existingCases: doc.qualitative.cases,
        author: 'cli',
      });
      if (!result.ok) throw refused(result.issues);
      return { sources: [result.source], cases: result.cases };
    }
    default: {
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        throw new CliError(`${file}: is not UTF-8 text`);
      }
      const { source, cases } = sourceFromText(text, {
        title,
        kind: opts.kind ?? 'interview',
        format: extension === '.txt' ? 'text' : 'markdown',
        existingCases: doc.qualitative.cases,
        author: 'cli',
      });
      return { sources: [source], cases };
    }
  }
}

/**
 * Writes a stored collaboration as REFI-QDA: a project (.qdpx, to `--out` only, being a zip)
 * or its codebook (.qdc, XML, to `--out` or standard output).
 */
export async function writeExchangeFile(
  doc: CollaborationDocument,
  format: Exclude<ExportFormat, 'json'>,
  out: string | undefined,
  io: Io,
): Promise<void> {
  if (format === 'qdpx') {
    if (!out) throw new CliError('a .qdpx file is a zip archive: name it with --out FILE');
    await writeFile(out, exportQdpx(doc, { modifiedAt: new Date() }));
  } else {
    const xml = exportQdc(doc);
    if (!out) {
      io.out(new TextDecoder().decode(xml).trimEnd());
      return;
    }
    await writeFile(out, xml);
  }
  io.err(`wrote ${out}`);
}

async function readInput(file: string): Promise<Uint8Array> {
  try {
    const info = await stat(file);
    if (info.size > MAX_FILE_BYTES)
      throw new CliError(`${file}: is larger than the ${MAX_FILE_BYTES / 1024 / 1024} MB allowed`);
    return new Uint8Array(await readFile(file));
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(
      code === 'ENOENT' ? `${file}: no such file` : `${file}: cannot be read (${code ?? 'error'})`,
    );
  }
}

const NAMES: Record<keyof MergeReport['added'], [string, string]> = {
  sources: ['source', 'sources'],
  codes: ['code', 'codes'],
  coders: ['coder', 'coders'],
  codings: ['coding', 'codings'],
  memos: ['memo', 'memos'],
  cases: ['case', 'cases'],
  attributes: ['attribute', 'attributes'],
};

function summary(report: MergeReport): string {
  const part = (counts: MergeReport['added']) =>
    (Object.keys(NAMES) as (keyof typeof NAMES)[])
      .filter((k) => counts[k] > 0)
      .map((k) => `${counts[k]} ${NAMES[k][counts[k] === 1 ? 0 : 1]}`)
      .join(', ');
  const added = part(report.added);
  const updated = part(report.updated);
  const out = [added ? `added ${added}` : 'added nothing new', updated ? `updated ${updated}` : ''];
  return out.filter(Boolean).join('; ');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
