import type {
  CollaborationDocument,
  CollaborationDocumentInput,
} from '../../../document/schema.js';
import { restoreOrThrow } from '../../../document/restore.js';
import { buildDocument } from '../../../test-support/factories.js';

type Qualitative = NonNullable<CollaborationDocumentInput['qualitative']>;
type Item<K extends keyof Qualitative> =
  NonNullable<Qualitative[K]> extends readonly (infer T)[] ? T : never;

/** A transcript built from turns, with code-point offsets to place codings. */
export interface Transcript {
  readonly text: string;
  readonly turns: { speaker: string; caseId?: string; start: number; end: number }[];
  /** Code points [from, to) of turn i's text (default: the whole turn). */
  span(i: number, from?: number, to?: number): { start: number; end: number };
}

/** Turns `[speaker, words, caseId?]` written "Speaker: words", one a line. */
export function transcript(turns: readonly (readonly [string, string, string?])[]): Transcript {
  const lines: string[] = [];
  const spans: { speaker: string; caseId?: string; start: number; end: number }[] = [];
  let at = 0;
  for (const [speaker, words, caseId] of turns) {
    const line = `${speaker}: ${words}`;
    const length = [...line].length;
    spans.push({ speaker, start: at, end: at + length, ...(caseId ? { caseId } : {}) });
    lines.push(line);
    at += length + 1;
  }
  return {
    text: lines.join('\n'),
    turns: spans,
    span(i, from = 0, to) {
      const t = spans[i];
      if (!t) throw new Error(`no turn ${i}`);
      return { start: t.start + from, end: to === undefined ? t.end : t.start + to };
    },
  };
}

/** A source with sensible defaults. */
export function buildSource(overrides: Partial<Item<'sources'>> = {}): Item<'sources'> {
  return {
    id: 'src-x',
    title: 'Interview X (fictional)',
    kind: 'interview',
    text: '',
    ...overrides,
  };
}

/** A code with sensible defaults. */
export function buildCode(overrides: Partial<Item<'codes'>> = {}): Item<'codes'> {
  return { id: 'code-x', name: `Code ${overrides.id ?? 'x'}`, ...overrides };
}

/** A coding of `span` with sensible defaults. */
export function buildCoding(
  id: string,
  span: { start: number; end: number },
  overrides: Partial<Item<'codings'>> = {},
): Item<'codings'> {
  return { id, sourceId: 'src-x', codeId: 'code-x', coderId: 'coder-a', ...span, ...overrides };
}

/** A valid document holding this qualitative part (coders A and B unless given). */
export function qualitativeDocument(
  qualitative: Qualitative,
  overrides: Partial<CollaborationDocumentInput> = {},
): CollaborationDocument {
  return restoreOrThrow(
    buildDocument({
      qualitative: {
        coders: [
          { id: 'coder-a', name: 'Coder A' },
          { id: 'coder-b', name: 'Coder B' },
        ],
        ...qualitative,
      },
      ...overrides,
    }),
  );
}
