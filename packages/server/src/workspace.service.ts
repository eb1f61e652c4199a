import type {
  MembershipRow,
  Store,
  StoreScope,
  WorkspaceExport,
  WorkspaceRow,
} from '@weframe/store';
import type { Mailer } from './auth/mailer.js';
import type { UserPrincipal } from './auth/principal.js';
import { newToken, tokenHash } from './auth/tokens.js';
import { ServiceError } from './errors.js';
import { POLICY, type Action, type Reach, type Role } from './policy.js';

/** Invitation links stay valid for 7 days… */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60_000;
/** …reset links for 24 hours. */
export const RESET_TTL_MS = 24 * 60 * 60_000;

/** What the workspace service needs. */
export interface WorkspaceDeps {
  readonly store: Store;
  readonly now: () => Date;
  readonly mailer: Mailer;
  readonly publicUrl: string | undefined;
}

/** A one-time link to pass on: the URL (absolute when the public URL is configured). */
export interface OneTimeLink {
  readonly url: string;
  readonly expiresAt: Date;
}

/** A workspace the caller may act in, with their membership there. */
export interface OpenedWorkspace {
  readonly workspace: WorkspaceRow;
  readonly membership: MembershipRow;
}

/** Actions an owner may still take in an archived workspace. */
const ALLOWED_WHEN_ARCHIVED = new Set<string>([
  'workspace.archive',
  'workspace.export',
  'workspace.audit',
  'workspace.users.read',
]);

const MEMBER_FIELDS = (m: Pick<MembershipRow, 'role' | 'agencyId'>) => ({
  role: m.role,
  agencyId: m.agencyId,
});

/** Workspaces: membership, roles, invitations, resets, the audit log, archive, export, import. */
export function workspaceService(deps: WorkspaceDeps) {
  const { store, mailer } = deps;
  const base = (deps.publicUrl ?? '').replace(/\/+$/, '');

  async function issueLink(
    scope: StoreScope,
    input: { kind: 'invite' | 'reset'; userId: string; workspaceId: string; createdBy: string },
  ): Promise<OneTimeLink> {
    const token = newToken();
    const now = deps.now();
    const expiresAt = new Date(
      now.getTime() + (input.kind === 'invite' ? INVITATION_TTL_MS : RESET_TTL_MS),
    );
    await scope.accessLinks.voidAllOf(input.userId, now);
    await scope.accessLinks.create({
      tokenHash: tokenHash(token),
      kind: input.kind,
      userId: input.userId,
      workspaceId: input.workspaceId,
      createdBy: input.createdBy,
      createdAt: now,
      expiresAt,
    });
    return { url: `${base}/${input.kind}/${token}`, expiresAt };
  }

  /**
   * Whether `actorId` owns every workspace `userId` belongs to: only then may they hand out
   * a link that sets that user's password, which would open all those workspaces.
   */
  async function controlsAccount(scope: StoreScope, actorId: string, userId: string) {
    const theirs = await scope.users.membershipsOf(userId);
    const mine = await scope.users.membershipsOf(actorId);
    const owned = new Set(mine.filter((m) => m.role === 'owner').map((m) => m.workspaceId));
    return theirs.every((m) => owned.has(m.workspaceId));
  }

  async function mail(to: string, subject: string, text: string): Promise<boolean> {
    try {
      return (await mailer.send({ to, subject, text })).sent;
    } catch {
      return false;
    }
  }

  async function refuseLastOwner(scope: StoreScope, before: MembershipRow, nextRole?: string) {
    if (before.role !== 'owner' || nextRole === 'owner') return;
    if ((await scope.users.ownerCount(before.workspaceId)) <= 1) {
      throw new ServiceError('conflict', 'a workspace keeps at least one owner');
    }
  }

  const service = {
    /**
     * The workspace with this slug if the user is a member allowed to take `action` there:
     * 404 when it does not exist or they are not a member (the two look alike), 403 when
     * their role does not allow it, 409 when it is archived and the action needs it active.
     */
    async open(principal: UserPrincipal, slug: string, action: Action | 'workspace.users.read') {
      const workspace = await store.workspaces.bySlug(slug);
      const membership = workspace
        ? await store.users.membership(principal.userId, workspace.id)
        : null;
      if (!workspace || !membership) throw new ServiceError('not_found', `no workspace "${slug}"`);
      const policyAction: Action = action === 'workspace.users.read' ? 'workspace.users' : action;
      const table: Partial<Record<string, Reach>> = POLICY[policyAction];
      if (table[membership.role] === undefined) {
        throw new ServiceError('forbidden', `your role (${membership.role}) does not allow this`);
      }
      if (workspace.archivedAt && !ALLOWED_WHEN_ARCHIVED.has(action)) {
        throw new ServiceError('conflict', `the workspace "${slug}" is archived; restore it first`);
      }
      return { workspace, membership } satisfies OpenedWorkspace;
    },

    /** The caller's workspaces (archived ones marked) with their role in each. */
    async listMine(principal: UserPrincipal) {
      return store.users.membershipsOf(principal.userId);
    },

    /**
     * Creates a workspace with the caller as its owner. Only owners of some workspace may
     * (the first workspace and owner come from the CLI).
     */
    async create(principal: UserPrincipal, input: { slug: string; name: string }) {
      if (!principal.memberships.some((m) => m.role === 'owner')) {
        throw new ServiceError('forbidden', 'only owners of a workspace may create workspaces');
      }
      return store.transaction(async (tx) => {
        const workspace = await tx.workspaces.create(input);
        await tx.users.addMembership({
          userId: principal.userId,
          workspaceId: workspace.id,
          role: 'owner',
          agencyId: null,
          createdAt: deps.now(),
        });
        await tx.audit.append(workspace.id, {
          actor: principal.userId,
          action: 'workspace.create',
          targetKind: 'workspace',
          targetId: workspace.id,
          after: { slug: workspace.slug, name: workspace.name },
          at: deps.now(),
        });
        return workspace;
      });
    },

    /** The members of a workspace. */
    async members(workspace: WorkspaceRow) {
      return store.users.membersOf(workspace.id);
    },

    /**
     * Invites someone by email with a role and agency. A new user gets a one-time link to
     * set their password (mailed only when SMTP is configured; always returned to pass on);
     * someone who already has an account is simply added.
     */
    async invite(
      actor: UserPrincipal,
      workspace: WorkspaceRow,
      input: { email: string; role: Role; agencyId: string | null; displayName?: string },
    ) {
      const result = await store.transaction(async (tx) => {
        let user = await tx.users.byEmail(input.email);
        const isNew = user === null;
        user ??= await tx.users.create({
          email: input.email,
          displayName: input.displayName ?? input.email.split('@')[0] ?? input.email,
        });
        if (await tx.users.membership(user.id, workspace.id)) {
          throw new ServiceError('conflict', `${user.email} is already a member of this workspace`);
        }
        await tx.users.addMembership({
          userId: user.id,
          workspaceId: workspace.id,
          role: input.role,
          agencyId: input.agencyId,
          createdAt: deps.now(),
        });
        // A link sets the password; never hand one out for an account whose other
        // workspaces the inviting owner does not own.
        const needsLink = user.passwordHash === null;
        const link =
          needsLink && (isNew || (await controlsAccount(tx, actor.userId, user.id)))
            ? await issueLink(tx, {
                kind: 'invite',
                userId: user.id,
                workspaceId: workspace.id,
                createdBy: actor.userId,
              })
            : null;
        await tx.audit.append(workspace.id, {
          actor: actor.userId,
          action: link ? 'membership.invite' : 'membership.add',
          targetKind: 'membership',
          targetId: user.id,
          after: { email: user.email, role: input.role, agencyId: input.agencyId },
          at: deps.now(),
        });
        const member = (await tx.users.membersOf(workspace.id)).find((m) => m.userId === user.id);
        if (!member) throw new Error('the new member vanished');
        return { member, link };
      });
      const mailed = result.link
        ? await mail(
            result.member.email,
            `You are invited to ${workspace.name} on Weframe`,
            `You have been invited to the workspace "${workspace.name}" on Weframe as ${input.role}.\n` +
              `Choose your password here: ${result.link.url}\n` +
              `The link works once and expires on ${result.link.expiresAt.toISOString()}.`,
          )
        : false;
      return { ...result, mailed };
    },

    /** Changes a member's role and/or agency; the last owner cannot be demoted. */
    async updateMember(
      actor: UserPrincipal,
      workspace: WorkspaceRow,
      userId: string,
      change: { role?: Role | undefined; agencyId?: string | null | undefined },
    ) {
      return store.transaction(async (tx) => {
        const before = await tx.users.membership(userId, workspace.id);
        if (!before) throw new ServiceError('not_found', 'no such member of this workspace');
        await refuseLastOwner(tx, before, change.role);
        const after = await tx.users.updateMembership(userId, workspace.id, change);
        if (!after) throw new ServiceError('not_found', 'no such member of this workspace');
        await tx.audit.append(workspace.id, {
          actor: actor.userId,
          action: 'membership.update',
          targetKind: 'membership',
          targetId: userId,
          before: MEMBER_FIELDS(before),
          after: MEMBER_FIELDS(after),
          at: deps.now(),
        });
        const member = (await tx.users.membersOf(workspace.id)).find((m) => m.userId === userId);
        if (!member) throw new Error('the member vanished');
        return member;
      });
    },

    /** Removes a member from the workspace; the last owner cannot be removed. */
    async removeMember(actor: UserPrincipal, workspace: WorkspaceRow, userId: string) {
      await store.transaction(async (tx) => {
        const before = await tx.users.membership(userId, workspace.id);
        if (!before) throw new ServiceError('not_found', 'no such member of this workspace');
        await refuseLastOwner(tx, before);
        const user = await tx.users.byId(userId);
        await tx.users.removeMembership(userId, workspace.id);
        await tx.audit.append(workspace.id, {
          actor: actor.userId,
          action: 'membership.remove',
          targetKind: 'membership',
          targetId: userId,
          before: { email: user?.email ?? null, ...MEMBER_FIELDS(before) },
          at: deps.now(),
        });
      });
    },

    /**
     * Resets a member's access: their password is cleared, every session of theirs ends,
     * and a new one-time link is returned to pass on. Only for users whose every workspace
     * the owner also owns, since the link opens all of them.
     */
    async resetAccess(actor: UserPrincipal, workspace: WorkspaceRow, userId: string) {
      const result = await store.transaction(async (tx) => {
        const membership = await tx.users.membership(userId, workspace.id);
        const user = membership ? await tx.users.byId(userId) : null;
        if (!membership || !user) {
          throw new ServiceError('not_found', 'no such member of this workspace');
        }
        if (!(await controlsAccount(tx, actor.userId, userId))) {
          throw new ServiceError(
            'forbidden',
            'this user also belongs to workspaces you do not own; an owner of all of them, or the CLI, can reset their access',
          );
        }
        await tx.users.setPasswordHash(userId, null);
        const sessionsEnded = await tx.sessions.removeAllOf(userId);
        const link = await issueLink(tx, {
          kind: 'reset',
          userId,
          workspaceId: workspace.id,
          createdBy: actor.userId,
        });
        await tx.audit.append(workspace.id, {
          actor: actor.userId,
          action: 'user.reset',
          targetKind: 'user',
          targetId: userId,
          after: { sessionsEnded },
          at: deps.now(),
        });
        return { user, link };
      });
      const mailed = await mail(
        result.user.email,
        'Your Weframe access was reset',
        `An owner of "${workspace.name}" reset your access to Weframe.\n` +
          `Choose a new password here: ${result.link.url}\n` +
          `The link works once and expires on ${result.link.expiresAt.toISOString()}.`,
      );
      return { link: result.link, mailed };
    },

    /** A page of the workspace's audit log, newest first. */
    async auditPage(workspace: WorkspaceRow, page: { limit: number; before?: number | undefined }) {
      return store.audit.page(workspace.id, page);
    },

    /** Archives (or, with `archived: false`, restores) a workspace. Repeating it changes nothing. */
    async setArchived(actor: UserPrincipal, workspace: WorkspaceRow, archived: boolean) {
      if ((workspace.archivedAt !== null) === archived) return workspace;
      return store.transaction(async (tx) => {
        const at = deps.now();
        const row = await tx.workspaces.setArchived(workspace.id, archived ? at : null);
        if (!row) throw new ServiceError('not_found', `no workspace "${workspace.slug}"`);
        await tx.audit.append(workspace.id, {
          actor: actor.userId,
          action: archived ? 'workspace.archive' : 'workspace.restore',
          targetKind: 'workspace',
          targetId: workspace.id,
          before: { archivedAt: workspace.archivedAt?.toISOString() ?? null },
          after: { archivedAt: row.archivedAt?.toISOString() ?? null },
          at,
        });
        return row;
      });
    },

    /** The whole workspace as one export; the export itself is audited. */
    async exportWorkspace(actor: UserPrincipal | string, workspace: WorkspaceRow) {
      const data = await store.workspaceArchive.exportWorkspace(workspace.id, deps.now());
      if (!data) throw new ServiceError('not_found', `no workspace "${workspace.slug}"`);
      await store.audit.append(workspace.id, {
        actor: typeof actor === 'string' ? actor : actor.userId,
        action: 'workspace.export',
        targetKind: 'workspace',
        targetId: workspace.id,
        after: { collaborations: data.collaborations.length, auditEntries: data.audit.length },
        at: deps.now(),
      });
      return data;
    },

    /** Restores an export into this (empty) workspace in one transaction. */
    async importWorkspace(
      actor: UserPrincipal | string,
      workspace: WorkspaceRow,
      data: WorkspaceExport,
    ) {
      return store.transaction((tx) =>
        tx.workspaceArchive.importWorkspace(workspace.id, data, {
          actor: typeof actor === 'string' ? actor : actor.userId,
          at: deps.now(),
        }),
      );
    },
  };
  return service;
}

/** The workspace service: what {@link workspaceService} returns. */
export type WorkspaceService = ReturnType<typeof workspaceService>;
