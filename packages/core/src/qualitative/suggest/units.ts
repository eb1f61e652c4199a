/**
 * The units auto-coding suggests codes for: a source's speaker turns when it has them, its
 * sentences otherwise. Offsets are Unicode code points into the source's text, as the
 * document stores them; slicing converts to UTF-16 at this edge only.
 */

/** A speaker turn as the document stores it: code-point offsets, end exclusive. */
export interface TurnSpan {
  readonly speaker: string;
  readonly start: number;
  readonly end: number;
}

/** What the suggester needs of a source: its text and, when known, its speaker turns. */
export interface SuggestSource {
  readonly text: string;
  readonly turns?: readonly TurnSpan[];
}

/** One unit of a source: a turn or a sentence, with the speaker when known. */
export interface SuggestUnit {
  /** Code-point offset of the unit's first character. */
  readonly start: number;
  /** Code-point offset just past the unit (exclusive). */
  readonly end: number;
  readonly text: string;
  /** The turn's speaker, or null for a source without turns. */
  readonly speaker: string | null;
}

/** UTF-16 index of each code-point offset 0…n of `text` (length n + 1). */
export function utf16Offsets(text: string): number[] {
  const offsets: number[] = [];
  let i = 0;
  for (const ch of text) {
    offsets.push(i);
    i += ch.length;
  }
  offsets.push(i);
  return offsets;
}

/** Code-point length of `text`. */
export function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/**
 * Speaker turns found from "Name:" at the start of a line (also "**Name:**" in Markdown).
 * A label counts only when it starts two or more turns, so a line that happens to begin
 * "Example: …" is not a speaker; if no label repeats, every label counts. A turn runs to the
 * next turn's line, trailing blank lines excluded; lines before the first turn belong to none.
 * Offsets are code points and cover the label too, as the document's turns do.
 */
export function transcriptTurns(text: string): TurnSpan[] {
  const LABEL =
    /^[ \t]*(?:\*\*)?([\p{Lu}][\p{L}\p{N} .'’()/-]{0,39}?)(?:\*\*)?[ \t]*:(?:\*\*)?[ \t]+\S/u;
  const lines: { speaker: string | null; start: number; text: string }[] = [];
  let cp = 0;
  for (const line of text.split('\n')) {
    const m = LABEL.exec(line);
    const speaker = m?.[1]?.trim() ?? null;
    lines.push({
      speaker: speaker && !/^https?$/i.test(speaker) ? speaker : null,
      start: cp,
      text: line,
    });
    cp += codePointLength(line) + 1;
  }
  const uses = new Map<string, number>();
  for (const l of lines) if (l.speaker) uses.set(l.speaker, (uses.get(l.speaker) ?? 0) + 1);
  const anyRepeat = [...uses.values()].some((n) => n >= 2);
  const isTurn = (s: string | null): s is string =>
    s !== null && (!anyRepeat || (uses.get(s) ?? 0) >= 2);

  const turns: TurnSpan[] = [];
  let open: { speaker: string; start: number; end: number } | null = null;
  for (const l of lines) {
    if (isTurn(l.speaker)) {
      if (open) turns.push(open);
      open = { speaker: l.speaker, start: l.start, end: l.start + codePointLength(l.text) };
    } else if (open && l.text.trim() !== '') {
      open.end = l.start + codePointLength(l.text);
    }
  }
  if (open) turns.push(open);
  return turns;
}

/** Sentence spans (code points) of `text`: split after . ! ? (and closing quotes) or a blank line. */
export function sentenceSpans(text: string): { start: number; end: number }[] {
  const offsets = utf16Offsets(text);
  const toCp = new Map<number, number>();
  offsets.forEach((u, c) => toCp.set(u, c));
  const spans: { start: number; end: number }[] = [];
  const BOUNDARY = /[.!?]+["'”’)\]]*(?=\s)|\n\s*\n/g;
  let from = 0;
  const push = (a: number, b: number) => {
    const piece = text.slice(a, b);
    const lead = piece.length - piece.trimStart().length;
    const trimmed = piece.trim();
    if (/[\p{L}\p{N}]/u.test(trimmed)) {
      const s = a + lead;
      spans.push({ start: toCp.get(s) ?? 0, end: toCp.get(s + trimmed.length) ?? 0 });
    }
  };
  for (const m of text.matchAll(BOUNDARY)) {
    const end = m.index + (m[0].startsWith('\n') ? 0 : m[0].length);
    // Abbreviations such as "Dr." or "e.g." do not end a sentence.
    const before = text.slice(from, m.index);
    if (
      !m[0].startsWith('\n') &&
      /(?:^|\s)(?:Dr|Mr|Mrs|Ms|St|e\.g|i\.e|etc|vs|cf)$/i.test(before)
    ) {
      continue;
    }
    push(from, end);
    from = m.index + m[0].length;
  }
  push(from, text.length);
  return spans;
}

/** The speaker label at the start of a turn's text ("Name: "), as a UTF-16 length, or 0. */
function labelLength(turnText: string, speaker: string): number {
  const m = /^[ \t]*(?:\*\*)?([^:\n]{1,60}?)(?:\*\*)?[ \t]*:(?:\*\*)?[ \t]*/.exec(turnText);
  if (!m || m[1]?.trim() !== speaker) return 0;
  return m[0].length;
}

/**
 * The units of a source: each speaker turn (its "Name:" label left out of the unit) when the
 * source has turns, each sentence otherwise. Units with no letters or digits are dropped.
 */
export function suggestionUnits(source: SuggestSource): SuggestUnit[] {
  const offsets = utf16Offsets(source.text);
  const cpOf = (u: number) => {
    // Offsets are monotone: binary search the code point whose UTF-16 index is u.
    let lo = 0;
    let hi = offsets.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((offsets[mid] as number) < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const cpMax = offsets.length - 1;
  const u16 = (cp: number) => offsets[Math.max(0, Math.min(cp, cpMax))] as number;
  const units: SuggestUnit[] = [];
  if (source.turns && source.turns.length > 0) {
    for (const turn of source.turns) {
      const a = u16(turn.start);
      const b = u16(turn.end);
      if (b <= a) continue;
      const raw = source.text.slice(a, b);
      const skip = labelLength(raw, turn.speaker);
      const body = raw.slice(skip);
      const lead = body.length - body.trimStart().length;
      const text = body.trim();
      if (!/[\p{L}\p{N}]/u.test(text)) continue;
      const s = a + skip + lead;
      units.push({ start: cpOf(s), end: cpOf(s + text.length), text, speaker: turn.speaker });
    }
    return units;
  }
  for (const span of sentenceSpans(source.text)) {
    units.push({ ...span, text: source.text.slice(u16(span.start), u16(span.end)), speaker: null });
  }
  return units;
}
