import { asc, eq, isNull } from 'drizzle-orm';
import type { Database } from './database.js';
import { workspaces, type WorkspaceRow } from './schema.js';
import { sqlState, StoreError } from './store-error.js';

/** The workspace the CLI and a fresh install work in unless told otherwise. */
export const DEFAULT_WORKSPACE = { slug: 'default', name: 'Default workspace' } as const;

/** Reads and creates workspaces. */
export function workspaceRepository(db: Database, newId: () => string = () => crypto.randomUUID()) {
  const repository = {
    /** The default workspace, created on first use; safe when two processes race. */
    async ensureDefault(): Promise<WorkspaceRow> {
      await db
        .insert(workspaces)
        .values({ id: newId(), ...DEFAULT_WORKSPACE })
        .onConflictDoNothing({ target: workspaces.slug });
      const found = await repository.bySlug(DEFAULT_WORKSPACE.slug);
      if (!found) throw new StoreError('not_found', 'the default workspace could not be created');
      return found;
    },

    /** The workspace with this slug, or null. */
    async bySlug(slug: string): Promise<WorkspaceRow | null> {
      const [row] = await db.select().from(workspaces).where(eq(workspaces.slug, slug));
      return row ?? null;
    },

    /** The workspace with this id, or null. */
    async byId(id: string): Promise<WorkspaceRow | null> {
      const [row] = await db.select().from(workspaces).where(eq(workspaces.id, id));
      return row ?? null;
    },

    /** Creates a workspace; a slug already taken is a `conflict`. */
    async create(input: { slug: string; name: string }): Promise<WorkspaceRow> {
      try {
        const [row] = await db
          .insert(workspaces)
          .values({ id: newId(), slug: input.slug, name: input.name })
          .returning();
        if (!row) throw new Error('insert returned no row');
        return row;
      } catch (error) {
        if (sqlState(error) === '23505')
          throw new StoreError('conflict', `a workspace "${input.slug}" already exists`, {
            cause: error,
          });
        throw error;
      }
    },

    /** Workspaces in order of creation; archived ones only when asked. */
    async list(options: { includeArchived?: boolean } = {}): Promise<WorkspaceRow[]> {
      return db
        .select()
        .from(workspaces)
        .where(options.includeArchived ? undefined : isNull(workspaces.archivedAt))
        .orderBy(asc(workspaces.createdAt), asc(workspaces.slug));
    },

    /** Archives (a date) or restores (null) a workspace; returns it, or null if unknown. */
    async setArchived(id: string, archivedAt: Date | null): Promise<WorkspaceRow | null> {
      const [row] = await db
        .update(workspaces)
        .set({ archivedAt })
        .where(eq(workspaces.id, id))
        .returning();
      return row ?? null;
    },
  };
  return repository;
}

/** The workspace repository: what {@link workspaceRepository} returns. */
export type WorkspaceRepository = ReturnType<typeof workspaceRepository>;
