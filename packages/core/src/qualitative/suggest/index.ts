/** Auto-coding suggestions that run offline: BM25 on code descriptions plus naive Bayes on the researcher's codings. */
export * from './classes.js';
export * from './text.js';
export * from './units.js';
export * from './bm25.js';
export * from './naive-bayes.js';
export * from './suggest.js';
export * from './benchmark.js';
