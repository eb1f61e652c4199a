import { collaborationSchema, RECORD_COLLECTIONS, type Collaboration } from '@weframe/core';
import type { EditableCollection, RecordData } from './record.service.js';

/**
 * Names every field of a record that leaves the server: the collection's strict schema is
 * the list of fields, so nothing stored beside them can slip out.
 */
export function presentRecord(collection: EditableCollection, data: RecordData) {
  return RECORD_COLLECTIONS[collection].parse(data) as Readonly<Record<string, unknown>>;
}

/** A page of records of one collection and how many the principal may not see. */
export function presentRecordList(
  collection: EditableCollection,
  list: { records: readonly RecordData[]; hidden: Readonly<Record<string, number>> },
) {
  return {
    records: list.records.map((r) => presentRecord(collection, r)),
    hidden: { [collection]: list.hidden[collection] ?? 0 },
  };
}

/** The collaboration header as it leaves the server. */
export function presentHeader(header: Collaboration) {
  return collaborationSchema.parse(header);
}
