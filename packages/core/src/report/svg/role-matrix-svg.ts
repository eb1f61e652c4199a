import type { RoleMap } from '../../analysis/role-map.js';
import { escapeXml, px, truncate } from '../escape.js';
import { capped } from '../shared.js';
import { INK } from '../status.js';
import { hatchPattern, safePrefix, svgOpen, text, type SvgOptions } from './common.js';

const CELL_W = 58;
const CELL_H = 26;
const OVERLAP_FILL = '#fdd9b5';

function claimMark(x: number, y: number): string {
  return `<rect x="${px(x - 5)}" y="${px(y - 5)}" width="10" height="10" fill="${INK}"/>`;
}
function seenMark(x: number, y: number, count: number): string {
  return (
    `<circle cx="${px(x)}" cy="${px(y)}" r="6" fill="#ffffff" stroke="${INK}" stroke-width="1.4"/>` +
    (count > 0
      ? text(x, y + 3.5, count > 9 ? '9+' : String(count), {
          size: count > 9 ? 7 : 9,
          weight: 'bold',
          anchor: 'middle',
        })
      : '')
  );
}
function performedMark(x: number, y: number): string {
  return `<polygon points="${px(x)},${px(y - 6)} ${px(x + 6)},${px(y + 5)} ${px(x - 6)},${px(y + 5)}" fill="${INK}"/>`;
}

/**
 * The role map as a members × responsibility areas matrix: in each cell a square where the
 * member claims the area, a circle (with how many colleagues) where others see them holding
 * it, and a triangle where they took part in work on it lately; the agreed lead's cell has a
 * heavy outline. Overlap columns are shaded and gap columns hatched, each also named in
 * words above the column. Deterministic; all text escaped.
 */
export function roleMatrixSvg(roleMap: RoleMap, options: SvgOptions = {}): string {
  const prefix = safePrefix(options.idPrefix, 'wf-roles');
  const { areas, members } = roleMap;
  const title = 'Role map: who claims, is seen to hold, and does each responsibility area';
  if (areas.length === 0 || members.length === 0) {
    const message =
      areas.length === 0 ? 'No responsibility areas recorded.' : 'No members in post.';
    return (
      svgOpen(prefix, 480, 40, title, message, 'wf-role-matrix') +
      text(12, 25, message, { size: 13 }) +
      '</svg>'
    );
  }

  const memberIndex = new Map(members.map((m, i) => [m.id, i]));
  const nameOf = (id: string) => members[memberIndex.get(id) ?? -1]?.displayName ?? id;
  const longestName = members.reduce((m, x) => Math.max(m, Math.min(26, x.displayName.length)), 6);
  const nameW = Math.max(110, Math.min(250, longestName * 7 + 16));
  const longestArea = areas.reduce((m, a) => Math.max(m, Math.min(28, a.name.length)), 4);
  const headerH = Math.max(60, Math.round(longestArea * 6.6 * Math.sin((55 * Math.PI) / 180)) + 20);
  const flagH = 20;
  const top = headerH + flagH;
  const gridW = areas.length * CELL_W;
  // Rotated headers lean right: leave room for the last one.
  const lean = Math.round(longestArea * 6.6 * Math.cos((55 * Math.PI) / 180));
  const width = Math.max(560, nameW + gridW + lean + 12);

  const parts: string[] = [];
  // Column backgrounds and headers.
  areas.forEach((area, ai) => {
    const x = nameW + ai * CELL_W;
    if (area.overlap || area.gap) {
      const fill = area.gap ? `url(#${prefix}-gap)` : OVERLAP_FILL;
      parts.push(
        `<rect x="${x}" y="${headerH}" width="${CELL_W}" height="${flagH + members.length * CELL_H}" fill="${fill}"/>`,
      );
    }
    const hx = x + CELL_W / 2;
    parts.push(
      `<g data-area="${escapeXml(area.id)}"><title>${escapeXml(area.name)}</title>` +
        text(hx, headerH - 8, truncate(area.name, 28), {
          size: 12,
          extra: `transform="rotate(-55 ${px(hx)} ${px(headerH - 8)})"`,
        }) +
        '</g>',
    );
    const flag = [area.gap ? 'gap' : null, area.overlap ? 'overlap' : null]
      .filter((f) => f !== null)
      .join('+');
    if (flag) {
      parts.push(text(hx, headerH + 14, flag, { size: 10, weight: 'bold', anchor: 'middle' }));
    }
  });

  // Rows.
  const seenCount = areas.map((area) => {
    const counts = new Map<string, number>();
    for (const p of area.perceivedBy) counts.set(p.targetId, (counts.get(p.targetId) ?? 0) + 1);
    return counts;
  });
  members.forEach((member, mi) => {
    const y = top + mi * CELL_H;
    if (mi % 2 === 1) {
      parts.push(
        `<rect x="0" y="${y}" width="${nameW + gridW}" height="${CELL_H}" fill="#000000" fill-opacity="0.05"/>`,
      );
    }
    parts.push(
      `<g data-member="${escapeXml(member.id)}"><title>${escapeXml(member.displayName)}</title>` +
        text(nameW - 8, y + CELL_H / 2 + 4, truncate(member.displayName, 26), {
          size: 12,
          anchor: 'end',
        }) +
        '</g>',
    );
    const claimed = new Set(member.claimed);
    const performed = new Set(member.performed);
    areas.forEach((area, ai) => {
      const x = nameW + ai * CELL_W;
      const cy = y + CELL_H / 2;
      const isClaimed = claimed.has(area.id);
      const seen = seenCount[ai]?.get(member.id) ?? 0;
      const did = performed.has(area.id);
      const lead = area.agreedLeadMemberId === member.id;
      if (!isClaimed && seen === 0 && !did && !lead) return;
      const notes = [
        isClaimed ? 'claims it' : 'does not claim it',
        seen > 0 ? `seen holding it by ${seen} colleague${seen === 1 ? '' : 's'}` : null,
        did ? 'took part in work on it in the window' : null,
        lead ? 'agreed lead' : null,
      ].filter((s) => s !== null);
      let cell = `<g class="wf-role-cell" data-member="${escapeXml(member.id)}" data-area="${escapeXml(area.id)}"><title>${escapeXml(`${member.displayName}, ${area.name}: ${notes.join('; ')}`)}</title>`;
      if (lead) {
        cell += `<rect x="${x + 2}" y="${y + 2}" width="${CELL_W - 4}" height="${CELL_H - 4}" fill="none" stroke="${INK}" stroke-width="2.5"/>`;
      }
      if (isClaimed) cell += claimMark(x + 13, cy);
      if (seen > 0) cell += seenMark(x + 29, cy, seen);
      if (did) cell += performedMark(x + 45, cy);
      parts.push(`${cell}</g>`);
    });
  });
  // Grid lines.
  const bottom = top + members.length * CELL_H;
  for (let ai = 0; ai <= areas.length; ai++) {
    const x = nameW + ai * CELL_W;
    parts.push(
      `<line x1="${x}" y1="${headerH}" x2="${x}" y2="${bottom}" stroke="#9e9e9e" stroke-width="0.6"/>`,
    );
  }
  parts.push(
    `<line x1="${nameW}" y1="${top}" x2="${nameW + gridW}" y2="${top}" stroke="#9e9e9e" stroke-width="0.6"/>`,
    `<line x1="${nameW}" y1="${bottom}" x2="${nameW + gridW}" y2="${bottom}" stroke="#9e9e9e" stroke-width="0.6"/>`,
  );

  // Legend.
  let y = bottom + 24;
  const legend: string[] = [
    claimMark(18, y),
    text(30, y + 4, 'claims the area', { size: 12 }),
    seenMark(150, y, 2),
    text(162, y + 4, 'seen holding it by n colleagues', { size: 12 }),
    performedMark(370, y),
    text(382, y + 4, 'took part in work on it', { size: 12 }),
  ];
  y += 24;
  legend.push(
    `<rect x="10" y="${y - 9}" width="18" height="16" fill="none" stroke="${INK}" stroke-width="2.5"/>`,
    text(34, y + 4, 'agreed lead', { size: 12 }),
    `<rect x="130" y="${y - 9}" width="18" height="16" fill="${OVERLAP_FILL}" stroke="#9e9e9e"/>`,
    text(154, y + 4, 'overlap: several professions, no agreed lead', { size: 12 }),
  );
  y += 24;
  legend.push(
    `<rect x="10" y="${y - 9}" width="18" height="16" fill="url(#${prefix}-gap)" stroke="#9e9e9e"/>`,
    text(34, y + 4, 'gap: nobody in post claims the area, or a need in it has no owner', {
      size: 12,
    }),
  );
  const height = y + 16;

  const listed = (names: string[]) => {
    const c = capped(names, 15);
    return c.shown.length === 0
      ? 'none'
      : c.shown.join(', ') + (c.more > 0 ? ` and ${c.more} more` : '');
  };
  const desc =
    `${members.length} members by ${areas.length} responsibility areas. ` +
    `Overlaps: ${listed(areas.filter((a) => a.overlap).map((a) => a.name))}. ` +
    `Gaps: ${listed(areas.filter((a) => a.gap).map((a) => a.name))}. ` +
    `Misperceived roles: ${listed(roleMap.misperceptions.map((m) => `${nameOf(m.perceiverId)} about ${nameOf(m.targetId)}`))}.`;

  return (
    svgOpen(prefix, width, height, title, desc, 'wf-role-matrix') +
    `<defs>${hatchPattern(`${prefix}-gap`, '#f1f1f1', '#c2c2c2')}</defs>` +
    parts.join('') +
    legend.join('') +
    '</svg>'
  );
}
