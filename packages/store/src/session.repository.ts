import { and, count, eq, gt, lt, ne } from 'drizzle-orm';
import type { Database } from './database.js';
import { sessions, users, type SessionRow, type UserRow } from './schema.js';

/** A session found by its token's hash, with the user it belongs to. */
export interface SessionWithUser {
  readonly session: SessionRow;
  readonly user: UserRow;
}

/** Signed-in sessions. Only a hash of each cookie's token is ever stored. */
export function sessionRepository(db: Database) {
  return {
    /** Stores a new session. */
    async create(input: {
      tokenHash: string;
      userId: string;
      csrfToken: string;
      createdAt: Date;
      expiresAt: Date;
    }): Promise<void> {
      await db.insert(sessions).values(input);
    },

    /** The session with this token hash and its user, if it has not expired at `now`. */
    async findLive(tokenHash: string, now: Date): Promise<SessionWithUser | null> {
      const [row] = await db
        .select({ session: sessions, user: users })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(eq(sessions.tokenHash, tokenHash));
      if (!row || row.session.expiresAt <= now) return null;
      return row;
    },

    /** Moves a session's expiry (sliding idle timeout). */
    async extend(tokenHash: string, expiresAt: Date): Promise<void> {
      await db.update(sessions).set({ expiresAt }).where(eq(sessions.tokenHash, tokenHash));
    },

    /** Ends one session. */
    async remove(tokenHash: string): Promise<void> {
      await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    },

    /** Ends every session of a user; returns how many there were. */
    async removeAllOf(userId: string): Promise<number> {
      const removed = await db
        .delete(sessions)
        .where(eq(sessions.userId, userId))
        .returning({ tokenHash: sessions.tokenHash });
      return removed.length;
    },

    /** Ends every session of a user except one (after a password change). */
    async removeOthersOf(userId: string, keepTokenHash: string): Promise<void> {
      await db
        .delete(sessions)
        .where(and(eq(sessions.userId, userId), ne(sessions.tokenHash, keepTokenHash)));
    },

    /** Removes sessions that expired before `now`. */
    async removeExpired(now: Date): Promise<void> {
      await db.delete(sessions).where(lt(sessions.expiresAt, now));
    },

    /** How many live sessions a user has at `now`. */
    async countOf(userId: string, now: Date): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(sessions)
        .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now)));
      return row?.n ?? 0;
    },
  };
}

/** The session repository: what {@link sessionRepository} returns. */
export type SessionRepository = ReturnType<typeof sessionRepository>;
