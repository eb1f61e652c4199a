/**
 * Reads of case events and confidential records through the diagnosis, audited (decision
 * 0009). The diagnosis cites records by id — a case event not passed on ("not told of ce-7
 * within 14 days"), a confidential communication, a quote from a confidential interview —
 * so handing it to a user is a read of each record it cites that is a case event or marked
 * confidential (and visible to that user: hidden ones were already replaced by a count). Each
 * such record gets a `record.read` entry naming the user, the moment and the record, with
 * `after: { via: 'diagnosis' }`, like a read through the record routes.
 */
import { and, eq, isNotNull, or } from 'drizzle-orm';
import { auditLog, records, type Database } from '@weframe/store';
import type { CollaborationAccess } from './collaboration-access.js';

/**
 * Every string of a value, keys included, memoised per object: the diagnosis cites a record
 * by its id as a whole string (`{ kind: 'record', id }`, `sourceId` of a quote), so an exact
 * match is enough, and far cheaper than searching text.
 */
const stringsOf = new WeakMap<object, ReadonlySet<string>>();

function strings(content: object): ReadonlySet<string> {
  const known = stringsOf.get(content);
  if (known) return known;
  const found = new Set<string>();
  const walk = (value: unknown) => {
    if (typeof value === 'string') found.add(value);
    else if (Array.isArray(value)) for (const v of value) walk(v);
    else if (typeof value === 'object' && value !== null)
      for (const [k, v] of Object.entries(value)) {
        found.add(k);
        walk(v);
      }
  };
  walk(content);
  stringsOf.set(content, found);
  return found;
}

/**
 * Text made from a diagnosis (the HTML report) and the strings of the diagnosis it was made
 * from, for the texts made lately (see {@link auditedReads}); the oldest are forgotten.
 */
const renderedFrom = new Map<string, ReadonlySet<string>>();
const RENDERED_KEPT = 64;

function remember(text: string, source: ReadonlySet<string>) {
  renderedFrom.delete(text);
  renderedFrom.set(text, source);
  if (renderedFrom.size > RENDERED_KEPT) {
    const oldest = renderedFrom.keys().next();
    if (!oldest.done) renderedFrom.delete(oldest.value);
  }
}

/** Whether `content` cites `id`: a string of the object, or a word of the text. */
function citer(content: unknown): (id: string) => boolean {
  if (typeof content === 'object' && content !== null) {
    const found = strings(content);
    return (id) => found.has(id);
  }
  if (typeof content !== 'string') return () => false;
  const source = renderedFrom.get(content);
  if (source) return (id) => source.has(id);
  // Text whose source is not known: look for each id as a whole word.
  return (id) => {
    for (let at = content.indexOf(id); at >= 0; at = content.indexOf(id, at + 1)) {
      const before = at === 0 ? '' : content.charAt(at - 1);
      const after = content.charAt(at + id.length);
      if (!/[\w.~:-]/.test(before) && !/[\w~]/.test(after)) return true;
    }
    return false;
  };
}

/**
 * Writes a `record.read` audit entry for every case event and every confidential record of
 * the collaboration that `content` (a diagnosis, part of one, or text made from one) cites
 * and the principal may see.
 */
export async function auditDiagnosisRead(
  db: Database,
  access: CollaborationAccess,
  content: unknown,
): Promise<void> {
  const collaborationId = access.collaboration.id;
  const audited = await db
    .select({ collection: records.collection, id: records.id, mark: records.confidentialTo })
    .from(records)
    .where(
      and(
        eq(records.collaborationId, collaborationId),
        or(eq(records.collection, 'caseEvents'), isNotNull(records.confidentialTo)),
      ),
    );
  if (audited.length === 0) return;
  const cites = citer(content);
  const entries = audited
    .filter((r) => access.sees(r.mark) && cites(r.id))
    .map((r) => ({
      workspaceId: access.workspaceId,
      actor: access.userId,
      action: 'record.read',
      targetKind: 'record',
      targetId: `${collaborationId}/${r.collection}/${r.id}`,
      after: { via: 'diagnosis' },
    }));
  for (let i = 0; i < entries.length; i += 500)
    await db.insert(auditLog).values(entries.slice(i, i + 500));
}

const isAccess = (value: unknown): value is CollaborationAccess =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { sees?: unknown }).sees === 'function' &&
  typeof (value as { collaboration?: { id?: unknown } }).collaboration?.id === 'string';

/**
 * What a diagnosis service method hands out: the content that is read — a diagnosis or text,
 * or the `parts` or `networks` beside a `memo` of text made from them.
 */
function contentOf(result: unknown): unknown {
  if (typeof result !== 'object' || result === null) return result;
  const r = result as { parts?: unknown; networks?: unknown; memo?: unknown };
  if (typeof r.memo !== 'function') return result;
  return r.parts ?? r.networks ?? result;
}

/**
 * The service with every call that hands something to a principal (its first argument is
 * their access) audited by {@link auditDiagnosisRead} on what it returns; other calls pass
 * through unchanged.
 */
export function auditedReads<S extends object>(db: Database, service: S): S {
  const out: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(service)) {
    if (typeof method !== 'function') {
      out[name] = method;
      continue;
    }
    const call = (args: unknown[]): unknown =>
      (method as (...a: unknown[]) => unknown).apply(service, args);
    out[name] = (...given: unknown[]) => {
      const [access] = given;
      // Methods that hand nothing to a principal (warming the cache) pass straight through.
      if (!isAccess(access)) return call(given);
      // A renderer handed in (diagnosis → text) tells which diagnosis the text was made from.
      const args = given.map((arg) =>
        typeof arg === 'function'
          ? (from: unknown) => {
              const text: unknown = (arg as (d: unknown) => unknown)(from);
              if (typeof text === 'string' && typeof from === 'object' && from !== null)
                remember(text, strings(from));
              return text;
            }
          : arg,
      );
      return (async () => {
        const result = await call(args);
        await auditDiagnosisRead(db, access, contentOf(result));
        return result;
      })();
    };
  }
  return out as S;
}
