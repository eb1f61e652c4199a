import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Database } from './database.js';
import { accessLinks, type AccessLinkRow } from './schema.js';

/** What a one-time access link is for. */
export type AccessLinkKind = 'invite' | 'reset';

/** One-time links for invitations and access resets; only a hash of each token is stored. */
export function accessLinkRepository(db: Database) {
  return {
    /** Stores a new link. */
    async create(input: {
      tokenHash: string;
      kind: AccessLinkKind;
      userId: string;
      workspaceId: string | null;
      createdBy: string;
      createdAt: Date;
      expiresAt: Date;
    }): Promise<void> {
      await db.insert(accessLinks).values(input);
    },

    /** The link with this token hash if it is unused and unexpired at `now`, else null. */
    async findUsable(tokenHash: string, now: Date): Promise<AccessLinkRow | null> {
      const [row] = await db
        .select()
        .from(accessLinks)
        .where(
          and(
            eq(accessLinks.tokenHash, tokenHash),
            isNull(accessLinks.usedAt),
            gt(accessLinks.expiresAt, now),
          ),
        );
      return row ?? null;
    },

    /**
     * Marks the link used if it is still usable at `now` and returns it; null when it is
     * unknown, used or expired. A single UPDATE, so two concurrent uses cannot both win.
     */
    async consume(tokenHash: string, now: Date): Promise<AccessLinkRow | null> {
      const [row] = await db
        .update(accessLinks)
        .set({ usedAt: now })
        .where(
          and(
            eq(accessLinks.tokenHash, tokenHash),
            isNull(accessLinks.usedAt),
            gt(accessLinks.expiresAt, now),
          ),
        )
        .returning();
      return row ?? null;
    },

    /** Voids every unused link of a user (a newer link replaces them). */
    async voidAllOf(userId: string, now: Date): Promise<void> {
      await db
        .update(accessLinks)
        .set({ usedAt: now })
        .where(and(eq(accessLinks.userId, userId), isNull(accessLinks.usedAt)));
    },
  };
}

/** The access-link repository: what {@link accessLinkRepository} returns. */
export type AccessLinkRepository = ReturnType<typeof accessLinkRepository>;
