/** Qualitative analysis: framework matrix, code co-occurrence, inter-coder agreement, coded evidence. */
export {
  frameworkMatrix,
  frameworkMatrixCsv,
  frameworkMatrixXlsx,
  type FrameworkCell,
  type FrameworkExcerpt,
  type FrameworkMatrix,
  type FrameworkMatrixContent,
  type FrameworkMatrixCsvOptions,
  type FrameworkMatrixOptions,
} from './framework-matrix.js';
export {
  codeCooccurrence,
  type CodeCooccurrence,
  type CodeCooccurrenceOptions,
  type CodePair,
  type CooccurringSegments,
} from './cooccurrence.js';
export {
  AGREEMENT_MEASURES,
  codingAgreement,
  type AgreementMeasure,
  type AgreementUnitKind,
  type CodeAgreement,
  type CodingAgreement,
  type CodingAgreementOptions,
} from './agreement.js';
export {
  CODED_EVIDENCE_FOR_MEDIUM,
  QUOTE_MAX_LENGTH,
  codedEvidence,
  quoteText,
  type CodedEvidenceOptions,
  type CodedQuote,
  type ElementCodedEvidence,
} from './evidence.js';
export type { QualitativeDocument } from './internal.js';
