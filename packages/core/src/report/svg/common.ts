import type { Status } from '../../analysis/types.js';
import type { Confidence } from '../../analysis/diagnose.js';
import { escapeXml, px, wrapWords } from '../escape.js';
import { INK, STATUS_STYLE } from '../status.js';

/** Fonts every picture uses: the reader's system fonts, so nothing is fetched. */
export const FONT_FAMILY =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/** Options every picture accepts. */
export interface SvgOptions {
  /**
   * Prefix of the ids inside the picture (title, description, patterns), so several pictures
   * can sit in one page; letters, digits, `-` and `_` only.
   */
  readonly idPrefix?: string;
}

/** An id prefix reduced to safe characters. */
export function safePrefix(prefix: string | undefined, fallback: string): string {
  const cleaned = (prefix ?? fallback).replace(/[^A-Za-z0-9_-]/g, '-');
  return /^[A-Za-z]/.test(cleaned) ? cleaned : `wf-${cleaned}`;
}

/**
 * The opening of an accessible picture: `role="img"` named by its title and described by its
 * description (both escaped), with the system font and ink colour.
 */
export function svgOpen(
  prefix: string,
  width: number,
  height: number,
  title: string,
  desc: string,
  className: string,
): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="${escapeXml(className)}" role="img" ` +
    `viewBox="0 0 ${px(width)} ${px(height)}" width="${px(width)}" height="${px(height)}" ` +
    `aria-labelledby="${prefix}-title ${prefix}-desc" font-family="${escapeXml(FONT_FAMILY)}" ` +
    `fill="${INK}">` +
    `<title id="${prefix}-title">${escapeXml(title)}</title>` +
    `<desc id="${prefix}-desc">${escapeXml(desc)}</desc>`
  );
}

/** Attributes of a text element. */
export interface TextAttrs {
  readonly size?: number;
  readonly weight?: 'bold' | 'normal';
  readonly anchor?: 'start' | 'middle' | 'end';
  readonly fill?: string;
  readonly extra?: string;
}

/** An escaped `<text>` element. */
export function text(x: number, y: number, content: string, attrs: TextAttrs = {}): string {
  const parts = [`x="${px(x)}"`, `y="${px(y)}"`];
  if (attrs.size !== undefined) parts.push(`font-size="${attrs.size}"`);
  if (attrs.weight === 'bold') parts.push('font-weight="bold"');
  if (attrs.anchor && attrs.anchor !== 'start') parts.push(`text-anchor="${attrs.anchor}"`);
  if (attrs.fill) parts.push(`fill="${attrs.fill}"`);
  if (attrs.extra) parts.push(attrs.extra);
  return `<text ${parts.join(' ')}>${escapeXml(content)}</text>`;
}

/** Lines of at most `maxWidth` pixels, at most `maxLines` of them (the last cut with "…"). */
export function fitLines(
  content: string,
  maxWidth: number,
  size: number,
  maxLines: number,
  bold = false,
): string[] {
  const width = Math.max(4, Math.floor(maxWidth / (size * (bold ? 0.6 : 0.55))));
  const lines = wrapWords(content, width);
  if (lines.length <= maxLines) return lines;
  const out = lines.slice(0, maxLines);
  const last = Array.from(out[maxLines - 1] ?? '');
  out[maxLines - 1] = `${last.slice(0, Math.min(last.length, width - 1)).join('')}…`;
  return out;
}

/**
 * The shape of a status, centred on (cx, cy) with radius r: a star for strength, a circle for
 * ok, a diamond for watch, a triangle for concern and a dashed square for insufficient — so a
 * status reads without its colour.
 */
export function statusGlyph(status: Status, cx: number, cy: number, r: number): string {
  const stroke = `stroke="${INK}" stroke-width="1.2"`;
  const bold = `stroke="${INK}" stroke-width="2"`;
  switch (status) {
    case 'strength': {
      const points: string[] = [];
      for (let k = 0; k < 10; k++) {
        const radius = k % 2 === 0 ? r : r * 0.45;
        const angle = -Math.PI / 2 + (k * Math.PI) / 5;
        points.push(`${px(cx + radius * Math.cos(angle))},${px(cy + radius * Math.sin(angle))}`);
      }
      return `<polygon points="${points.join(' ')}" fill="${INK}" ${stroke}/>`;
    }
    case 'ok':
      return `<circle cx="${px(cx)}" cy="${px(cy)}" r="${px(r * 0.8)}" fill="none" ${bold}/>`;
    case 'watch':
      return `<polygon points="${px(cx)},${px(cy - r)} ${px(cx + r)},${px(cy)} ${px(cx)},${px(cy + r)} ${px(cx - r)},${px(cy)}" fill="none" ${bold}/>`;
    case 'concern':
      return (
        `<polygon points="${px(cx)},${px(cy - r)} ${px(cx + r)},${px(cy + r * 0.85)} ${px(cx - r)},${px(cy + r * 0.85)}" fill="${INK}" ${stroke}/>` +
        `<text x="${px(cx)}" y="${px(cy + r * 0.7)}" font-size="${px(r * 1.25)}" font-weight="bold" text-anchor="middle" fill="#ffffff">!</text>`
      );
    case 'insufficient':
      return `<rect x="${px(cx - r * 0.8)}" y="${px(cy - r * 0.8)}" width="${px(r * 1.6)}" height="${px(r * 1.6)}" fill="none" ${stroke} stroke-dasharray="2 1.5"/>`;
  }
}

/** Bars for a confidence level: three rising bars, filled up to the level (low 1, medium 2, high 3). */
export function confidenceGlyph(level: Confidence['level'], x: number, baseline: number): string {
  const filled = level === 'high' ? 3 : level === 'medium' ? 2 : 1;
  let out = '';
  for (let k = 0; k < 3; k++) {
    const h = 4 + k * 3;
    const fill = k < filled ? INK : 'none';
    out += `<rect x="${px(x + k * 5)}" y="${px(baseline - h)}" width="3.5" height="${h}" fill="${fill}" stroke="${INK}" stroke-width="0.8"/>`;
  }
  return out;
}

/** A diagonal hatch pattern, for "insufficient evidence" and gaps. */
export function hatchPattern(id: string, background: string, line: string): string {
  return (
    `<pattern id="${id}" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
    `<rect width="8" height="8" fill="${background}"/>` +
    `<line x1="0" y1="0" x2="0" y2="8" stroke="${line}" stroke-width="2"/></pattern>`
  );
}

/** The fill of a status region: its colour, or the hatch for insufficient evidence. */
export function statusFill(status: Status, prefix: string): string {
  return status === 'insufficient' ? `url(#${prefix}-hatch)` : STATUS_STYLE[status].fill;
}
