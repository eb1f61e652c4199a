import { readFile } from 'node:fs/promises';
import { formatIssues, restore, type CollaborationDocument } from '@weframe/core';
import { CliError } from './context.js';

/** Reads and validates a document file; fails with one `path: message` line per problem. */
export async function readDocumentFile(file: string): Promise<CollaborationDocument> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(
      code === 'ENOENT' ? `${file}: no such file` : `${file}: cannot be read (${code ?? 'error'})`,
    );
  }
  const result = restore(text);
  if (!result.ok) {
    throw new CliError(
      `${file}: ${result.issues.length} problem${result.issues.length === 1 ? '' : 's'}`,
      formatIssues(result.issues).split('\n'),
    );
  }
  return result.value;
}
