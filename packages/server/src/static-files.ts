import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Context } from 'hono';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serves the built web app from `root`, falling back to index.html for client-side routes. */
export function staticFiles(root: string) {
  const base = normalize(root + sep);
  return async (c: Context) => {
    const requested = decodeURIComponent(new URL(c.req.url).pathname);
    const candidate = normalize(join(base, requested));
    // Never serve outside the web root.
    const inside = candidate.startsWith(base);
    const file = inside && (await isFile(candidate)) ? candidate : join(base, 'index.html');
    try {
      const body = await readFile(file);
      const hashed = file.includes(`${sep}assets${sep}`);
      return c.body(body, 200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
    } catch {
      return c.text('The web app is not built: run `npm run build`.', 404);
    }
  };
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
