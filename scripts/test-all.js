// Runs every suite (`npm test`, the PostgreSQL suite, the browser suite), then prints one
// line `N passed, N failed` summing them all. Exits non-zero if any suite failed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const outDir = join(process.cwd(), '.bench', 'test-results');
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

// PostgreSQL is used only by its own suite: `npm test` and the browser suite run on PGlite.
const pgUrl = process.env.WEFRAME_TEST_DATABASE_URL ?? process.env.DATABASE_URL;
const { DATABASE_URL: _ignored, ...baseEnv } = process.env;
const suites = [
  { name: 'test', script: 'test', env: baseEnv },
  { name: 'pg', script: 'test:pg', env: pgUrl ? { ...baseEnv, DATABASE_URL: pgUrl } : baseEnv },
  { name: 'e2e', script: 'test:e2e', env: baseEnv },
];

let passed = 0;
let failed = 0;
let skipped = 0;
let broken = false;
for (const suite of suites) {
  const file = join(outDir, `${suite.name}.json`);
  console.log(`\n── npm run ${suite.script} ──`);
  const run = spawnSync(
    'npm',
    [
      'run',
      suite.script,
      '--',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${file}`,
    ],
    { stdio: 'inherit', env: suite.env },
  );
  let report;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    report = null;
  }
  if (!report) {
    console.error(`suite ${suite.name} produced no results (exit ${run.status})`);
    failed += 1;
    broken = true;
    continue;
  }
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
  // A suite can fail outside any test (a file that does not load, a hook that throws).
  if (run.status !== 0 && report.numFailedTests === 0) {
    console.error(
      `suite ${suite.name} exited ${run.status} with no failing test: counted as one failure`,
    );
    failed += 1;
  }
  if (run.status !== 0) broken = true;
}
if (process.env.CI && skipped > 0) {
  console.error(`${skipped} test(s) were skipped; in CI nothing may be skipped.`);
  broken = true;
  failed += skipped;
  skipped = 0;
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(broken || failed > 0 ? 1 : 0);
