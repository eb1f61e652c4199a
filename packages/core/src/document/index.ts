export * from './schema.js';
export * from './issues.js';
export * from './migrations.js';
export * from './restore.js';
export * from './json-schema.js';
