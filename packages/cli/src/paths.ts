import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The repository's root folder (this file sits in packages/cli/{src,dist}). */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** The sample collaborations. */
export const EXAMPLES_DIR = join(REPO_ROOT, 'examples');
/** The built web app the server hands to browsers. */
export const WEB_ROOT = join(REPO_ROOT, 'packages', 'web', 'dist');
