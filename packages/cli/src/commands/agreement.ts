import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  AGREEMENT_MEASURES,
  AnalysisError,
  codingAgreement,
  importQdpx,
  type AgreementMeasure,
  type AgreementUnitKind,
  type CodingAgreement,
  type Estimate,
  type QualitativeDocument,
  type UndefinedReason,
} from '@weframe/core';
import { CliError, withStore, workspaceFor, type CliDeps, type Io } from '../context.js';
import { readDocumentFile } from '../read-document.js';

/** Output formats of `weframe agreement`. */
export const AGREEMENT_FORMATS = ['text', 'json'] as const;
export type AgreementFormat = (typeof AGREEMENT_FORMATS)[number];

/** Unit choices of `weframe agreement --units`. */
export const AGREEMENT_UNITS = [
  'turns',
  'paragraphs',
] as const satisfies readonly AgreementUnitKind[];

/** Options of `weframe agreement`, as commander hands them over. */
export interface AgreementOptions {
  readonly coders?: string;
  /** One or more `--measure` values, each possibly a comma-separated list. */
  readonly measure?: readonly string[];
  readonly format?: AgreementFormat;
  readonly units?: AgreementUnitKind;
  readonly workspace?: string;
}

const LABELS: Record<AgreementMeasure, string> = {
  percent: 'Percent',
  kappa: 'Cohen κ',
  fleiss: 'Fleiss κ',
  alpha: 'α',
  'alpha-u': 'α_U',
};

function reasonText(reason: UndefinedReason): string {
  switch (reason) {
    case 'empty':
      return 'nothing to compare (no unit or segment coded by every coder)';
    case 'too-few-raters':
      return 'fewer than two coders gave values';
    case 'too-few-units':
    case 'too-few-groups':
    case 'too-few-items':
      return 'too few units to compare';
    case 'no-variance':
    case 'no-expected-disagreement':
      return 'chance agreement is certain: every coder gave every unit the same value';
    case 'mean-out-of-range':
      return 'the mean lies too close to the end of the scale';
  }
}

/** Splits comma-separated lists from one or more option values, dropping blanks. */
function list(values: readonly string[] | string | undefined): string[] {
  const all = typeof values === 'string' ? [values] : (values ?? []);
  return all
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}

/** Whether `target` names an existing file. */
async function isFile(target: string): Promise<boolean> {
  try {
    return (await stat(target)).isFile();
  } catch {
    return false;
  }
}

/** The qualitative records of a REFI-QDA project; every problem listed when it cannot be read. */
async function fromQdpx(file: string): Promise<{ doc: QualitativeDocument; name: string }> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(
      code === 'ENOENT' ? `${file}: no such file` : `${file}: cannot be read (${code ?? 'error'})`,
    );
  }
  const result = importQdpx(bytes, { label: basename(file) });
  if (!result.ok) {
    const n = result.issues.length;
    throw new CliError(
      `${file}: cannot be read (${n} problem${n === 1 ? '' : 's'})`,
      result.issues.map((i) => `${i.path}: ${i.message}`),
    );
  }
  return { doc: { qualitative: result.qualitative }, name: basename(file) };
}

/** The qualitative data and a name for the heading, from a file or the store. */
async function load(
  target: string,
  opts: AgreementOptions,
  deps: CliDeps,
): Promise<{ doc: QualitativeDocument; name: string }> {
  if (/\.qdpx$/i.test(target)) return fromQdpx(target);
  if (await isFile(target)) {
    const doc = await readDocumentFile(target);
    return { doc, name: doc.collaboration.name };
  }
  if (/[\\/]|\.json$/i.test(target)) throw new CliError(`${target}: no such file`);
  return withStore(deps, async (store) => {
    const ws = await workspaceFor(store, opts.workspace);
    const row = await store.collaborations.get(target);
    const doc =
      row && row.workspaceId === ws.id ? await store.collaborations.exportDocument(target) : null;
    if (!doc) {
      throw new CliError(
        `no collaboration with id "${target}" in workspace "${opts.workspace ?? 'default'}" (see \`weframe list\`)`,
      );
    }
    return { doc, name: doc.collaboration.name };
  });
}

/** Coder ids from `--coders` (ids or names), else every coder who coded something. */
function chooseCoders(doc: QualitativeDocument, asked: string[]): string[] {
  const coders = doc.qualitative.coders;
  if (asked.length > 0) {
    return asked.map((a) => {
      const byId = coders.find((c) => c.id === a);
      if (byId) return byId.id;
      const named = coders.filter((c) => c.name === a);
      const only = named.length === 1 ? named[0] : undefined;
      if (only) return only.id;
      throw new CliError(
        named.length === 0
          ? `--coders: no coder "${a}" (coders: ${coders.map((c) => `${c.id} "${c.name}"`).join(', ') || 'none'})`
          : `--coders: ${named.length} coders are named "${a}"; give their ids`,
      );
    });
  }
  const active = new Set(doc.qualitative.codings.map((k) => k.coderId));
  const ids = coders.filter((c) => active.has(c.id)).map((c) => c.id);
  if (ids.length < 2) {
    throw new CliError(
      `agreement needs at least two coders who coded something; this document has ${ids.length}`,
    );
  }
  return ids;
}

function chooseMeasures(asked: string[]): AgreementMeasure[] | undefined {
  if (asked.length === 0) return undefined;
  for (const m of asked) {
    if (!(AGREEMENT_MEASURES as readonly string[]).includes(m)) {
      throw new CliError(`--measure: "${m}" is not one of ${AGREEMENT_MEASURES.join(', ')}`);
    }
  }
  return asked as AgreementMeasure[];
}

const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].length));
const padStart = (s: string, n: number) => ' '.repeat(Math.max(0, n - [...s].length)) + s;

function cell(e: Estimate | undefined, measure: AgreementMeasure, notes: Set<UndefinedReason>) {
  if (e === undefined) return '';
  if (e.value === null) {
    notes.add(e.reason);
    return 'n/a';
  }
  return measure === 'percent' ? `${(e.value * 100).toFixed(1)}%` : e.value.toFixed(3);
}

/** The agreement as a plain-text table: one row per code, then the overall row. */
export function agreementText(
  r: CodingAgreement,
  heading: { name: string; coderNames: ReadonlyMap<string, string> },
): string {
  const lines: string[] = [`Inter-coder agreement: ${heading.name}`];
  lines.push(
    `Coders: ${r.coders.map((c) => `${heading.coderNames.get(c) ?? c} (${c})`).join(', ')}`,
  );
  const unitWord = r.unitKind === 'turns' ? 'speaker turns (or paragraphs)' : 'paragraphs';
  const sources = `${r.sources.length} source${r.sources.length === 1 ? '' : 's'}`;
  lines.push(`Units: ${r.units} ${unitWord} in ${sources}, each coded present or absent per code`);
  if (r.measures.includes('alpha-u')) {
    lines.push(`α_U: ${r.continuum} code points, the sources end to end`);
  }
  for (const s of r.skippedSources) {
    lines.push(`Skipped ${s.sourceId}: not coded by ${s.uncodedBy.join(', ')}`);
  }
  lines.push('');
  const notes = new Set<UndefinedReason>();
  const names = r.codes.map((c) => {
    const name = '  '.repeat(c.path.length - 1) + c.name;
    return [...name].length > 40 ? `${[...name].slice(0, 39).join('')}…` : name;
  });
  const rows = r.codes.map((c, i) => [
    names[i] ?? c.name,
    c.applied.join('/'),
    ...r.measures.map((m) => cell(c.measures[m], m, notes)),
  ]);
  const overall = ['Overall (pooled)', '', ...r.measures.map((m) => cell(r.overall[m], m, notes))];
  const header = ['Code', 'Applied', ...r.measures.map((m) => LABELS[m])];
  const table = [header, ...rows, overall];
  const widths = header.map((_, j) => Math.max(...table.map((row) => [...(row[j] ?? '')].length)));
  const line = (row: string[]) =>
    row
      .map((v, j) => (j < 2 ? pad(v, widths[j] ?? 0) : padStart(v, widths[j] ?? 0)))
      .join('  ')
      .trimEnd();
  lines.push(line(header));
  lines.push(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const row of rows) lines.push(line(row));
  lines.push(widths.map((w) => '─'.repeat(w)).join('  '));
  lines.push(line(overall));
  if (r.codes.length === 0) lines.push('', 'No code was applied in a source every coder coded.');
  if (notes.size > 0) lines.push('');
  for (const reason of notes) lines.push(`n/a: ${reasonText(reason)}`);
  return lines.join('\n');
}

/**
 * `weframe agreement FILE|ID`: inter-coder agreement per code and overall (percent agreement,
 * Cohen's κ, Fleiss' κ, Krippendorff's α and α_U) for a collaboration document file, a
 * REFI-QDA .qdpx project or a stored collaboration, as a text table or JSON.
 */
export async function agreementCommand(
  target: string,
  opts: AgreementOptions,
  deps: CliDeps,
  io: Io,
): Promise<void> {
  const measures = chooseMeasures(list(opts.measure));
  const { doc, name } = await load(target, opts, deps);
  const coders = chooseCoders(doc, list(opts.coders));
  let result: CodingAgreement;
  try {
    result = codingAgreement(doc, {
      coders,
      ...(measures ? { measures } : {}),
      ...(opts.units ? { units: opts.units } : {}),
    });
  } catch (error) {
    if (error instanceof AnalysisError) throw new CliError(error.message);
    throw error;
  }
  if ((opts.format ?? 'text') === 'json') {
    io.out(JSON.stringify(result, null, 2));
    return;
  }
  const coderNames = new Map(doc.qualitative.coders.map((c) => [c.id, c.name]));
  io.out(agreementText(result, { name, coderNames }));
}
