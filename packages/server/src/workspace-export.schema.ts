import { z } from '@hono/zod-openapi';
import {
  collaborationDocumentSchema,
  formatPath,
  restore,
  type DocumentIssue,
} from '@weframe/core';
import {
  surveyLinkColumns,
  WORKSPACE_EXPORT_FORMAT,
  WORKSPACE_EXPORT_VERSION,
  type ColumnDescription,
  type WorkspaceExport,
} from '@weframe/store';
import { isStorable, issuesFromZod, UNSTORABLE } from './auth/validation.js';
import { ROLES } from './policy.js';

/** The workspace export file: its schema (for OpenAPI and validation) and its defensive parser. */

const at = z.iso.datetime({ offset: true });
const id = z.string().min(1).max(200);

function columnSchema(column: ColumnDescription): z.ZodType {
  const base = {
    text: z.string(),
    boolean: z.boolean(),
    integer: z.number().int(),
    timestamp: at,
    json: z.unknown(),
  }[column.kind];
  // A nullable column added after a file was written is simply absent from it.
  if (!column.nullable) return base;
  return (column.kind === 'json' ? base : base.nullable()).optional();
}

const surveyLinkSchema = z.strictObject(
  Object.fromEntries(surveyLinkColumns().map((c) => [c.name, columnSchema(c)])),
);

function exportSchema<D extends z.ZodType>(document: D) {
  return z.strictObject({
    format: z.literal(WORKSPACE_EXPORT_FORMAT),
    formatVersion: z.literal(WORKSPACE_EXPORT_VERSION),
    exportedAt: at,
    workspace: z.strictObject({
      slug: z.string(),
      name: z.string(),
      createdAt: at,
      archivedAt: at.nullable(),
    }),
    users: z.array(
      z.strictObject({
        id,
        email: z.string().min(3).max(320),
        displayName: z.string().max(200),
        createdAt: at,
        disabledAt: at.nullable(),
      }),
    ),
    memberships: z.array(
      z.strictObject({
        userId: id,
        role: z.enum(ROLES),
        agencyId: z.string().nullable(),
        createdAt: at,
      }),
    ),
    collaborations: z.array(
      z.strictObject({
        id,
        createdAt: at,
        updatedAt: at,
        archivedAt: at.nullable(),
        document,
      }),
    ),
    memberLinks: z.array(z.strictObject({ userId: id, collaborationId: id, memberId: id })),
    surveyLinks: z.array(surveyLinkSchema),
    audit: z.array(
      z.strictObject({
        at,
        actor: z.string(),
        action: z.string(),
        targetKind: z.string(),
        targetId: z.string(),
        before: z.unknown(),
        after: z.unknown(),
      }),
    ),
  });
}

/** The file as the OpenAPI document describes it. */
export const workspaceExportSchema = exportSchema(collaborationDocumentSchema).openapi(
  'WorkspaceExport',
  {
    description:
      'A whole workspace: collaborations (documents), survey links (token hashes only), members, audit log',
  },
);

/** Checks an uploaded export: its shape, references between its parts, and every document. */
export function parseWorkspaceExport(
  input: unknown,
): { ok: true; value: WorkspaceExport } | { ok: false; issues: DocumentIssue[] } {
  const parsed = exportSchema(z.unknown()).safeParse(input);
  if (!parsed.success) return { ok: false, issues: issuesFromZod(parsed.error.issues) };
  const file = parsed.data;
  const issues: DocumentIssue[] = [];
  const problem = (path: string, message: string, code: DocumentIssue['code'] = 'inconsistent') =>
    issues.push({ code, path, message });

  // Documents are checked by `restore`; everything else here goes to text and jsonb columns.
  const { collaborations: _documents, ...rest } = file;
  unstorableIssues(rest, [], issues);
  file.collaborations.forEach(({ document: _document, ...head }, i) =>
    unstorableIssues(head, ['collaborations', i], issues),
  );

  const userIds = new Set<string>();
  const emails = new Set<string>();
  file.users.forEach((u, i) => {
    if (userIds.has(u.id)) problem(`users[${i}].id`, `repeats user "${u.id}"`, 'duplicate_id');
    const email = u.email.trim().toLowerCase();
    if (emails.has(email)) problem(`users[${i}].email`, `repeats "${u.email}"`, 'duplicate_id');
    userIds.add(u.id);
    emails.add(email);
  });
  const members = new Set<string>();
  file.memberships.forEach((m, i) => {
    if (!userIds.has(m.userId))
      problem(`memberships[${i}].userId`, `names no user of the file`, 'unknown_reference');
    if (members.has(m.userId))
      problem(`memberships[${i}].userId`, 'repeats a membership', 'duplicate_id');
    members.add(m.userId);
  });
  const collaborationIds = new Set<string>();
  const documents: WorkspaceExport['collaborations'][number][] = [];
  file.collaborations.forEach((c, i) => {
    if (collaborationIds.has(c.id))
      problem(`collaborations[${i}].id`, `repeats collaboration "${c.id}"`, 'duplicate_id');
    collaborationIds.add(c.id);
    const restored = restore(c.document);
    if (restored.ok) {
      documents.push({ ...c, document: restored.value });
    } else {
      for (const issue of restored.issues) {
        const inner = issue.path === '(document)' ? '' : `.${issue.path}`;
        issues.push({ ...issue, path: `collaborations[${i}].document${inner}` });
      }
    }
  });
  const links = new Set<string>();
  file.memberLinks.forEach((l, i) => {
    if (!userIds.has(l.userId))
      problem(`memberLinks[${i}].userId`, 'names no user of the file', 'unknown_reference');
    if (!collaborationIds.has(l.collaborationId))
      problem(
        `memberLinks[${i}].collaborationId`,
        'names no collaboration of the file',
        'unknown_reference',
      );
    const key = `${l.userId}\n${l.collaborationId}`;
    if (links.has(key)) problem(`memberLinks[${i}]`, 'repeats a member link', 'duplicate_id');
    links.add(key);
  });
  const hashes = new Set<unknown>();
  const linkIds = new Set<unknown>();
  file.surveyLinks.forEach((l, i) => {
    if (!collaborationIds.has(String(l.collaborationId)))
      problem(
        `surveyLinks[${i}].collaborationId`,
        'names no collaboration of the file',
        'unknown_reference',
      );
    if (hashes.has(l.tokenHash) || linkIds.has(l.id))
      problem(`surveyLinks[${i}]`, 'repeats a survey link', 'duplicate_id');
    hashes.add(l.tokenHash);
    linkIds.add(l.id);
  });
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    value: { ...file, collaborations: documents } as unknown as WorkspaceExport,
  };
}

/** Every string (value or key) under `value` that the database cannot store. */
function unstorableIssues(value: unknown, path: (string | number)[], issues: DocumentIssue[]) {
  if (typeof value === 'string') {
    if (!isStorable(value))
      issues.push({ code: 'invalid_value', path: formatPath(path), message: UNSTORABLE });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => unstorableIssues(item, [...path, i], issues));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (!isStorable(key))
        issues.push({ code: 'invalid_value', path: formatPath(path), message: UNSTORABLE });
      else unstorableIssues(item, [...path, key], issues);
    }
  }
}
