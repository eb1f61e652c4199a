// Auto-coding benchmark: the suggester against the hand-coded fictional interviews in
// examples/interviews. Cold start on the two held-out interviews (aim: the top suggestion in
// the right class for ≥ 60 % of turns), then learning from the six tuning interviews' codings,
// evaluated on the held-out ones. Deterministic; nothing is timed.
//
//   node scripts/bench-suggest.js          readable summary
//   node scripts/bench-suggest.js --json   the figures as JSON
//   import { suggestBenchmark, suggestBenchmarkMarkdown } from './bench-suggest.js'
//
// Needs the built core (`npx tsc -b packages/core`, or any build of the CLI).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = new URL('../', import.meta.url);
const interviewsDir = new URL('examples/interviews/', root);
const coreSuggest = new URL('packages/core/dist/qualitative/suggest/index.js', root);

/** Reads the coded interviews named in examples/interviews/index.json. */
export function readInterviews(dir = interviewsDir) {
  const manifest = JSON.parse(readFileSync(new URL('index.json', dir), 'utf8'));
  return manifest.map((m) => ({
    name: m.name,
    heldOut: m.heldOut,
    text: readFileSync(new URL(`${m.name}.txt`, dir), 'utf8'),
    codes: JSON.parse(readFileSync(new URL(`${m.name}.codes.json`, dir), 'utf8')),
  }));
}

/**
 * Runs the benchmark and returns its figures (plain JSON): cold start on the held-out and
 * the tuning interviews, learning evaluated on the held-out ones, and the settings used.
 */
export async function suggestBenchmark() {
  if (!existsSync(fileURLToPath(coreSuggest))) {
    throw new Error('build the core first: npx tsc -b packages/core');
  }
  const { evaluateSuggestions, DEFAULT_SUGGEST_SETTINGS } = await import(coreSuggest.href);
  const figures = evaluateSuggestions(readInterviews());
  return {
    what: 'auto-coding suggestions on hand-coded fictional interviews (examples/interviews)',
    aim: 'cold start: top suggestion in the right class for ≥ 60 % of held-out interviewee turns',
    met: figures.coldStart.heldOut.classAccuracy >= 0.6,
    settings: DEFAULT_SUGGEST_SETTINGS,
    ...figures,
  };
}

const pct = (x) => (x === null || x === undefined ? '–' : `${(x * 100).toFixed(1)} %`);

/** The figures as a Markdown section for docs/benchmarks.md. */
export function suggestBenchmarkMarkdown(result) {
  const cold = result.coldStart.heldOut;
  const learned = result.learned.heldOut;
  const heldOut = result.interviews.filter((i) => i.heldOut);
  const lines = [
    '### Auto-coding suggestions',
    '',
    `Fixed data: ${result.interviews.length} fictional interviews written and coded by hand ` +
      `(one model element per interviewee turn); ${heldOut.map((i) => i.name).join(' and ')} ` +
      `(${cold.units} turns) are held out and used only here. Scored at the level of the five ` +
      'classes of ANALYSIS.md (top-1 suggestion), and per element.',
    '',
    '| measure (held-out turns) | cold start | learning from the tuning codings |',
    '| --- | --- | --- |',
    `| class accuracy = micro precision = micro recall (aim ≥ 60 % cold) | ${pct(cold.classAccuracy)} | ${pct(learned.classAccuracy)} |`,
    `| macro precision / recall | ${pct(cold.macro.precision)} / ${pct(cold.macro.recall)} | ${pct(learned.macro.precision)} / ${pct(learned.macro.recall)} |`,
  ];
  for (const c of Object.keys(cold.perClass)) {
    const a = cold.perClass[c];
    const b = learned.perClass[c];
    lines.push(
      `| ${c}: precision / recall (${a.actual} turns) | ${pct(a.precision)} / ${pct(a.recall)} | ${pct(b.precision)} / ${pct(b.recall)} |`,
    );
  }
  lines.push(
    `| element top-1 / top-3 | ${pct(cold.elementTop1)} / ${pct(cold.elementTop3)} | ${pct(learned.elementTop1)} / ${pct(learned.elementTop3)} |`,
    '',
    `Cold start on the ${result.coldStart.tuning.units} tuning turns (whose misses were used to ` +
      `extend the keyword lists, so not an unbiased figure): ${pct(result.coldStart.tuning.classAccuracy)}. ` +
      `Learning used ${result.learned.trainingExamples} coded turns.`,
  );
  return lines.join('\n');
}

/** A readable summary, per element included. */
function summary(result) {
  const lines = [
    suggestBenchmarkMarkdown(result),
    '',
    'Per element (held out): n, top-1 / top-3 cold → learned',
  ];
  const cold = result.coldStart.heldOut.perElement;
  const learned = result.learned.heldOut.perElement;
  for (const [element, c] of Object.entries(cold)) {
    const l = learned[element];
    lines.push(
      `  ${element.padEnd(38)} ${String(c.n).padStart(2)}  ${pct(c.top1)} / ${pct(c.top3)} → ${pct(l?.top1)} / ${pct(l?.top3)}`,
    );
  }
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await suggestBenchmark();
  console.log(process.argv.includes('--json') ? JSON.stringify(result, null, 2) : summary(result));
  if (!result.met) process.exitCode = 1;
}
