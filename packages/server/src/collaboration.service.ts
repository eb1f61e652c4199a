import { restore, type CollaborationDocument } from '@weframe/core';
import type { Store } from '@weframe/store';
import { ServiceError } from './errors.js';

/** Use cases on whole collaborations; gets only the store it needs. */
export function collaborationService(store: Pick<Store, 'collaborations' | 'workspaces'>) {
  return {
    /** Summaries of the workspace's collaborations, with members and agencies. */
    async listCollaborations(workspaceId: string) {
      return store.collaborations.list(workspaceId);
    },

    /** The stored document, or a not_found error. */
    async getDocument(id: string): Promise<CollaborationDocument> {
      const doc = await store.collaborations.exportDocument(id);
      if (!doc) throw new ServiceError('not_found', `no collaboration with id "${id}"`);
      return doc;
    },

    /** Validates untrusted input and stores it in one transaction; returns the new id. */
    async importCollaboration(workspaceId: string, input: unknown, actor: string) {
      const result = restore(input);
      if (!result.ok) {
        throw new ServiceError(
          'invalid_document',
          `the document has ${result.issues.length} problem${result.issues.length === 1 ? '' : 's'}`,
          result.issues,
        );
      }
      return store.collaborations.importDocument(workspaceId, result.value, { actor });
    },
  };
}

export type CollaborationService = ReturnType<typeof collaborationService>;
