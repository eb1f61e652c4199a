import type { NetworkNodeInfo, NetworkReport } from '../../analysis/networks.js';
import type { EdgeListRow } from '../../network/types.js';
import { escapeXml, px, truncate } from '../escape.js';
import { capped, thousands } from '../shared.js';
import { INK } from '../status.js';
import { fitLines, safePrefix, svgOpen, text, type SvgOptions } from './common.js';

/** Options of {@link networkSvg}. */
export interface NetworkSvgOptions extends SvgOptions {
  /** Width (and height of the circle area) in pixels; default 820. */
  readonly width?: number;
  /** Most ties drawn; above it only the heaviest are drawn and the caption says so. Default 2,000. */
  readonly maxTies?: number;
  /**
   * Which nodes get a name beside them: `auto` (default) names every node up to 60 nodes and
   * only key nodes and isolates above; `all`, `key` or `none`.
   */
  readonly labels?: 'auto' | 'all' | 'key' | 'none';
  /** The picture's title; default "Inter-professional network" or "Inter-agency network". */
  readonly title?: string;
}

/** Colour-blind-safe colours (Okabe and Ito) for agencies; repeated groups also carry a number. */
export const GROUP_COLOURS = [
  '#E69F00',
  '#56B4E9',
  '#009E73',
  '#F0E442',
  '#0072B2',
  '#D55E00',
  '#CC79A7',
  '#999999',
] as const;

/** The words of one network level. */
function levelWords(level: NetworkReport['level']) {
  return level === 'interProfessional'
    ? {
        title: 'Inter-professional network',
        node: 'member',
        nodes: 'members',
        key: 'Key person',
        keys: 'key people',
        keyNote: 'the only link between parts of the network',
      }
    : {
        title: 'Inter-agency network',
        node: 'agency',
        nodes: 'agencies',
        key: 'Key agency',
        keys: 'key agencies',
        keyNote: 'the only link between parts of the network',
      };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Names in natural order ("Agency 2" before "Agency 10"), then by id, so the layout is stable. */
const byName = (a: { label: string; id: string }, b: { label: string; id: string }) =>
  a.label.localeCompare(b.label, 'en', { numeric: true, sensitivity: 'base' }) ||
  compare(a.id, b.id);

/** The heaviest `max` undirected ties (ties of equal weight in id order), and whether any were left out. */
export function heaviestTies(
  rows: readonly EdgeListRow[],
  max: number,
): { drawn: EdgeListRow[]; total: number } {
  const byWeight = (a: EdgeListRow, b: EdgeListRow) =>
    b.weight - a.weight || compare(a.source, b.source) || compare(a.target, b.target);
  const sorted = [...rows].sort(byWeight);
  return {
    drawn: sorted.length <= max ? sorted : sorted.slice(0, Math.max(0, max)),
    total: rows.length,
  };
}

interface Placed {
  readonly node: NetworkNodeInfo;
  readonly angle: number;
  readonly x: number;
  readonly y: number;
  readonly groupIndex: number;
}

/**
 * One level's network as a circle: nodes grouped by agency around it (agencies in name order,
 * a gap between them), ties as curves whose width grows with contacts. Key nodes (articulation
 * points) are diamonds with a thick outline and isolates hollow dashed circles, both named in
 * the legend, so neither rests on colour. Above `maxTies` undirected ties only the heaviest
 * are drawn, and the caption says so. Deterministic; all text escaped.
 */
export function networkSvg(report: NetworkReport, options: NetworkSvgOptions = {}): string {
  const words = levelWords(report.level);
  const prefix = safePrefix(options.idPrefix, `wf-net-${report.level}`);
  const width = Math.max(320, options.width ?? 820);
  const maxTies = options.maxTies ?? 2000;
  const title = options.title ?? words.title;
  const n = report.nodes.length;
  const isolates = new Set(report.measures.isolates);
  const keys = new Set(report.measures.articulationPoints);

  // Groups in name order; nodes in name order within them.
  const groups = new Map<string, { label: string; nodes: NetworkNodeInfo[] }>();
  for (const node of report.nodes) {
    const g = groups.get(node.group) ?? { label: node.groupLabel, nodes: [] };
    g.nodes.push(node);
    groups.set(node.group, g);
  }
  const groupList = [...groups.entries()].map(([id, g]) => ({ id, ...g })).sort(byName);
  for (const g of groupList) g.nodes.sort(byName);
  // Members are grouped by agency; agencies, each its own group, are not.
  const grouped = groupList.length > 1 && report.nodes.some((node) => node.group !== node.id);

  const labelMode = options.labels ?? 'auto';
  const labelled = (node: NetworkNodeInfo) => {
    const special = keys.has(node.id) || isolates.has(node.id);
    switch (labelMode) {
      case 'all':
        return true;
      case 'none':
        return false;
      case 'key':
        return special;
      case 'auto':
        return n <= 60 || (special && keys.size + isolates.size <= 40);
    }
  };
  // Small networks get horizontal labels of up to two lines; larger ones one radial line.
  const horizontal = n <= 16;
  const labelChars = horizontal ? 22 : 24;
  const labelLines = (label: string) =>
    horizontal ? fitLines(label, labelChars * 6.6, 12, 2) : [truncate(label, labelChars)];
  const longestLabel = report.nodes.reduce(
    (m, node) =>
      labelled(node) ? Math.max(m, ...labelLines(node.label).map((l) => Array.from(l).length)) : m,
    0,
  );
  const margin = longestLabel > 0 ? Math.max(60, longestLabel * 7.4 + 48) : 36;
  const radius = Math.max(60, width / 2 - margin);
  // Horizontal labels (small networks) need little room above and below the circle.
  const marginV = longestLabel > 0 && horizontal ? 72 : margin;
  const cx = width / 2;
  const cy = radius + marginV;
  const circleH = 2 * (radius + marginV);

  // Positions: one slot per node plus one empty slot between groups.
  const gapSlots = grouped ? groupList.length : 0;
  const slots = Math.max(1, n + gapSlots);
  const placed: Placed[] = [];
  const byId = new Map<string, Placed>();
  let slot = 0;
  groupList.forEach((g, groupIndex) => {
    for (const node of g.nodes) {
      const angle = -Math.PI / 2 + (2 * Math.PI * slot) / slots;
      const p: Placed = {
        node,
        angle,
        x: cx + radius * Math.cos(angle),
        y: cy + radius * Math.sin(angle),
        groupIndex,
      };
      placed.push(p);
      byId.set(node.id, p);
      slot++;
    }
    if (grouped) slot++;
  });
  const nodeR = Math.max(2.5, Math.min(9, ((2 * Math.PI * radius) / slots) * 0.32));
  const colourOf = (groupIndex: number) =>
    grouped ? (GROUP_COLOURS[groupIndex % GROUP_COLOURS.length] ?? '#999999') : '#7aa6c8';

  // Ties: the heaviest first, drawn lightest first so heavy ones sit on top.
  const rows = report.measures.weights.filter((r) => byId.has(r.source) && byId.has(r.target));
  const { drawn, total } = heaviestTies(rows, maxTies);
  const maxWeight = drawn.reduce((m, r) => Math.max(m, r.weight), 1);
  // Many ties: thinner and fainter lines, so the picture does not turn solid.
  const opacity = Math.max(0.06, Math.min(0.55, 120 / Math.max(1, drawn.length)));
  const widthScale = drawn.length > 300 ? 2 : 3.8;
  const tieParts: string[] = [];
  for (let i = drawn.length - 1; i >= 0; i--) {
    const row = drawn[i];
    if (!row) continue;
    const a = byId.get(row.source);
    const b = byId.get(row.target);
    if (!a || !b) continue;
    // Pull the curve towards the centre so ties across the circle stay apart from the rim.
    const qx = cx + ((a.x + b.x) / 2 - cx) * 0.35;
    const qy = cy + ((a.y + b.y) / 2 - cy) * 0.35;
    const w = (drawn.length > 300 ? 0.5 : 0.7) + widthScale * Math.sqrt(row.weight / maxWeight);
    tieParts.push(
      `<path d="M${px(a.x)} ${px(a.y)}Q${px(qx)} ${px(qy)} ${px(b.x)} ${px(b.y)}" stroke-width="${px(w)}"/>`,
    );
  }

  // Group arcs inside the ring, numbered like the legend.
  const arcParts: string[] = [];
  const groupNumbers: string[] = [];
  if (grouped) {
    // Arcs run just outside the ring, between the nodes and their names.
    const arcR = radius + nodeR * 1.5 + 5;
    const half = (Math.PI / slots) * 0.8;
    groupList.forEach((g, gi) => {
      const first = byId.get(g.nodes[0]?.id ?? '');
      const last = byId.get(g.nodes[g.nodes.length - 1]?.id ?? '');
      if (!first || !last) return;
      const a0 = first.angle - half;
      const a1 = last.angle + half;
      const large = a1 - a0 > Math.PI ? 1 : 0;
      // A one-member agency needs no arc: its number beside the node says enough.
      if (g.nodes.length > 1) {
        arcParts.push(
          `<path d="M${px(cx + arcR * Math.cos(a0))} ${px(cy + arcR * Math.sin(a0))}A${px(arcR)} ${px(arcR)} 0 ${large} 1 ${px(cx + arcR * Math.cos(a1))} ${px(cy + arcR * Math.sin(a1))}" fill="none" stroke="${colourOf(gi)}" stroke-width="4"/>`,
        );
      }
      const mid = (a0 + a1) / 2;
      const lr = radius - nodeR * 1.5 - 10;
      groupNumbers.push(
        text(cx + lr * Math.cos(mid), cy + lr * Math.sin(mid) + 4, String(gi + 1), {
          size: 11,
          weight: 'bold',
          anchor: 'middle',
        }),
      );
    });
  }

  // Nodes and labels.
  const nodeParts: string[] = [];
  const labelParts: string[] = [];
  for (const p of placed) {
    const { node } = p;
    const isKey = keys.has(node.id);
    const isIsolate = isolates.has(node.id);
    const inDeg = report.measures.inDegree[node.id] ?? 0;
    const outDeg = report.measures.outDegree[node.id] ?? 0;
    const notes = [
      node.group !== node.id ? node.groupLabel : null,
      node.professionLabel ?? null,
      `ties in ${inDeg}, out ${outDeg}`,
      isKey ? `${words.key.toLowerCase()}: ${words.keyNote}` : null,
      isIsolate ? 'isolate: no ties in the window' : null,
    ].filter((s): s is string => s !== null);
    const tip = `<title>${escapeXml(`${node.label} (${notes.join('; ')})`)}</title>`;
    const fill = colourOf(p.groupIndex);
    const kind = isKey ? 'key' : isIsolate ? 'isolate' : 'node';
    let shape: string;
    if (isKey) {
      const s = nodeR * 1.5;
      shape = `<polygon points="${px(p.x)},${px(p.y - s)} ${px(p.x + s)},${px(p.y)} ${px(p.x)},${px(p.y + s)} ${px(p.x - s)},${px(p.y)}" fill="${fill}" stroke="${INK}" stroke-width="2.5"/>`;
    } else if (isIsolate) {
      shape = `<circle cx="${px(p.x)}" cy="${px(p.y)}" r="${px(nodeR)}" fill="#ffffff" stroke="${INK}" stroke-width="1.8" stroke-dasharray="2.5 1.5"/>`;
    } else {
      shape = `<circle cx="${px(p.x)}" cy="${px(p.y)}" r="${px(nodeR)}" fill="${fill}" stroke="${INK}" stroke-width="0.8"/>`;
    }
    nodeParts.push(
      `<g class="wf-node wf-node-${kind}" data-node="${escapeXml(node.id)}">${tip}${shape}</g>`,
    );
    if (!labelled(node)) continue;
    const lines = labelLines(node.label);
    if (isKey) lines[lines.length - 1] += ' ◆';
    const label = lines[0] ?? '';
    const lr = radius + (grouped ? nodeR * 1.5 + 14 : nodeR * (isKey ? 1.5 : 1) + 7);
    const lx = cx + lr * Math.cos(p.angle);
    const ly = cy + lr * Math.sin(p.angle);
    const cos = Math.cos(p.angle);
    const weight = isKey ? 'bold' : 'normal';
    const size = n > 60 ? 10 : 12;
    if (horizontal) {
      const anchor = cos > 0.2 ? 'start' : cos < -0.2 ? 'end' : 'middle';
      const sin = Math.sin(p.angle);
      const lineH = size + 2;
      // Above the circle the lines stack upwards, below it downwards, at the sides centred.
      const top =
        sin > 0.5
          ? size
          : sin < -0.5
            ? -2 - (lines.length - 1) * lineH
            : size / 3 - ((lines.length - 1) * lineH) / 2;
      lines.forEach((line, k) => {
        labelParts.push(text(lx, ly + top + k * lineH, line, { size, weight, anchor }));
      });
    } else {
      const deg = (p.angle * 180) / Math.PI;
      const flip = cos < 0;
      labelParts.push(
        text(lx, ly, label, {
          size,
          weight,
          anchor: flip ? 'end' : 'start',
          extra: `dominant-baseline="middle" transform="rotate(${px(flip ? deg + 180 : deg)} ${px(lx)} ${px(ly)})"`,
        }),
      );
    }
  }

  // Legend and caption below the circle.
  const legend: string[] = [];
  let y = circleH + 8;
  let lx = 12;
  legend.push(
    `<circle cx="${lx + 7}" cy="${y}" r="6" fill="${colourOf(0)}" stroke="${INK}" stroke-width="0.8"/>`,
    text(lx + 18, y + 4, grouped ? `${words.node} (colour and number: agency)` : words.node, {
      size: 12,
    }),
  );
  lx += grouped ? 262 : 90;
  legend.push(
    `<polygon points="${lx + 7},${y - 8} ${lx + 15},${y} ${lx + 7},${y + 8} ${lx - 1},${y}" fill="#ffffff" stroke="${INK}" stroke-width="2.5"/>`,
    text(lx + 20, y + 4, `${words.key}: ${words.keyNote}`, { size: 12 }),
  );
  y += 22;
  lx = 12;
  legend.push(
    `<circle cx="${lx + 7}" cy="${y}" r="6" fill="#ffffff" stroke="${INK}" stroke-width="1.8" stroke-dasharray="2.5 1.5"/>`,
    text(lx + 18, y + 4, 'Isolate: no ties in the window', { size: 12 }),
    `<line x1="${lx + 230}" y1="${y}" x2="${lx + 262}" y2="${y}" stroke="#3b4a5a" stroke-width="1"/>`,
    `<line x1="${lx + 268}" y1="${y}" x2="${lx + 300}" y2="${y}" stroke="#3b4a5a" stroke-width="4"/>`,
    text(lx + 308, y + 4, 'thicker line: more contacts (either direction)', { size: 12 }),
  );
  y += 24;
  if (grouped) {
    const columns = Math.max(1, Math.min(groupList.length, Math.floor((width - 12) / 260)));
    const colW = (width - 12) / columns;
    const chars = Math.max(12, Math.floor((colW - 56) / 7.4));
    groupList.forEach((g, gi) => {
      const col = gi % columns;
      const row = Math.floor(gi / columns);
      const gx = 12 + col * colW;
      const gy = y + row * 20;
      legend.push(
        `<rect x="${px(gx)}" y="${gy - 9}" width="12" height="12" fill="${colourOf(gi)}" stroke="${INK}" stroke-width="0.6"/>`,
        text(gx + 17, gy + 2, `${gi + 1} ${truncate(g.label, chars)} (${g.nodes.length})`, {
          size: 12,
        }),
      );
    });
    y += Math.ceil(groupList.length / columns) * 20 + 4;
  }
  const connected = report.measures.undirectedTieCount;
  const captionParts = [
    `${thousands(n)} ${n === 1 ? words.node : words.nodes}` +
      (grouped ? ` in ${thousands(groupList.length)} agencies` : ''),
    `${thousands(connected)} connected pair${connected === 1 ? '' : 's'}`,
    `density ${report.measures.density.toFixed(2)}`,
    `${keys.size} ${keys.size === 1 ? words.key.toLowerCase() : words.keys}`,
    `${isolates.size} isolate${isolates.size === 1 ? '' : 's'}`,
  ];
  const caption = `${captionParts.join('; ')}.`;
  const truncation =
    drawn.length < total
      ? `Only the ${thousands(drawn.length)} heaviest of ${thousands(total)} ties are drawn.`
      : '';
  legend.push(text(12, y + 6, caption, { size: 12 }));
  if (truncation) {
    y += 18;
    legend.push(text(12, y + 6, truncation, { size: 12, weight: 'bold' }));
  }
  const height = y + 18;

  const keyNames = capped(
    placed.filter((p) => keys.has(p.node.id)).map((p) => p.node.label),
    20,
  );
  const isolateNames = capped(
    placed.filter((p) => isolates.has(p.node.id)).map((p) => p.node.label),
    20,
  );
  const listed = (c: { shown: readonly string[]; more: number }) =>
    c.shown.length === 0 ? 'none' : c.shown.join(', ') + (c.more > 0 ? ` and ${c.more} more` : '');
  const desc =
    `${caption}${truncation ? ` ${truncation}` : ''} ${words.key}s (${words.keyNote}): ${listed(keyNames)}. ` +
    `Isolates: ${listed(isolateNames)}.`;

  const empty =
    n === 0 ? text(cx, cy, `No ${words.nodes} to draw.`, { size: 14, anchor: 'middle' }) : '';
  return (
    svgOpen(prefix, width, height, title, desc, `wf-network wf-network-${report.level}`) +
    arcParts.join('') +
    `<g class="wf-ties" fill="none" stroke="#3b4a5a" stroke-opacity="${px(opacity)}" stroke-linecap="round">${tieParts.join('')}</g>` +
    groupNumbers.join('') +
    nodeParts.join('') +
    labelParts.join('') +
    empty +
    legend.join('') +
    '</svg>'
  );
}
