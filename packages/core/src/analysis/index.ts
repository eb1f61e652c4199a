/** The diagnosis engine: indicators for every element of the model, networks, Frost levels. */
export * from './types.js';
export * from './thresholds.js';
export * from './dates.js';
export {
  analysisContext,
  latestRecordDate,
  wavesInOrder,
  AnalysisError,
  type AnalysisContext,
  type AnalysisOptions,
  type AnalysisErrorCode,
} from './context.js';
export {
  runIndicator,
  jaccard,
  type IndicatorDefinition,
  type IndicatorOutcome,
} from './indicator.js';
export { ALL_INDICATORS } from './indicators/index.js';
export { surveyFigure, keyedAnswer, bandStatus } from './survey-figures.js';
export {
  diagnose,
  ENGINE_VERSION,
  type Diagnosis,
  type DiagnoseOptions,
  type ElementDiagnosis,
  type Confidence,
} from './diagnose.js';
export {
  collaborationNetworks,
  type CollaborationNetworks,
  type NetworkReport,
  type NetworkLevel,
} from './networks.js';
export {
  frostLevel,
  frostLevels,
  type FrostReport,
  type PairLevel,
  type PairEvidence,
  type FrostClassification,
} from './frost.js';
export { teamForm, teamFormLabel, type TeamFormReport, type TeamFormInput } from './team-form.js';
export {
  roleMap,
  type RoleMap,
  type RoleMapArea,
  type RoleMapMember,
  type RoleMisperception,
} from './role-map.js';
export { goalAlignment, type GoalAlignment } from './goal-alignment.js';
export {
  compareDiagnoses,
  compareWaves,
  statusDirection,
  type DiagnosisChange,
  type ChangeDirection,
  type StatusChange,
} from './compare.js';
