/**
 * The last change a user made, and how to take it back with the versions the server gave:
 * an addition is deleted at the version it got, an edit is put back over the version it
 * made, a deletion is added again with its id and data, a header edit is patched back.
 */
import type { Collaboration } from '@weframe/core';
import {
  createRecord,
  deleteRecord,
  replaceRecord,
  updateHeader,
  type EditableCollection,
  type StoredRecord,
} from '../../api/records.js';

/** One change, as the server stored it. */
export type Change =
  | {
      readonly kind: 'created';
      readonly collection: EditableCollection;
      readonly after: StoredRecord;
    }
  | {
      readonly kind: 'updated';
      readonly collection: EditableCollection;
      readonly before: StoredRecord;
      readonly after: StoredRecord;
    }
  | {
      readonly kind: 'deleted';
      readonly collection: EditableCollection;
      readonly before: StoredRecord;
    }
  | { readonly kind: 'header'; readonly before: Collaboration; readonly after: Collaboration };

/** A record's data as a body to send: without the author and version the server sets. */
export function recordBody(record: StoredRecord): Record<string, unknown> {
  const { author: _author, version: _version, ...data } = record;
  return data;
}

/** The header fields a PATCH sends back (all but the id). */
export function headerBody(header: Collaboration): Record<string, unknown> {
  const { id: _id, version: _version, ...fields } = header;
  return fields;
}

/** Takes a change back; throws the server's refusal (409 when someone changed it since). */
export async function undoChange(collaborationId: string, change: Change): Promise<Change> {
  switch (change.kind) {
    case 'created':
      await deleteRecord(collaborationId, change.collection, change.after.id, change.after.version);
      return { kind: 'deleted', collection: change.collection, before: change.after };
    case 'updated': {
      const after = await replaceRecord(collaborationId, change.collection, change.before.id, {
        ...recordBody(change.before),
        version: change.after.version,
      });
      return { kind: 'updated', collection: change.collection, before: change.after, after };
    }
    case 'deleted': {
      const after = await createRecord(
        collaborationId,
        change.collection,
        recordBody(change.before),
      );
      return { kind: 'created', collection: change.collection, after };
    }
    case 'header': {
      const after = await updateHeader(collaborationId, {
        ...headerBody(change.before),
        version: change.after.version,
      });
      return { kind: 'header', before: change.after, after };
    }
  }
}
