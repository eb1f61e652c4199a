/**
 * Problems an import of outside files can have (.qdpx, .qdc, .docx, plain text); a closed
 * union so callers can switch on them. Each issue names the place: an archive entry, or an
 * XPath-like path inside project.qde (`project.qde/Project/Sources/TextSource[2]`).
 */
export type ExchangeIssueCode =
  | 'not_zip'
  | 'damaged_zip'
  | 'unsupported_zip'
  | 'too_large'
  | 'missing_entry'
  | 'not_text'
  | 'unsafe_xml'
  | 'invalid_xml'
  | 'not_refi_qda'
  | 'not_docx'
  | 'missing_value'
  | 'invalid_value'
  | 'duplicate_id'
  | 'unknown_reference'
  | 'out_of_range';

/** One problem, where it sits and a plain message. */
export interface ExchangeIssue {
  readonly code: ExchangeIssueCode;
  readonly path: string;
  readonly message: string;
}

/** Shorthand for a refusal with one issue. */
export function refuse(code: ExchangeIssueCode, path: string, message: string) {
  return { ok: false as const, issues: [{ code, path, message }] };
}
