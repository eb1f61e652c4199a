import { serve as serveNode } from '@hono/node-server';
import type { App } from './app.js';

/** Starts listening; resolves with a handle to stop the server. */
export function listen(app: App, port: number, host: string) {
  return new Promise<{ port: number; close: () => Promise<void> }>((resolve) => {
    const server = serveNode({ fetch: app.fetch, port, hostname: host }, (info) => {
      resolve({
        port: info.port,
        close: () => new Promise<void>((done, fail) => server.close((e) => (e ? fail(e) : done()))),
      });
    });
  });
}
