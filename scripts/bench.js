// `npm run bench`: measures Weframe against baselines in the same run (PRODUCT.md quality
// targets) and writes docs/benchmarks.md. Whole processes are timed, as a user meets them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { suggestBenchmark, suggestBenchmarkMarkdown } from './bench-suggest.js';
import { dashboardBenchmark, dashboardRow } from './bench-dashboard.js';
import { join } from 'node:path';

const root = process.cwd();
const out = join(root, '.bench');
mkdirSync(out, { recursive: true });
const cli = join(root, 'packages', 'cli', 'bin', 'weframe.js');
const runs = Number(process.env.BENCH_RUNS ?? 5);

/** Runs a command under GNU time; returns wall seconds and peak resident memory in MB. */
function timed(command, args, { stdout } = {}) {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M', command, ...args], {
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
    stdio: ['ignore', stdout ? 'pipe' : 'ignore', 'pipe'],
  });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr}`);
  }
  const last = result.stderr.trim().split('\n').pop() ?? '';
  const [seconds, kb] = last.split(' ').map(Number);
  return { seconds, mb: kb / 1024, stdout: result.stdout };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function repeat(command, args, options) {
  const samples = Array.from({ length: runs }, () => timed(command, args, options));
  return {
    seconds: median(samples.map((s) => s.seconds)),
    mb: Math.max(...samples.map((s) => s.mb)),
    samples: samples.map((s) => s.seconds),
    stdout: samples[0]?.stdout,
  };
}

const rows = [];
const fmt = (n, d = 2) => Number(n).toFixed(d);

// 1. Analysis of the large collaboration against JSON.parse of the same file.
const large = join(out, 'large.json');
if (!existsSync(large)) {
  console.error('generating the large synthetic collaboration…');
  timed('node', [cli, 'generate', '--out', large]);
}
const sizeMb = readFileSync(large).length / 1e6;
console.error('timing JSON.parse baseline…');
const parse = repeat('node', [
  '-e',
  `JSON.parse(require('fs').readFileSync(${JSON.stringify(large)}, 'utf8'))`,
]);
console.error('timing weframe analyze…');
const analyze = repeat('node', [cli, 'analyze', large, '--format', 'json', '--out', '/dev/null']);
const analyzeRatio = analyze.seconds / parse.seconds;
rows.push({
  what: `analyze the large collaboration (${fmt(sizeMb, 1)} MB: 200 members, 40 agencies, 100,000 communications, 3 waves × 200 respondents × 60 items, 5,000 coded segments)`,
  measured: `${fmt(analyze.seconds)} s vs JSON.parse ${fmt(parse.seconds)} s = ${fmt(analyzeRatio)} ×; peak ${fmt(analyze.mb, 0)} MB`,
  target: '≤ 3 × parse; ≤ 500 MB',
  met: analyzeRatio <= 3 && analyze.mb <= 500,
});

// 2. Network measures against networkx on the same graphs, whole processes, equal results.
const python = '/usr/bin/python3';
const hasNetworkx = spawnSync(python, ['-c', 'import networkx'], { stdio: 'ignore' }).status === 0;
if (hasNetworkx) {
  const graphs = [
    { name: 'members of the large case', nodes: 200, ties: 100_000, groups: 40, seed: 11 },
    { name: 'sparse 1,000-node network', nodes: 1000, ties: 5_000, groups: 40, seed: 12 },
  ];
  for (const g of graphs) {
    const file = join(out, `graph-${g.seed}.json`);
    const make = spawnSync(
      'node',
      [
        '--input-type=module',
        '-e',
        `import { randomNetwork } from '@weframe/core'; import { writeFileSync } from 'node:fs';
         writeFileSync(${JSON.stringify(file)}, JSON.stringify(randomNetwork(${g.seed}, ${g.nodes}, ${g.ties}, ${g.groups})));`,
      ],
      { encoding: 'utf8' },
    );
    if (make.status !== 0) throw new Error(make.stderr);
    const script = join(root, 'packages', 'core', 'src', 'network', 'networkx-compare.py');
    const ours = repeat('node', [join(root, 'scripts', 'network-measures.js'), file], {
      stdout: true,
    });
    const theirs = repeat('sh', ['-c', `${python} ${script} < ${file}`], { stdout: true });
    const equal = sameMeasures(JSON.parse(ours.stdout), JSON.parse(theirs.stdout));
    const speedup = theirs.seconds / ours.seconds;
    rows.push({
      what: `network measures, ${g.name} (${g.nodes} nodes, ${g.ties.toLocaleString('en-GB')} contacts)`,
      measured: `${fmt(ours.seconds)} s vs networkx ${fmt(theirs.seconds)} s = ${fmt(speedup, 1)} × faster; results ${equal ? 'equal' : 'DIFFER'}`,
      target: '≥ 10 × faster, same results',
      met: speedup >= 10 && equal,
    });
  }
} else {
  rows.push({
    what: 'network measures against networkx',
    measured: 'not run: /usr/bin/python3 has no networkx (apt-get install python3-networkx)',
    target: '≥ 10 × faster, same results',
    met: false,
  });
}

/** Compares every measure networkx reports with ours, to 1e-9. */
function sameMeasures(a, b) {
  const close = (x, y) =>
    typeof x === 'number' && typeof y === 'number'
      ? Math.abs(x - y) <= 1e-9
      : JSON.stringify(x) === JSON.stringify(y);
  const keys = ['density', 'reciprocity', 'degreeCentralization', 'isolates', 'articulationPoints'];
  for (const k of keys) if (!close(a[k], b[k])) return false;
  for (const map of ['betweenness', 'closeness', 'inDegree', 'outDegree']) {
    for (const id of Object.keys(b[map] ?? {})) if (!close(a[map]?.[id], b[map][id])) return false;
  }
  return true;
}

// 3. The dashboard of the large collaboration in Chromium (scripts/bench-dashboard.js).
console.error('timing the dashboard of the large collaboration in Chromium…');
rows.push(dashboardRow(await dashboardBenchmark({ large })));

// 4. Auto-coding suggestions on the fictional coded interviews (a measurement, not a timing).
const suggest = await suggestBenchmark();

const cpu = cpus()[0]?.model ?? 'unknown CPU';
const machine = `${cpus().length} × ${cpu}, ${fmt(totalmem() / 2 ** 30, 0)} GiB, Node ${process.version}`;
const lines = [
  '# Benchmarks',
  '',
  'Written by `npm run bench`. Every figure is a ratio against a baseline measured in the same run',
  `on the same machine (median of ${runs} runs of whole processes, timed with GNU time; peak memory`,
  'is the largest resident set seen).',
  '',
  `Machine: ${machine}.`,
  '',
  '| what | measured | target | met |',
  '|---|---|---|---|',
  ...rows.map((r) => `| ${r.what} | ${r.measured} | ${r.target} | ${r.met ? 'yes' : 'no'} |`),
  '',
  suggestBenchmarkMarkdown(suggest),
  '',
];
writeFileSync(join(root, 'docs', 'benchmarks.md'), `${lines.join('\n')}`);
console.log(lines.join('\n'));
