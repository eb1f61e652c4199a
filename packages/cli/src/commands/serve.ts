import type { Store } from '@weframe/store';
import { createApp, diagnosisService, listen, smtpMailer } from '@weframe/server';
import type { CliDeps, Io } from '../context.js';
import { WEB_ROOT } from '../paths.js';

/** `weframe serve [--port N]`: runs the HTTP server until interrupted. */
export async function serveCommand(
  opts: { port?: number; host?: string },
  deps: CliDeps,
  io: Io,
): Promise<void> {
  const config = deps.config();
  const store = await deps.openStore(config);
  const app = await createApp({
    store,
    webRoot: WEB_ROOT,
    ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
    trustProxy: config.trustProxy,
    // Invitations and resets are mailed only when SMTP is configured.
    ...(config.smtp ? { mailer: smtpMailer(config.smtp) } : {}),
  });
  const server = await listen(app, opts.port ?? config.port, opts.host ?? config.host);
  const where = `http://${opts.host ?? config.host}:${server.port}`;
  io.out(`Weframe is serving ${where} (${store.kind} database)`);
  if ((await store.users.count()) === 0) {
    io.out(
      'No one can sign in yet: create the first owner with `weframe user create --email E --password-stdin --role owner`.',
    );
  }
  const warming = warmDiagnoses(store);
  await new Promise<void>((resolve) => {
    const stop = () => {
      io.out('stopping…');
      void server
        .close()
        .catch(() => undefined)
        .then(() => warming.stop())
        .then(() => store.close())
        .finally(resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/**
 * Computes each collaboration's diagnosis once in the background after the server starts,
 * so that the first dashboard opened finds it ready. Nothing is handed out, so nothing is
 * read on anyone's behalf; a failure only means the first request computes it instead.
 */
function warmDiagnoses(store: Store): { stop: () => Promise<void> } {
  let stopped = false;
  const done = (async () => {
    const diagnoses = diagnosisService(store);
    for (const workspace of await store.workspaces.list()) {
      for (const collaboration of await store.collaborations.list(workspace.id)) {
        if (stopped) return;
        await diagnoses.warm(collaboration.id);
      }
    }
  })().catch(() => undefined);
  return {
    stop: async () => {
      stopped = true;
      await done;
    },
  };
}
