/** Weframe core: the model, the collaboration document, statistics, networks and analysis. */
export * from './model/elements.js';
export * from './model/taxonomies.js';
export * from './model/registry.js';
export * from './survey/instrument.js';
export * from './survey/responses-csv.js';
export * from './document/index.js';
export * from './stats/index.js';
export * from './network/index.js';
export * from './generate/synthetic.js';
export * from './analysis/index.js';
export * from './qualitative/analysis/index.js';
export * from './qualitative/index.js';
export * from './qualitative/suggest/index.js';
export * from './report/index.js';
