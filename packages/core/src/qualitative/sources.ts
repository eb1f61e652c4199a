import type { QdaCase, Source } from '../document/schema.js';
import { docxText } from './docx.js';
import type { ExchangeIssue } from './exchange-issues.js';
import { hex, sha1 } from './hash.js';
import { normaliseLineEndings } from './positions.js';
import { utf8Bytes } from './text-codec.js';

/** A speaker turn as stored on a source: who speaks, their case, the span of what they say. */
export type SpeakerTurn = Source['turns'][number];

/** Options for {@link sourceFromText}. */
export interface SourceFromTextOptions {
  readonly title: string;
  readonly kind: Source['kind'];
  /** The day the interview, meeting or observation took place (YYYY-MM-DD). */
  readonly date?: string;
  /** `markdown` keeps the text exactly as written, markup included (see the module notes). */
  readonly format: 'text' | 'markdown';
  /** The source's id (default: `src-` and a hash of title and text, so a re-import matches). */
  readonly id?: string;
  /** Cases already in the collaboration: a speaker of the same name reuses its case. */
  readonly existingCases?: readonly QdaCase[];
  /**
   * Whether to detect "Name:" speaker turns (default: yes, except for kind `document`, whose
   * "Date:" and "Re:" lines are headings rather than speakers).
   */
  readonly detectSpeakers?: boolean;
  /** Who adds the source (record author; default `system`). */
  readonly author?: string;
}

/** A source made from text, and the cases of its speakers (new and reused). */
export interface SourceFromText {
  readonly source: Source;
  readonly cases: QdaCase[];
}

/**
 * A `sources` record from plain text or Markdown: line endings become `\n`, a leading byte
 * order mark goes, and speaker turns are read from "Name:" labels at line starts (a name of
 * one to four words, e.g. `Interviewer:`, `Adviser:`, `Dr Patel:`); lines without a label
 * continue the previous turn. Each distinct speaker becomes a QDA case, as NVivo's
 * auto-coding by speaker does.
 *
 * Markdown is kept as written, markup and all: coded positions must point into exactly the
 * text the researcher reads and other QDA tools receive, and stripping markup would shift
 * every position and lose headings and emphasis that carry meaning; display renders it.
 */
export function sourceFromText(text: string, options: SourceFromTextOptions): SourceFromText {
  return buildSource(text, options.format, options);
}

/** Options for {@link sourceFromDocx}: those of {@link sourceFromText} but the format. */
export type SourceFromDocxOptions = Omit<SourceFromTextOptions, 'format'> & {
  /** Most bytes the document may unpack to (default 200 MB). */
  readonly maxUnpackedBytes?: number;
  /** How the file is named in issues (default: the title). */
  readonly label?: string;
};

/** A `sources` record from a Word document (.docx), its text extracted as by {@link docxText}. */
export function sourceFromDocx(
  bytes: Uint8Array,
  options: SourceFromDocxOptions,
): ({ ok: true } & SourceFromText) | { ok: false; issues: ExchangeIssue[] } {
  const extracted = docxText(bytes, {
    label: options.label ?? options.title,
    ...(options.maxUnpackedBytes === undefined
      ? {}
      : { maxUnpackedBytes: options.maxUnpackedBytes }),
  });
  if (!extracted.ok) return extracted;
  return { ok: true, ...buildSource(extracted.text, 'docx', options) };
}

function buildSource(
  raw: string,
  format: Source['format'],
  options: Omit<SourceFromTextOptions, 'format'>,
): SourceFromText {
  const withoutBom = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  const { text } = normaliseLineEndings(withoutBom);
  const id = options.id ?? `src-${shortHash(`${options.title}\u0000${text}`)}`;
  const detect = options.detectSpeakers ?? options.kind !== 'document';
  const found = detect ? speakerTurns(text) : [];
  const cases = casesForSpeakers(
    found.map((t) => t.speaker),
    options.existingCases ?? [],
  );
  const turns: SpeakerTurn[] = found.map((t) => {
    const caseId = cases.byName.get(speakerKey(t.speaker));
    return { speaker: t.speaker, ...(caseId ? { caseId } : {}), start: t.start, end: t.end };
  });
  const participantCaseIds = [...new Set(turns.flatMap((t) => (t.caseId ? [t.caseId] : [])))];
  const source: Source = {
    id,
    author: options.author ?? 'system',
    version: 1,
    title: options.title,
    kind: options.kind,
    ...(options.date === undefined ? {} : { date: options.date }),
    format,
    text,
    participantCaseIds,
    turns,
  };
  return { source, cases: cases.list };
}

// ── Speaker turns ────────────────────────────────────────────────────────────

/** A word of a name: starts with a capital or digit ("Dr", "Patel", "P1", "O'Neill", "Jean-Luc"). */
const WORD = String.raw`[\p{Lu}\p{Lt}\p{N}][\p{L}\p{M}\p{N}'’.\-]*`;
/** Small words allowed inside a name ("Head of Year", "Ana de la Cruz"). */
const LINK = String.raw`(?:of|the|and|de|da|del|der|den|la|le|du|van|von|y|&)`;
/**
 * A label at a line start: optional Markdown emphasis, a name of one to four words, a colon
 * followed by a space or the line's end ("10:30" is a time, not a speaker).
 */
const LABEL = new RegExp(
  String.raw`^[ \t]*(?:\*\*|__)?(${WORD}(?:[ \t]+(?:${LINK}|${WORD})){0,3})(?:\*\*|__)?[ \t]*:(?:\*\*|__)?(?=[ \t]|$)[ \t]*`,
  'u',
);
/** One-word labels that head transcripts rather than speak in them. */
const HEADINGS = new Set([
  'date',
  'time',
  'place',
  'location',
  'venue',
  'present',
  'participants',
  'attendees',
  'apologies',
  'duration',
  'subject',
  're',
  'title',
  'note',
  'notes',
  'transcript',
  'transcriber',
  'source',
]);

/** A turn found in text: the speaker as written and the code point span of what they say. */
export interface FoundTurn {
  readonly speaker: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Speaker turns in `\n`-separated text. A turn spans what the speaker says: from after
 * "Name: " to the end of the last non-blank line before the next label (code points).
 */
export function speakerTurns(text: string): FoundTurn[] {
  const turns: { speaker: string; start: number; end: number }[] = [];
  let current: { speaker: string; start: number; end: number } | undefined;
  let cp = 0;
  for (const line of text.split('\n')) {
    const lineLength = [...line].length;
    const label = LABEL.exec(line);
    const speaker = label?.[1] ? tidyName(label[1]) : undefined;
    if (label && speaker && isSpeakerName(speaker)) {
      const contentStart = cp + [...label[0]].length;
      current = { speaker, start: contentStart, end: contentStart };
      turns.push(current);
      const rest = line.slice(label[0].length).trimEnd();
      if (rest.length > 0) current.end = contentStart + [...rest].length;
    } else if (current && line.trim().length > 0) {
      current.end = cp + [...line.trimEnd()].length;
    }
    cp += lineLength + 1;
  }
  return turns;
}

function tidyName(name: string): string {
  return name.replace(/[ \t]+/g, ' ').trim();
}

function isSpeakerName(name: string): boolean {
  const words = name.split(' ');
  const last = words[words.length - 1] ?? '';
  if (new RegExp(`^${LINK}$`, 'u').test(last)) return false;
  return !(words.length === 1 && HEADINGS.has(name.toLowerCase()));
}

const speakerKey = (name: string) => name.toLocaleLowerCase('en').replace(/\.$/, '');

function casesForSpeakers(
  speakers: readonly string[],
  existing: readonly QdaCase[],
): { list: QdaCase[]; byName: Map<string, string> } {
  const byName = new Map<string, string>();
  const existingByName = new Map(existing.map((c) => [speakerKey(c.name), c]));
  const usedIds = new Set(existing.map((c) => c.id));
  const list: QdaCase[] = [];
  for (const speaker of speakers) {
    const key = speakerKey(speaker);
    if (byName.has(key)) continue;
    const known = existingByName.get(key);
    if (known) {
      byName.set(key, known.id);
      list.push(known);
      continue;
    }
    let id = `case-${slug(speaker)}`;
    if (id === 'case-' || usedIds.has(id)) id = `case-${shortHash(speaker)}`;
    usedIds.add(id);
    byName.set(key, id);
    list.push({ id, author: 'system', version: 1, name: speaker, attributes: {} });
  }
  return { list, byName };
}

function slug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

/** Twelve hex digits of SHA-1: short, stable ids for content. */
function shortHash(text: string): string {
  return hex(sha1(utf8Bytes(text))).slice(0, 12);
}
