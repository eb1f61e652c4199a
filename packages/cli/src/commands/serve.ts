import { createApp, listen } from '@weframe/server';
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
  });
  const server = await listen(app, opts.port ?? config.port, opts.host ?? config.host);
  const where = `http://${opts.host ?? config.host}:${server.port}`;
  io.out(`Weframe is serving ${where} (${store.kind} database)`);
  if ((await store.users.count()) === 0) {
    io.out(
      'No one can sign in yet: create the first owner with `weframe user create --email E --password-stdin --role owner`.',
    );
  }
  await new Promise<void>((resolve) => {
    const stop = () => {
      io.out('stopping…');
      void server
        .close()
        .catch(() => undefined)
        .then(() => store.close())
        .finally(resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
