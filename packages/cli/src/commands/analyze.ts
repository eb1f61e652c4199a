import { readFile, stat, writeFile } from 'node:fs/promises';
import cliProgress from 'cli-progress';
import {
  AnalysisError,
  changeHtml,
  changeText,
  compareWaves,
  diagnose,
  diagnosisHtml,
  diagnosisText,
  formatIssues,
  restore,
  type CollaborationDocument,
  type Diagnosis,
  type DiagnosisChange,
} from '@weframe/core';
import { CliError, withStore, workspaceFor, type CliDeps, type Io } from '../context.js';

/** Output formats of `weframe analyze`. */
export const ANALYZE_FORMATS = ['text', 'json', 'html'] as const;
export type AnalyzeFormat = (typeof ANALYZE_FORMATS)[number];

/** Options of `weframe analyze`, as commander hands them over. */
export interface AnalyzeOptions {
  readonly format?: AnalyzeFormat;
  readonly out?: string;
  readonly wave?: string;
  readonly compare?: readonly string[];
  readonly asOf?: string;
  readonly workspace?: string;
}

/** The phases a long analysis reports on its progress bar. */
export const ANALYZE_PHASES = ['reading', 'validating', 'analysing', 'rendering'] as const;
export type AnalyzePhase = (typeof ANALYZE_PHASES)[number];

/** Files larger than this get a progress bar (when standard error is a terminal). */
export const LARGE_INPUT_BYTES = 5 * 1024 * 1024;

/** A progress display the command moves from phase to phase. */
export interface Progress {
  phase(name: AnalyzePhase): void;
  stop(): void;
}

/** Makes a progress display for a file of `bytes`, or null when none should show. */
export type ProgressFactory = (file: string, bytes: number) => Progress | null;

/** A cli-progress bar on standard error, for large files when standard error is a terminal. */
export const terminalProgress: ProgressFactory = (file, bytes) => {
  if (bytes <= LARGE_INPUT_BYTES || !process.stderr.isTTY) return null;
  const bar = new cliProgress.SingleBar(
    {
      format: 'weframe analyze [{bar}] {phase} {file}',
      stream: process.stderr,
      clearOnComplete: true,
      hideCursor: true,
      fps: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(ANALYZE_PHASES.length, 0, { phase: 'reading', file });
  return {
    phase(name) {
      bar.update(ANALYZE_PHASES.indexOf(name), { phase: name });
      // The next phase may block the event loop for seconds: draw now, not on the timer.
      bar.render();
    },
    stop() {
      bar.update(ANALYZE_PHASES.length, { phase: 'done' });
      bar.stop();
    },
  };
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Checks the option combination before any work; one clear line when it is wrong. */
function checkOptions(opts: AnalyzeOptions): void {
  if (opts.asOf !== undefined) {
    const valid =
      DATE.test(opts.asOf) &&
      new Date(`${opts.asOf}T00:00:00Z`).toISOString().startsWith(opts.asOf);
    if (!valid) throw new CliError(`--as-of must be a date written YYYY-MM-DD, not "${opts.asOf}"`);
  }
  if (opts.compare !== undefined) {
    if (opts.compare.length !== 2) {
      throw new CliError(
        `--compare needs exactly two wave ids (got ${opts.compare.length}); put FILE|ID before --compare`,
      );
    }
    if (opts.wave !== undefined) throw new CliError('use either --wave or --compare, not both');
    if (opts.asOf !== undefined) {
      throw new CliError(
        '--as-of cannot be combined with --compare: each wave is analysed as of its own date',
      );
    }
  }
}

/** Whether `target` names an existing file. */
async function fileSize(target: string): Promise<number | null> {
  try {
    const info = await stat(target);
    return info.isFile() ? info.size : null;
  } catch {
    return null;
  }
}

/** Reads and validates a document file, moving the progress bar; never analyses half a document. */
async function documentFromFile(
  file: string,
  progress: Progress | null,
): Promise<CollaborationDocument> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`${file}: cannot be read (${code ?? 'error'})`);
  }
  progress?.phase('validating');
  const result = restore(text);
  if (!result.ok) {
    throw new CliError(
      `${file}: ${result.issues.length} problem${result.issues.length === 1 ? '' : 's'}`,
      formatIssues(result.issues).split('\n'),
    );
  }
  return result.value;
}

/** The stored document of a collaboration in the workspace. */
async function documentFromStore(
  id: string,
  opts: AnalyzeOptions,
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

type Analysis =
  | { readonly kind: 'diagnosis'; readonly value: Diagnosis }
  | { readonly kind: 'change'; readonly value: DiagnosisChange; readonly name: string };

/** The diagnosis, or the change between two waves; analysis errors become one clear line. */
function analyse(doc: CollaborationDocument, opts: AnalyzeOptions): Analysis {
  try {
    if (opts.compare) {
      const [a, b] = opts.compare as [string, string];
      return { kind: 'change', value: compareWaves(doc, a, b), name: doc.collaboration.name };
    }
    const value = diagnose(doc, {
      ...(opts.asOf !== undefined ? { asOf: opts.asOf } : {}),
      ...(opts.wave !== undefined ? { waveId: opts.wave } : {}),
    });
    return { kind: 'diagnosis', value };
  } catch (error) {
    if (error instanceof AnalysisError) throw new CliError(error.message);
    throw error;
  }
}

/** The analysis in the chosen format; JSON on one line, for speed on large collaborations. */
function render(analysis: Analysis, format: AnalyzeFormat): string {
  if (format === 'json') return JSON.stringify(analysis.value);
  if (analysis.kind === 'change') {
    const options = { collaborationName: analysis.name };
    return format === 'html'
      ? changeHtml(analysis.value, options)
      : changeText(analysis.value, options);
  }
  return format === 'html' ? diagnosisHtml(analysis.value) : diagnosisText(analysis.value);
}

/**
 * `weframe analyze FILE|ID`: diagnoses a collaboration document file (validated in full
 * first) or a stored collaboration, and prints the diagnosis as text, JSON or a standalone
 * HTML file; `--compare W1 W2` prints the change between two waves instead.
 */
export async function analyzeCommand(
  target: string,
  opts: AnalyzeOptions,
  deps: CliDeps,
  io: Io,
  progressFor: ProgressFactory = terminalProgress,
): Promise<void> {
  checkOptions(opts);
  const format = opts.format ?? 'text';
  const size = await fileSize(target);
  let progress: Progress | null = null;
  try {
    let doc: CollaborationDocument;
    if (size !== null) {
      progress = progressFor(target, size);
      progress?.phase('reading');
      doc = await documentFromFile(target, progress);
    } else if (/[\\/]|\.json$/i.test(target)) {
      throw new CliError(`${target}: no such file`);
    } else {
      doc = await documentFromStore(target, opts, deps);
    }
    progress?.phase('analysing');
    const analysis = analyse(doc, opts);
    progress?.phase('rendering');
    const output = render(analysis, format);
    progress?.stop();
    progress = null;
    if (opts.out) {
      await writeFile(opts.out, output.endsWith('\n') ? output : `${output}\n`);
      io.err(`wrote ${opts.out}`);
    } else {
      io.out(output.endsWith('\n') ? output.slice(0, -1) : output);
    }
  } finally {
    progress?.stop();
  }
}
