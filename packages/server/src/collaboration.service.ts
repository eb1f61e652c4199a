import {
  QUALITATIVE_COLLECTIONS,
  RECORD_COLLECTIONS,
  restore,
  type CollaborationDocument,
} from '@weframe/core';
import type { CollaborationSummary, RecordAuditEntry, Store } from '@weframe/store';
import { seesFor, workspaceFor, type CollaborationAccess } from './collaboration-access.js';
import { ServiceError } from './errors.js';
import { reachFor, type Principal } from './policy.js';
import { redactDocument } from './redact.js';

/** Ports the collaboration service uses. */
export interface CollaborationServiceDeps {
  readonly store: Pick<Store, 'collaborations' | 'workspaces' | 'records' | 'transaction'>;
  readonly now: () => Date;
}

/** A summary as a principal may see it, with when (if ever) it was archived. */
export type VisibleSummary = CollaborationSummary & { readonly archivedAt: Date | null };

/** Use cases on whole collaborations: list, read and export, import, archive and restore. */
export function collaborationService({ store, now }: CollaborationServiceDeps) {
  /** Audit entries for reading the records of a document that need one. */
  const readAudits = (access: CollaborationAccess, doc: CollaborationDocument) => {
    const entries: RecordAuditEntry[] = [];
    const visit = (collection: string, items: readonly Record<string, unknown>[]) => {
      for (const r of items) {
        if (collection !== 'caseEvents' && typeof r.confidentialTo !== 'string') continue;
        entries.push({
          workspaceId: access.workspaceId,
          actor: access.userId,
          action: 'record.read',
          targetKind: 'record',
          targetId: `${access.collaboration.id}/${collection}/${String(r.id)}`,
        });
      }
    };
    for (const name of Object.keys(RECORD_COLLECTIONS) as (keyof typeof RECORD_COLLECTIONS)[])
      visit(name, doc[name]);
    for (const name of Object.keys(
      QUALITATIVE_COLLECTIONS,
    ) as (keyof typeof QUALITATIVE_COLLECTIONS)[])
      visit(`qualitative.${name}`, doc.qualitative[name]);
    return entries;
  };

  return {
    /**
     * The collaborations of a workspace (`slug`, else the principal's first) the principal
     * may list — a member only those they are linked to — without confidential members and
     * agencies they may not see; archived ones only when asked.
     */
    async listCollaborations(
      principal: Principal,
      options: { workspace?: string; includeArchived?: boolean },
    ): Promise<VisibleSummary[]> {
      const workspace = await workspaceFor(store, principal, options.workspace);
      const reach = reachFor(principal, 'collaboration.list', workspace.id);
      if (reach === null)
        throw new ServiceError('forbidden', 'your role may not list collaborations here');
      let list = await store.collaborations.list(workspace.id, {
        includeArchived: options.includeArchived === true,
      });
      if (reach === 'ownCollaborations' && principal.kind === 'user') {
        const linked = new Set(await store.records.linkedCollaborationIds(principal.userId));
        list = list.filter((s) => linked.has(s.id));
      }
      const ids = list.map((s) => s.id);
      const sees = seesFor(principal, workspace.id);
      const marks = await store.records.confidentialMarks(ids, ['members', 'agencies']);
      const hidden = new Set(
        marks
          .filter((m) => !sees(m.confidentialTo))
          .map((m) => `${m.collaborationId}/${m.collection}/${m.id}`),
      );
      const archived = await store.records.archivedAt(ids);
      return list.map((s) => {
        const hiddenAgencyNames = new Set(
          s.agencies.filter((a) => hidden.has(`${s.id}/agencies/${a.id}`)).map((a) => a.name),
        );
        return {
          ...s,
          members: s.members
            .filter((m) => !hidden.has(`${s.id}/members/${m.id}`))
            .map((m) =>
              m.agencyName !== null && hiddenAgencyNames.has(m.agencyName)
                ? { ...m, agencyName: null }
                : m,
            ),
          agencies: s.agencies.filter((a) => !hidden.has(`${s.id}/agencies/${a.id}`)),
          archivedAt: archived.get(s.id) ?? null,
        };
      });
    },

    /**
     * The stored document without the records the principal may not see, and how many were
     * left out; without individual survey responses unless the principal may export the
     * collaboration (`withheldResponses` says how many were left out); reading confidential
     * records and case events is audited, and so is an export.
     */
    async readDocument(access: CollaborationAccess, options: { export?: boolean } = {}) {
      const doc = await store.collaborations.exportDocument(access.collaboration.id);
      if (!doc)
        throw new ServiceError(
          'not_found',
          `no collaboration with id "${access.collaboration.id}"`,
        );
      const visible = redactDocument(doc, access.sees);
      // Individual survey answers only for those who may export the collaboration (decision 0008).
      const answersShown = reachFor(access.principal, 'collaboration.export', access.workspaceId);
      const withheldResponses = answersShown === null ? visible.document.responses.length : 0;
      const redacted = {
        ...visible,
        document:
          withheldResponses === 0 ? visible.document : { ...visible.document, responses: [] },
        withheldResponses,
      };
      const audits = readAudits(access, redacted.document);
      if (options.export)
        audits.push({
          workspaceId: access.workspaceId,
          actor: access.userId,
          action: 'collaboration.export',
          targetKind: 'collaboration',
          targetId: access.collaboration.id,
          after: { hiddenRecords: redacted.total },
        });
      if (audits.length > 0) await store.records.appendAudit(audits);
      return redacted;
    },

    /** Validates untrusted input and stores it in one transaction; returns the new id. */
    async importCollaboration(
      principal: Principal,
      workspaceSlug: string | undefined,
      input: unknown,
    ) {
      const workspace = await workspaceFor(store, principal, workspaceSlug);
      if (
        principal.kind !== 'user' ||
        reachFor(principal, 'collaboration.create', workspace.id) === null
      )
        throw new ServiceError('forbidden', 'your role may not import collaborations here');
      const result = restore(input);
      if (!result.ok) {
        throw new ServiceError(
          'invalid_document',
          `the document has ${result.issues.length} problem${result.issues.length === 1 ? '' : 's'}`,
          result.issues,
        );
      }
      return store.collaborations.importDocument(workspace.id, result.value, {
        actor: principal.userId,
      });
    },

    /** Archives (read-only, out of lists) or restores a collaboration, with an audit entry. */
    async setArchived(access: CollaborationAccess, archived: boolean) {
      return store.transaction(async (tx) => {
        const head = await tx.records.lockCollaboration(access.collaboration.id);
        if (!head)
          throw new ServiceError(
            'not_found',
            `no collaboration with id "${access.collaboration.id}"`,
          );
        if (archived === (head.archivedAt !== null))
          throw new ServiceError(
            'conflict',
            archived
              ? 'the collaboration is already archived'
              : 'the collaboration is not archived',
          );
        const row = await tx.records.setArchived(head.id, archived ? now() : null);
        if (!row) throw new ServiceError('not_found', `no collaboration with id "${head.id}"`);
        await tx.records.appendAudit([
          {
            workspaceId: access.workspaceId,
            actor: access.userId,
            action: archived ? 'collaboration.archive' : 'collaboration.restore',
            targetKind: 'collaboration',
            targetId: head.id,
            before: { archivedAt: head.archivedAt },
            after: { archivedAt: row.archivedAt },
          },
        ]);
        return row;
      });
    },
  };
}

/** The collaboration service: what {@link collaborationService} returns. */
export type CollaborationService = ReturnType<typeof collaborationService>;
