import { readFile, writeFile } from 'node:fs/promises';
import { CliError, withStore, workspaceFor, type CliDeps, type Io } from '../context.js';

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

/** `weframe workspace list`: every workspace with its collaborations and members. */
export async function workspaceListCommand(deps: CliDeps, io: Io): Promise<void> {
  await withStore(deps, async (store) => {
    await store.workspaces.ensureDefault();
    for (const ws of await store.workspaces.list({ includeArchived: true })) {
      const collaborations = await store.collaborations.count(ws.id, { includeArchived: true });
      const members = (await store.users.membersOf(ws.id)).length;
      io.out(
        `${ws.slug}  ${ws.name}  (${collaborations} collaboration(s), ${members} member(s))${ws.archivedAt ? '  archived' : ''}`,
      );
    }
  });
}

/** `weframe workspace create SLUG [--name N]`. */
export async function workspaceCreateCommand(
  slug: string,
  opts: { name?: string },
  deps: CliDeps,
  io: Io,
): Promise<void> {
  if (!SLUG.test(slug)) {
    throw new CliError(
      `"${slug}" is not a workspace slug: use lower-case letters, digits and hyphens`,
    );
  }
  await withStore(deps, async (store) => {
    const ws = await store.transaction(async (tx) => {
      const created = await tx.workspaces.create({ slug, name: opts.name ?? slug });
      await tx.audit.append(created.id, {
        actor: 'cli',
        action: 'workspace.create',
        targetKind: 'workspace',
        targetId: created.id,
        after: { slug: created.slug, name: created.name },
        at: new Date(),
      });
      return created;
    });
    io.out(`created workspace "${ws.slug}" (${ws.name})`);
  });
}

/**
 * `weframe workspace export [--workspace SLUG] [--out FILE]`: the whole workspace as one
 * JSON file — the backup, and the way to move to another server or database version.
 */
export async function workspaceExportCommand(
  opts: { workspace?: string; out?: string },
  deps: CliDeps,
  io: Io,
): Promise<void> {
  const { workspaceService, unsentMailer } = await import('@weframe/server');
  await withStore(deps, async (store) => {
    const ws = await workspaceFor(store, opts.workspace);
    const service = workspaceService({
      store,
      now: () => new Date(),
      mailer: unsentMailer(),
      publicUrl: undefined,
    });
    const data = await service.exportWorkspace('cli', ws);
    const text = `${JSON.stringify(data, null, 2)}\n`;
    if (opts.out) {
      // It holds confidential records: readable by its owner only.
      await writeFile(opts.out, text, { mode: 0o600 });
      io.err(
        `wrote ${opts.out}: workspace "${ws.slug}", ${data.collaborations.length} collaboration(s), ${data.audit.length} audit entries`,
      );
    } else {
      io.out(text.trimEnd());
    }
  });
}

/**
 * `weframe workspace import FILE --workspace SLUG`: restores an export into an empty
 * workspace (created, with the file's name, when there is none with that slug), in one
 * transaction; ids are kept and the import is one new audit entry.
 */
export async function workspaceImportCommand(
  file: string,
  opts: { workspace: string },
  deps: CliDeps,
  io: Io,
): Promise<void> {
  if (!SLUG.test(opts.workspace)) {
    throw new CliError(`"${opts.workspace}" is not a workspace slug`);
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new CliError(`${file}: no such file`);
  }
  let input: unknown;
  try {
    input = JSON.parse(text) as unknown;
  } catch (error) {
    throw new CliError(`${file}: not valid JSON (${error instanceof Error ? error.message : ''})`);
  }
  const { parseWorkspaceExport } = await import('@weframe/server');
  const parsed = parseWorkspaceExport(input);
  if (!parsed.ok) {
    throw new CliError(
      `${file}: ${parsed.issues.length} problem${parsed.issues.length === 1 ? '' : 's'}`,
      parsed.issues.map((i) => `${i.path}: ${i.message}`),
    );
  }
  const data = parsed.value;
  await withStore(deps, async (store) => {
    const { summary, created } = await store.transaction(async (tx) => {
      const existing = await tx.workspaces.bySlug(opts.workspace);
      const ws =
        existing ??
        (await tx.workspaces.create({ slug: opts.workspace, name: data.workspace.name }));
      const summary = await tx.workspaceArchive.importWorkspace(ws.id, data, {
        actor: 'cli',
        at: new Date(),
      });
      return { summary, created: !existing };
    });
    io.out(
      `imported into ${created ? 'new ' : ''}workspace "${opts.workspace}": ${summary.collaborations} collaboration(s), ${summary.records} record(s), ${summary.surveyLinks} survey link(s), ${summary.auditEntries} audit entries, ${summary.membershipsAdded} membership(s)`,
    );
    if (summary.usersCreated.length > 0) {
      io.out(
        `${summary.usersCreated.length} user(s) created without a password (passwords never leave a server):`,
      );
      for (const email of summary.usersCreated) io.out(`  ${email}`);
      io.out(
        'Give each access with `weframe user create --email E --password-stdin --role R --workspace S`, or an owner’s reset link.',
      );
    }
  });
}
