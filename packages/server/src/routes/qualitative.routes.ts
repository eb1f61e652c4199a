import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { collaborationAccess } from '../collaboration-access.js';
import type { AppEnv, AppInstance, RouteDeps } from '../env.js';
import { ServiceError } from '../errors.js';
import type { Action } from '../policy.js';
import { qualitativeAnalysisService } from '../qualitative-analysis.service.js';
import {
  acceptSuggestionRoute,
  agreementRoute,
  codebookRoute,
  cooccurrenceRoute,
  createAttributeRoute,
  createCaseRoute,
  createCodeRoute,
  createCodingRoute,
  createMemoRoute,
  deleteAttributeRoute,
  deleteCaseRoute,
  deleteCodeRoute,
  deleteCodingRoute,
  deleteMemoRoute,
  deleteSourceRoute,
  exportRoute,
  getSourceRoute,
  importProjectRoute,
  importSourceRoute,
  listCasesRoute,
  listMemosRoute,
  listSourcesRoute,
  matrixRoute,
  mergeCodeRoute,
  moveCodeRoute,
  patchCaseRoute,
  patchCodeRoute,
  patchMemoRoute,
  patchSourceRoute,
  rejectSuggestionRoute,
  suggestionsRoute,
} from '../qualitative.schema.js';
import { qualitativeService, type Upload } from '../qualitative.service.js';

/** Largest .txt, .md or .docx accepted as a source, in bytes. */
export const MAX_SOURCE_UPLOAD_BYTES = 20 * 1024 * 1024;
/** Largest .qdpx or .qdc accepted, in bytes (it may unpack to at most 200 MB). */
export const MAX_PROJECT_UPLOAD_BYTES = 100 * 1024 * 1024;
/** Room for a multipart form's boundaries and fields around the file. */
const FORM_ENVELOPE = 64 * 1024;
/** Largest request body of a source upload (the file and its form). */
export const MAX_SOURCE_UPLOAD_BODY = MAX_SOURCE_UPLOAD_BYTES + FORM_ENVELOPE;
/** Largest request body of a project import (the file and its form). */
export const MAX_PROJECT_UPLOAD_BODY = MAX_PROJECT_UPLOAD_BYTES + FORM_ENVELOPE;

const SOURCES_PATH = '/api/collaborations/:id/qualitative/sources';
const IMPORT_PATH = '/api/collaborations/:id/qualitative/import';

const limit = (maxSize: number) =>
  bodyLimit({
    maxSize,
    onError: () => {
      throw new ServiceError(
        'payload_too_large',
        `the file is larger than ${Math.round(maxSize / 1024 / 1024)} MB`,
      );
    },
  });

/**
 * Qualitative evidence under `/api/collaborations/:id/qualitative`: sources (upload, list,
 * read, edit, delete), REFI-QDA import and export, the codebook (tree, create, edit, delete,
 * merge, move), codings, memos, cases and attributes, the framework matrix, co-occurrence,
 * agreement and auto-coding suggestions. Reading needs `qualitative.read`, changing
 * `qualitative.write` (see policy.ts).
 */
export function registerQualitativeRoutes(app: AppInstance, deps: RouteDeps) {
  const records = qualitativeService(deps);
  const analyses = qualitativeAnalysisService(deps);
  const accessTo = collaborationAccess(deps.store);
  const access = (c: Context<AppEnv>, id: string, action: Action) =>
    accessTo(c.get('principal'), id, action);
  const read = (c: Context<AppEnv>, id: string) => access(c, id, 'qualitative.read');
  const write = (c: Context<AppEnv>, id: string) => access(c, id, 'qualitative.write');

  // Uploads set their own limits (listed in app.ts's OWN_BODY_LIMITS); 413 above them.
  for (const [path, max] of [
    [SOURCES_PATH, MAX_SOURCE_UPLOAD_BODY],
    [IMPORT_PATH, MAX_PROJECT_UPLOAD_BODY],
  ] as const)
    app.on('POST', path, limit(max));

  // ── Sources ──

  app.openapi(listSourcesRoute, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await records.listSources(await read(c, id)), 200);
  });

  app.openAPIRegistry.registerPath(importSourceRoute);
  app.post(SOURCES_PATH, async (c) => {
    const id = c.req.param('id');
    const target = await write(c, id);
    const upload = await readUpload(c, MAX_SOURCE_UPLOAD_BYTES);
    return c.json(await records.importSource(target, upload), 201);
  });

  app.openapi(getSourceRoute, async (c) => {
    const { id, sourceId } = c.req.valid('param');
    return c.json(await records.getSource(await read(c, id), sourceId), 200);
  });

  app.openapi(patchSourceRoute, async (c) => {
    const { id, sourceId } = c.req.valid('param');
    const body = c.req.valid('json');
    return c.json(await records.updateSource(await write(c, id), sourceId, body), 200);
  });

  app.openapi(deleteSourceRoute, async (c) => {
    const { id, sourceId } = c.req.valid('param');
    const { version } = c.req.valid('query');
    await records.deleteSource(await write(c, id), sourceId, version);
    return c.body(null, 204);
  });

  // ── REFI-QDA exchange ──

  app.openAPIRegistry.registerPath(importProjectRoute);
  app.post(IMPORT_PATH, async (c) => {
    const id = c.req.param('id');
    const target = await write(c, id);
    const upload = await readUpload(c, MAX_PROJECT_UPLOAD_BYTES);
    return c.json(await records.importProject(target, upload), 200);
  });

  app.openapi(exportRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { format } = c.req.valid('query');
    const file = await analyses.exportFile(await read(c, id), format);
    return download(c, file);
  });

  // ── Codebook ──

  app.openapi(codebookRoute, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await records.codebook(await read(c, id)), 200);
  });

  app.openapi(createCodeRoute, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    return c.json(await records.createCode(await write(c, id), body), 201);
  });

  app.openapi(patchCodeRoute, async (c) => {
    const { id, codeId } = c.req.valid('param');
    const body = c.req.valid('json');
    return c.json(await records.updateCode(await write(c, id), codeId, body), 200);
  });

  app.openapi(deleteCodeRoute, async (c) => {
    const { id, codeId } = c.req.valid('param');
    const { version } = c.req.valid('query');
    return c.json(await records.deleteCode(await write(c, id), codeId, version), 200);
  });

  app.openapi(mergeCodeRoute, async (c) => {
    const { id, codeId } = c.req.valid('param');
    const { into } = c.req.valid('json');
    return c.json(await records.mergeCode(await write(c, id), codeId, into), 200);
  });

  app.openapi(moveCodeRoute, async (c) => {
    const { id, codeId } = c.req.valid('param');
    const { parentId } = c.req.valid('json');
    return c.json(await records.moveCode(await write(c, id), codeId, parentId), 200);
  });

  // ── Codings ──

  app.openapi(createCodingRoute, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const { coding, created } = await records.createCoding(await write(c, id), body);
    return created ? c.json(coding, 201) : c.json(coding, 200);
  });

  app.openapi(deleteCodingRoute, async (c) => {
    const { id, codingId } = c.req.valid('param');
    const { version } = c.req.valid('query');
    await records.deleteCoding(await write(c, id), codingId, version);
    return c.body(null, 204);
  });

  // ── Memos ──

  app.openapi(listMemosRoute, async (c) => {
    const { id } = c.req.valid('param');
    const query = c.req.valid('query');
    return c.json(await records.listMemos(await read(c, id), query), 200);
  });

  app.openapi(createMemoRoute, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    return c.json(await records.createMemo(await write(c, id), body), 201);
  });

  app.openapi(patchMemoRoute, async (c) => {
    const { id, memoId } = c.req.valid('param');
    const body = c.req.valid('json');
    return c.json(await records.updateMemo(await write(c, id), memoId, body), 200);
  });

  app.openapi(deleteMemoRoute, async (c) => {
    const { id, memoId } = c.req.valid('param');
    const { version } = c.req.valid('query');
    await records.deleteMemo(await write(c, id), memoId, version);
    return c.body(null, 204);
  });

  // ── Cases and attributes ──

  app.openapi(listCasesRoute, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await records.listCases(await read(c, id)), 200);
  });

  app.openapi(createCaseRoute, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    return c.json(await records.createCase(await write(c, id), body), 201);
  });

  app.openapi(patchCaseRoute, async (c) => {
    const { id, caseId } = c.req.valid('param');
    const body = c.req.valid('json');
    return c.json(await records.updateCase(await write(c, id), caseId, body), 200);
  });

  app.openapi(deleteCaseRoute, async (c) => {
    const { id, caseId } = c.req.valid('param');
    const { version } = c.req.valid('query');
    await records.deleteCase(await write(c, id), caseId, version);
    return c.body(null, 204);
  });

  app.openapi(createAttributeRoute, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    return c.json(await records.createAttribute(await write(c, id), body), 201);
  });

  app.openapi(deleteAttributeRoute, async (c) => {
    const { id, name } = c.req.valid('param');
    await records.deleteAttribute(await write(c, id), name);
    return c.body(null, 204);
  });

  // ── Analyses ──

  app.openapi(matrixRoute, async (c) => {
    const { id } = c.req.valid('param');
    const query = c.req.valid('query');
    const result = await analyses.matrix(await read(c, id), query);
    if (result.kind === 'file') return download(c, result);
    return c.json(result.body, 200);
  });

  app.openapi(cooccurrenceRoute, async (c) => {
    const { id } = c.req.valid('param');
    const query = c.req.valid('query');
    return c.json(await analyses.cooccurrence(await read(c, id), query), 200);
  });

  app.openapi(agreementRoute, async (c) => {
    const { id } = c.req.valid('param');
    const query = c.req.valid('query');
    return c.json(await analyses.agreement(await read(c, id), query), 200);
  });

  // ── Suggestions ──

  app.openapi(suggestionsRoute, async (c) => {
    const { id, sourceId } = c.req.valid('param');
    const { top } = c.req.valid('query');
    return c.json(await analyses.suggestions(await read(c, id), sourceId, top), 200);
  });

  app.openapi(acceptSuggestionRoute, async (c) => {
    const { id, sourceId } = c.req.valid('param');
    const body = c.req.valid('json');
    const { coding, created } = await records.acceptSuggestion(await write(c, id), sourceId, body);
    return created ? c.json(coding, 201) : c.json(coding, 200);
  });

  app.openapi(rejectSuggestionRoute, async (c) => {
    const { id, sourceId } = c.req.valid('param');
    const body = c.req.valid('json');
    return c.json(await records.rejectSuggestion(await write(c, id), sourceId, body), 200);
  });
}

/** A file as an attachment. */
function download(
  c: Context<AppEnv>,
  file: { readonly name: string; readonly type: string; readonly body: Uint8Array },
) {
  return c.body(file.body as Uint8Array<ArrayBuffer>, 200, {
    'Content-Type': file.type,
    'Content-Disposition': `attachment; filename="${file.name}"`,
    'Cache-Control': 'no-store',
  });
}

/**
 * The uploaded file: a multipart form's `file` field (with `kind`, `date`, `title`), or the
 * raw body named by `?filename=` (the fields then in the query).
 */
async function readUpload(c: Context<AppEnv>, max: number): Promise<Upload> {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  const fieldNames = ['kind', 'date', 'title'] as const;
  if (type.startsWith('multipart/form-data')) {
    let form: Record<string, unknown>;
    try {
      form = await c.req.parseBody();
    } catch {
      throw new ServiceError('bad_request', 'The form cannot be read', [
        { code: 'invalid_format', path: 'file', message: 'the form cannot be read' },
      ]);
    }
    const file = form.file;
    if (!(file instanceof File))
      throw new ServiceError('bad_request', 'Choose a file to import', [
        { code: 'invalid_type', path: 'file', message: 'is required' },
      ]);
    if (file.size > max)
      throw new ServiceError(
        'payload_too_large',
        `the file is larger than ${Math.round(max / 1024 / 1024)} MB`,
      );
    const fields: Record<string, string | undefined> = {};
    for (const name of fieldNames) {
      const value = form[name];
      fields[name] = typeof value === 'string' ? value : undefined;
    }
    return { bytes: new Uint8Array(await file.arrayBuffer()), filename: file.name || null, fields };
  }
  // Read first, so a body over the limit is refused as too large whatever its type.
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  const raw =
    type.startsWith('application/octet-stream') ||
    type.startsWith('application/zip') ||
    type.startsWith('application/vnd.openxmlformats') ||
    type.startsWith('application/xml') ||
    type.startsWith('text/');
  if (!raw)
    throw new ServiceError(
      'unsupported_media_type',
      'send the file as multipart/form-data (field "file") or as application/octet-stream with ?filename=',
    );
  if (bytes.byteLength > max)
    throw new ServiceError(
      'payload_too_large',
      `the file is larger than ${Math.round(max / 1024 / 1024)} MB`,
    );
  const fields: Record<string, string | undefined> = {};
  for (const name of fieldNames) fields[name] = c.req.query(name);
  const filename = c.req.query('filename');
  return { bytes, filename: filename === undefined || filename === '' ? null : filename, fields };
}
