import type { IndicatorDefinition } from '../indicator.js';
import { personalIndicators } from './personal.js';
import { localIndicators } from './local.js';
import { processIndicators } from './process.js';
import { policyIndicators } from './policy.js';

/** Every built-in indicator, in model order: policy, local, personal, process. */
export const ALL_INDICATORS: readonly IndicatorDefinition[] = [
  ...policyIndicators,
  ...localIndicators,
  ...personalIndicators,
  ...processIndicators,
];
