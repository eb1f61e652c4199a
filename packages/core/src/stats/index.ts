export type { Category, Estimate, RatingMatrix, UndefinedReason } from './result.js';
export {
  RWG_NULL_VARIANCES,
  rwg,
  rwgJ,
  rwgJLindell,
  type RwgJOptions,
  type RwgJResult,
  type RwgNullDistribution,
  type RwgOptions,
  type RwgResult,
} from './rwg.js';
export { awg, type AwgOptions, type AwgResult } from './awg.js';
export { adIndex, type AdIndexOptions, type AdIndexResult } from './ad-index.js';
export {
  icc1,
  icc2,
  shroutFleissIcc,
  type GroupIccResult,
  type ShroutFleissIccResult,
} from './icc.js';
export { cronbachAlpha, type CronbachAlphaResult } from './cronbach.js';
export {
  percentAgreement,
  type PercentAgreementOptions,
  type PercentAgreementResult,
} from './percent-agreement.js';
export {
  cohenKappa,
  fleissKappa,
  type CohenKappaInput,
  type CohenKappaOptions,
  type CohenKappaResult,
  type FleissKappaResult,
} from './kappa.js';
export {
  krippendorffAlpha,
  type KrippendorffAlphaOptions,
  type KrippendorffAlphaResult,
  type KrippendorffLevel,
} from './krippendorff.js';
export {
  unitizedAlpha,
  unitizingDistance,
  type UnitizedAlphaResult,
  type UnitizedCategoryAlpha,
  type UnitizedSegment,
  type UnitizingSection,
  type UnitizingStudy,
} from './unitizing.js';
