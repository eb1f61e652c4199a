#!/usr/bin/env node
// Committed shim: npm links this bin at install time, before the TypeScript is built.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  console.error('weframe: the command is not built yet. Run `npm run build` (or `npm ci`) first.');
  process.exit(1);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv, process.env);
