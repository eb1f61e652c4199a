/** Auto-coding suggestions that run offline: BM25 on code descriptions plus naive Bayes on the researcher's codings. */
export { SUGGEST_CLASSES, classOf, type SuggestClass } from './classes.js';
export {
  suggestionUnits,
  transcriptTurns,
  type SuggestSource,
  type SuggestUnit,
  type TurnSpan,
} from './units.js';
export {
  DEFAULT_SUGGEST_SETTINGS,
  learnFromCodings,
  modelCodebook,
  suggestCodes,
  type CodeSuggestion,
  type CodedDocument,
  type LearnOptions,
  type SuggestCode,
  type SuggestOptions,
  type SuggestSettings,
  type TrainingExample,
  type UnitSuggestions,
} from './suggest.js';
export {
  BenchmarkDataError,
  benchmarkTrainingSet,
  codedInterview,
  evaluateInterviews,
  evaluateSuggestions,
  type BenchmarkInterview,
  type ClassFigures,
  type CodedInterview,
  type ElementFigures,
  type EvaluationFigures,
  type SuggestBenchmarkFigures,
} from './benchmark.js';
