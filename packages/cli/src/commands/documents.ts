import { writeFile } from 'node:fs/promises';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { CliError, withStore, workspaceFor, type CliDeps, type Io } from '../context.js';
import { readDocumentFile } from '../read-document.js';
import { EXAMPLES_DIR } from '../paths.js';
import { ensureDemoOwner } from './user.js';
import { writeExchangeFile, type ExportFormat } from './qualitative-io.js';

/** `weframe validate FILE`. */
export async function validateCommand(file: string, io: Io): Promise<void> {
  const doc = await readDocumentFile(file);
  io.out(`${file}: valid (${doc.collaboration.name}, ${doc.members.length} members)`);
}

/** `weframe import FILE`: stores the document and prints the new collaboration's id. */
export async function importCommand(
  file: string,
  opts: { workspace?: string },
  deps: CliDeps,
  io: Io,
): Promise<void> {
  const doc = await readDocumentFile(file);
  await withStore(deps, async (store) => {
    const ws = await workspaceFor(store, opts.workspace);
    const { id } = await store.collaborations.importDocument(ws.id, doc, { actor: 'cli' });
    io.out(id);
  });
}

/** `weframe export ID [--format json|qdpx|qdc] [--out FILE]`. */
export async function exportCommand(
  id: string,
  opts: { out?: string; format?: ExportFormat },
  deps: CliDeps,
  io: Io,
): Promise<void> {
  await withStore(deps, async (store) => {
    const doc = await store.collaborations.exportDocument(id);
    if (!doc) throw new CliError(`no collaboration with id "${id}" (see \`weframe list\`)`);
    if (opts.format === 'qdpx' || opts.format === 'qdc')
      return writeExchangeFile(doc, opts.format, opts.out, io);
    const text = `${JSON.stringify(doc, null, 2)}\n`;
    if (opts.out) {
      await writeFile(opts.out, text);
      io.err(`wrote ${opts.out}`);
    } else {
      io.out(text.trimEnd());
    }
  });
}

/** `weframe list`: the stored collaborations, one a line. */
export async function listCommand(
  opts: { workspace?: string; json?: boolean },
  deps: CliDeps,
  io: Io,
): Promise<void> {
  await withStore(deps, async (store) => {
    const ws = await workspaceFor(store, opts.workspace);
    const rows = await store.collaborations.list(ws.id);
    if (opts.json) {
      io.out(JSON.stringify(rows, null, 2));
      return;
    }
    if (rows.length === 0) {
      io.out('No collaborations yet. Import one with `weframe import FILE`.');
      return;
    }
    for (const r of rows) {
      io.out(`${r.id}  ${r.name}  (${r.memberCount} members, ${r.agencyCount} agencies)`);
    }
  });
}

/** `weframe migrate`: brings the configured database's schema up to date. */
export async function migrateCommand(deps: CliDeps, io: Io): Promise<void> {
  // Opening the store applies any pending migration.
  const kind = await withStore(deps, (store) => Promise.resolve(store.kind));
  io.out(`database schema is up to date (${kind})`);
}

/** `weframe demo`: loads the sample collaborations into an empty workspace. */
export async function demoCommand(
  opts: { ifEmpty?: boolean; workspace?: string },
  deps: CliDeps,
  io: Io,
): Promise<void> {
  const files = (await readdir(EXAMPLES_DIR)).filter((f) => f.endsWith('.json')).sort();
  if (files.length === 0) throw new CliError(`no sample collaborations in ${EXAMPLES_DIR}`);
  const docs = await Promise.all(files.map((f) => readDocumentFile(join(EXAMPLES_DIR, f))));
  await withStore(deps, async (store) => {
    const ws = await workspaceFor(store, opts.workspace);
    const existing = await store.collaborations.count(ws.id);
    if (existing > 0) {
      if (opts.ifEmpty) {
        io.out(`The database already holds ${existing} collaboration(s); samples not loaded.`);
        await ensureDemoOwner(store, ws, io);
        return;
      }
      throw new CliError(
        `the workspace already holds ${existing} collaboration(s); demo loads samples only into an empty one`,
      );
    }
    for (const doc of docs) {
      const { id } = await store.collaborations.importDocument(ws.id, doc, { actor: 'demo' });
      io.out(`loaded ${doc.collaboration.name} as ${id}`);
    }
    await ensureDemoOwner(store, ws, io);
  });
}
