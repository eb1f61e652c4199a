import { and, asc, count, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Collaboration } from '@weframe/core';
import type { Database } from './database.js';
import {
  auditLog,
  collaborations,
  idempotencyKeys,
  records,
  surveyLinks,
  type SurveyLinkRow,
} from './schema.js';

/** A row of `survey_links`: a respondent's single-use link (only its token's hash). */
export type SurveyLink = SurveyLinkRow;

/** What the survey code needs of a collaboration's header row. */
export interface CollaborationHead {
  readonly id: string;
  readonly workspaceId: string;
  readonly name: string;
  readonly header: Collaboration;
  readonly archivedAt: Date | null;
}

/** A record of a collaboration as the survey code reads it. */
export interface StoredRecord {
  readonly collection: string;
  readonly id: string;
  readonly version: number;
  readonly data: Record<string, unknown>;
}

/** A wave record with the collaboration and workspace it belongs to. */
export interface WaveLocation {
  readonly collaborationId: string;
  readonly workspaceId: string;
  readonly version: number;
  readonly data: Record<string, unknown>;
}

/** A new survey link; only the hash of its token is kept. */
export interface NewSurveyLink {
  readonly tokenHash: string;
  readonly id: string;
  readonly collaborationId: string;
  readonly waveId: string;
  readonly memberId: string | null;
  readonly label: string;
  readonly anonymous: boolean;
  readonly expiresAt: Date | null;
}

/** Link counts of a wave. */
export interface LinkCounts {
  /** Links not revoked. */
  readonly invited: number;
  /** Links not revoked, not submitted, holding a draft. */
  readonly started: number;
  /** Links used for a submission. */
  readonly submitted: number;
  /** Links revoked and not reissued. */
  readonly revoked: number;
}

/** An entry of the audit log, written in the caller's transaction. */
export interface SurveyAuditEntry {
  readonly workspaceId: string;
  readonly actor: string;
  readonly action: string;
  readonly targetKind: string;
  readonly targetId: string;
  readonly before?: unknown;
  readonly after?: unknown;
}

/**
 * Waves, responses, survey links, idempotency keys: what survey waves need from the store.
 * Waves and responses are records of their collaboration (collections `waves`, `responses`).
 */
export function surveyRepository(db: Database) {
  return {
    /** The collaboration's header, workspace and archive mark, or null when there is none. */
    async collaborationHead(collaborationId: string): Promise<CollaborationHead | null> {
      const [row] = await db
        .select({
          id: collaborations.id,
          workspaceId: collaborations.workspaceId,
          name: collaborations.name,
          header: collaborations.header,
          archivedAt: collaborations.archivedAt,
        })
        .from(collaborations)
        .where(eq(collaborations.id, collaborationId));
      return row ?? null;
    },

    /** Records of the given collections, in document order. */
    async recordsOf(
      collaborationId: string,
      collections: readonly string[],
    ): Promise<StoredRecord[]> {
      return db
        .select({
          collection: records.collection,
          id: records.id,
          version: records.version,
          data: records.data,
        })
        .from(records)
        .where(
          and(
            eq(records.collaborationId, collaborationId),
            inArray(records.collection, collections),
          ),
        )
        .orderBy(asc(records.collection), asc(records.position));
    },

    /** Every wave with this id, with where it lives (ids are unique only per collaboration). */
    async wavesById(waveId: string): Promise<WaveLocation[]> {
      return db
        .select({
          collaborationId: records.collaborationId,
          workspaceId: collaborations.workspaceId,
          version: records.version,
          data: records.data,
        })
        .from(records)
        .innerJoin(collaborations, eq(collaborations.id, records.collaborationId))
        .where(and(eq(records.collection, 'waves'), eq(records.id, waveId)));
    },

    /** One wave of one collaboration, optionally locked for the rest of the transaction. */
    async wave(
      collaborationId: string,
      waveId: string,
      options: { lock?: 'update' | 'share' } = {},
    ): Promise<StoredRecord | null> {
      const query = db
        .select({
          collection: records.collection,
          id: records.id,
          version: records.version,
          data: records.data,
        })
        .from(records)
        .where(
          and(
            eq(records.collaborationId, collaborationId),
            eq(records.collection, 'waves'),
            eq(records.id, waveId),
          ),
        );
      const [row] = await (options.lock ? query.for(options.lock) : query);
      return row ?? null;
    },

    /**
     * Adds a record at the end of its collection, or at `position` when given (anonymous
     * responses take a random one so their order says nothing about who answered when).
     */
    async insertRecord(
      collaborationId: string,
      collection: string,
      data: Record<string, unknown> & { id: string },
      options: { position?: number } = {},
    ): Promise<void> {
      const position =
        options.position ??
        sql`(SELECT coalesce(max(${records.position}) + 1, 0) FROM ${records}
             WHERE ${records.collaborationId} = ${collaborationId}
               AND ${records.collection} = ${collection})`;
      await db.insert(records).values({
        collaborationId,
        collection,
        id: data.id,
        position,
        author: typeof data.author === 'string' ? data.author : 'system',
        confidentialTo: typeof data.confidentialTo === 'string' ? data.confidentialTo : null,
        version: typeof data.version === 'number' ? data.version : 1,
        data,
      });
    },

    /** Adds records at the end of their collection, in the order given. */
    async insertRecords(
      collaborationId: string,
      collection: string,
      items: readonly (Record<string, unknown> & { id: string })[],
    ): Promise<void> {
      if (items.length === 0) return;
      const [last] = await db
        .select({ position: sql<number | null>`max(${records.position})` })
        .from(records)
        .where(
          and(eq(records.collaborationId, collaborationId), eq(records.collection, collection)),
        );
      const start = (last?.position ?? -1) + 1;
      const rows = items.map((data, i) => ({
        collaborationId,
        collection,
        id: data.id,
        position: start + i,
        author: typeof data.author === 'string' ? data.author : 'system',
        confidentialTo: typeof data.confidentialTo === 'string' ? data.confidentialTo : null,
        version: typeof data.version === 'number' ? data.version : 1,
        data,
      }));
      for (let i = 0; i < rows.length; i += 500)
        await db.insert(records).values(rows.slice(i, i + 500));
    },

    /** Replaces a record's data when its version is still `expectedVersion`; false otherwise. */
    async replaceRecord(
      collaborationId: string,
      collection: string,
      id: string,
      data: Record<string, unknown>,
      expectedVersion: number,
    ): Promise<boolean> {
      const updated = await db
        .update(records)
        .set({ data, version: expectedVersion + 1 })
        .where(
          and(
            eq(records.collaborationId, collaborationId),
            eq(records.collection, collection),
            eq(records.id, id),
            eq(records.version, expectedVersion),
          ),
        )
        .returning({ id: records.id });
      return updated.length === 1;
    },

    /** The responses of a wave, in document order. */
    async responsesOf(collaborationId: string, waveId: string): Promise<StoredRecord[]> {
      return db
        .select({
          collection: records.collection,
          id: records.id,
          version: records.version,
          data: records.data,
        })
        .from(records)
        .where(
          and(
            eq(records.collaborationId, collaborationId),
            eq(records.collection, 'responses'),
            sql`${records.data}->>'waveId' = ${waveId}`,
          ),
        )
        .orderBy(asc(records.position));
    },

    /** How many responses a wave holds (submitted through links or imported). */
    async responseCount(collaborationId: string, waveId: string): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(records)
        .where(
          and(
            eq(records.collaborationId, collaborationId),
            eq(records.collection, 'responses'),
            sql`${records.data}->>'waveId' = ${waveId}`,
          ),
        );
      return row?.n ?? 0;
    },

    /** Member ids that already answered the wave (identified waves). */
    async respondentsOf(collaborationId: string, waveId: string): Promise<Set<string>> {
      const rows = await db
        .select({ memberId: sql<string | null>`${records.data}->>'respondentMemberId'` })
        .from(records)
        .where(
          and(
            eq(records.collaborationId, collaborationId),
            eq(records.collection, 'responses'),
            sql`${records.data}->>'waveId' = ${waveId}`,
          ),
        );
      return new Set(rows.map((r) => r.memberId).filter((m): m is string => m !== null));
    },

    /** Stores new links. */
    async insertLinks(links: readonly NewSurveyLink[]): Promise<SurveyLinkRow[]> {
      if (links.length === 0) return [];
      return db
        .insert(surveyLinks)
        .values([...links])
        .returning();
    },

    /** The links of a wave, oldest first. */
    async linksOf(collaborationId: string, waveId: string): Promise<SurveyLinkRow[]> {
      return db
        .select()
        .from(surveyLinks)
        .where(
          and(eq(surveyLinks.collaborationId, collaborationId), eq(surveyLinks.waveId, waveId)),
        )
        .orderBy(asc(surveyLinks.createdAt), asc(surveyLinks.id));
    },

    /** Link counts of a wave. */
    async linkCounts(collaborationId: string, waveId: string): Promise<LinkCounts> {
      const [row] = await db
        .select({
          invited: sql<number>`count(*) FILTER (WHERE ${surveyLinks.revokedAt} IS NULL)`.mapWith(
            Number,
          ),
          started: sql<number>`count(*) FILTER (WHERE ${surveyLinks.revokedAt} IS NULL
            AND ${surveyLinks.submittedAt} IS NULL AND ${surveyLinks.draft} IS NOT NULL)`.mapWith(
            Number,
          ),
          submitted:
            sql<number>`count(*) FILTER (WHERE ${surveyLinks.submittedAt} IS NOT NULL)`.mapWith(
              Number,
            ),
          revoked:
            sql<number>`count(*) FILTER (WHERE ${surveyLinks.revokedAt} IS NOT NULL)`.mapWith(
              Number,
            ),
        })
        .from(surveyLinks)
        .where(
          and(eq(surveyLinks.collaborationId, collaborationId), eq(surveyLinks.waveId, waveId)),
        );
      return row ?? { invited: 0, started: 0, submitted: 0, revoked: 0 };
    },

    /** The link with this token hash, optionally locked for the rest of the transaction. */
    async linkByTokenHash(
      tokenHash: string,
      options: { forUpdate?: boolean } = {},
    ): Promise<SurveyLinkRow | null> {
      const query = db.select().from(surveyLinks).where(eq(surveyLinks.tokenHash, tokenHash));
      const [row] = await (options.forUpdate ? query.for('update') : query);
      return row ?? null;
    },

    /** The link with this id in a wave, or null. */
    async linkById(collaborationId: string, waveId: string, id: string) {
      const [row] = await db
        .select()
        .from(surveyLinks)
        .where(
          and(
            eq(surveyLinks.id, id),
            eq(surveyLinks.collaborationId, collaborationId),
            eq(surveyLinks.waveId, waveId),
          ),
        )
        .for('update');
      return row ?? null;
    },

    /** Revokes an unused link; null when it was used meanwhile. */
    async revokeLink(id: string, at: Date): Promise<SurveyLinkRow | null> {
      const [row] = await db
        .update(surveyLinks)
        .set({ revokedAt: at })
        .where(and(eq(surveyLinks.id, id), isNull(surveyLinks.submittedAt)))
        .returning();
      return row ?? null;
    },

    /** Gives an unused link a new token (the old one stops working) and lifts a revocation. */
    async reissueLink(id: string, tokenHash: string): Promise<SurveyLinkRow | null> {
      const [row] = await db
        .update(surveyLinks)
        .set({ tokenHash, revokedAt: null })
        .where(and(eq(surveyLinks.id, id), isNull(surveyLinks.submittedAt)))
        .returning();
      return row ?? null;
    },

    /** Saves a draft on a live, unused link; false when the link was used or revoked meanwhile. */
    async saveDraft(tokenHash: string, draft: unknown): Promise<boolean> {
      const updated = await db
        .update(surveyLinks)
        .set({ draft })
        .where(
          and(
            eq(surveyLinks.tokenHash, tokenHash),
            isNull(surveyLinks.submittedAt),
            isNull(surveyLinks.revokedAt),
          ),
        )
        .returning({ id: surveyLinks.id });
      return updated.length === 1;
    },

    /**
     * Marks a link used and drops its draft, only if nobody did so first (the condition
     * makes two racing submissions on one token yield one winner). `responseId` is null
     * in anonymous waves, so the link keeps no pointer to the response.
     */
    async markSubmitted(tokenHash: string, at: Date, responseId: string | null): Promise<boolean> {
      const updated = await db
        .update(surveyLinks)
        .set({ submittedAt: at, responseId, draft: null })
        .where(
          and(
            eq(surveyLinks.tokenHash, tokenHash),
            isNull(surveyLinks.submittedAt),
            isNull(surveyLinks.revokedAt),
          ),
        )
        .returning({ id: surveyLinks.id });
      return updated.length === 1;
    },

    /** Ends every unused link of a wave at `at` (when the wave closes). */
    async expireLinks(collaborationId: string, waveId: string, at: Date): Promise<void> {
      await db
        .update(surveyLinks)
        .set({ expiresAt: at })
        .where(
          and(
            eq(surveyLinks.collaborationId, collaborationId),
            eq(surveyLinks.waveId, waveId),
            isNull(surveyLinks.submittedAt),
            or(isNull(surveyLinks.expiresAt), gt(surveyLinks.expiresAt, at)),
          ),
        );
    },

    /** The stored result of a request sent with an Idempotency-Key, or null. */
    async idempotentResult(
      scope: string,
      key: string,
    ): Promise<{ status: number; body: unknown } | null> {
      const [row] = await db
        .select({ status: idempotencyKeys.status, body: idempotencyKeys.body })
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
      return row ?? null;
    },

    /** Keeps a request's result under its Idempotency-Key. */
    async saveIdempotentResult(
      scope: string,
      key: string,
      status: number,
      body: unknown,
    ): Promise<void> {
      await db.insert(idempotencyKeys).values({ scope, key, status, body });
    },

    /** Appends to the audit log (in the caller's transaction). */
    async audit(entry: SurveyAuditEntry): Promise<void> {
      await db.insert(auditLog).values({
        workspaceId: entry.workspaceId,
        actor: entry.actor,
        action: entry.action,
        targetKind: entry.targetKind,
        targetId: entry.targetId,
        ...(entry.before === undefined ? {} : { before: entry.before }),
        ...(entry.after === undefined ? {} : { after: entry.after }),
      });
    },
  };
}

/** The survey repository: what {@link surveyRepository} returns. */
export type SurveyRepository = ReturnType<typeof surveyRepository>;
