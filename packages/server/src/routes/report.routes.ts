import type { Context } from 'hono';
import { diagnosisHtml } from '@weframe/core';
import { collaborationAccess } from '../collaboration-access.js';
import { diagnosisService } from '../diagnosis.service.js';
import type { AppEnv, AppInstance, RouteDeps } from '../env.js';
import { collaborationPathParams, diagnosisQuery, parseRequest } from '../record.schema.js';
import {
  downloadName,
  edgesCsv,
  fileStem,
  indicatorsCsv,
  presentDiagnosisSummary,
} from '../report.presenter.js';
import {
  agencyEdgesRoute,
  changeQuery,
  changeRoute,
  diagnosisSummaryRoute,
  indicatorsCsvRoute,
  professionalEdgesRoute,
  reportRoute,
  responsesCsvRoute,
  responsesPathParams,
} from '../report.schema.js';
import { responsesExportService } from '../responses-export.service.js';
import { surveyService } from '../survey.service.js';

/** The response header saying how many records a download left out as confidential. */
const HIDDEN_RECORDS_HEADER = 'X-Weframe-Hidden-Records';

/**
 * The standalone report loads nothing and runs nothing (its styles are inline, its pictures
 * inline SVG); the app may show it in a frame of its own origin.
 */
const REPORT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

/**
 * Views, reports and downloads of the diagnosis: the dashboard's summary, the change between
 * two waves, the standalone HTML report, and CSV files of indicators, ties at both network
 * levels and a wave's answers. All read the cached diagnosis (diagnosis.service.ts), redacted
 * for the principal.
 */
export function registerReportRoutes(app: AppInstance, deps: RouteDeps) {
  const { store } = deps;
  const diagnoses = diagnosisService(store);
  const accessTo = collaborationAccess(store);
  const surveys = surveyService({ store, now: deps.now, newId: deps.newId });
  const exports = responsesExportService(store);

  /** The collaboration, the principal's access for reading its diagnosis, and `?wave=&asOf=`. */
  const diagnosisRequest = async (c: Context<AppEnv>) => {
    const { id } = parseRequest(collaborationPathParams, c.req.param());
    const query = parseRequest(diagnosisQuery, c.req.query());
    const access = await accessTo(c.get('principal'), id, 'diagnosis.read');
    return { access, query };
  };

  const csvResponse = (c: Context<AppEnv>, text: string, filename: string, hidden?: number) =>
    c.body(text, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      ...(hidden === undefined ? {} : { [HIDDEN_RECORDS_HEADER]: String(hidden) }),
    });

  app.openAPIRegistry.registerPath(diagnosisSummaryRoute);
  app.get('/api/collaborations/:id/diagnosis/summary', async (c) => {
    const { access, query } = await diagnosisRequest(c);
    const { parts, memo } = await diagnoses.partsFor(access, query);
    const text = memo('summary.json', () => JSON.stringify(presentDiagnosisSummary(parts)));
    return c.body(text, 200, {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
    });
  });

  app.openAPIRegistry.registerPath(changeRoute);
  app.get('/api/collaborations/:id/change', async (c) => {
    const { id } = parseRequest(collaborationPathParams, c.req.param());
    const query = parseRequest(changeQuery, c.req.query());
    const access = await accessTo(c.get('principal'), id, 'diagnosis.read');
    return c.json(await diagnoses.changeFor(access, query), 200, { 'Cache-Control': 'no-store' });
  });

  app.openAPIRegistry.registerPath(reportRoute);
  app.get('/api/collaborations/:id/report', async (c) => {
    const { access, query } = await diagnosisRequest(c);
    const html = await diagnoses.renderedFor(access, query, 'report.html', (diagnosis) =>
      diagnosisHtml(diagnosis),
    );
    const stem = fileStem(access.collaboration.docId, query.wave, 'report') || 'report';
    return c.body(html, 200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Disposition': `inline; filename="${stem}.html"`,
      'Content-Security-Policy': REPORT_CSP,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
  });

  app.openAPIRegistry.registerPath(indicatorsCsvRoute);
  app.get('/api/collaborations/:id/downloads/indicators.csv', async (c) => {
    const { access, query } = await diagnosisRequest(c);
    const { parts, memo } = await diagnoses.partsFor(access, query);
    const text = memo('indicators.csv', () => indicatorsCsv(parts));
    return csvResponse(c, text, downloadName(access.collaboration.docId, 'indicators', query.wave));
  });

  for (const [route, level, file] of [
    [professionalEdgesRoute, 'professional', 'edges-professional'],
    [agencyEdgesRoute, 'agency', 'edges-agency'],
  ] as const) {
    app.openAPIRegistry.registerPath(route);
    app.get(`/api/collaborations/:id/downloads/${file}.csv`, async (c) => {
      const { access, query } = await diagnosisRequest(c);
      const { networks, memo } = await diagnoses.networksFor(access, query);
      const text = memo(`${file}.csv`, () => edgesCsv(networks, level));
      return csvResponse(c, text, downloadName(access.collaboration.docId, file, query.wave));
    });
  }

  app.openAPIRegistry.registerPath(responsesCsvRoute);
  app.get('/api/waves/:waveId/downloads/responses.csv', async (c) => {
    const { waveId } = parseRequest(responsesPathParams, c.req.param());
    const principal = c.get('principal');
    const workspaces =
      principal.kind === 'user' ? principal.memberships.map((m) => m.workspaceId) : [];
    const location = await surveys.locateWave(waveId, workspaces);
    const access = await accessTo(principal, location.collaborationId, 'wave.manage');
    const result = await exports.responsesCsv(access, location);
    const name = downloadName(access.collaboration.docId, 'responses', waveId);
    return csvResponse(c, result.csv, name, result.hidden);
  });
}
