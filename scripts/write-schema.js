// Writes the collaboration document's JSON Schema to docs/schema/; with --check, fails when
// the committed file differs from what the code generates.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { collaborationJsonSchema } from '@weframe/core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'docs', 'schema', 'collaboration.schema.json');
const generated = `${JSON.stringify(collaborationJsonSchema(), null, 2)}\n`;

if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(target, 'utf8');
  } catch {
    committed = '';
  }
  if (committed !== generated) {
    console.error(
      'docs/schema/collaboration.schema.json is out of date with the document schema: run `npm run schema:write` and commit it.',
    );
    process.exit(1);
  }
  console.log('JSON Schema is up to date.');
} else {
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, generated);
  console.log(`wrote ${target}`);
}
