import type { Context } from 'hono';
import { collaborationAccess } from '../collaboration-access.js';
import type { AppEnv, AppInstance, RouteDeps } from '../env.js';
import { presentRecord, presentRecordList } from '../record.presenter.js';
import {
  allRecordRoutes,
  collaborationPathParams,
  deleteQuery,
  parseRequest,
  recordPathParams,
} from '../record.schema.js';
import { EDITABLE_COLLECTIONS, recordService } from '../record.service.js';
import { readJsonObject } from './read-body.js';

/**
 * Create, read, update and delete for every editable collection of a collaboration:
 * `/api/collaborations/:id/<collection>` and `…/<collection>/:recordId`, one concrete path
 * per collection so that other modules' routes under a collaboration never collide.
 */
export function registerRecordRoutes(app: AppInstance, deps: RouteDeps) {
  const records = recordService(deps);
  const accessTo = collaborationAccess(deps.store);
  const principal = (c: Context<AppEnv>) => c.get('principal');
  for (const route of allRecordRoutes) app.openAPIRegistry.registerPath(route);

  for (const collection of EDITABLE_COLLECTIONS) {
    const base = `/api/collaborations/:id/${collection}`;
    const one = `${base}/:recordId`;

    app.get(base, async (c) => {
      const { id } = parseRequest(collaborationPathParams, c.req.param());
      const access = await accessTo(principal(c), id, 'record.read');
      const list = await records.listRecords(access, collection);
      return c.json(presentRecordList(collection, list), 200);
    });

    app.get(one, async (c) => {
      const { id, recordId } = parseRequest(recordPathParams, c.req.param());
      const access = await accessTo(principal(c), id, 'record.read');
      const record = await records.getRecord(access, collection, recordId);
      return c.json(presentRecord(collection, record), 200);
    });

    app.post(base, async (c) => {
      const { id } = parseRequest(collaborationPathParams, c.req.param());
      const body = await readJsonObject(c);
      const access = await accessTo(principal(c), id, 'record.write');
      const record = await records.createRecord(access, collection, body);
      return c.json(presentRecord(collection, record), 201);
    });

    app.put(one, async (c) => {
      const { id, recordId } = parseRequest(recordPathParams, c.req.param());
      const body = await readJsonObject(c);
      const access = await accessTo(principal(c), id, 'record.write');
      const record = await records.replaceRecord(access, collection, recordId, body);
      return c.json(presentRecord(collection, record), 200);
    });

    app.delete(one, async (c) => {
      const { id, recordId } = parseRequest(recordPathParams, c.req.param());
      const { version } = parseRequest(deleteQuery, c.req.query());
      const access = await accessTo(principal(c), id, 'record.write');
      await records.deleteRecord(access, collection, recordId, version);
      return c.body(null, 204);
    });
  }
}
