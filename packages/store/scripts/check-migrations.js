// Fails when src/schema.ts has drifted from the committed SQL migrations: runs
// `drizzle-kit generate` and checks it wrote nothing, then puts the folder back as it was.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const migrations = join(packageDir, 'migrations');

/** Every file under `dir`, by path relative to the package, with its bytes. */
function snapshot(dir) {
  const files = new Map();
  const walk = (d) => {
    let entries = [];
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const path = join(d, e.name);
      if (e.isDirectory()) walk(path);
      else files.set(relative(packageDir, path), readFileSync(path));
    }
  };
  walk(dir);
  return files;
}

const before = snapshot(migrations);
const run = spawnSync('npx', ['--no-install', 'drizzle-kit', 'generate'], {
  cwd: packageDir,
  encoding: 'utf8',
  // No terminal: drizzle-kit cannot ask about renames, so an ambiguous change fails here.
  stdio: ['ignore', 'pipe', 'pipe'],
});
const after = snapshot(migrations);

const added = [...after.keys()].filter((p) => !before.has(p));
const changed = [...after.keys()].filter(
  (p) => before.has(p) && !before.get(p).equals(after.get(p)),
);
const removed = [...before.keys()].filter((p) => !after.has(p));

// Put the tree back exactly as it was.
for (const p of added) rmSync(join(packageDir, p));
for (const p of [...changed, ...removed]) {
  mkdirSync(dirname(join(packageDir, p)), { recursive: true });
  writeFileSync(join(packageDir, p), before.get(p));
}

// drizzle-kit exits 0 even when it fails (e.g. wanting to ask about a rename), so a run
// counts as done only when it says it found no change or wrote a migration.
const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;
const finished = /No schema changes|Your SQL migration file/.test(output);
if (run.status !== 0 || !finished) {
  process.stderr.write(`${output}\n`);
  console.error(
    'db:check: drizzle-kit generate failed (above). If it wanted to ask about a rename, ' +
      'run `npm run db:generate -w @weframe/store` in a terminal and commit the result.',
  );
  process.exit(1);
}
const drift = [
  ...added.map((p) => `  new      ${p}`),
  ...changed.map((p) => `  changed  ${p}`),
  ...removed.map((p) => `  removed  ${p}`),
];
if (drift.length > 0) {
  console.error(
    'db:check: packages/store/src/schema.ts has changed since the migrations were generated.\n' +
      'drizzle-kit generate would write:\n' +
      `${drift.join('\n')}\n` +
      'Run `npm run db:generate -w @weframe/store` and commit the new migration.',
  );
  process.exit(1);
}
console.log('db:check: the migrations match the schema.');
