/** Plain words for changes and for problems the server names by their path in the document. */
import {
  isEditableCollection,
  type EditableCollection,
  type StoredRecord,
} from '../../api/records.js';
import type { Change } from './changes.js';
import { COLLECTIONS, HEADER_FIELDS, RECORD_FIELDS } from './record-fields.js';
import type { RefOptions } from './ref-options.js';

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The record's name in a sentence: “Sam Lee”. */
export function recordName(
  collection: EditableCollection,
  record: StoredRecord,
  refs: RefOptions,
): string {
  return `“${COLLECTIONS[collection].label(record, refs.nameOf) || record.id}”`;
}

/** "Member “Sam Lee” added." */
export function changeText(change: Change, refs: RefOptions): string {
  switch (change.kind) {
    case 'created':
      return `${capital(COLLECTIONS[change.collection].one)} ${recordName(change.collection, change.after, refs)} added.`;
    case 'updated':
      return `Changes to ${COLLECTIONS[change.collection].one} ${recordName(change.collection, change.after, refs)} saved.`;
    case 'deleted':
      return `${capital(COLLECTIONS[change.collection].one)} ${recordName(change.collection, change.before, refs)} deleted.`;
    case 'header':
      return 'The collaboration’s details were saved.';
  }
}

/** What an undo did, in words. */
export function undoneText(change: Change, refs: RefOptions): string {
  switch (change.kind) {
    case 'created':
      return `Undone: the ${COLLECTIONS[change.collection].one} ${recordName(change.collection, change.after, refs)} you added has been removed.`;
    case 'updated':
      return `Undone: the ${COLLECTIONS[change.collection].one} ${recordName(change.collection, change.before, refs)} is back as it was.`;
    case 'deleted':
      return `Undone: the ${COLLECTIONS[change.collection].one} ${recordName(change.collection, change.before, refs)} is back.`;
    case 'header':
      return 'Undone: the collaboration’s details are back as they were.';
  }
}

/**
 * A path of the whole document in words: `members[3].agencyId` → "Members › “Sam Lee” ›
 * Agency". Records are named only when the list read matches the document's order (nothing
 * hidden from the user in that collection).
 */
export function pathText(
  path: string,
  records: Partial<Record<EditableCollection, readonly StoredRecord[]>>,
  refs: RefOptions,
  complete: (collection: EditableCollection) => boolean,
): string {
  const header = /^collaboration\.([A-Za-z]+)/.exec(path);
  if (header) {
    const spec = (HEADER_FIELDS as Record<string, { label: string } | undefined>)[header[1] ?? ''];
    return `Collaboration details › ${spec?.label ?? header[1]}`;
  }
  const match = /^([A-Za-z]+)\[(\d+)\](?:\.([A-Za-z]+))?/.exec(path);
  if (!match) return path;
  const [, collection = '', at = '0', field] = match;
  if (!isEditableCollection(collection)) return path;
  const info = COLLECTIONS[collection];
  const index = Number(at);
  const record = complete(collection) ? records[collection]?.[index] : undefined;
  const which = record ? recordName(collection, record, refs) : `${info.one} number ${index + 1}`;
  const spec = field
    ? (RECORD_FIELDS[collection] as Record<string, { label: string } | undefined>)[field]
    : undefined;
  return [info.title, which, spec?.label ?? field].filter(Boolean).join(' › ');
}
