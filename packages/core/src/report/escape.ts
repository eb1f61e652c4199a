/**
 * Escaping and small text helpers shared by the text, HTML and SVG renderers. Every piece of
 * user text (names, findings, goals) goes through {@link escapeXml} before it reaches markup.
 */

/** Characters XML 1.0 does not allow at all (C0 controls but tab/newline/CR, lone surrogates, U+FFFE/F). */
const INVALID_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Text made safe for XML and HTML, in element content and in quoted attributes alike: the five
 * markup characters become entities and characters XML cannot carry become U+FFFD.
 */
export function escapeXml(value: unknown): string {
  const text = typeof value === 'string' ? value : String(value);
  return text.replace(INVALID_XML, '\uFFFD').replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** Same as {@link escapeXml}; named for HTML call sites. */
export const escapeHtml = escapeXml;

/** `text` cut to at most `max` characters, ending with "…" when cut. */
export function truncate(text: string, max: number): string {
  if (max <= 0) return '';
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, Math.max(1, max - 1)).join('')}…`;
}

/**
 * Words of `text` laid into lines of at most `width` characters; a word longer than a line is
 * cut. Whitespace runs collapse to one space.
 */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w.length > 0)) {
    const piece = word.length > width ? truncate(word, width) : word;
    if (line.length === 0) line = piece;
    else if (line.length + 1 + piece.length <= width) line = `${line} ${piece}`;
    else {
      lines.push(line);
      line = piece;
    }
  }
  if (line.length > 0) lines.push(line);
  return lines;
}

/** A number for people: integers as they are, others to `digits` decimals (trailing zeros kept). */
export function formatNumber(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return Number.isInteger(value) ? String(value) : value.toFixed(digits);
}

/** `n` followed by the singular or plural noun. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

/** A number rounded to 2 decimals, for SVG coordinates (keeps the markup short). */
export function px(value: number): string {
  return String(Math.round(value * 100) / 100);
}
