import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import { collaborationJsonSchema } from './json-schema.js';

let compiled: ValidateFunction | undefined;

/**
 * A compiled validator for the document's JSON Schema that also fills in defaults, used on
 * large freshly parsed input where zod would be several times slower than parsing. It only
 * answers "valid or not": problems are always reported through the zod schema, so messages
 * are the same whichever path found them. A differential test keeps the two in step.
 */
export function fastValidate(owned: unknown): boolean {
  if (!compiled) {
    const ajv = new Ajv2020({
      useDefaults: true,
      allErrors: false,
      validateFormats: false,
      strict: false,
      // The schema's patterns are ASCII-only; plain RegExp is faster than RE2-style engines.
      unicodeRegExp: false,
    });
    compiled = ajv.compile(collaborationJsonSchema());
  }
  return compiled(owned);
}
