import type { Diagnosis, ElementDiagnosis } from '../../analysis/diagnose.js';
import type { Status } from '../../analysis/types.js';
import { escapeXml, px } from '../escape.js';
import { shortName } from '../shared.js';
import { STATUS_ORDER, STATUS_STYLE } from '../status.js';
import {
  confidenceGlyph,
  fitLines,
  hatchPattern,
  safePrefix,
  statusFill,
  statusGlyph,
  svgOpen,
  text,
  type SvgOptions,
} from './common.js';

/** Options of {@link modelSvg}. */
export interface ModelSvgOptions extends SvgOptions {
  /** Adds `tabindex="0"` to each element region, so keyboard users reach it (the web app). */
  readonly focusable?: boolean;
  /** The picture's title; default "Rose's model for <collaboration>". */
  readonly title?: string;
  /**
   * The address each element region links to (the web app's element page). Each region then
   * becomes a link named by its title (element, status, score, confidence), reached with Tab
   * and opened with Enter; the picture becomes a group, since an image has no working parts.
   */
  readonly elementHref?: (elementId: string) => string;
}

/** What {@link modelSvg} reads from a diagnosis. */
export type ModelSvgInput = Pick<Diagnosis, 'elements' | 'asOf'> & {
  readonly collaboration: Pick<Diagnosis['collaboration'], 'name'>;
};

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

const WIDTH = 1180;
const BOX_H = 86;
const GAP = 12;
const PAD = 14;
const MIN_BOX_W = 138;

/** Boxes for `count` elements in rows across `width`, each at least MIN_BOX_W wide. */
function rowLayout(
  x: number,
  y: number,
  width: number,
  count: number,
): { boxes: Rect[]; h: number } {
  if (count === 0) return { boxes: [], h: 0 };
  const perRow = Math.max(1, Math.min(count, Math.floor((width + GAP) / (MIN_BOX_W + GAP))));
  const w = (width - GAP * (perRow - 1)) / perRow;
  const boxes: Rect[] = [];
  for (let i = 0; i < count; i++) {
    const row = Math.floor(i / perRow);
    const col = i % perRow;
    boxes.push({ x: x + col * (w + GAP), y: y + row * (BOX_H + GAP), w, h: BOX_H });
  }
  const rows = Math.ceil(count / perRow);
  return { boxes, h: rows * BOX_H + (rows - 1) * GAP };
}

function regionRect(r: Rect, fill: string, stroke: string, extra = ''): string {
  return `<rect x="${px(r.x)}" y="${px(r.y)}" width="${px(r.w)}" height="${px(r.h)}" rx="10" fill="${fill}" stroke="${stroke}" stroke-width="1.5"${extra}/>`;
}

/** How an element region is reached: plain, focusable (`tabindex`), or a link. */
type Reach = { readonly focusable: boolean; readonly href?: (elementId: string) => string };

/** One element as a region: status colour, short name, status shape and word, score, confidence. */
function elementBox(el: ElementDiagnosis, r: Rect, prefix: string, reach: Reach): string {
  const style = STATUS_STYLE[el.status];
  const score = el.score === null ? 'no score' : `score ${el.score}`;
  const title = `${el.name}: ${style.label.toLowerCase()}; ${el.score === null ? 'no score' : `score ${el.score} of 100`}; confidence ${el.confidence.level}`;
  const names = fitLines(shortName(el), r.w - 20, 13, 2, true);
  const href = reach.href?.(el.id);
  // A link is named by its aria-label; the region inside it is then no separate image.
  const open =
    href === undefined
      ? ''
      : `<a class="wf-element-link" href="${escapeXml(href)}" aria-label="${escapeXml(title)}">`;
  const role = href === undefined ? ' role="img"' : '';
  const tabindex = href === undefined && reach.focusable ? ' tabindex="0"' : '';
  let out =
    open +
    `<g class="wf-element wf-status-${el.status}" data-element="${escapeXml(el.id)}" data-status="${el.status}"${role}${tabindex}>` +
    `<title>${escapeXml(title)}</title>` +
    `<rect x="${px(r.x)}" y="${px(r.y)}" width="${px(r.w)}" height="${px(r.h)}" rx="6" fill="${statusFill(el.status, prefix)}" stroke="${style.stroke}" stroke-width="1.5"/>`;
  names.forEach((line, i) => {
    out += text(r.x + 10, r.y + 20 + i * 16, line, { size: 13, weight: 'bold' });
  });
  out += statusGlyph(el.status, r.x + 17, r.y + r.h - 33, 6);
  out += text(r.x + 29, r.y + r.h - 29, style.word, { size: 12, weight: 'bold' });
  out += text(r.x + 10, r.y + r.h - 11, score, { size: 11.5 });
  // Bars at a fixed spot left of the longest level word ("medium"); the word right-aligned.
  out += confidenceGlyph(el.confidence.level, r.x + r.w - 80, r.y + r.h - 11);
  out += text(r.x + r.w - 10, r.y + r.h - 11, el.confidence.level, { size: 11.5, anchor: 'end' });
  return `${out}</g>${href === undefined ? '' : '</a>'}`;
}

/**
 * Rose's model drawn as nested regions, one rectangle per element coloured by its status and
 * marked with the status in words and as a shape: the policy context holds the local context,
 * which holds the personal context and the collaborative process side by side; a team-reasoning
 * band crosses the divide, joining the individual part (personal) and the group part (process).
 * Each element is a `<g data-element="<id>">` with a `<title>`, for the web app to attach clicks.
 * Deterministic; all text escaped.
 */
export function modelSvg(diagnosis: ModelSvgInput, options: ModelSvgOptions = {}): string {
  const prefix = safePrefix(options.idPrefix, 'wf-model');
  const reach: Reach = {
    focusable: options.focusable ?? false,
    ...(options.elementHref ? { href: options.elementHref } : {}),
  };
  const byContext = (context: string) => diagnosis.elements.filter((e) => e.context === context);
  const policyEls = byContext('policy');
  const localEls = byContext('local');
  const personalTr = diagnosis.elements.find((e) => e.id === 'personal.teamReasoning');
  const personalEls = byContext('personal').filter((e) => e !== personalTr);
  const processEls = byContext('process');
  const groupEls = byContext('process.teamReasoning');
  const placed = new Set([
    ...policyEls,
    ...localEls,
    ...personalEls,
    ...processEls,
    ...groupEls,
    ...(personalTr ? [personalTr] : []),
  ]);
  const otherEls = diagnosis.elements.filter((e) => !placed.has(e));

  const parts: string[] = [];
  const boxes: string[] = [];
  const place = (els: readonly ElementDiagnosis[], layout: { boxes: Rect[] }) => {
    els.forEach((el, i) => {
      const r = layout.boxes[i];
      if (r) boxes.push(elementBox(el, r, prefix, reach));
    });
  };

  // Policy context (outermost).
  const policy: Rect = { x: 8, y: 8, w: WIDTH - 16, h: 0 };
  let y = policy.y + 38;
  const policyRow = rowLayout(policy.x + PAD, y, policy.w - 2 * PAD, policyEls.length);
  place(policyEls, policyRow);
  y += policyRow.h + (policyRow.h > 0 ? 18 : 0);

  // Local context.
  const local: Rect = { x: policy.x + 22, y, w: policy.w - 44, h: 0 };
  y = local.y + 38;
  const localRow = rowLayout(local.x + PAD, y, local.w - 2 * PAD, localEls.length);
  place(localEls, localRow);
  y += localRow.h + (localRow.h > 0 ? 18 : 0);

  // Personal context and collaborative process, side by side.
  const innerX = local.x + 20;
  const innerW = local.w - 40;
  const personalW = Math.round(innerW * 0.32);
  const personal: Rect = { x: innerX, y, w: personalW, h: 0 };
  const process: Rect = { x: innerX + personalW + 20, y, w: innerW - personalW - 20, h: 0 };
  const rowY = y + 36;
  const personalRow = rowLayout(personal.x + PAD, rowY, personal.w - 2 * PAD, personalEls.length);
  const processRow = rowLayout(process.x + PAD, rowY, process.w - 2 * PAD, processEls.length);
  place(personalEls, personalRow);
  place(processEls, processRow);
  y = rowY + Math.max(personalRow.h, processRow.h) + 14;

  // The team-reasoning band across both.
  const band: Rect = {
    x: personal.x + 6,
    y,
    w: process.x + process.w - 6 - (personal.x + 6),
    h: 0,
  };
  const group: Rect = { x: process.x + PAD, y: band.y + 30, w: process.w - 2 * PAD, h: 0 };
  const groupRow = rowLayout(group.x + 10, group.y + 28, group.w - 20, groupEls.length);
  place(groupEls, groupRow);
  const bandRowH = Math.max(groupRow.h, personalTr ? BOX_H : 0);
  group.h = 28 + bandRowH + 10;
  if (personalTr) {
    boxes.push(
      elementBox(
        personalTr,
        { x: personal.x + PAD, y: group.y + 28, w: personal.w - 2 * PAD, h: BOX_H },
        prefix,
        reach,
      ),
    );
  }
  band.h = 30 + group.h + 10;
  y = band.y + band.h + 12;
  personal.h = y - personal.y;
  process.h = y - process.y;
  y += 16;
  local.h = y - local.y;
  y += 18;

  // Elements a deployment added under other parents.
  let otherTitleY = 0;
  if (otherEls.length > 0) {
    otherTitleY = y + 14;
    const otherRow = rowLayout(policy.x + PAD, y + 26, policy.w - 2 * PAD, otherEls.length);
    place(otherEls, otherRow);
    y += 26 + otherRow.h + 18;
  }
  policy.h = y - policy.y;

  parts.push(regionRect(policy, '#f4f4f4', '#4d4d4d'));
  parts.push(text(policy.x + 14, policy.y + 25, 'Policy context', { size: 16, weight: 'bold' }));
  parts.push(regionRect(local, '#fbfbfb', '#4d4d4d'));
  parts.push(text(local.x + 14, local.y + 25, 'Local context', { size: 16, weight: 'bold' }));
  parts.push(regionRect(personal, '#ffffff', '#4d4d4d'));
  parts.push(
    text(personal.x + 12, personal.y + 23, 'Personal context', { size: 15, weight: 'bold' }),
  );
  parts.push(regionRect(process, '#ffffff', '#4d4d4d'));
  parts.push(
    text(process.x + 12, process.y + 23, 'Collaborative process', { size: 15, weight: 'bold' }),
  );
  parts.push(regionRect(band, '#efe9f7', '#5e3c99', ' stroke-dasharray="7 4" fill-opacity="0.9"'));
  parts.push(
    text(
      band.x + 12,
      band.y + 20,
      'Team reasoning: the individual part (personal context) and the group part (collaborative process)',
      { size: 13, weight: 'bold', fill: '#3f2a6b' },
    ),
  );
  if (groupEls.length > 0) {
    parts.push(regionRect(group, '#f8f5fc', '#5e3c99'));
    parts.push(
      text(group.x + 10, group.y + 19, 'Team reasoning (group part)', {
        size: 12.5,
        weight: 'bold',
        fill: '#3f2a6b',
      }),
    );
  }
  if (otherEls.length > 0) {
    parts.push(text(policy.x + 14, otherTitleY, 'Other elements', { size: 14, weight: 'bold' }));
  }

  // Legend: status colours with their shapes and words, then the confidence bars.
  const legendY = policy.y + policy.h + 24;
  const legend: string[] = [text(8, legendY + 4, 'Status:', { size: 13, weight: 'bold' })];
  let lx = 70;
  for (const status of STATUS_ORDER) {
    const style = STATUS_STYLE[status];
    legend.push(
      `<rect x="${lx}" y="${legendY - 10}" width="26" height="20" rx="4" fill="${statusFill(status, prefix)}" stroke="${style.stroke}" stroke-width="1.2"/>`,
      statusGlyph(status, lx + 13, legendY, 6),
      text(lx + 32, legendY + 4, style.label, { size: 12.5 }),
    );
    lx += 44 + style.label.length * 7;
  }
  const confY = legendY + 30;
  legend.push(text(8, confY + 4, 'Confidence:', { size: 13, weight: 'bold' }));
  let cx = 104;
  for (const level of ['high', 'medium', 'low'] as const) {
    legend.push(
      confidenceGlyph(level, cx, confY + 5),
      text(cx + 18, confY + 4, level, { size: 12.5 }),
    );
    cx += 80;
  }
  legend.push(
    text(cx + 10, confY + 4, 'Score 0–100 from the element’s indicators with enough evidence.', {
      size: 12.5,
    }),
  );
  const height = confY + 22;

  const counts = new Map<Status, number>();
  for (const e of diagnosis.elements) counts.set(e.status, (counts.get(e.status) ?? 0) + 1);
  const summary = STATUS_ORDER.filter((s) => (counts.get(s) ?? 0) > 0)
    .map((s) => `${counts.get(s)} ${STATUS_STYLE[s].label.toLowerCase()}`)
    .join(', ');
  const title = options.title ?? `Rose’s model for ${diagnosis.collaboration.name}`;
  const desc =
    `The ${diagnosis.elements.length} elements of Rose’s model as nested regions, as of ${diagnosis.asOf}: ` +
    `the policy context holds the local context, which holds the personal context and the ` +
    `collaborative process side by side, joined by a team-reasoning band. ${summary}.`;

  let opening = svgOpen(prefix, WIDTH, height, title, desc, 'wf-model');
  // An image's children are presentational, so links inside one would be unreachable.
  if (reach.href) opening = opening.replace(' role="img" ', ' role="group" ');
  return (
    opening +
    `<defs>${hatchPattern(`${prefix}-hatch`, '#eeeeee', '#d0d0d0')}</defs>` +
    parts.join('') +
    boxes.join('') +
    legend.join('') +
    '</svg>'
  );
}
