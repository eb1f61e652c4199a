import { formatPath, type DocumentIssue } from './issues.js';
import { CURRENT_SCHEMA_VERSION } from './schema.js';

/** One step that turns a document of version `from` into version `from + 1`. */
export interface MigrationStep {
  readonly from: number;
  readonly describe: string;
  readonly up: (doc: Record<string, unknown>) => Record<string, unknown>;
}

/**
 * Steps from each older version to the next. Version 1 is the first, so there are none
 * yet; the machinery is exercised by tests with synthetic steps.
 */
export const MIGRATIONS: readonly MigrationStep[] = [];

/** Result of migrating: the document at `targetVersion`, or the problems that stopped it. */
export type MigrationResult =
  | { ok: true; value: Record<string, unknown>; applied: string[] }
  | { ok: false; issues: DocumentIssue[] };

/**
 * Brings a document up to `targetVersion` one step at a time; never mutates its input (a
 * document already at the target version is returned as it is, not copied).
 */
export function migrateDocument(
  input: unknown,
  steps: readonly MigrationStep[] = MIGRATIONS,
  targetVersion: number = CURRENT_SCHEMA_VERSION,
): MigrationResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return {
      ok: false,
      issues: [{ code: 'invalid_type', path: formatPath([]), message: 'must be a JSON object' }],
    };
  }
  const version = (input as Record<string, unknown>).schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return {
      ok: false,
      issues: [
        {
          code: 'invalid_value',
          path: 'schemaVersion',
          message: `must be a whole number from 1 to ${targetVersion}`,
        },
      ],
    };
  }
  if (version > targetVersion) {
    return {
      ok: false,
      issues: [
        {
          code: 'unsupported_version',
          path: 'schemaVersion',
          message: `version ${version} was written by a newer Weframe; this one reads up to ${targetVersion}`,
        },
      ],
    };
  }
  if (version === targetVersion) {
    return { ok: true, value: input as Record<string, unknown>, applied: [] };
  }
  // Documents are plain JSON, so a JSON round trip is a faithful deep copy.
  let doc = JSON.parse(JSON.stringify(input)) as Record<string, unknown>;
  const applied: string[] = [];
  for (let v = version; v < targetVersion; v++) {
    const step = steps.find((s) => s.from === v);
    if (!step) {
      return {
        ok: false,
        issues: [
          {
            code: 'unsupported_version',
            path: 'schemaVersion',
            message: `no migration from version ${v} to ${v + 1}`,
          },
        ],
      };
    }
    doc = { ...step.up(doc), schemaVersion: v + 1 };
    applied.push(step.describe);
  }
  return { ok: true, value: doc, applied };
}
