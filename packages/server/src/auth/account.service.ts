import { normaliseEmail, type Store, type StoreScope, type UserRow } from '@weframe/store';
import { ServiceError } from '../errors.js';
import { ROLES, type Principal, type Role } from '../policy.js';
import type { PasswordHasher } from './password.js';
import type { LoginThrottle } from './rate-limit.js';
import { SESSION_EXTEND_STEP_MS, sessionExpiry } from './session.js';
import { newToken, tokenHash } from './tokens.js';

/** A new session: the cookie's token (never stored) and the CSRF token. */
export interface NewSession {
  readonly token: string;
  readonly csrfToken: string;
  readonly expiresAt: Date;
}

/** The outcome of a sign-in. */
export type SignInResult =
  | ({ readonly kind: 'signedIn'; readonly user: UserRow } & NewSession)
  | { readonly kind: 'throttled'; readonly retryAfterSeconds: number };

/** A session resolved from its cookie. */
export interface ResolvedSession {
  readonly principal: Extract<Principal, { kind: 'user' }>;
  readonly session: { readonly tokenHash: string; readonly csrfToken: string };
}

/** What the account service needs. */
export interface AccountDeps {
  readonly store: Pick<Store, 'users' | 'sessions' | 'accessLinks' | 'transaction'>;
  readonly now: () => Date;
  readonly hasher: PasswordHasher;
  readonly throttle: LoginThrottle;
}

const isRole = (role: string): role is Role => (ROLES as readonly string[]).includes(role);
const WRONG = 'wrong email or password';

/** Sign-in, sessions, accepting one-time links and changing one's own password. */
export function accountService(deps: AccountDeps) {
  const { store, hasher, throttle } = deps;

  async function openSession(scope: Pick<StoreScope, 'sessions'>, userId: string) {
    const token = newToken();
    const csrfToken = newToken();
    const now = deps.now();
    const expiresAt = sessionExpiry(now, now);
    await scope.sessions.create({
      tokenHash: tokenHash(token),
      userId,
      csrfToken,
      createdAt: now,
      expiresAt,
    });
    return { token, csrfToken, expiresAt };
  }

  async function auditEverywhere(
    scope: StoreScope,
    userId: string,
    entry: { action: string; after?: unknown },
  ) {
    for (const m of await scope.users.membershipsOf(userId)) {
      await scope.audit.append(m.workspaceId, {
        actor: userId,
        action: entry.action,
        targetKind: 'user',
        targetId: userId,
        after: entry.after,
        at: deps.now(),
      });
    }
  }

  return {
    /** Checks the password (rate-limited per address and email) and opens a session. */
    async signIn(input: {
      email: string;
      password: string;
      address: string;
    }): Promise<SignInResult> {
      const email = normaliseEmail(input.email);
      const wait = throttle.attempt(input.address, email);
      if (wait !== null) return { kind: 'throttled', retryAfterSeconds: wait };
      const user = await store.users.byEmail(email);
      let ok = false;
      if (user?.passwordHash && !user.disabledAt) {
        ok = await hasher.verify(input.password, user.passwordHash);
      } else {
        await hasher.verifyDecoy(input.password);
      }
      if (!user || !ok) throw new ServiceError('unauthenticated', WRONG);
      throttle.succeed(input.address, email);
      await store.sessions.removeExpired(deps.now());
      return { kind: 'signedIn', user, ...(await openSession(store, user.id)) };
    },

    /** Ends the session with this token hash. */
    async signOut(sessionTokenHash: string): Promise<void> {
      await store.sessions.remove(sessionTokenHash);
    },

    /**
     * The principal a session cookie stands for, or null when the session is unknown,
     * expired or its user disabled. Memberships of archived workspaces are left out, so no
     * route reaches into an archived workspace. Moves the idle expiry forward.
     */
    async resolve(token: string): Promise<ResolvedSession | null> {
      const hash = tokenHash(token);
      const now = deps.now();
      const found = await store.sessions.findLive(hash, now);
      if (!found || found.user.disabledAt) return null;
      const { session, user } = found;
      const next = sessionExpiry(session.createdAt, now);
      if (next.getTime() - session.expiresAt.getTime() >= SESSION_EXTEND_STEP_MS) {
        await store.sessions.extend(hash, next);
      }
      const memberships = await store.users.membershipsOf(user.id);
      return {
        principal: {
          kind: 'user',
          userId: user.id,
          email: user.email,
          displayName: user.displayName,
          memberships: memberships.flatMap((m) =>
            !m.archivedAt && isRole(m.role)
              ? [{ workspaceId: m.workspaceId, role: m.role, agencyId: m.agencyId }]
              : [],
          ),
        },
        session: { tokenHash: hash, csrfToken: session.csrfToken },
      };
    },

    /** The signed-in user with every membership (archived workspaces marked). */
    async me(userId: string) {
      const user = await store.users.byId(userId);
      if (!user) throw new ServiceError('unauthenticated', 'sign in first');
      const memberships = (await store.users.membershipsOf(userId)).filter((m) => isRole(m.role));
      return { user, memberships };
    },

    /**
     * Accepts an invitation or reset link: sets the password (and display name), ends any
     * other session of the user, and signs in, in one transaction.
     */
    async accept(input: {
      token: string;
      password: string;
      displayName?: string | undefined;
    }): Promise<{ user: UserRow } & NewSession> {
      const gone = () => new ServiceError('gone', 'this link has expired or has already been used');
      // Hashing is slow: only for a link that can still be used (a made-up token costs a
      // lookup, not a hash), and before the transaction holds the database.
      if (!(await store.accessLinks.findUsable(tokenHash(input.token), deps.now()))) throw gone();
      const passwordHash = await hasher.hash(input.password);
      return store.transaction(async (tx) => {
        const now = deps.now();
        const link = await tx.accessLinks.consume(tokenHash(input.token), now);
        const user = link ? await tx.users.byId(link.userId) : null;
        if (!link || !user || user.disabledAt) throw gone();
        await tx.users.setPasswordHash(user.id, passwordHash);
        if (input.displayName !== undefined)
          await tx.users.setDisplayName(user.id, input.displayName);
        await tx.sessions.removeAllOf(user.id);
        await tx.accessLinks.voidAllOf(user.id, now);
        const entry = {
          actor: user.id,
          action: link.kind === 'reset' ? 'reset.accept' : 'invitation.accept',
          targetKind: 'user',
          targetId: user.id,
          after: { displayName: input.displayName ?? user.displayName },
          at: now,
        };
        if (link.workspaceId) await tx.audit.append(link.workspaceId, entry);
        else await auditEverywhere(tx, user.id, entry);
        const session = await openSession(tx, user.id);
        const updated = (await tx.users.byId(user.id)) ?? user;
        return { user: updated, ...session };
      });
    },

    /**
     * Changes the signed-in user's own password after checking the current one (rate-limited
     * like sign-in); every other session of theirs ends.
     */
    async changePassword(input: {
      userId: string;
      sessionTokenHash: string;
      address: string;
      current: string;
      next: string;
    }): Promise<{ kind: 'changed' } | { kind: 'throttled'; retryAfterSeconds: number }> {
      const user = await store.users.byId(input.userId);
      if (!user) throw new ServiceError('unauthenticated', 'sign in first');
      const wait = throttle.attempt(input.address, user.email);
      if (wait !== null) return { kind: 'throttled', retryAfterSeconds: wait };
      const ok = user.passwordHash ? await hasher.verify(input.current, user.passwordHash) : false;
      if (!ok) {
        throw new ServiceError('forbidden', 'the current password is wrong', [
          { code: 'invalid_value', path: 'current', message: 'is not your current password' },
        ]);
      }
      throttle.succeed(input.address, user.email);
      const passwordHash = await hasher.hash(input.next);
      await store.transaction(async (tx) => {
        await tx.users.setPasswordHash(user.id, passwordHash);
        await tx.sessions.removeOthersOf(user.id, input.sessionTokenHash);
        await auditEverywhere(tx, user.id, { action: 'user.password_change' });
      });
      return { kind: 'changed' };
    },
  };
}

/** The account service: what {@link accountService} returns. */
export type AccountService = ReturnType<typeof accountService>;
