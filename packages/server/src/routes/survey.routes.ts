import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv, AppInstance, RouteDeps } from '../env.js';
import { ServiceError } from '../errors.js';
import { collaborationAccess } from '../collaboration-access.js';
import type { Action, Principal } from '../policy.js';
import {
  presentImport,
  presentIssuedLink,
  presentLink,
  presentRespondentSurvey,
  presentStatus,
  presentSummary,
  presentWave,
} from '../survey.presenter.js';
import {
  closeWaveRoute,
  getWaveRoute,
  importResponsesRoute,
  inviteRoute,
  listWavesRoute,
  openWaveRoute,
  reissueLinkRoute,
  respondentSurveyRoute,
  revokeLinkRoute,
  saveDraftRoute,
  submitResponseRoute,
  waveStatusRoute,
  waveSummaryRoute,
} from '../survey.schema.js';
import { surveyService } from '../survey.service.js';

/** Largest CSV of responses accepted on import, in bytes. */
export const MAX_CSV_BYTES = 5 * 1024 * 1024;
/** Largest body of the CSV import: the CSV plus room for a form's envelope and mapping. */
export const MAX_CSV_IMPORT_BYTES = MAX_CSV_BYTES + 64 * 1024;
/** Largest draft or submission body, in bytes: 15 colleagues and 60 items fit many times over. */
export const MAX_ANSWER_BYTES = 256 * 1024;
/** Largest body of the other survey routes (rosters of up to 500), in bytes. */
export const MAX_SURVEY_BYTES = 256 * 1024;

const limit = (maxSize: number) =>
  bodyLimit({
    maxSize,
    onError: () => {
      throw new ServiceError(
        'payload_too_large',
        `the request body is larger than ${maxSize} bytes`,
      );
    },
  });

/**
 * Survey waves: facilitators open, invite, follow and close waves; respondents answer with
 * their link's token alone (no account), to their own response only.
 */
export function registerSurveyRoutes(app: AppInstance, deps: RouteDeps) {
  const surveys = surveyService({ store: deps.store, now: deps.now, newId: deps.newId });

  app.use('/api/waves/:waveId/responses/import', limit(MAX_CSV_IMPORT_BYTES));
  app.use('/api/s/:token/draft', limit(MAX_ANSWER_BYTES));
  app.use('/api/responses', limit(MAX_ANSWER_BYTES));
  app.use('/api/collaborations/:id/waves', limit(MAX_SURVEY_BYTES));
  app.use('/api/waves/:waveId/invitations', limit(MAX_SURVEY_BYTES));

  const accessTo = collaborationAccess(deps.store);
  const manageCollaboration = (c: Context<AppEnv>, collaborationId: string) =>
    accessTo(c.get('principal'), collaborationId, 'wave.manage');
  const wave = async (c: Context<AppEnv>, waveId: string, action: Action = 'wave.manage') => {
    const principal = c.get('principal');
    const workspaces =
      principal.kind === 'user' ? principal.memberships.map((m) => m.workspaceId) : [];
    const location = await surveys.locateWave(waveId, workspaces);
    await accessTo(principal, location.collaborationId, action);
    return location;
  };
  const actor = (c: Context<AppEnv>) => actorOf(c.get('principal'));

  app.openapi(openWaveRoute, async (c) => {
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    await manageCollaboration(c, id);
    const view = await surveys.openWave(actor(c), id, input);
    return c.json(presentWave(view), 201);
  });

  app.openapi(listWavesRoute, async (c) => {
    const { id } = c.req.valid('param');
    await manageCollaboration(c, id);
    const views = await surveys.listWaves(id);
    return c.json({ waves: views.map(presentWave) }, 200);
  });

  app.openapi(getWaveRoute, async (c) => {
    const location = await wave(c, c.req.valid('param').waveId);
    return c.json(presentWave(await surveys.getWave(location)), 200);
  });

  app.openapi(closeWaveRoute, async (c) => {
    const location = await wave(c, c.req.valid('param').waveId);
    return c.json(presentWave(await surveys.closeWave(actor(c), location)), 200);
  });

  app.openapi(inviteRoute, async (c) => {
    const input = c.req.valid('json');
    const location = await wave(c, c.req.valid('param').waveId);
    const links = await surveys.invite(actor(c), location, input);
    return c.json({ links: links.map((l) => presentIssuedLink(l, deps.publicUrl)) }, 201);
  });

  app.openapi(revokeLinkRoute, async (c) => {
    const { waveId, linkId } = c.req.valid('param');
    const location = await wave(c, waveId);
    return c.json(presentLink(await surveys.revokeLink(actor(c), location, linkId)), 200);
  });

  app.openapi(reissueLinkRoute, async (c) => {
    const { waveId, linkId } = c.req.valid('param');
    const location = await wave(c, waveId);
    const issued = await surveys.reissueLink(actor(c), location, linkId);
    return c.json(presentIssuedLink(issued, deps.publicUrl), 200);
  });

  app.openapi(waveStatusRoute, async (c) => {
    const location = await wave(c, c.req.valid('param').waveId);
    return c.json(presentStatus(await surveys.waveStatus(location)), 200);
  });

  app.openapi(waveSummaryRoute, async (c) => {
    const location = await wave(c, c.req.valid('param').waveId, 'diagnosis.read');
    return c.json(presentSummary(location.waveId, await surveys.waveSummary(location)), 200);
  });

  // Registered for the OpenAPI document; the body is CSV or a form, read here.
  app.openAPIRegistry.registerPath(importResponsesRoute);
  app.post('/api/waves/:waveId/responses/import', async (c) => {
    const location = await wave(c, c.req.param('waveId'));
    const { csv, mapping } = await readImport(c);
    const report = await surveys.importResponses(actor(c), location, csv, mapping);
    return c.json(presentImport(report), 200);
  });

  // ── Respondents: the token is the key, to its own response only ──

  app.openapi(respondentSurveyRoute, async (c) => {
    const survey = await surveys.respondentSurvey(c.req.valid('param').token);
    return c.json(presentRespondentSurvey(survey), 200);
  });

  app.openapi(saveDraftRoute, async (c) => {
    const { token } = c.req.valid('param');
    await surveys.saveDraft(token, c.req.valid('json'));
    return c.json({ saved: true as const }, 200);
  });

  app.openapi(submitResponseRoute, async (c) => {
    const key = c.req.header('idempotency-key');
    if (key === undefined || key.trim() === '' || key.length > 200)
      throw new ServiceError('bad_request', 'send an Idempotency-Key header (1–200 characters)', [
        { code: 'invalid_type', path: 'Idempotency-Key', message: 'is required' },
      ]);
    const result = await surveys.submitResponse(key, c.req.valid('json'));
    // The stored first result, replayed as it was.
    return c.json(result.body as never, result.status as 201);
  });
}

function actorOf(principal: Principal): string {
  return principal.kind === 'user' ? principal.userId : 'anonymous';
}

/** The CSV (strict UTF-8) and its mapping, from a text/csv body or a multipart form. */
async function readImport(c: Context<AppEnv>): Promise<{ csv: string; mapping: unknown }> {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  let bytes: ArrayBuffer;
  let mappingText: string | undefined;
  if (type.startsWith('multipart/form-data')) {
    let form: Record<string, unknown>;
    try {
      form = await c.req.parseBody();
    } catch {
      throw new ServiceError('bad_request', 'the form cannot be read');
    }
    const file = form.file;
    if (file instanceof File) bytes = await file.arrayBuffer();
    else if (typeof file === 'string') bytes = new TextEncoder().encode(file).buffer;
    else
      throw new ServiceError('bad_request', 'the form needs a "file" field with the CSV', [
        { code: 'invalid_type', path: 'file', message: 'is required' },
      ]);
    mappingText = typeof form.mapping === 'string' ? form.mapping : c.req.query('mapping');
  } else if (type.startsWith('text/csv') || type.startsWith('text/plain')) {
    bytes = await c.req.arrayBuffer();
    mappingText = c.req.query('mapping');
  } else {
    throw new ServiceError('bad_request', 'send the CSV as text/csv or as multipart/form-data');
  }
  if (bytes.byteLength > MAX_CSV_BYTES)
    throw new ServiceError('payload_too_large', `the CSV is larger than ${MAX_CSV_BYTES} bytes`);
  let csv: string;
  try {
    csv = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ServiceError('bad_request', 'the CSV is not UTF-8 text', [
      {
        code: 'invalid_format',
        path: 'file',
        message: 'is not UTF-8 text: export it as CSV UTF-8',
      },
    ]);
  }
  if (mappingText === undefined)
    throw new ServiceError('bad_request', 'give the column mapping', [
      { code: 'invalid_type', path: 'mapping', message: 'is required (JSON)' },
    ]);
  try {
    return { csv, mapping: JSON.parse(mappingText) as unknown };
  } catch {
    throw new ServiceError('bad_request', 'the mapping is not valid JSON', [
      { code: 'invalid_json', path: 'mapping', message: 'is not valid JSON' },
    ]);
  }
}
