/** Problem codes a document can have; a closed union so callers can switch on them. */
export type DocumentIssueCode =
  | 'invalid_json'
  | 'invalid_type'
  | 'invalid_value'
  | 'invalid_format'
  | 'out_of_range'
  | 'unrecognized_key'
  | 'unknown_reference'
  | 'duplicate_id'
  | 'impossible_date'
  | 'unsupported_version'
  | 'inconsistent';

/** One problem, with the JSON path where it sits and a plain message. */
export interface DocumentIssue {
  readonly code: DocumentIssueCode;
  readonly path: string;
  readonly message: string;
}

/** Formats a path of keys and indices as `members[3].agencyId`; the root is `(document)`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(document)' : out;
}

/** One line per issue, `path: message`, as the CLI prints them. */
export function formatIssues(issues: readonly DocumentIssue[]): string {
  return issues.map((i) => `${i.path}: ${i.message}`).join('\n');
}
