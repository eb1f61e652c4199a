import { randomBytes } from 'node:crypto';
import type { Store, WorkspaceRow } from '@weframe/store';
import { CliError, withStore, workspaceFor, type CliDeps, type Io } from '../context.js';

/** Roles a user can hold in a workspace (mirrors the server's policy table). */
export const USER_ROLES = ['owner', 'facilitator', 'researcher', 'member', 'viewer'] as const;

/** Options of `weframe user create`. */
export interface UserCreateOptions {
  readonly email: string;
  readonly passwordStdin?: boolean;
  readonly role: (typeof USER_ROLES)[number];
  readonly workspace?: string;
  readonly agency?: string;
  readonly name?: string;
}

/** Reads the password: from a pipe until its end, or typed at a terminal without echo. */
export type PasswordReader = () => Promise<string>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * `weframe user create --email E --password-stdin --role R [--workspace S] [--agency A]
 * [--name N]`: creates the user if missing (an existing user's password is replaced and
 * their sessions end) and gives them the role in the workspace. The password is read from
 * standard input, never from the command line, where other users of the machine could see it.
 */
export async function userCreateCommand(
  opts: UserCreateOptions,
  deps: CliDeps,
  io: Io,
  readPassword: PasswordReader = readPasswordFromStdin,
): Promise<void> {
  if (!EMAIL.test(opts.email)) throw new CliError(`"${opts.email}" is not an email address`);
  if (!opts.passwordStdin) {
    throw new CliError(
      'give the password on standard input with --password-stdin (never on the command line)',
    );
  }
  const password = (await readPassword()).replace(/\r?\n$/, '');
  const { passwordProblem, scryptHasher } = await import('@weframe/server');
  const problem = passwordProblem(password);
  if (problem) throw new CliError(`the password ${problem}`);
  const passwordHash = await scryptHasher().hash(password);

  await withStore(deps, async (store) => {
    const ws = await workspaceFor(store, opts.workspace);
    const outcome = await store.transaction(async (tx) => {
      const now = new Date();
      const existing = await tx.users.byEmail(opts.email);
      const user =
        existing ??
        (await tx.users.create({
          email: opts.email,
          displayName: opts.name ?? opts.email.split('@')[0] ?? opts.email,
          passwordHash,
        }));
      let sessionsEnded = 0;
      if (existing) {
        await tx.users.setPasswordHash(user.id, passwordHash);
        if (opts.name) await tx.users.setDisplayName(user.id, opts.name);
        sessionsEnded = await tx.sessions.removeAllOf(user.id);
        await tx.accessLinks.voidAllOf(user.id, now);
        await tx.audit.append(ws.id, {
          actor: 'cli',
          action: 'user.password_set',
          targetKind: 'user',
          targetId: user.id,
          after: { sessionsEnded },
          at: now,
        });
      }
      const agencyId = opts.agency ?? null;
      const before = await tx.users.membership(user.id, ws.id);
      if (!before) {
        await tx.users.addMembership({
          userId: user.id,
          workspaceId: ws.id,
          role: opts.role,
          agencyId,
        });
        await tx.audit.append(ws.id, {
          actor: 'cli',
          action: 'membership.add',
          targetKind: 'membership',
          targetId: user.id,
          after: { email: user.email, role: opts.role, agencyId },
          at: now,
        });
      } else if (before.role !== opts.role || before.agencyId !== agencyId) {
        await tx.users.updateMembership(user.id, ws.id, { role: opts.role, agencyId });
        await tx.audit.append(ws.id, {
          actor: 'cli',
          action: 'membership.update',
          targetKind: 'membership',
          targetId: user.id,
          before: { role: before.role, agencyId: before.agencyId },
          after: { role: opts.role, agencyId },
          at: now,
        });
      }
      return { user, created: !existing, sessionsEnded };
    });
    io.out(
      outcome.created
        ? `created user ${outcome.user.email}`
        : `user ${outcome.user.email} already existed: password replaced, ${outcome.sessionsEnded} session(s) ended`,
    );
    io.out(
      `${outcome.user.email} is ${opts.role} of workspace "${ws.slug}"${opts.agency ? ` (agency ${opts.agency})` : ''}`,
    );
  });
}

/** `weframe user list [--json]`: every user with their workspaces and roles. */
export async function userListCommand(
  opts: { json?: boolean },
  deps: CliDeps,
  io: Io,
): Promise<void> {
  await withStore(deps, async (store) => {
    const rows = [];
    for (const user of await store.users.list()) {
      const memberships = await store.users.membershipsOf(user.id);
      rows.push({
        email: user.email,
        displayName: user.displayName,
        status: user.disabledAt ? 'disabled' : user.passwordHash ? 'active' : 'invited',
        memberships: memberships.map((m) => ({
          workspace: m.slug,
          role: m.role,
          agencyId: m.agencyId,
          archived: m.archivedAt !== null,
        })),
      });
    }
    if (opts.json) {
      io.out(JSON.stringify(rows, null, 2));
      return;
    }
    if (rows.length === 0) {
      io.out(
        'No users yet. Create the first owner with `weframe user create --email E --password-stdin --role owner`.',
      );
      return;
    }
    for (const r of rows) {
      const where = r.memberships
        .map(
          (m) =>
            `${m.workspace}:${m.role}${m.agencyId ? `@${m.agencyId}` : ''}${m.archived ? ' (archived)' : ''}`,
        )
        .join(', ');
      io.out(`${r.email}  ${r.displayName}  ${r.status}  ${where || '(no workspace)'}`);
    }
  });
}

/** The demo owner's email, created by `weframe demo` in a database without users. */
export const DEMO_OWNER_EMAIL = 'demo.owner@example.org';

/**
 * Creates the demo owner when the database has no users at all, printing the email and a
 * random password once: only its hash is stored, so it is never shown again.
 */
export async function ensureDemoOwner(store: Store, ws: WorkspaceRow, io: Io): Promise<void> {
  if ((await store.users.count()) > 0) return;
  const password = randomBytes(18).toString('base64url');
  const { scryptHasher } = await import('@weframe/server');
  const passwordHash = await scryptHasher().hash(password);
  const created = await store.transaction(async (tx) => {
    // Another process may have made the first user meanwhile.
    if ((await tx.users.count()) > 0) return false;
    const user = await tx.users.create({
      email: DEMO_OWNER_EMAIL,
      displayName: 'Demo owner',
      passwordHash,
    });
    await tx.users.addMembership({
      userId: user.id,
      workspaceId: ws.id,
      role: 'owner',
      agencyId: null,
    });
    await tx.audit.append(ws.id, {
      actor: 'demo',
      action: 'membership.add',
      targetKind: 'membership',
      targetId: user.id,
      after: { email: user.email, role: 'owner', agencyId: null },
      at: new Date(),
    });
    return true;
  });
  if (!created) return;
  io.out('');
  io.out('A demo owner was created. Sign in with:');
  io.out(`  email:    ${DEMO_OWNER_EMAIL}`);
  io.out(`  password: ${password}`);
  io.out('This password is shown only now and is not stored; change it after signing in.');
  io.out('');
}

/** Reads a password from standard input: a pipe to its end, or a terminal line without echo. */
export async function readPasswordFromStdin(): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of stdin) chunks.push(Buffer.from(chunk as Uint8Array));
    return Buffer.concat(chunks).toString('utf8');
  }
  process.stderr.write('Password: ');
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  try {
    return await new Promise<string>((resolve, reject) => {
      let typed = '';
      const onData = (text: string) => {
        for (const ch of text) {
          if (ch === '\r' || ch === '\n' || ch === '\u0004') {
            stdin.off('data', onData);
            process.stderr.write('\n');
            resolve(typed);
            return;
          }
          if (ch === '\u0003') {
            stdin.off('data', onData);
            process.stderr.write('\n');
            reject(new CliError('cancelled'));
            return;
          }
          if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
          else typed += ch;
        }
      };
      stdin.on('data', onData);
    });
  } finally {
    stdin.setRawMode(false);
    stdin.pause();
  }
}
