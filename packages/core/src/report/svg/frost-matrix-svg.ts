import type { FrostReport, PairLevel } from '../../analysis/frost.js';
import { FROST_LEVELS, FROST_TAXONOMY, type FrostLevel } from '../../model/taxonomies.js';
import { escapeXml, px, truncate } from '../escape.js';
import { thousands } from '../shared.js';
import { INK } from '../status.js';
import { safePrefix, svgOpen, text, type SvgOptions } from './common.js';

/** A node of the matrix: an id, its name and, for members, the agency to group by. */
export interface FrostMatrixNode {
  readonly id: string;
  readonly label: string;
  readonly group?: string;
  readonly groupLabel?: string;
}

/** Options of {@link frostMatrixSvg}. */
export interface FrostMatrixOptions extends SvgOptions {
  /** Members with their names (e.g. the inter-professional network's nodes); default: ids. */
  readonly memberNodes?: readonly FrostMatrixNode[];
  /** Agencies with their names (e.g. the inter-agency network's nodes); default: ids. */
  readonly agencyNodes?: readonly FrostMatrixNode[];
  /** Largest matrix drawn; above it the agency matrix is drawn instead. Default 60. */
  readonly maxNodes?: number;
}

/** Colours of the Frost levels (ColorBrewer green, dark text readable on each) and their digits. */
export const FROST_STYLE: Readonly<Record<FrostLevel, { fill: string; digit: string }>> = {
  none: { fill: '#f7f7f7', digit: '0' },
  cooperation: { fill: '#d9f0d3', digit: '1' },
  collaboration: { fill: '#a6dba0', digit: '2' },
  coordination: { fill: '#5aae61', digit: '3' },
};

/** The label of a Frost level, e.g. "None yet". */
export function frostLabel(level: FrostLevel): string {
  return FROST_TAXONOMY.find((t) => t.id === level)?.label ?? level;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Nodes of the matrix in agency then name order, with any id met in a pair but not listed. */
function orderedNodes(
  pairs: readonly PairLevel[],
  given: readonly FrostMatrixNode[] | undefined,
): FrostMatrixNode[] {
  const byId = new Map<string, FrostMatrixNode>();
  for (const node of given ?? []) byId.set(node.id, node);
  for (const p of pairs) {
    if (!byId.has(p.a)) byId.set(p.a, { id: p.a, label: p.a });
    if (!byId.has(p.b)) byId.set(p.b, { id: p.b, label: p.b });
  }
  return [...byId.values()].sort(
    (x, y) =>
      compare((x.groupLabel ?? '').toLowerCase(), (y.groupLabel ?? '').toLowerCase()) ||
      compare(x.label.toLowerCase(), y.label.toLowerCase()) ||
      compare(x.id, y.id),
  );
}

/**
 * Frost levels (Frost 2005) as a picture: bars of how many member pairs sit at each level,
 * then a lower-triangle matrix of pairs, each cell shaded by level and carrying its digit
 * (0 none yet, 1 cooperation, 2 collaboration, 3 coordination) with a corner mark for an
 * unresolved goal conflict. Members are drawn up to `maxNodes`; beyond, agency pairs instead,
 * and the caption says so. Deterministic; all text escaped.
 */
export function frostMatrixSvg(frost: FrostReport, options: FrostMatrixOptions = {}): string {
  const prefix = safePrefix(options.idPrefix, 'wf-frost');
  const maxNodes = options.maxNodes ?? 60;
  const memberNodes = orderedNodes(frost.memberPairs, options.memberNodes);
  const agencyNodes = orderedNodes(frost.agencyPairs, options.agencyNodes);
  let level: 'members' | 'agencies' | null = 'members';
  let note = '';
  if (memberNodes.length > maxNodes) {
    level = agencyNodes.length <= maxNodes && agencyNodes.length > 1 ? 'agencies' : null;
    note =
      level === 'agencies'
        ? `${thousands(memberNodes.length)} members are too many to draw pair by pair: the matrix shows agency pairs.`
        : `${thousands(memberNodes.length)} members are too many to draw pair by pair.`;
  }
  const nodes = level === 'members' ? memberNodes : level === 'agencies' ? agencyNodes : [];
  const pairs =
    level === 'members' ? frost.memberPairs : level === 'agencies' ? frost.agencyPairs : [];

  const parts: string[] = [];
  // Distribution bars.
  const dist = frost.group.distribution;
  const maxCount = Math.max(1, ...FROST_LEVELS.map((l) => dist[l]));
  let y = 22;
  parts.push(
    text(10, y, `Member pairs by Frost level (group level: ${frostLabel(frost.group.level)})`, {
      size: 13,
      weight: 'bold',
    }),
  );
  y += 10;
  for (const lvl of [...FROST_LEVELS].reverse()) {
    const w = Math.max(dist[lvl] > 0 ? 2 : 0, (dist[lvl] / maxCount) * 300);
    parts.push(
      text(150, y + 14, `${FROST_STYLE[lvl].digit} ${frostLabel(lvl)}`, {
        size: 12,
        anchor: 'end',
      }),
      `<rect x="158" y="${y + 3}" width="${px(w)}" height="14" fill="${FROST_STYLE[lvl].fill}" stroke="${INK}" stroke-width="0.8"/>`,
      text(164 + w, y + 14, thousands(dist[lvl]), { size: 12 }),
    );
    y += 20;
  }
  y += 6;
  parts.push(
    text(
      10,
      y + 8,
      `${thousands(frost.group.pairsWithContact)} of ${thousands(frost.group.pairs)} pairs have any contact in the window.`,
      { size: 12 },
    ),
  );
  y += 20;
  if (note) {
    parts.push(text(10, y + 8, note, { size: 12, weight: 'bold' }));
    y += 20;
  }

  let width = 640;
  if (nodes.length > 1) {
    const index = new Map(nodes.map((n, i) => [n.id, i]));
    const cell = Math.max(12, Math.min(26, Math.floor(640 / nodes.length)));
    const longest = nodes.reduce((m, n) => Math.max(m, Math.min(24, n.label.length)), 4);
    const labelW = Math.max(90, longest * 6.6 + 14);
    const size = cell < 18 ? 9 : 11;
    const top = y + Math.round(longest * 6.2 * Math.sin((55 * Math.PI) / 180)) + 20;
    const left = labelW;
    width = Math.max(width, left + nodes.length * cell + 30);
    // Row labels (all but the first) and column labels (all but the last): a lower triangle.
    nodes.forEach((node, i) => {
      if (i > 0) {
        parts.push(
          text(left - 6, top + (i - 1) * cell + cell / 2 + 4, truncate(node.label, 24), {
            size,
            anchor: 'end',
          }),
        );
      }
      if (i < nodes.length - 1) {
        const cx = left + i * cell + cell / 2;
        parts.push(
          text(cx, top - 6, truncate(node.label, 24), {
            size,
            extra: `transform="rotate(-55 ${px(cx)} ${px(top - 6)})"`,
          }),
        );
      }
    });
    for (const pair of pairs) {
      const i = index.get(pair.a);
      const j = index.get(pair.b);
      if (i === undefined || j === undefined || i === j) continue;
      const row = Math.max(i, j);
      const col = Math.min(i, j);
      const x = left + col * cell;
      const cy = top + (row - 1) * cell;
      const style = FROST_STYLE[pair.level];
      const a = nodes[i]?.label ?? pair.a;
      const b = nodes[j]?.label ?? pair.b;
      const flagged = pair.flags.length > 0;
      const tip = `${a} and ${b}: ${frostLabel(pair.level)}. ${pair.reasons.join('; ')}${flagged ? `. Flag: ${pair.flags.join('; ')}` : ''}`;
      let g =
        `<g class="wf-frost-cell" data-a="${escapeXml(pair.a)}" data-b="${escapeXml(pair.b)}" data-level="${pair.level}"><title>${escapeXml(tip)}</title>` +
        `<rect x="${px(x)}" y="${px(cy)}" width="${cell}" height="${cell}" fill="${style.fill}" stroke="#ffffff" stroke-width="1"/>`;
      if (pair.level !== 'none' || cell >= 18) {
        g += text(x + cell / 2, cy + cell / 2 + size / 3, style.digit, {
          size,
          anchor: 'middle',
          fill: pair.level === 'none' ? '#6b6b6b' : INK,
        });
      }
      if (flagged) {
        g += `<polygon points="${px(x + cell - 8)},${px(cy)} ${px(x + cell)},${px(cy)} ${px(x + cell)},${px(cy + 8)}" fill="${INK}"/>`;
      }
      parts.push(`${g}</g>`);
    }
    y = top + (nodes.length - 1) * cell + 24;
    parts.push(
      `<polygon points="10,${y - 10} 20,${y - 10} 20,${y}" fill="${INK}"/>`,
      text(
        26,
        y,
        'corner mark: an unresolved goal conflict between the two (never changes the level)',
        {
          size: 12,
        },
      ),
    );
    y += 20;
    parts.push(
      text(10, y, 'Digits: 0 none yet, 1 cooperation, 2 collaboration, 3 coordination.', {
        size: 12,
      }),
    );
    y += 10;
  }
  const height = y + 10;
  const subject = level === 'agencies' ? 'agency pairs' : 'member pairs';
  const title = `Frost levels of ${subject}`;
  const desc =
    `Group level ${frostLabel(frost.group.level)}. Member pairs: ` +
    FROST_LEVELS.map((l) => `${dist[l]} ${frostLabel(l).toLowerCase()}`).join(', ') +
    `. ${frost.group.pairsWithContact} of ${frost.group.pairs} pairs have any contact.${note ? ` ${note}` : ''}`;
  return svgOpen(prefix, width, height, title, desc, 'wf-frost') + parts.join('') + '</svg>';
}
