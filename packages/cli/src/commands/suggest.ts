import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  MODEL_NODES,
  learnFromCodings,
  modelCodebook,
  normaliseLineEndings,
  suggestCodes,
  transcriptTurns,
  type CollaborationDocument,
  type SuggestCode,
  type SuggestSource,
  type UnitSuggestions,
} from '@weframe/core';
import { CliError, withStore, workspaceFor, type CliDeps, type Io } from '../context.js';

/** Output formats of `weframe suggest`. */
export const SUGGEST_FORMATS = ['text', 'json'] as const;
export type SuggestFormat = (typeof SUGGEST_FORMATS)[number];

/** Options of `weframe suggest`, as commander hands them over. */
export interface SuggestCommandOptions {
  readonly collaboration?: string;
  readonly format?: SuggestFormat;
  readonly top?: number;
  readonly workspace?: string;
}

const TEXT_FILE = /\.(txt|md|markdown)$/i;

/** Whether `target` names an existing file. */
async function isFile(target: string): Promise<boolean> {
  try {
    return (await stat(target)).isFile();
  } catch {
    return false;
  }
}

/** The stored document of a collaboration in the workspace, or one clear line. */
async function storedDocument(
  id: string,
  opts: SuggestCommandOptions,
  deps: CliDeps,
): Promise<CollaborationDocument> {
  return withStore(deps, async (store) => {
    const ws = await workspaceFor(store, opts.workspace);
    const row = await store.collaborations.get(id);
    const doc =
      row && row.workspaceId === ws.id ? await store.collaborations.exportDocument(id) : null;
    if (!doc) {
      throw new CliError(
        `no collaboration with id "${id}" in workspace "${opts.workspace ?? 'default'}" (see \`weframe list\`)`,
      );
    }
    return doc;
  });
}

/** The collaboration's codes, plus one code for each model element none of them stands for. */
function codebookOf(doc: CollaborationDocument | null): SuggestCode[] {
  if (!doc) return modelCodebook();
  const own: SuggestCode[] = doc.qualitative.codes.map((c) => ({
    id: c.id,
    name: c.name,
    elementId: c.elementId,
    description: c.description,
  }));
  const covered = new Set(own.flatMap((c) => (c.elementId ? [c.elementId] : [])));
  return [...own, ...modelCodebook().filter((c) => !covered.has(c.id))];
}

/** A short, one-line quotation of a unit. */
function quote(text: string, max = 90): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length <= max ? flat : `${chars.slice(0, max - 1).join('')}…`;
}

/** The suggestions as a readable list: each unit, then its codes with scores and terms. */
function suggestionsText(
  title: string,
  units: readonly UnitSuggestions[],
  names: ReadonlyMap<string, string>,
  learnedFrom: number,
): string {
  const basis =
    learnedFrom > 0
      ? `learning from ${learnedFrom} coded segment${learnedFrom === 1 ? '' : 's'}`
      : 'cold start: from the code descriptions only';
  const lines = [`Suggested codes for ${title} (${units.length} units; ${basis})`];
  for (const unit of units) {
    lines.push(
      '',
      `[${unit.start}–${unit.end}] ${unit.speaker ? `${unit.speaker}: ` : ''}“${quote(unit.text)}”`,
    );
    if (unit.suggestions.length === 0) lines.push('    no suggestion: no code shares its words');
    unit.suggestions.forEach((s, i) => {
      const name = names.get(s.code);
      const label = name && name !== s.code ? `${s.code} (${name})` : s.code;
      const terms = s.terms.length > 0 ? `  ← ${s.terms.join(', ')}` : '';
      lines.push(`    ${i + 1}. ${s.score.toFixed(2)}  ${label}${terms}`);
    });
  }
  return lines.join('\n');
}

/**
 * `weframe suggest FILE|SOURCE_ID`: suggests codes for each turn (or sentence) of a .txt/.md
 * interview, or of a source stored in `--collaboration ID`, learning from that collaboration's
 * codings when one is given. Prints text or a JSON array of
 * `{ start, end, text, speaker, suggestions: [{ code, score, terms }] }`.
 */
export async function suggestCommand(
  target: string,
  opts: SuggestCommandOptions,
  deps: CliDeps,
  io: Io,
): Promise<void> {
  if (opts.top !== undefined && (opts.top < 1 || opts.top > 50)) {
    throw new CliError('--top must be a whole number from 1 to 50');
  }
  let source: SuggestSource;
  let title: string;
  let doc: CollaborationDocument | null = null;
  if (await isFile(target)) {
    if (!TEXT_FILE.test(target)) {
      throw new CliError(`${target}: give a .txt or .md interview (or a stored source's id)`);
    }
    let raw: string;
    try {
      raw = await readFile(target, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new CliError(`${target}: cannot be read (${code ?? 'error'})`);
    }
    title = basename(target);
    // Line endings and a byte order mark as `weframe import` treats them; turns by
    // transcriptTurns, which also takes sentence-case role labels ("Health visitor:").
    const { text } = normaliseLineEndings(raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw);
    source = { text, turns: transcriptTurns(text) };
    if (opts.collaboration !== undefined)
      doc = await storedDocument(opts.collaboration, opts, deps);
  } else if (/[\\/]/.test(target) || TEXT_FILE.test(target)) {
    throw new CliError(`${target}: no such file`);
  } else {
    if (opts.collaboration === undefined) {
      throw new CliError(
        `"${target}" is not a file; to suggest codes for a stored source, add --collaboration ID`,
      );
    }
    doc = await storedDocument(opts.collaboration, opts, deps);
    const found = doc.qualitative.sources.find((s) => s.id === target);
    if (!found) {
      const ids = doc.qualitative.sources.map((s) => s.id);
      throw new CliError(
        `no source "${target}" in collaboration "${opts.collaboration}"`,
        ids.length > 0 ? [`sources: ${ids.join(', ')}`] : ['it has no sources yet'],
      );
    }
    source = found;
    title = `“${found.title}”`;
  }

  const codebook = codebookOf(doc);
  const trainingSet = doc ? learnFromCodings(doc) : [];
  const units = suggestCodes(source, codebook, {
    trainingSet,
    ...(opts.top !== undefined ? { top: opts.top } : {}),
  });
  if ((opts.format ?? 'text') === 'json') {
    io.out(JSON.stringify(units, null, 2));
    return;
  }
  const names = new Map<string, string>(MODEL_NODES.map((n) => [n.id, n.name]));
  for (const c of codebook) if (!c.elementId) names.set(c.id, c.name);
  io.out(suggestionsText(title, units, names, trainingSet.length));
}
