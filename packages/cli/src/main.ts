import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { CliError, configFrom, openConfiguredStore, type CliDeps, type Io } from './context.js';
import {
  demoCommand,
  exportCommand,
  listCommand,
  migrateCommand,
  validateCommand,
} from './commands/documents.js';
import {
  EXPORT_FORMATS,
  SOURCE_KINDS,
  importAnyCommand,
  type ExportFormat,
  type ImportOptions,
} from './commands/qualitative-io.js';
import { ANALYZE_FORMATS, analyzeCommand, type AnalyzeOptions } from './commands/analyze.js';
import { generateCommand } from './commands/generate.js';
import type { UserCreateOptions } from './commands/user.js';
import {
  AGREEMENT_FORMATS,
  AGREEMENT_UNITS,
  agreementCommand,
  type AgreementOptions,
} from './commands/agreement.js';

const processIo: Io = {
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
};

function count(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('must be a whole number');
  return n;
}

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw new InvalidArgumentError('must be a whole number from 0 to 65535');
  }
  return n;
}

/** Builds the `weframe` command tree. */
export function buildProgram(
  env: Record<string, string | undefined>,
  io: Io,
  overrides: Partial<CliDeps> = {},
): Command {
  const program = new Command('weframe')
    .description('Diagnose multi-agency collaboration in children’s services along Rose’s model.')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
    .exitOverride();
  const deps: CliDeps = {
    config: overrides.config ?? (() => configFrom(env)),
    openStore: overrides.openStore ?? openConfiguredStore,
  };

  program
    .command('validate')
    .description('check a collaboration document; lists every problem with its path')
    .argument('<file>', 'a collaboration document (JSON)')
    .action((file: string) => validateCommand(file, io));
  program
    .command('import')
    .description(
      'store a collaboration document (prints its id), or add the sources, codes and codings of a .qdpx, .qdc, .docx, .txt or .md file to a stored collaboration',
    )
    .argument('<file>', 'a collaboration document (JSON), REFI-QDA .qdpx/.qdc, .docx, .txt or .md')
    .option('--workspace <slug>', 'workspace to import into', 'default')
    .option('--collaboration <id>', 'the stored collaboration to add sources to')
    .addOption(
      new Option(
        '--kind <kind>',
        'kind of the new sources (default interview; .qdpx: document)',
      ).choices(SOURCE_KINDS),
    )
    .option('--title <title>', 'title of the new source (default: the file name)')
    .action((file: string, opts: ImportOptions) => importAnyCommand(file, opts, deps, io));
  program
    .command('export')
    .description('write a stored collaboration back out as a document, or as REFI-QDA')
    .argument('<id>', 'the collaboration’s id (see `weframe list`)')
    .addOption(
      new Option('--format <format>', 'output format').choices(EXPORT_FORMATS).default('json'),
    )
    .option('--out <file>', 'write to a file instead of standard output')
    .action((id: string, opts: { out?: string; format?: ExportFormat }) =>
      exportCommand(id, opts, deps, io),
    );
  program
    .command('list')
    .description('list the stored collaborations')
    .option('--workspace <slug>', 'workspace to list', 'default')
    .option('--json', 'print JSON')
    .action((opts: { workspace?: string; json?: boolean }) => listCommand(opts, deps, io));
  program
    .command('serve')
    .description('run the web app and HTTP API')
    .option('--port <n>', 'port to listen on (default 8080, or PORT)', port)
    .option('--host <address>', 'address to listen on (default 127.0.0.1, or HOST)')
    .action((opts: { port?: number; host?: string }) =>
      import('./commands/serve.js').then((m) => m.serveCommand(opts, deps, io)),
    );
  program
    .command('demo')
    .description('load the fictional sample collaborations into an empty database')
    .option('--if-empty', 'do nothing (and succeed) when collaborations already exist')
    .option('--workspace <slug>', 'workspace to load into', 'default')
    .action((opts: { ifEmpty?: boolean; workspace?: string }) => demoCommand(opts, deps, io));
  program
    .command('generate')
    .description('write a synthetic, fictional collaboration document (deterministic per seed)')
    .option('--members <n>', 'members (default 200)', count)
    .option('--agencies <n>', 'agencies (default 40)', count)
    .option('--communications <n>', 'communications (default 100000)', count)
    .option('--waves <n>', 'survey waves (default 3)', count)
    .option('--respondents <n>', 'respondents per wave (default 200)', count)
    .option('--items <n>', 'survey items answered (default 60)', count)
    .option('--segments <n>', 'coded segments (default 5000)', count)
    .option('--seed <n>', 'random seed (default 1)', count)
    .option('--out <file>', 'write to a file instead of standard output')
    .action((opts: Record<string, number | string | undefined>) => generateCommand(opts, io));
  program
    .command('analyze')
    .description(
      'diagnose a collaboration along Rose’s model: text, JSON or a standalone HTML report',
    )
    .argument('<target>', 'a collaboration document (JSON file) or a stored collaboration’s id')
    .addOption(
      new Option('--format <format>', 'output format').choices(ANALYZE_FORMATS).default('text'),
    )
    .option('--out <file>', 'write to a file instead of standard output')
    .option('--wave <id>', 'survey wave the survey figures come from (default: the latest)')
    .option('--compare <waves...>', 'show the change between two waves: --compare W1 W2')
    .option('--as-of <date>', 'date the time windows count back from (YYYY-MM-DD)')
    .option('--workspace <slug>', 'workspace of a stored collaboration', 'default')
    .action((target: string, opts: AnalyzeOptions) => analyzeCommand(target, opts, deps, io));
  program
    .command('agreement')
    .description('inter-coder agreement per code and overall: percent, Cohen κ, Fleiss κ, α, α_U')
    .argument('<target>', 'a collaboration document (JSON), a REFI-QDA .qdpx, or a stored id')
    .option('--coders <list>', 'coders to compare, ids or names, comma-separated (default: all)')
    .option(
      '--measure <list>',
      'alpha, alpha-u, kappa, fleiss, percent; comma-separated or repeated (default: all)',
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .addOption(
      new Option('--format <format>', 'output format').choices(AGREEMENT_FORMATS).default('text'),
    )
    .addOption(
      new Option('--units <kind>', 'units of the categorical measures')
        .choices(AGREEMENT_UNITS)
        .default('turns'),
    )
    .option('--workspace <slug>', 'workspace of a stored collaboration', 'default')
    .action((target: string, opts: AgreementOptions) => agreementCommand(target, opts, deps, io));
  program
    .command('suggest')
    .description('suggest codes for each turn of an interview or a stored source (offline)')
    .argument('<target>', 'a .txt or .md interview, or a source id (with --collaboration)')
    .option('--collaboration <id>', 'stored collaboration: its source, codebook and codings')
    .addOption(
      new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'),
    )
    .option('--top <n>', 'suggestions per unit (default 3)', count)
    .option('--workspace <slug>', 'workspace of the stored collaboration', 'default')
    .action(
      (
        target: string,
        opts: {
          collaboration?: string;
          format?: 'text' | 'json';
          top?: number;
          workspace?: string;
        },
      ) => import('./commands/suggest.js').then((m) => m.suggestCommand(target, opts, deps, io)),
    );
  const user = program.command('user').description('people who sign in, and their roles');
  user
    .command('create')
    .description(
      'create a user (or replace their password) and give them a role in a workspace; the password is read from standard input',
    )
    .requiredOption('--email <email>', 'their email, which they sign in with')
    .option('--password-stdin', 'read the password from standard input (required)')
    .addOption(
      new Option('--role <role>', 'their role in the workspace')
        .choices(['owner', 'facilitator', 'researcher', 'member', 'viewer'])
        .makeOptionMandatory(),
    )
    .option('--workspace <slug>', 'the workspace', 'default')
    .option('--agency <id>', 'the agency they belong to there (for confidential records)')
    .option('--name <name>', 'their display name (default: the email before the @)')
    .action((opts: UserCreateOptions) =>
      import('./commands/user.js').then((m) => m.userCreateCommand(opts, deps, io)),
    );
  user
    .command('list')
    .description('list the users with their workspaces and roles')
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }) =>
      import('./commands/user.js').then((m) => m.userListCommand(opts, deps, io)),
    );
  const workspace = program
    .command('workspace')
    .description('workspaces; export and import a whole one (the backup)');
  workspace
    .command('list')
    .description('list the workspaces')
    .action(() => import('./commands/workspace.js').then((m) => m.workspaceListCommand(deps, io)));
  workspace
    .command('create')
    .description('create a workspace')
    .argument('<slug>', 'its short name: lower-case letters, digits and hyphens')
    .option('--name <name>', 'its display name (default: the slug)')
    .action((slug: string, opts: { name?: string }) =>
      import('./commands/workspace.js').then((m) => m.workspaceCreateCommand(slug, opts, deps, io)),
    );
  workspace
    .command('export')
    .description(
      'write a whole workspace to one JSON file: the backup, and the way to another server or database version',
    )
    .option('--workspace <slug>', 'the workspace', 'default')
    .option('--out <file>', 'write to a file instead of standard output')
    .action((opts: { workspace?: string; out?: string }) =>
      import('./commands/workspace.js').then((m) => m.workspaceExportCommand(opts, deps, io)),
    );
  workspace
    .command('import')
    .description('restore a workspace export into an empty (or new) workspace, ids kept')
    .argument('<file>', 'a file written by `weframe workspace export`')
    .requiredOption('--workspace <slug>', 'the workspace to import into (created if missing)')
    .action((file: string, opts: { workspace: string }) =>
      import('./commands/workspace.js').then((m) => m.workspaceImportCommand(file, opts, deps, io)),
    );
  program
    .command('migrate')
    .description('bring the configured database’s schema up to date')
    .action(() => migrateCommand(deps, io));
  return program;
}

/** Runs the CLI; returns the exit code. Errors are one clear line, never a stack trace. */
export async function main(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  io: Io = processIo,
  overrides: Partial<CliDeps> = {},
): Promise<number> {
  const program = buildProgram(env, io, overrides);
  try {
    await program.parseAsync([...argv]);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit with 0; usage errors were already printed by commander.
      return error.exitCode;
    }
    if (error instanceof CliError) {
      io.err(`weframe: ${error.message}`);
      for (const line of error.lines) io.err(line);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.err(`weframe: ${message}`);
    if (env.WEFRAME_DEBUG) io.err(error instanceof Error ? (error.stack ?? '') : '');
    return 1;
  }
}
