export * from './export.js';
export * from './import.js';
export {
  EXTENSION_ENTRY,
  EXTRA_FIELDS,
  type Extension,
  type GuidCollection,
  type QualitativeData,
} from './extension.js';
