/**
 * Pure helpers of the coding workspace: cutting a source text into runs that the same codings
 * cover (for highlighting), code point arithmetic (positions are Unicode code points, as in
 * the API), the codebook as a flat list, colours for codes, and the slots of the keyboard
 * shortcuts 1–9.
 */
import type { CodebookCodeNode, CodebookNode, Coding } from '../../api/qualitative.js';

/** A run of the text covered by the same codings. */
export interface TextRun {
  /** Code point offsets, end exclusive. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Codings covering the whole run, in the order given. */
  readonly codingIds: readonly string[];
  /** Codings that begin at this run's start. */
  readonly starting: readonly string[];
}

/** Length of a string in code points. */
export function cpLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** The text between two code point offsets. */
export function cpSlice(chars: readonly string[], start: number, end: number): string {
  return chars.slice(start, end).join('');
}

/**
 * The text cut at every coding's start and end: runs in order, each with the codings that
 * cover it. Codings outside the text are clipped to it; empty ones are left out.
 */
export function textRuns(
  text: string,
  codings: readonly Pick<Coding, 'id' | 'start' | 'end'>[],
): TextRun[] {
  const chars = Array.from(text);
  const length = chars.length;
  const spans = codings
    .map((c) => ({
      id: c.id,
      start: Math.max(0, Math.min(c.start, length)),
      end: Math.max(0, Math.min(c.end, length)),
    }))
    .filter((c) => c.end > c.start);
  const cuts = new Set<number>([0, length]);
  for (const s of spans) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const runs: TextRun[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    if (end <= start) continue;
    runs.push({
      start,
      end,
      text: cpSlice(chars, start, end),
      codingIds: spans.filter((s) => s.start <= start && s.end >= end).map((s) => s.id),
      starting: spans.filter((s) => s.start === start).map((s) => s.id),
    });
  }
  return runs;
}

/**
 * A selection narrowed to what it holds beyond white space at either end; null when nothing
 * but white space is selected.
 */
export function trimSelection(
  chars: readonly string[],
  start: number,
  end: number,
): { start: number; end: number } | null {
  let a = Math.max(0, Math.min(start, end));
  let b = Math.min(chars.length, Math.max(start, end));
  while (a < b && /\s/u.test(chars[a] ?? '')) a++;
  while (b > a && /\s/u.test(chars[b - 1] ?? '')) b--;
  return b > a ? { start: a, end: b } : null;
}

/** A quotation cut to `max` characters at a word, with an ellipsis. */
export function shortQuote(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  if (chars.length <= max) return flat;
  const cut = chars.slice(0, max).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.5 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

// ── The codebook ──────────────────────────────────────────────────────────────

/** A code of the tree with where it sits: its group and its path of names. */
export interface FlatCode {
  readonly node: CodebookCodeNode;
  readonly depth: number;
  readonly groupId: string;
  readonly groupName: string;
  /** Names from the top-level code down to this one. */
  readonly path: readonly string[];
}

/** Every code of the tree, depth first, in tree order. */
export function flattenCodebook(groups: readonly CodebookNode[]): FlatCode[] {
  const out: FlatCode[] = [];
  const visit = (
    node: CodebookNode,
    group: { id: string; name: string },
    depth: number,
    path: string[],
  ) => {
    if (node.kind === 'group') {
      for (const child of node.children) visit(child, group, depth, path);
      return;
    }
    const own = [...path, node.name];
    out.push({ node, depth, groupId: group.id, groupName: group.name, path: own });
    for (const child of node.children) visit(child, group, depth + 1, own);
  };
  for (const group of groups) {
    if (group.kind !== 'group') continue;
    for (const child of group.children) visit(child, { id: group.id, name: group.name }, 0, []);
  }
  return out;
}

/** Ids of a code's sub-codes, all the way down. */
export function descendantIds(node: CodebookCodeNode): Set<string> {
  const out = new Set<string>();
  const stack = [...node.children];
  while (stack.length > 0) {
    const next = stack.pop() as CodebookCodeNode;
    out.add(next.id);
    stack.push(...next.children);
  }
  return out;
}

/**
 * Colours for codes without one of their own: dark enough to read as a 3 px underline on
 * white (3:1 or more), distinct from each other.
 */
export const CODE_PALETTE = [
  '#1f5a7a',
  '#b03a2e',
  '#2e7d32',
  '#6a1b9a',
  '#8d5524',
  '#ad1457',
  '#455a64',
  '#8a6100',
  '#00695c',
  '#283593',
] as const;

/** The colour a code is drawn in: its own, else one from the palette picked by its id. */
export function codeColour(code: { readonly id: string; readonly color: string | null }): string {
  if (code.color) return code.color;
  let h = 0;
  for (let i = 0; i < code.id.length; i++) h = (h * 31 + code.id.charCodeAt(i)) >>> 0;
  return CODE_PALETTE[h % CODE_PALETTE.length] as string;
}

// ── Keyboard shortcut slots ──────────────────────────────────────────────────

/** The codes under the keys 1–9, and when each was last used (a counter). */
export interface ShortcutSlots {
  readonly codes: readonly string[];
  readonly used: Readonly<Record<string, number>>;
  readonly tick: number;
}

export const EMPTY_SLOTS: ShortcutSlots = { codes: [], used: {}, tick: 0 };

/** Most codes kept on number keys. */
export const SLOT_COUNT = 9;

/**
 * The slots after a code was applied. A code already on a key keeps it; a new one takes the
 * next free key, or, when all nine are taken, the key of the code used least recently — so
 * the numbers of the other codes never shift under the researcher's fingers.
 */
export function assignSlot(slots: ShortcutSlots, codeId: string): ShortcutSlots {
  const tick = slots.tick + 1;
  const used = { ...slots.used, [codeId]: tick };
  if (slots.codes.includes(codeId)) return { codes: slots.codes, used, tick };
  if (slots.codes.length < SLOT_COUNT) return { codes: [...slots.codes, codeId], used, tick };
  let oldest = 0;
  slots.codes.forEach((id, i) => {
    if ((slots.used[id] ?? 0) < (slots.used[slots.codes[oldest] ?? ''] ?? 0)) oldest = i;
  });
  const codes = [...slots.codes];
  const dropped = codes[oldest] ?? '';
  codes[oldest] = codeId;
  const { [dropped]: _, ...rest } = used;
  return { codes, used: rest, tick };
}

/** The slots without codes the codebook no longer holds (merged or deleted). */
export function pruneSlots(slots: ShortcutSlots, known: ReadonlySet<string>): ShortcutSlots {
  if (slots.codes.every((id) => known.has(id))) return slots;
  return { ...slots, codes: slots.codes.filter((id) => known.has(id)) };
}

/** Reads slots saved as JSON, tolerating anything malformed. */
export function parseSlots(json: string | null): ShortcutSlots {
  if (!json) return EMPTY_SLOTS;
  try {
    const value = JSON.parse(json) as Partial<ShortcutSlots>;
    const codes = Array.isArray(value.codes)
      ? value.codes.filter((c): c is string => typeof c === 'string').slice(0, SLOT_COUNT)
      : [];
    const used: Record<string, number> = {};
    if (value.used && typeof value.used === 'object')
      for (const [k, v] of Object.entries(value.used)) if (typeof v === 'number') used[k] = v;
    return { codes, used, tick: typeof value.tick === 'number' ? value.tick : 0 };
  } catch {
    return EMPTY_SLOTS;
  }
}
