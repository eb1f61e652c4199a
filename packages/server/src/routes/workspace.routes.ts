import type { Context } from 'hono';
import { requireUser } from '../auth/principal.js';
import type { AppEnv, AppInstance } from '../env.js';
import { ServiceError } from '../errors.js';
import { parseWorkspaceExport } from '../workspace-export.schema.js';
import {
  presentAuditEntry,
  presentLink,
  presentMember,
  presentMyWorkspace,
  presentWorkspace,
} from '../workspace.presenter.js';
import {
  archiveWorkspaceRoute,
  auditRoute,
  createWorkspaceRoute,
  exportWorkspaceRoute,
  importWorkspaceRoute,
  inviteMemberRoute,
  listMembersRoute,
  listWorkspacesRoute,
  removeMemberRoute,
  resetMemberRoute,
  restoreWorkspaceRoute,
  updateMemberRoute,
} from '../workspace.schema.js';
import type { WorkspaceService } from '../workspace.service.js';

/** Largest workspace export accepted on import, in bytes. */
export const MAX_WORKSPACE_IMPORT_BYTES = 1024 * 1024 * 1024;

/** What the workspace routes need. */
export interface WorkspaceRouteDeps {
  readonly workspaces: WorkspaceService;
}

/** Workspaces: mine, create, members and roles, invitations, resets, audit, archive, export, import. */
export function registerWorkspaceRoutes(app: AppInstance, deps: WorkspaceRouteDeps) {
  const { workspaces } = deps;

  app.openapi(listWorkspacesRoute, async (c) => {
    const mine = await workspaces.listMine(requireUser(c));
    return c.json({ workspaces: mine.map(presentMyWorkspace) }, 200);
  });

  app.openapi(createWorkspaceRoute, async (c) => {
    const created = await workspaces.create(requireUser(c), c.req.valid('json'));
    return c.json({ workspace: presentWorkspace(created) }, 201);
  });

  app.openapi(listMembersRoute, async (c) => {
    const { ws } = c.req.valid('param');
    const { workspace } = await workspaces.open(requireUser(c), ws, 'workspace.users.read');
    const members = await workspaces.members(workspace);
    return c.json({ members: members.map(presentMember) }, 200);
  });

  app.openapi(inviteMemberRoute, async (c) => {
    const { ws } = c.req.valid('param');
    const input = c.req.valid('json');
    const actor = requireUser(c);
    const { workspace } = await workspaces.open(actor, ws, 'workspace.users');
    const result = await workspaces.invite(actor, workspace, {
      email: input.email,
      role: input.role,
      agencyId: input.agencyId ?? null,
      ...(input.displayName !== undefined ? { displayName: input.displayName } : {}),
    });
    return c.json(
      {
        member: presentMember(result.member),
        invitation: result.link ? presentLink(result.link) : null,
        mailed: result.mailed,
      },
      201,
    );
  });

  app.openapi(updateMemberRoute, async (c) => {
    const { ws, userId } = c.req.valid('param');
    const change = c.req.valid('json');
    const actor = requireUser(c);
    const { workspace } = await workspaces.open(actor, ws, 'workspace.users');
    const member = await workspaces.updateMember(actor, workspace, userId, change);
    return c.json({ member: presentMember(member) }, 200);
  });

  app.openapi(removeMemberRoute, async (c) => {
    const { ws, userId } = c.req.valid('param');
    const actor = requireUser(c);
    const { workspace } = await workspaces.open(actor, ws, 'workspace.users');
    await workspaces.removeMember(actor, workspace, userId);
    return c.body(null, 204);
  });

  app.openapi(resetMemberRoute, async (c) => {
    const { ws, userId } = c.req.valid('param');
    const actor = requireUser(c);
    const { workspace } = await workspaces.open(actor, ws, 'workspace.users');
    const result = await workspaces.resetAccess(actor, workspace, userId);
    return c.json({ link: presentLink(result.link), mailed: result.mailed }, 200);
  });

  app.openapi(auditRoute, async (c) => {
    const { ws } = c.req.valid('param');
    const { limit, before } = c.req.valid('query');
    const { workspace } = await workspaces.open(requireUser(c), ws, 'workspace.audit');
    const page = await workspaces.auditPage(workspace, { limit, before });
    return c.json({ entries: page.entries.map(presentAuditEntry), next: page.next }, 200);
  });

  app.openapi(archiveWorkspaceRoute, async (c) => {
    const { ws } = c.req.valid('param');
    const actor = requireUser(c);
    const { workspace } = await workspaces.open(actor, ws, 'workspace.archive');
    const row = await workspaces.setArchived(actor, workspace, true);
    return c.json({ workspace: presentWorkspace(row) }, 200);
  });

  app.openapi(restoreWorkspaceRoute, async (c) => {
    const { ws } = c.req.valid('param');
    const actor = requireUser(c);
    const { workspace } = await workspaces.open(actor, ws, 'workspace.archive');
    const row = await workspaces.setArchived(actor, workspace, false);
    return c.json({ workspace: presentWorkspace(row) }, 200);
  });

  app.openapi(exportWorkspaceRoute, async (c) => {
    const { ws } = c.req.valid('param');
    const actor = requireUser(c);
    const { workspace } = await workspaces.open(actor, ws, 'workspace.export');
    const data = await workspaces.exportWorkspace(actor, workspace);
    const day = data.exportedAt.slice(0, 10);
    c.header('content-disposition', `attachment; filename="weframe-${workspace.slug}-${day}.json"`);
    c.header('cache-control', 'no-store');
    return c.json(data as never, 200);
  });

  // Registered for the OpenAPI document; the body is read raw so every problem of the file
  // (and of each document in it) is reported in the file's own terms.
  app.openAPIRegistry.registerPath(importWorkspaceRoute);
  app.post('/api/workspaces/:ws/import', async (c) => {
    const actor = requireUser(c);
    const { workspace } = await workspaces.open(actor, c.req.param('ws'), 'workspace.import');
    const input = await readJson(c, MAX_WORKSPACE_IMPORT_BYTES);
    const parsed = parseWorkspaceExport(input);
    if (!parsed.ok) {
      throw new ServiceError(
        'invalid_document',
        `the file has ${parsed.issues.length} problem${parsed.issues.length === 1 ? '' : 's'}`,
        parsed.issues,
      );
    }
    const summary = await workspaces.importWorkspace(actor, workspace, parsed.value);
    return c.json(
      {
        collaborations: summary.collaborations,
        records: summary.records,
        surveyLinks: summary.surveyLinks,
        auditEntries: summary.auditEntries,
        membershipsAdded: summary.membershipsAdded,
        usersCreated: [...summary.usersCreated],
      },
      200,
    );
  });
}

/** The body as JSON, refusing more than `maxBytes` (413) and text that is not JSON (400). */
async function readJson(c: Context<AppEnv>, maxBytes: number): Promise<unknown> {
  const tooLarge = () =>
    new ServiceError('payload_too_large', `the file is larger than ${maxBytes} bytes`);
  if (Number(c.req.header('content-length') ?? 0) > maxBytes) throw tooLarge();
  const stream = c.req.raw.body;
  if (!stream) throw notJson();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > maxBytes) throw tooLarge();
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw notJson();
  }
}

function notJson(): ServiceError {
  return new ServiceError('invalid_document', 'the request body is not valid JSON', [
    { code: 'invalid_json', path: '(document)', message: 'the request body is not valid JSON' },
  ]);
}
