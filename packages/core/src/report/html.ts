import type { Diagnosis, ElementDiagnosis } from '../analysis/diagnose.js';
import type { NetworkReport } from '../analysis/networks.js';
import type { IndicatorResult } from '../analysis/types.js';
import { MODEL_NODES } from '../model/elements.js';
import { FROST_LEVELS, type FrostLevel } from '../model/taxonomies.js';
import { formatNumber } from './escape.js';
import { h, htmlDocument, statusBadge, table } from './html-parts.js';
import {
  attentionItems,
  capped,
  distinctCitations,
  elementsNeedingAttention,
  formatCitation,
  labelLookup,
  thousands,
} from './shared.js';
import { STATUS_ORDER, STATUS_STYLE } from './status.js';
import { frostLabel, frostMatrixSvg } from './svg/frost-matrix-svg.js';
import { modelSvg } from './svg/model-svg.js';
import { networkSvg } from './svg/network-svg.js';
import { roleMatrixSvg } from './svg/role-matrix-svg.js';

/** Options of {@link diagnosisHtml}. */
export interface DiagnosisHtmlOptions {
  /** Most ties drawn per network picture (the heaviest); default 2,000. */
  readonly maxTies?: number;
  /** Most rows in each network's per-node table (by betweenness); default 60. */
  readonly nodeRows?: number;
  /** Most evidence pointers listed per indicator; default 30. */
  readonly evidenceItems?: number;
}

const CONTEXT_NAMES = new Map(
  MODEL_NODES.filter((n) => n.kind !== 'element').map((n) => [n.id, n.name]),
);

function header(d: Diagnosis): string {
  const wave = d.wave
    ? `${h(d.wave.name)} (<code>${h(d.wave.id)}</code>, ${h(d.wave.mode)}, ${d.wave.respondents} respondent${d.wave.respondents === 1 ? '' : 's'})`
    : 'none';
  return (
    `<header><h1>Weframe diagnosis: ${h(d.collaboration.name)}</h1>` +
    (d.collaboration.fictional
      ? '<p class="fictional">Fictional sample data: the people, agencies and events are invented.</p>'
      : '') +
    '<dl class="meta">' +
    `<dt>As of</dt><dd>${h(d.asOf)} (every time window counts back from this date)</dd>` +
    `<dt>Survey wave</dt><dd>${wave}</dd>` +
    `<dt>Recorded team form</dt><dd>${h(d.collaboration.teamForm)}</dd>` +
    `<dt>Versions</dt><dd>model ${h(d.modelVersion)}, engine ${h(d.engineVersion)}, survey instrument ${h(d.instrumentVersion)}</dd>` +
    '</dl>' +
    '<nav class="toc" aria-label="Contents"><ol>' +
    [
      ['model', 'Rose’s model at a glance'],
      ['attention', 'Concerns and watch points'],
      ['networks', 'Networks'],
      ['roles', 'Roles'],
      ['frost', 'Frost levels'],
      ['team-form', 'Team form'],
      ['goals', 'Goals'],
      ['actions', 'All suggested actions'],
      ['thresholds', 'Thresholds used'],
    ]
      .map(([id, name]) => `<li><a href="#${id}">${h(name ?? '')}</a></li>`)
      .join('') +
    '</ol></nav></header>'
  );
}

function modelSection(d: Diagnosis, statusLegend: string): string {
  const rows = d.elements.map((e) => [
    h(CONTEXT_NAMES.get(e.context) ?? e.context),
    `${h(e.name)} <span class="muted small">(<code>${h(e.id)}</code>)</span>`,
    statusBadge(e.status),
    e.score === null ? '–' : String(e.score),
    h(e.confidence.level),
    `<span class="small">${h(e.confidence.reasons.join('; '))}</span>`,
  ]);
  return (
    '<section id="model" aria-labelledby="model-h"><h2 id="model-h" class="first">Rose’s model at a glance</h2>' +
    '<p>Each element of the model is a region coloured by its status; the status is also written in words and drawn as a shape. ' +
    'Scores run from 0 to 100 (strength 100, ok 75, watch 45, concern 15, averaged over the element’s indicators with enough evidence).</p>' +
    `<figure>${modelSvg(d, { idPrefix: 'model' })}<figcaption>Rose’s model for ${h(d.collaboration.name)}, as of ${h(d.asOf)}.</figcaption></figure>` +
    '<h3 id="model-table">Table view</h3>' +
    `<p class="small">Status marks: ${statusLegend}</p>` +
    table(
      'Every element with its status, score and confidence',
      ['Context', 'Element', 'Status', 'Score', 'Confidence', 'Why this confidence'],
      rows,
      [3],
    ) +
    '</section>'
  );
}

function indicatorBlock(
  ind: IndicatorResult,
  actions: readonly string[],
  evidenceItems: number,
): string {
  const ev = capped(ind.evidence, evidenceItems);
  const evidence =
    ev.shown.length === 0
      ? 'none listed'
      : '<ul class="evidence">' +
        ev.shown
          .map(
            (r) =>
              `<li><code>${h(r.id)}</code> <span class="muted">${h(r.collection ?? r.kind)}</span>${r.note ? ` – ${h(r.note)}` : ''}</li>`,
          )
          .join('') +
        (ev.more > 0 ? `<li>and ${ev.more} more</li>` : '') +
        '</ul>';
  const survey = ind.survey
    ? `<dt>Survey figure</dt><dd>${ind.survey.respondents} respondents; r<sub>wg(j)</sub> ${formatNumber(ind.survey.rwgJ)}; ` +
      (ind.survey.mean !== null
        ? `team mean ${formatNumber(ind.survey.mean)} on 1–5`
        : `no team mean (too few respondents or too little agreement)${ind.survey.distribution ? `; respondents by rounded mean 1–5: ${ind.survey.distribution.join(', ')}` : ''}`) +
      '</dd>'
    : '';
  const literature = ind.basis.map(formatCitation).join('; ');
  return (
    `<section class="indicator" aria-labelledby="ind-${h(ind.id)}"><h4 id="ind-${h(ind.id)}">${statusBadge(ind.status)} ${h(ind.name)} <span class="muted small">(<code>${h(ind.id)}</code>)</span></h4>` +
    `<p><strong>Finding:</strong> ${h(ind.finding)}</p><dl>` +
    `<dt>Value</dt><dd>${h(ind.display)}</dd>` +
    `<dt>Evidence base</dt><dd>n = ${ind.n} (at least ${ind.minimum} needed); level: ${h(ind.level)}</dd>` +
    `<dt>Rule</dt><dd>${ind.threshold ? `${h(ind.threshold.rule)} (threshold <code>${h(ind.threshold.id)}</code>)` : 'no adjustable threshold'}</dd>` +
    survey +
    `<dt>Evidence</dt><dd>${evidence}</dd>` +
    `<dt>Literature</dt><dd>${literature ? h(literature) : 'none listed'}</dd></dl>` +
    (actions.length > 0
      ? `<div class="actions"><strong>Suggested action${actions.length === 1 ? '' : 's'}:</strong><ul>${actions.map((a) => `<li>${h(a)}</li>`).join('')}</ul></div>`
      : '') +
    '</section>'
  );
}

function attentionSection(d: Diagnosis, evidenceItems: number): string {
  const elements = elementsNeedingAttention(d);
  const body =
    elements.length === 0
      ? '<p>No element is at concern or watch.</p>'
      : elements.map((e) => attentionArticle(e, evidenceItems)).join('');
  return (
    '<section id="attention" aria-labelledby="attention-h"><h2 id="attention-h">Concerns and watch points</h2>' +
    '<p>Most pressing first. Each finding lists the records, survey items and members it rests on, the rule that set its status, the literature behind it, and what to do next.</p>' +
    body +
    '</section>'
  );
}

function attentionArticle(e: ElementDiagnosis, evidenceItems: number): string {
  const items = attentionItems(e);
  const literature = distinctCitations(items.map((i) => i.indicator.basis));
  return (
    `<article class="attention status-border-${e.status}" aria-labelledby="el-${h(e.id)}" data-element="${h(e.id)}">` +
    `<h3 id="el-${h(e.id)}">${statusBadge(e.status)} ${h(e.name)} <span class="muted small">(<code>${h(e.id)}</code>)</span></h3>` +
    `<p class="small">Score ${e.score ?? '–'}; confidence ${h(e.confidence.level)}: ${h(e.confidence.reasons.join('; '))}.` +
    (literature.length > 0 ? ` Literature: ${h(literature.map(formatCitation).join('; '))}.` : '') +
    '</p>' +
    items
      .map((i) =>
        indicatorBlock(
          i.indicator,
          i.actions.map((a) => a.text),
          evidenceItems,
        ),
      )
      .join('') +
    '</article>'
  );
}

function networkSection(report: NetworkReport, nodeRows: number, maxTies: number): string {
  const isMembers = report.level === 'interProfessional';
  const id = isMembers ? 'net-members' : 'net-agencies';
  const title = isMembers ? 'Inter-professional network (members)' : 'Inter-agency network';
  const label = labelLookup(report.nodes);
  const m = report.measures;
  const names = (ids: readonly string[]) => {
    const c = capped(ids.map(label), 40);
    return c.shown.length === 0
      ? 'none'
      : h(c.shown.join(', ')) + (c.more > 0 ? ` and ${c.more} more` : '');
  };
  const measures = table(
    `Measures of the ${isMembers ? 'inter-professional' : 'inter-agency'} network`,
    ['Measure', 'Value'],
    [
      [isMembers ? 'Members' : 'Agencies', thousands(m.nodeCount)],
      ['Directed ties', thousands(m.tieCount)],
      ['Connected pairs (either direction)', thousands(m.undirectedTieCount)],
      ['Contact records in the window', thousands(report.contactsInWindow)],
      ['Density (directed)', formatNumber(m.density, 3)],
      ['Reciprocity', formatNumber(m.reciprocity, 3)],
      ['Degree centralization', formatNumber(m.degreeCentralization, 3)],
      ['Components', thousands(m.components.length)],
      [
        isMembers ? 'Key people (articulation points)' : 'Key agencies (articulation points)',
        names(m.articulationPoints),
      ],
      ['Isolates', names(m.isolates)],
      ['E-I index (ties across agencies vs within)', formatNumber(m.eiIndex.overall, 3)],
    ],
  );
  const keys = new Set(m.articulationPoints);
  const isolates = new Set(m.isolates);
  const sorted = [...report.nodes].sort(
    (a, b) =>
      (m.betweenness[b.id] ?? 0) - (m.betweenness[a.id] ?? 0) ||
      (a.label < b.label ? -1 : a.label > b.label ? 1 : 0),
  );
  const shown = capped(sorted, nodeRows);
  const nodeTable = table(
    shown.more > 0
      ? `The ${shown.shown.length} ${isMembers ? 'members' : 'agencies'} with the highest betweenness (of ${thousands(sorted.length)})`
      : `Every ${isMembers ? 'member' : 'agency'}, by betweenness`,
    [
      isMembers ? 'Member' : 'Agency',
      ...(isMembers ? ['Agency', 'Profession'] : []),
      'Ties in',
      'Ties out',
      'Betweenness',
      'Closeness',
      'Position',
    ],
    shown.shown.map((n) => [
      h(n.label),
      ...(isMembers ? [h(n.groupLabel), h(n.professionLabel ?? n.profession ?? '')] : []),
      String(m.inDegree[n.id] ?? 0),
      String(m.outDegree[n.id] ?? 0),
      formatNumber(m.betweenness[n.id] ?? 0, 3),
      formatNumber(m.closeness[n.id] ?? 0, 3),
      keys.has(n.id)
        ? `◆ ${isMembers ? 'key person' : 'key agency'}`
        : isolates.has(n.id)
          ? '○ isolate'
          : '',
    ]),
    isMembers ? [3, 4, 5, 6] : [1, 2, 3, 4],
  );
  return (
    `<section aria-labelledby="${id}-h"><h3 id="${id}-h">${h(title)}</h3>` +
    `<figure>${networkSvg(report, { idPrefix: id, maxTies })}<figcaption>${h(title)}. ${isMembers ? 'Members grouped by agency around the circle' : 'Agencies around the circle'}; key ${isMembers ? 'people' : 'agencies'} are diamonds, isolates dashed circles.${m.weights.length > maxTies ? ` Only the ${thousands(maxTies)} heaviest of ${thousands(m.weights.length)} ties are drawn; the measures use them all.` : ''}</figcaption></figure>` +
    measures +
    nodeTable +
    `<details><summary>How the network is built</summary><ul class="conventions">${report.conventions.map((c) => `<li>${h(c)}</li>`).join('')}</ul></details>` +
    '</section>'
  );
}

function rolesSection(d: Diagnosis): string {
  const rm = d.roleMap;
  const memberName = labelLookup(rm.members.map((m) => ({ id: m.id, label: m.displayName })));
  const areaName = labelLookup(rm.areas.map((a) => ({ id: a.id, label: a.name })));
  const list = (items: string[], empty: string) =>
    items.length === 0
      ? `<p>${h(empty)}</p>`
      : `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`;
  return (
    '<section id="roles" aria-labelledby="roles-h"><h2 id="roles-h">Roles</h2>' +
    `<figure>${roleMatrixSvg(rm, { idPrefix: 'roles' })}<figcaption>Who claims each responsibility area, who others see holding it, and who took part in work on it.</figcaption></figure>` +
    '<h3>Overlaps</h3>' +
    list(
      rm.overlaps.map(
        (o) =>
          `${h(areaName(o.areaId))}: claimed by ${h(o.memberIds.map(memberName).join(', '))}, with no agreed lead`,
      ),
      'No area is claimed by several professions without an agreed lead.',
    ) +
    '<h3>Gaps</h3>' +
    list(
      rm.gaps.map(
        (g) =>
          `${g.kind === 'need' ? 'Need' : 'Joint goal'} <code>${h(g.id)}</code>: ${h(g.description)}`,
      ),
      'Every need and joint goal has someone in post responsible for it.',
    ) +
    '<h3>Misperceived roles</h3>' +
    list(
      rm.misperceptions.map(
        (m) =>
          `${h(memberName(m.perceiverId))} sees ${h(memberName(m.targetId))} holding ${h(m.view.map(areaName).join(', ') || 'nothing')}; ` +
          `${h(memberName(m.targetId))} claims ${h(m.claim.map(areaName).join(', ') || 'nothing')} (overlap ${formatNumber(m.jaccard, 2)})`,
      ),
      'No member’s view of a colleague’s role is far from the colleague’s own account.',
    ) +
    '</section>'
  );
}

function frostSection(d: Diagnosis): string {
  const f = d.frost;
  const agencyDist: Record<FrostLevel, number> = {
    none: 0,
    cooperation: 0,
    collaboration: 0,
    coordination: 0,
  };
  for (const p of f.agencyPairs) agencyDist[p.level]++;
  return (
    '<section id="frost" aria-labelledby="frost-h"><h2 id="frost-h">Frost levels</h2>' +
    `<p>The group works at the level of <strong>${h(frostLabel(f.group.level))}</strong> (the lower median over member pairs with any contact; Frost 2005). ` +
    `${thousands(f.group.pairsWithContact)} of ${thousands(f.group.pairs)} member pairs have any contact in the window.</p>` +
    table(
      'Pairs at each level',
      ['Level', 'Member pairs', 'Agency pairs'],
      [...FROST_LEVELS]
        .reverse()
        .map((l) => [
          h(frostLabel(l)),
          thousands(f.group.distribution[l]),
          thousands(agencyDist[l]),
        ]),
      [1, 2],
    ) +
    `<figure>${frostMatrixSvg(f, { idPrefix: 'frost', memberNodes: d.networks.interProfessional.nodes, agencyNodes: d.networks.interAgency.nodes })}<figcaption>Frost level of every pair: 0 none yet, 1 cooperation, 2 collaboration, 3 coordination.</figcaption></figure>` +
    `<details><summary>How the levels are read</summary><ul class="conventions">${f.conventions.map((c) => `<li>${h(c)}</li>`).join('')}</ul></details>` +
    '</section>'
  );
}

function teamFormSection(d: Diagnosis): string {
  const t = d.teamForm;
  return (
    '<section id="team-form" aria-labelledby="team-form-h"><h2 id="team-form-h">Team form</h2>' +
    `<p>This collaboration works as a <strong>${h(t.label)}</strong>: score ${formatNumber(t.score, 2)} on a scale from 0 (a loose network meeting case by case) to 1 (a structured team). It is recorded as <code>${h(t.recorded)}</code>.</p>` +
    table(
      'What the score is made of (each input 0–1, the score is their mean)',
      ['Input', 'Value', 'What was found', 'Evidence'],
      t.inputs.map((i) => [
        h(i.label),
        formatNumber(i.value, 2),
        h(i.note),
        i.evidence.length === 0 ? '–' : i.evidence.map((r) => `<code>${h(r.id)}</code>`).join(' '),
      ]),
      [1],
    ) +
    '</section>'
  );
}

function goalsSection(d: Diagnosis): string {
  const g = d.goalAlignment;
  const statement = new Map<string, string>([
    ...g.jointGoals.map((j) => [j.id, j.statement] as const),
    ...g.goals.map((x) => [x.id, x.statement] as const),
  ]);
  const memberName = labelLookup(d.networks.interProfessional.nodes);
  const c = g.goalChoices;
  return (
    '<section id="goals" aria-labelledby="goals-h"><h2 id="goals-h">Goals</h2>' +
    (g.jointGoals.length === 0
      ? '<p>No joint goal is recorded.</p>'
      : table(
          'Joint goals',
          ['Goal', 'Agreed', 'Responsible'],
          g.jointGoals.map((j) => [
            `${h(j.statement)} <span class="muted small">(<code>${h(j.id)}</code>)</span>`,
            j.agreed ? `yes${j.agreedOn ? `, ${h(j.agreedOn)}` : ''}` : 'no',
            h(j.responsibleMemberIds.map(memberName).join(', ') || 'nobody named'),
          ]),
        )) +
    (g.unresolvedConflicts.length === 0
      ? '<p>No unresolved conflict between goals is recorded.</p>'
      : '<h3>Unresolved goal conflicts</h3><ul>' +
        g.unresolvedConflicts
          .map(
            (x) =>
              `<li>${h(statement.get(x.goalIds[0]) ?? x.goalIds[0])} (<code>${h(x.goalIds[0])}</code>) conflicts with ${h(statement.get(x.goalIds[1]) ?? x.goalIds[1])} (<code>${h(x.goalIds[1])}</code>)</li>`,
          )
          .join('') +
        '</ul>') +
    `<p>Goal question${c.waveId ? ` in wave <code>${h(c.waveId)}</code>` : ''}: ${c.answered} of ${c.respondents} respondents answered; ${c.recordedJointGoal} chose a recorded joint goal, ${c.joint - c.recordedJointGoal} another joint aim, ${c.agency} their own agency’s goal, ${c.other} something else.</p>` +
    '</section>'
  );
}

function actionsSection(d: Diagnosis): string {
  const seen = new Set<string>();
  const items: string[] = [];
  const order = new Map(STATUS_ORDER.map((s, i) => [s, i]));
  const names = new Map(d.elements.map((e) => [e.id, e.name]));
  const sorted = [...d.actions].sort(
    (a, b) => (order.get(a.status) ?? 9) - (order.get(b.status) ?? 9),
  );
  for (const a of sorted) {
    if (seen.has(a.text)) continue;
    seen.add(a.text);
    items.push(
      `<li>${statusBadge(a.status)} ${h(a.text)} <span class="muted small">(${h(names.get(a.element) ?? a.element)}: <code>${h(a.indicatorId)}</code>)</span></li>`,
    );
  }
  return (
    '<section id="actions" aria-labelledby="actions-h"><h2 id="actions-h">All suggested actions</h2>' +
    (items.length === 0 ? '<p>None.</p>' : `<ol>${items.join('')}</ol>`) +
    '</section>'
  );
}

/** Thresholds every indicator or element uses, described instead of listing users. */
const GLOBAL_THRESHOLDS: Readonly<Record<string, string>> = {
  'evidence.minimum': 'every indicator: the least evidence before a status is given',
  'confidence.high': 'every element’s confidence',
  'survey.agreement': 'every survey figure: below it the distribution is shown instead of the mean',
};

function thresholdsSection(d: Diagnosis): string {
  const usedBy = new Map<string, { ids: string[]; rules: Set<string> }>();
  for (const e of d.elements) {
    for (const i of e.indicators) {
      if (!i.threshold) continue;
      const entry = usedBy.get(i.threshold.id) ?? { ids: [], rules: new Set<string>() };
      entry.ids.push(i.id);
      entry.rules.add(i.threshold.rule);
      usedBy.set(i.threshold.id, entry);
    }
  }
  const rows = Object.entries(d.thresholds).map(([id, values]) => {
    const used = usedBy.get(id);
    return [
      `<code>${h(id)}</code>`,
      h(
        Object.entries(values as Record<string, number>)
          .map(([k, v]) => `${k} ${v}`)
          .join(', '),
      ),
      used ? h([...used.rules].join(' / ')) : '',
      used
        ? used.ids.map((x) => `<code>${h(x)}</code>`).join(' ')
        : h(GLOBAL_THRESHOLDS[id] ?? '–'),
    ];
  });
  return (
    '<section id="thresholds" aria-labelledby="thresholds-h"><h2 id="thresholds-h">Thresholds used</h2>' +
    '<p>Defaults unless the workspace changed them. Each indicator above names the threshold it used.</p>' +
    table('Thresholds', ['Threshold', 'Values', 'Rule', 'Used by'], rows) +
    '</section>'
  );
}

/**
 * The diagnosis as one standalone, print-friendly HTML file: inline CSS and SVG, no scripts,
 * nothing fetched. Header (collaboration, fictional-data note, as-of date, wave, versions),
 * the model picture with an equivalent table, every concern and watch point with its finding,
 * evidence, rule, literature and suggested actions, both networks with their measures, the
 * role matrix, Frost levels, team form, goals, all actions and the thresholds. All user text
 * is escaped.
 */
export function diagnosisHtml(d: Diagnosis, options: DiagnosisHtmlOptions = {}): string {
  const maxTies = options.maxTies ?? 2000;
  const nodeRows = options.nodeRows ?? 60;
  const evidenceItems = options.evidenceItems ?? 30;
  const statusLegend = STATUS_ORDER.map(
    (s) => `${statusBadge(s)} ${h(STATUS_STYLE[s].label)}`,
  ).join(' &nbsp; ');
  const body =
    header(d) +
    '<main>' +
    modelSection(d, statusLegend) +
    attentionSection(d, evidenceItems) +
    '<section id="networks" aria-labelledby="networks-h"><h2 id="networks-h">Networks</h2>' +
    '<p>Two levels, never merged: members tied by their contacts, and agencies tied by their members’ contacts and their formal relations.</p>' +
    networkSection(d.networks.interProfessional, nodeRows, maxTies) +
    networkSection(d.networks.interAgency, nodeRows, maxTies) +
    '</section>' +
    rolesSection(d) +
    frostSection(d) +
    teamFormSection(d) +
    goalsSection(d) +
    actionsSection(d) +
    thresholdsSection(d) +
    '</main>' +
    `<footer>Produced by Weframe (engine ${h(d.engineVersion)}, model ${h(d.modelVersion)}) from the records, survey answers and coded evidence of ${h(d.collaboration.name)} as of ${h(d.asOf)}. ` +
    'Every status rests on the evidence listed beside it; an element with too little evidence says so rather than guess.</footer>';
  return htmlDocument(`Weframe diagnosis: ${d.collaboration.name}`, body);
}
