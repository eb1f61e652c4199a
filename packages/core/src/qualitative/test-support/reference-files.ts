import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository's root: four levels up from packages/core/src/qualitative/. */
export const REPO_ROOT = fileURLToPath(new URL('../../../../../', import.meta.url));
/** The shared reference folder beside the repository (../shared/reference/refi-qda). */
export const REFI_QDA_REFERENCE = fileURLToPath(
  new URL('../../../../../../shared/reference/refi-qda/', import.meta.url),
);

/** Whether the tests run in CI, where nothing may be skipped for a missing file or tool. */
export const IN_CI = Boolean(process.env.CI);

/** Whether a reference file is present (its absolute path either way). */
export function referenceFile(name: string): { path: string; present: boolean } {
  const path = `${REFI_QDA_REFERENCE}${name}`;
  return { path, present: existsSync(path) };
}

/** A reference file's bytes; throws (failing the test) when it is missing. */
export function readReference(name: string): Uint8Array {
  const { path, present } = referenceFile(name);
  if (!present)
    throw new Error(`${path} is missing: the shared reference files must be beside the repository`);
  return new Uint8Array(readFileSync(path));
}
