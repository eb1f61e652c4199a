import type { Hook } from '@hono/zod-openapi';
import { formatPath, type DocumentIssue } from '@weframe/core';
import type { z } from 'zod';
import type { AppEnv } from '../env.js';
import { ServiceError } from '../errors.js';

/** Zod's issues in the API's words: `{ code, path, message }`, one per problem. */
export function issuesFromZod(issues: readonly z.core.$ZodIssue[]): DocumentIssue[] {
  return issues.flatMap((issue): DocumentIssue[] => {
    const path = formatPath(issue.path);
    switch (issue.code) {
      case 'invalid_type':
        return [
          {
            code: 'invalid_type',
            path,
            message: issue.input === undefined ? 'is required' : `must be ${issue.expected}`,
          },
        ];
      case 'too_big':
      case 'too_small':
        return [{ code: 'out_of_range', path, message: issue.message }];
      case 'invalid_format':
        return [{ code: 'invalid_format', path, message: issue.message }];
      case 'unrecognized_keys':
        return issue.keys.map((key) => ({
          code: 'unrecognized_key' as const,
          path: formatPath([...issue.path, key]),
          message: 'is not a known field',
        }));
      case 'invalid_value':
      case 'invalid_union':
      case 'not_multiple_of':
      case 'invalid_key':
      case 'invalid_element':
      case 'custom':
        return [{ code: 'invalid_value', path, message: issue.message }];
    }
  });
}

/**
 * The validation hook for `app.openapi` routes: a request that fails its schema is refused
 * with 400 `bad_request` listing every problem and its path.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Hono types hooks over any input
export const validationHook: Hook<any, AppEnv, any, void> = (result) => {
  if (result.success) return;
  const issues = issuesFromZod(result.error.issues);
  throw new ServiceError(
    'bad_request',
    `the request has ${issues.length} problem${issues.length === 1 ? '' : 's'}`,
    issues,
  );
};

// PostgreSQL text and jsonb cannot hold NUL, and jsonb refuses unpaired UTF-16 surrogates.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether the database can store this text as it is. */
export function isStorable(text: string): boolean {
  return !text.includes('\u0000') && !LONE_SURROGATE.test(text);
}

/** The message for text {@link isStorable} refuses. */
export const UNSTORABLE =
  'contains a NUL character or an unpaired surrogate, which cannot be stored';

/** A string schema that also refuses text the database cannot store (instead of a 500). */
export function storable<T extends z.ZodType<string>>(schema: T): T {
  return schema.refine(isStorable, UNSTORABLE);
}
