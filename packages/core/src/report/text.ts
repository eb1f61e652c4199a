import type { Diagnosis, ElementDiagnosis } from '../analysis/diagnose.js';
import type { NetworkReport } from '../analysis/networks.js';
import { MODEL_NODES } from '../model/elements.js';
import { FROST_LEVELS } from '../model/taxonomies.js';
import { truncate, wrapWords } from './escape.js';
import {
  attentionItems,
  capped,
  elementsNeedingAttention,
  labelLookup,
  thousands,
} from './shared.js';
import { STATUS_ORDER, STATUS_STYLE } from './status.js';
import { frostLabel } from './svg/frost-matrix-svg.js';

/** Widest line of the text report. */
export const TEXT_WIDTH = 100;

/** Lines of `text` wrapped to the report width: the first after `first`, the rest after `rest`. */
function wrapped(first: string, rest: string, body: string, width = TEXT_WIDTH): string[] {
  const lines = wrapWords(body, width - first.length);
  if (lines.length === 0) return [first.trimEnd()];
  const [head, ...tail] = lines;
  const out = [`${first}${head ?? ''}`];
  for (const line of wrapWords(tail.join(' '), width - rest.length)) out.push(`${rest}${line}`);
  return out;
}

/** One element's line of the tree: mark and word, name, score and confidence. */
function elementLine(prefix: string, e: ElementDiagnosis): string {
  const style = STATUS_STYLE[e.status];
  const left = `${prefix}${style.mark} ${style.word.padEnd(12)} `;
  const right = `  score ${(e.score === null ? '–' : String(e.score)).padStart(3)}  conf. ${e.confidence.level.padEnd(6)}`;
  const nameWidth = Math.max(10, TEXT_WIDTH - left.length - right.length);
  return `${left}${truncate(e.name, nameWidth).padEnd(nameWidth)}${right}`.trimEnd();
}

/** The nested contexts as an indented tree, each element with its mark, score and confidence. */
function modelTree(d: Diagnosis): string[] {
  const containers = MODEL_NODES.filter((n) => n.kind !== 'element');
  const containerIds = new Set(containers.map((n) => n.id));
  const lines: string[] = [];
  const walk = (id: string, name: string, prefix: string, childPrefix: string) => {
    lines.push(`${prefix}${name}`);
    const elements = d.elements.filter((e) => e.context === id);
    const subs = containers.filter((n) => n.parent === id);
    const count = elements.length + subs.length;
    let k = 0;
    for (const e of elements) {
      k++;
      lines.push(elementLine(`${childPrefix}${k === count ? '└─ ' : '├─ '}`, e));
    }
    for (const sub of subs) {
      k++;
      const last = k === count;
      walk(
        sub.id,
        sub.name,
        `${childPrefix}${last ? '└─ ' : '├─ '}`,
        `${childPrefix}${last ? '   ' : '│  '}`,
      );
    }
  };
  for (const root of containers.filter((n) => n.parent === null)) walk(root.id, root.name, '', '');
  const others = d.elements.filter((e) => !containerIds.has(e.context));
  if (others.length > 0) {
    lines.push('Other elements');
    others.forEach((e, i) => lines.push(elementLine(i === others.length - 1 ? '└─ ' : '├─ ', e)));
  }
  return lines;
}

/** Concerns and watch points: each indicator's finding, evidence, rule and suggested action. */
function attentionSection(d: Diagnosis): string[] {
  const lines: string[] = ['Concerns and watch points', '-------------------------'];
  const elements = elementsNeedingAttention(d);
  if (elements.length === 0) {
    lines.push('None: no element is at concern or watch.');
    return lines;
  }
  for (const e of elements) {
    const style = STATUS_STYLE[e.status];
    lines.push('');
    lines.push(
      ...wrapped(
        `${style.mark} `,
        '     ',
        `${e.name} (${e.id}): ${style.word}, score ${e.score ?? '–'}, confidence ${e.confidence.level} (${e.confidence.reasons.join('; ')})`,
      ),
    );
    for (const item of attentionItems(e)) {
      const ind = item.indicator;
      const istyle = STATUS_STYLE[ind.status];
      lines.push(
        ...wrapped(`     ${istyle.mark} `, '          ', `${ind.name} (${ind.id}): ${ind.display}`),
      );
      const pad = '          ';
      lines.push(...wrapped(`${pad}Finding: `, `${pad}  `, ind.finding));
      const ev = capped(
        ind.evidence.map((r) => r.id),
        12,
      );
      lines.push(
        ...wrapped(
          `${pad}Evidence: `,
          `${pad}  `,
          ev.shown.length === 0
            ? 'none listed'
            : ev.shown.join(', ') + (ev.more > 0 ? `, and ${ev.more} more` : ''),
        ),
      );
      lines.push(
        ...wrapped(
          `${pad}Rule: `,
          `${pad}  `,
          ind.threshold
            ? `${ind.threshold.rule} (threshold ${ind.threshold.id})`
            : `no adjustable threshold; evidence n = ${ind.n}, minimum ${ind.minimum}`,
        ),
      );
      for (const action of item.actions) {
        lines.push(...wrapped(`${pad}Action: `, `${pad}  `, action.text));
      }
    }
  }
  return lines;
}

function networkLines(name: string, report: NetworkReport): string[] {
  const label = labelLookup(report.nodes);
  const names = (ids: readonly string[]) => {
    const c = capped(ids.map(label), 8);
    return c.shown.length === 0
      ? 'none'
      : c.shown.join(', ') + (c.more > 0 ? `, and ${c.more} more` : '');
  };
  const m = report.measures;
  const noun = report.level === 'interProfessional' ? 'members' : 'agencies';
  const keys = report.level === 'interProfessional' ? 'key people' : 'key agencies';
  return wrapped(
    `${name}: `,
    '  ',
    `${thousands(m.nodeCount)} ${noun}, ${thousands(m.undirectedTieCount)} connected pairs, density ${m.density.toFixed(2)}, ` +
      `${m.components.length} component${m.components.length === 1 ? '' : 's'}; ${keys}: ${names(m.articulationPoints)}; isolates: ${names(m.isolates)}.`,
  );
}

/**
 * The diagnosis as plain text of at most 100 columns: a header (collaboration, as-of date,
 * wave, versions), the nested contexts as a tree with a mark and word per element (`[!!]
 * concern`, `[! ] watch`, `[ok] ok`, `[++] strength`, `[??] insufficient`), score and
 * confidence; then each concern and watch point with its finding, evidence, rule and
 * suggested actions; then the networks, the group's Frost level and the team form.
 */
export function diagnosisText(d: Diagnosis): string {
  const lines: string[] = [];
  lines.push(...wrapped('Weframe diagnosis: ', '  ', d.collaboration.name));
  if (d.collaboration.fictional) lines.push('Fictional sample data.');
  lines.push(
    ...wrapped(
      '',
      '',
      `As of ${d.asOf}. ` +
        (d.wave
          ? `Survey wave ${d.wave.id} “${d.wave.name}”: ${d.wave.mode}, ${d.wave.respondents} respondent${d.wave.respondents === 1 ? '' : 's'}.`
          : 'No survey wave.'),
    ),
  );
  lines.push(
    `Model ${d.modelVersion}, engine ${d.engineVersion}, survey instrument ${d.instrumentVersion}.`,
  );
  lines.push('');
  lines.push(
    `Marks: ${STATUS_ORDER.map((s) => `${STATUS_STYLE[s].mark} ${STATUS_STYLE[s].word}`).join('  ')}`,
  );
  lines.push(
    'Score 0-100 from the indicators with enough evidence; confidence high, medium or low.',
  );
  lines.push('');
  lines.push('Rose’s model', '------------');
  lines.push(...modelTree(d));
  lines.push('');
  lines.push(...attentionSection(d));
  lines.push('');
  lines.push('Networks', '--------');
  lines.push(...networkLines('Inter-professional', d.networks.interProfessional));
  lines.push(...networkLines('Inter-agency', d.networks.interAgency));
  lines.push('');
  lines.push('Frost level and team form', '-------------------------');
  const dist = d.frost.group.distribution;
  lines.push(
    ...wrapped(
      'Frost level of the group: ',
      '  ',
      `${frostLabel(d.frost.group.level)} (member pairs: ${FROST_LEVELS.map((l) => `${thousands(dist[l])} ${frostLabel(l).toLowerCase()}`).join(', ')}; ${thousands(d.frost.group.pairsWithContact)} of ${thousands(d.frost.group.pairs)} pairs with any contact).`,
    ),
  );
  lines.push(
    ...wrapped(
      'Team form: ',
      '  ',
      `${d.teamForm.label} (score ${d.teamForm.score.toFixed(2)} from 0 loose network to 1 structured team; recorded as ${d.teamForm.recorded}).`,
    ),
  );
  for (const input of d.teamForm.inputs) {
    lines.push(
      ...wrapped(`  ${input.label}: `, '    ', `${input.value.toFixed(2)}, ${input.note}`),
    );
  }
  return `${lines.map((l) => l.trimEnd()).join('\n')}\n`;
}
