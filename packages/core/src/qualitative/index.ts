/** Qualitative evidence: text positions, sources from text and .docx, REFI-QDA exchange. */
export * from './positions.js';
export * from './sources.js';
export * from './docx.js';
export * from './merge.js';
export * from './codebook.js';
export type { ExchangeIssue, ExchangeIssueCode } from './exchange-issues.js';
export {
  openZip,
  MAX_UNPACKED_BYTES,
  type ZipArchive,
  type ZipEntry,
  type OpenZipOptions,
  type UnpackBudget,
} from './archive.js';
export { guidForId, isGuid, nameGuid, normaliseGuid, WEFRAME_GUID_NAMESPACE } from './guid.js';
export * from './refi-qda/index.js';
