import { and, asc, count, eq } from 'drizzle-orm';
import type { Database } from './database.js';
import { memberships, users, workspaces, type MembershipRow, type UserRow } from './schema.js';
import { sqlState, StoreError } from './store-error.js';

/** Emails are compared and stored trimmed and in lower case. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** A user's membership with the workspace's slug, name and archive state. */
export interface UserMembership {
  readonly workspaceId: string;
  readonly slug: string;
  readonly name: string;
  readonly archivedAt: Date | null;
  readonly role: string;
  readonly agencyId: string | null;
}

/** A member of a workspace as owners see them. */
export interface WorkspaceMember {
  readonly userId: string;
  readonly email: string;
  readonly displayName: string;
  readonly role: string;
  readonly agencyId: string | null;
  /** False until the user has accepted an invitation or reset link. */
  readonly hasPassword: boolean;
  readonly disabledAt: Date | null;
  readonly memberSince: Date;
}

/** Users and their memberships in workspaces. */
export function userRepository(db: Database, newId: () => string = () => crypto.randomUUID()) {
  const repository = {
    /** The user with this email (compared case-insensitively), or null. */
    async byEmail(email: string): Promise<UserRow | null> {
      const [row] = await db
        .select()
        .from(users)
        .where(eq(users.email, normaliseEmail(email)));
      return row ?? null;
    },

    /** The user with this id, or null. */
    async byId(id: string): Promise<UserRow | null> {
      const [row] = await db.select().from(users).where(eq(users.id, id));
      return row ?? null;
    },

    /** Creates a user (without a password until one is set); a taken email is a `conflict`. */
    async create(input: {
      email: string;
      displayName: string;
      passwordHash?: string | null;
      id?: string;
      createdAt?: Date;
      disabledAt?: Date | null;
    }): Promise<UserRow> {
      try {
        const [row] = await db
          .insert(users)
          .values({
            id: input.id ?? newId(),
            email: normaliseEmail(input.email),
            displayName: input.displayName,
            passwordHash: input.passwordHash ?? null,
            ...(input.createdAt ? { createdAt: input.createdAt } : {}),
            disabledAt: input.disabledAt ?? null,
          })
          .returning();
        if (!row) throw new Error('insert returned no row');
        return row;
      } catch (error) {
        if (sqlState(error) === '23505')
          throw new StoreError('conflict', `a user with email "${input.email}" already exists`, {
            cause: error,
          });
        throw error;
      }
    },

    /** Sets (or, with null, clears) a user's password hash. */
    async setPasswordHash(userId: string, passwordHash: string | null): Promise<void> {
      await db.update(users).set({ passwordHash }).where(eq(users.id, userId));
    },

    /** Changes a user's display name. */
    async setDisplayName(userId: string, displayName: string): Promise<void> {
      await db.update(users).set({ displayName }).where(eq(users.id, userId));
    },

    /** How many users exist. */
    async count(): Promise<number> {
      const [row] = await db.select({ n: count() }).from(users);
      return row?.n ?? 0;
    },

    /** Every user, in order of creation. */
    async list(): Promise<UserRow[]> {
      return db.select().from(users).orderBy(asc(users.createdAt), asc(users.email));
    },

    /** The user's memberships, archived workspaces included, in order of joining. */
    async membershipsOf(userId: string): Promise<UserMembership[]> {
      return db
        .select({
          workspaceId: memberships.workspaceId,
          slug: workspaces.slug,
          name: workspaces.name,
          archivedAt: workspaces.archivedAt,
          role: memberships.role,
          agencyId: memberships.agencyId,
        })
        .from(memberships)
        .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
        .where(eq(memberships.userId, userId))
        .orderBy(asc(memberships.createdAt), asc(workspaces.slug));
    },

    /** The user's membership in one workspace, or null. */
    async membership(userId: string, workspaceId: string): Promise<MembershipRow | null> {
      const [row] = await db
        .select()
        .from(memberships)
        .where(and(eq(memberships.userId, userId), eq(memberships.workspaceId, workspaceId)));
      return row ?? null;
    },

    /** The members of a workspace with their roles and agencies, in order of joining. */
    async membersOf(workspaceId: string): Promise<WorkspaceMember[]> {
      const rows = await db
        .select({
          userId: users.id,
          email: users.email,
          displayName: users.displayName,
          role: memberships.role,
          agencyId: memberships.agencyId,
          passwordHash: users.passwordHash,
          disabledAt: users.disabledAt,
          memberSince: memberships.createdAt,
        })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(eq(memberships.workspaceId, workspaceId))
        .orderBy(asc(memberships.createdAt), asc(users.email));
      return rows.map(({ passwordHash, ...m }) => ({ ...m, hasPassword: passwordHash !== null }));
    },

    /** Adds a membership; one that already exists is a `conflict`. */
    async addMembership(input: {
      userId: string;
      workspaceId: string;
      role: string;
      agencyId: string | null;
      createdAt?: Date;
    }): Promise<MembershipRow> {
      try {
        const [row] = await db
          .insert(memberships)
          .values({
            userId: input.userId,
            workspaceId: input.workspaceId,
            role: input.role,
            agencyId: input.agencyId,
            ...(input.createdAt ? { createdAt: input.createdAt } : {}),
          })
          .returning();
        if (!row) throw new Error('insert returned no row');
        return row;
      } catch (error) {
        if (sqlState(error) === '23505')
          throw new StoreError('conflict', 'the user is already a member of this workspace', {
            cause: error,
          });
        throw error;
      }
    },

    /** Changes a membership's role and/or agency; returns the row after, or null if none. */
    async updateMembership(
      userId: string,
      workspaceId: string,
      change: { role?: string; agencyId?: string | null },
    ): Promise<MembershipRow | null> {
      const set = {
        ...(change.role !== undefined ? { role: change.role } : {}),
        ...(change.agencyId !== undefined ? { agencyId: change.agencyId } : {}),
      };
      if (Object.keys(set).length === 0) return repository.membership(userId, workspaceId);
      const [row] = await db
        .update(memberships)
        .set(set)
        .where(and(eq(memberships.userId, userId), eq(memberships.workspaceId, workspaceId)))
        .returning();
      return row ?? null;
    },

    /** Removes a membership; returns the removed row, or null if there was none. */
    async removeMembership(userId: string, workspaceId: string): Promise<MembershipRow | null> {
      const [row] = await db
        .delete(memberships)
        .where(and(eq(memberships.userId, userId), eq(memberships.workspaceId, workspaceId)))
        .returning();
      return row ?? null;
    },

    /**
     * How many owners a workspace has, so the last one cannot be removed or demoted. Their
     * rows stay locked until the transaction ends, so two owners demoting each other at
     * once cannot both succeed.
     */
    async ownerCount(workspaceId: string): Promise<number> {
      const rows = await db
        .select({ userId: memberships.userId })
        .from(memberships)
        .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.role, 'owner')))
        .for('update');
      return rows.length;
    },
  };
  return repository;
}

/** The user repository: what {@link userRepository} returns. */
export type UserRepository = ReturnType<typeof userRepository>;
