import { z } from 'zod';
import { collaborationDocumentSchema, CURRENT_SCHEMA_VERSION } from './schema.js';

/** The JSON Schema (draft 2020-12) of the collaboration document, as it is read (input). */
export function collaborationJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(collaborationDocumentSchema, {
    io: 'input',
    target: 'draft-2020-12',
  });
  return {
    ...schema,
    $id: `https://weframe.invalid/schema/collaboration-v${CURRENT_SCHEMA_VERSION}.json`,
    title: 'Weframe collaboration document',
  };
}
