import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { CliError, configFrom, openConfiguredStore, type CliDeps, type Io } from './context.js';
import {
  demoCommand,
  exportCommand,
  importCommand,
  listCommand,
  migrateCommand,
  validateCommand,
} from './commands/documents.js';
import { ANALYZE_FORMATS, analyzeCommand, type AnalyzeOptions } from './commands/analyze.js';
import { generateCommand } from './commands/generate.js';

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
    .description('store a collaboration document; prints the new collaboration’s id')
    .argument('<file>', 'a collaboration document (JSON)')
    .option('--workspace <slug>', 'workspace to import into', 'default')
    .action((file: string, opts: { workspace?: string }) => importCommand(file, opts, deps, io));
  program
    .command('export')
    .description('write a stored collaboration back out as a document')
    .argument('<id>', 'the collaboration’s id (see `weframe list`)')
    .option('--out <file>', 'write to a file instead of standard output')
    .action((id: string, opts: { out?: string }) => exportCommand(id, opts, deps, io));
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
