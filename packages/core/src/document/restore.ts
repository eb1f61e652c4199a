import type { z } from 'zod';
import { SCALE_ITEM_BY_ID } from '../survey/instrument.js';
import { ECM_FRAMEWORK } from '../model/taxonomies.js';
import { formatPath, type DocumentIssue, type DocumentIssueCode } from './issues.js';
import { migrateDocument, MIGRATIONS, type MigrationStep } from './migrations.js';
import { fastValidate } from './fast-validate.js';
import {
  collaborationDocumentSchema,
  RECORD_COLLECTIONS,
  QUALITATIVE_COLLECTIONS,
  type CollaborationDocument,
} from './schema.js';

/** The outcome of restoring untrusted input: a valid document, or every problem found. */
export type RestoreResult =
  | { ok: true; value: CollaborationDocument; migrated: string[] }
  | { ok: false; issues: DocumentIssue[] };

/** Options for {@link restore}. */
export interface RestoreOptions {
  /** Migration steps to apply to older documents (default: the built-in ones). */
  readonly migrations?: readonly MigrationStep[];
}

/**
 * Reads untrusted input (a parsed JSON value or a JSON string) into a collaboration
 * document: migrates older versions, checks types and ranges, references between records
 * and the order of dates, and returns every problem at once with its path.
 */
export function restore(input: unknown, options: RestoreOptions = {}): RestoreResult {
  let raw = input;
  const owned = typeof input === 'string';
  if (typeof input === 'string') {
    try {
      raw = JSON.parse(input) as unknown;
    } catch (error) {
      const detail = error instanceof Error ? error.message : 'unreadable';
      return {
        ok: false,
        issues: [
          { code: 'invalid_json', path: '(document)', message: `not valid JSON: ${detail}` },
        ],
      };
    }
  }
  const migrated = migrateDocument(raw, options.migrations ?? MIGRATIONS);
  if (!migrated.ok) return migrated;
  // Fast path for input parsed here (nobody else holds it): a compiled JSON Schema check
  // that fills defaults in place. Any doubt falls through to zod, which names the problems.
  if (owned || migrated.applied.length > 0) {
    if (fastValidate(migrated.value)) {
      // Text read from a file is well formed unless it escapes a NUL or a surrogate; only
      // then is the whole document walked to find where.
      const suspect = typeof input !== 'string' || mayHoldUnstorableText(input);
      const refs = referenceIssues(migrated.value, suspect);
      if (refs.length === 0) {
        return {
          ok: true,
          value: migrated.value as unknown as CollaborationDocument,
          migrated: migrated.applied,
        };
      }
    }
  }
  const parsed = collaborationDocumentSchema.safeParse(migrated.value, { reportInput: true });
  const issues: DocumentIssue[] = parsed.success ? [] : parsed.error.issues.map(fromZodIssue);
  issues.push(...referenceIssues(migrated.value, true));
  if (!parsed.success || issues.length > 0) return { ok: false, issues: dedupe(issues) };
  return { ok: true, value: parsed.data, migrated: migrated.applied };
}

/** Like {@link restore} but throws a {@link DocumentError} carrying the issues. */
export function restoreOrThrow(
  input: unknown,
  options: RestoreOptions = {},
): CollaborationDocument {
  const result = restore(input, options);
  if (!result.ok) throw new DocumentError(result.issues);
  return result.value;
}

/** An error carrying a document's problems; its `code` is always `invalid_document`. */
export class DocumentError extends Error {
  readonly code = 'invalid_document' as const;
  constructor(readonly issues: readonly DocumentIssue[]) {
    super(`the document has ${issues.length} problem${issues.length === 1 ? '' : 's'}`);
    this.name = 'DocumentError';
  }
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return value.length > 40 ? 'text' : `"${value}"`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'function' || typeof value === 'symbol') return typeof value;
  return `${value as number | boolean | bigint | undefined}`;
}

function fromZodIssue(issue: z.core.$ZodIssue): DocumentIssue {
  const path = formatPath(issue.path);
  const got = 'input' in issue ? ` (got ${describeValue(issue.input)})` : '';
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return { code: 'invalid_type', path, message: 'is required' };
      return {
        code: 'invalid_type',
        path,
        message: `must be ${article(issue.expected)}${got}`,
      };
    case 'too_big':
    case 'too_small': {
      const bound = issue.code === 'too_big' ? 'at most' : 'at least';
      const limit = String(issue.code === 'too_big' ? issue.maximum : issue.minimum);
      const what =
        issue.origin === 'string'
          ? `${limit} characters long`
          : issue.origin === 'array'
            ? `${limit} item${limit === '1' ? '' : 's'} long`
            : limit;
      return { code: 'out_of_range', path, message: `must be ${bound} ${what}${got}` };
    }
    case 'invalid_format':
      return { code: 'invalid_format', path, message: `${issue.message}${got}` };
    case 'unrecognized_keys':
      return {
        code: 'unrecognized_key',
        path,
        message: `has unknown field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((k) => `"${k}"`).join(', ')}`,
      };
    case 'invalid_value':
      return {
        code: 'invalid_value',
        path,
        message: `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}${got}`,
      };
    case 'invalid_union':
      return { code: 'invalid_value', path, message: `is not an allowed value${got}` };
    case 'not_multiple_of':
    case 'invalid_key':
    case 'invalid_element':
    case 'custom':
      return { code: 'invalid_value', path, message: `${issue.message}${got}` };
  }
}

function article(type: string): string {
  const names: Record<string, string> = {
    string: 'text',
    number: 'a number',
    int: 'a whole number',
    boolean: 'true or false',
    array: 'a list',
    object: 'an object',
    literal: 'the expected value',
  };
  return names[type] ?? `a ${type}`;
}

function dedupe(issues: DocumentIssue[]): DocumentIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.path}\u0000${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// ── Reference and date checks, run defensively on the raw (possibly invalid) input ──

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const strs = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
const isDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v);

function referenceIssues(doc: Obj, checkText: boolean): DocumentIssue[] {
  const issues: DocumentIssue[] = [];
  const add = (code: DocumentIssueCode, path: (string | number)[], message: string) =>
    issues.push({ code, path: formatPath(path), message });

  const qual = isObj(doc.qualitative) ? doc.qualitative : {};
  const idsOf = (items: Obj[]) =>
    new Set(items.map((r) => str(r.id)).filter((x) => x !== undefined));
  const col = (name: string) => list(doc[name]);

  // Ids are unique across the whole document, so evidence can name any record by id.
  const firstSeen = new Map<string, string>();
  const checkUnique = (items: Obj[], base: (string | number)[]) => {
    items.forEach((r, i) => {
      const rid = str(r.id);
      if (rid === undefined) return;
      const where = formatPath([...base, i]);
      const prior = firstSeen.get(rid);
      if (prior) add('duplicate_id', [...base, i, 'id'], `id "${rid}" is already used by ${prior}`);
      else firstSeen.set(rid, where);
    });
  };
  for (const name of Object.keys(RECORD_COLLECTIONS)) checkUnique(col(name), [name]);
  for (const name of Object.keys(QUALITATIVE_COLLECTIONS))
    checkUnique(list(qual[name]), ['qualitative', name]);

  const agencies = idsOf(col('agencies'));
  const professions = new Map(col('professions').map((p) => [str(p.id), p]));
  const members = idsOf(col('members'));
  const goals = idsOf(col('goals'));
  const cases = idsOf(col('cases'));
  const areas = idsOf(col('responsibilityAreas'));
  const policies = idsOf(col('policies'));
  const waves = new Map(col('waves').map((w) => [str(w.id), w]));
  const extraItems = idsOf(col('surveyItems'));
  col('surveyItems').forEach((item, i) => {
    if (typeof item.id === 'string' && SCALE_ITEM_BY_ID.has(item.id))
      add(
        'duplicate_id',
        ['surveyItems', i, 'id'],
        `"${item.id}" is already an item of the built-in instrument`,
      );
  });
  const frameworks = new Map<string, Set<string>>([
    [ECM_FRAMEWORK.id, new Set(ECM_FRAMEWORK.outcomes.map((o) => o.id))],
  ]);
  for (const f of col('outcomeFrameworks')) {
    const fid = str(f.id);
    if (fid) frameworks.set(fid, new Set(list(f.outcomes).map((o) => str(o.id) ?? '')));
  }
  const outcomes = new Set([...frameworks.values()].flatMap((s) => [...s]));

  const ref = (
    value: unknown,
    known: Set<string | undefined> | Map<string | undefined, unknown>,
    what: string,
    path: (string | number)[],
  ) => {
    if (typeof value !== 'string') return;
    if (!known.has(value))
      add('unknown_reference', path, `refers to ${what} "${value}", which is not in the document`);
  };
  const refs = (
    value: unknown,
    known: Set<string | undefined>,
    what: string,
    path: (string | number)[],
  ) => strs(value).forEach((v, i) => ref(v, known, what, [...path, i]));
  const dateOrder = (
    first: unknown,
    second: unknown,
    path: (string | number)[],
    message: string,
  ) => {
    if (isDate(first) && isDate(second) && second < first) add('impossible_date', path, message);
  };

  // Every record: confidentiality names a known agency.
  for (const name of Object.keys(RECORD_COLLECTIONS)) {
    col(name).forEach((r, i) =>
      ref(r.confidentialTo, agencies, 'agency', [name, i, 'confidentialTo']),
    );
  }
  for (const name of Object.keys(QUALITATIVE_COLLECTIONS)) {
    list(qual[name]).forEach((r, i) =>
      ref(r.confidentialTo, agencies, 'agency', ['qualitative', name, i, 'confidentialTo']),
    );
  }

  const c = isObj(doc.collaboration) ? doc.collaboration : {};
  ref(c.leadMemberId, members, 'member', ['collaboration', 'leadMemberId']);
  if (typeof c.outcomeFrameworkId === 'string' && !frameworks.has(c.outcomeFrameworkId))
    add(
      'unknown_reference',
      ['collaboration', 'outcomeFrameworkId'],
      `refers to outcome framework "${c.outcomeFrameworkId}", which is not in the document`,
    );
  dateOrder(
    c.startDate,
    c.plannedEndDate,
    ['collaboration', 'plannedEndDate'],
    'planned end is before the start date',
  );

  col('members').forEach((m, i) => {
    ref(m.agencyId, agencies, 'agency', ['members', i, 'agencyId']);
    ref(m.professionId, professions, 'profession', ['members', i, 'professionId']);
    dateOrder(
      m.startDate,
      m.endDate,
      ['members', i, 'endDate'],
      `left (${String(m.endDate)}) before joining (${String(m.startDate)})`,
    );
    list(m.accountability).forEach((a, j) =>
      ref(a.agencyId, agencies, 'agency', ['members', i, 'accountability', j, 'agencyId']),
    );
  });
  col('goals').forEach((g, i) => {
    ref(g.agencyId, agencies, 'agency', ['goals', i, 'agencyId']);
    ref(g.professionId, professions, 'profession', ['goals', i, 'professionId']);
    ref(g.memberId, members, 'member', ['goals', i, 'memberId']);
    refs(g.outcomes, outcomes, 'outcome', ['goals', i, 'outcomes']);
    refs(g.responsibleMemberIds, members, 'member', ['goals', i, 'responsibleMemberIds']);
    list(g.links).forEach((l, j) => {
      ref(l.goalId, goals, 'goal', ['goals', i, 'links', j, 'goalId']);
      if (l.goalId === g.id)
        add('inconsistent', ['goals', i, 'links', j, 'goalId'], 'a goal cannot link to itself');
    });
    if (g.level === 'agency' && g.agencyId === undefined)
      add(
        'inconsistent',
        ['goals', i, 'agencyId'],
        'an agency goal needs the agency it belongs to',
      );
  });
  col('cases').forEach((k, i) =>
    dateOrder(k.openedOn, k.closedOn, ['cases', i, 'closedOn'], 'closed before it was opened'),
  );
  col('needs').forEach((n, i) => {
    ref(n.caseId, cases, 'case', ['needs', i, 'caseId']);
    ref(n.areaId, areas, 'responsibility area', ['needs', i, 'areaId']);
    refs(n.ownerMemberIds, members, 'member', ['needs', i, 'ownerMemberIds']);
  });
  col('responsibilityAreas').forEach((a, i) =>
    ref(a.agreedLeadMemberId, members, 'member', ['responsibilityAreas', i, 'agreedLeadMemberId']),
  );
  col('roleClaims').forEach((r, i) => {
    ref(r.memberId, members, 'member', ['roleClaims', i, 'memberId']);
    refs(r.areaIds, areas, 'responsibility area', ['roleClaims', i, 'areaIds']);
  });
  col('rolePerceptions').forEach((r, i) => {
    ref(r.perceiverId, members, 'member', ['rolePerceptions', i, 'perceiverId']);
    ref(r.targetId, members, 'member', ['rolePerceptions', i, 'targetId']);
    refs(r.areaIds, areas, 'responsibility area', ['rolePerceptions', i, 'areaIds']);
  });
  col('activities').forEach((a, i) => {
    refs(a.participantIds, members, 'member', ['activities', i, 'participantIds']);
    ref(a.caseId, cases, 'case', ['activities', i, 'caseId']);
    refs(a.areaIds, areas, 'responsibility area', ['activities', i, 'areaIds']);
    refs(a.goalIds, goals, 'goal', ['activities', i, 'goalIds']);
  });
  col('communications').forEach((m, i) => {
    ref(m.fromId, members, 'member', ['communications', i, 'fromId']);
    refs(m.toIds, members, 'member', ['communications', i, 'toIds']);
    ref(m.caseId, cases, 'case', ['communications', i, 'caseId']);
    refs(m.areaIds, areas, 'responsibility area', ['communications', i, 'areaIds']);
  });
  col('caseEvents').forEach((e, i) => {
    ref(e.caseId, cases, 'case', ['caseEvents', i, 'caseId']);
    ref(e.memberId, members, 'member', ['caseEvents', i, 'memberId']);
    refs(e.areaIds, areas, 'responsibility area', ['caseEvents', i, 'areaIds']);
  });
  col('decisions').forEach((d, i) => {
    ref(d.decidingAgencyId, agencies, 'agency', ['decisions', i, 'decidingAgencyId']);
    refs(d.participantIds, members, 'member', ['decisions', i, 'participantIds']);
    refs(d.affectedMemberIds, members, 'member', ['decisions', i, 'affectedMemberIds']);
    ref(d.caseId, cases, 'case', ['decisions', i, 'caseId']);
  });
  col('referrals').forEach((r, i) => {
    ref(r.fromId, members, 'member', ['referrals', i, 'fromId']);
    ref(r.toId, members, 'member', ['referrals', i, 'toId']);
    ref(r.caseId, cases, 'case', ['referrals', i, 'caseId']);
  });
  col('coordinatingRecords').forEach((r, i) => {
    ref(r.areaId, areas, 'responsibility area', ['coordinatingRecords', i, 'areaId']);
    ref(r.caseId, cases, 'case', ['coordinatingRecords', i, 'caseId']);
    refs(r.memberIds, members, 'member', ['coordinatingRecords', i, 'memberIds']);
  });
  col('withheldInformation').forEach((w, i) => {
    ref(w.holderId, members, 'member', ['withheldInformation', i, 'holderId']);
    refs(w.withheldFromIds, members, 'member', ['withheldInformation', i, 'withheldFromIds']);
    ref(w.caseId, cases, 'case', ['withheldInformation', i, 'caseId']);
    const rule = isObj(w.rule) ? w.rule : {};
    ref(rule.policyId, policies, 'policy', ['withheldInformation', i, 'rule', 'policyId']);
    ref(rule.professionId, professions, 'profession', [
      'withheldInformation',
      i,
      'rule',
      'professionId',
    ]);
    if (typeof rule.constraintId === 'string') {
      const prof = professions.get(str(rule.professionId));
      const known = new Set(list(prof?.constraints).map((k) => str(k.id)));
      ref(rule.constraintId, known, 'constraint of that profession', [
        'withheldInformation',
        i,
        'rule',
        'constraintId',
      ]);
    }
  });
  col('policies').forEach((p, i) =>
    refs(p.agencyIds, agencies, 'agency', ['policies', i, 'agencyIds']),
  );
  col('policyInteractions').forEach((p, i) => {
    refs(p.policyIds, policies, 'policy', ['policyInteractions', i, 'policyIds']);
    const pair = strs(p.policyIds);
    if (pair.length === 2 && pair[0] === pair[1])
      add('inconsistent', ['policyInteractions', i, 'policyIds'], 'names the same policy twice');
    refs(p.evidenceIds, new Set(firstSeen.keys()), 'record', [
      'policyInteractions',
      i,
      'evidenceIds',
    ]);
  });
  col('adaptations').forEach((a, i) =>
    ref(a.policyId, policies, 'policy', ['adaptations', i, 'policyId']),
  );
  col('agencyRelations').forEach((r, i) => {
    refs(r.agencyIds, agencies, 'agency', ['agencyRelations', i, 'agencyIds']);
    const pair = strs(r.agencyIds);
    if (pair.length === 2 && pair[0] === pair[1])
      add('inconsistent', ['agencyRelations', i, 'agencyIds'], 'names the same agency twice');
  });
  col('meetings').forEach((m, i) => {
    refs(m.participantIds, members, 'member', ['meetings', i, 'participantIds']);
    dateOrder(m.startDate, m.endDate, ['meetings', i, 'endDate'], 'ends before it starts');
  });
  col('waves').forEach((w, i) =>
    dateOrder(w.opensOn, w.closesOn, ['waves', i, 'closesOn'], 'closes before it opens'),
  );
  col('responses').forEach((r, i) => {
    const wave = waves.get(str(r.waveId));
    ref(r.waveId, waves, 'wave', ['responses', i, 'waveId']);
    ref(r.respondentMemberId, members, 'member', ['responses', i, 'respondentMemberId']);
    if (wave?.mode === 'anonymous') {
      if (typeof r.respondentMemberId === 'string')
        add(
          'inconsistent',
          ['responses', i, 'respondentMemberId'],
          'an anonymous wave keeps no respondent',
        );
      if (list(r.contacts).length > 0)
        add(
          'inconsistent',
          ['responses', i, 'contacts'],
          'an anonymous wave asks no questions about named colleagues',
        );
    }
    if (isObj(r.answers)) {
      for (const itemId of Object.keys(r.answers)) {
        if (!SCALE_ITEM_BY_ID.has(itemId) && !extraItems.has(itemId))
          add(
            'unknown_reference',
            ['responses', i, 'answers', itemId],
            `"${itemId}" is not an item of the survey instrument or of surveyItems`,
          );
      }
    }
    const goal = isObj(r.goal) ? r.goal : {};
    ref(goal.goalId, goals, 'goal', ['responses', i, 'goal', 'goalId']);
    ref(r.namedLeadId, members, 'member', ['responses', i, 'namedLeadId']);
    refs(r.ownRoleAreaIds, areas, 'responsibility area', ['responses', i, 'ownRoleAreaIds']);
    list(r.contacts).forEach((k, j) => {
      ref(k.memberId, members, 'member', ['responses', i, 'contacts', j, 'memberId']);
      refs(k.roleAreaIds, areas, 'responsibility area', [
        'responses',
        i,
        'contacts',
        j,
        'roleAreaIds',
      ]);
    });
  });

  // Qualitative part.
  const sources = new Map(list(qual.sources).map((s) => [str(s.id), s]));
  const codes = new Map(list(qual.codes).map((k) => [str(k.id), k]));
  const coders = idsOf(list(qual.coders));
  const qdaCases = idsOf(list(qual.cases));
  const lengths = new Map<string | undefined, number>();
  const lengthOf = (sid: string | undefined) => {
    if (!lengths.has(sid)) {
      const t = sources.get(sid)?.text;
      lengths.set(sid, typeof t === 'string' ? codePointLength(t) : Number.POSITIVE_INFINITY);
    }
    return lengths.get(sid) ?? Number.POSITIVE_INFINITY;
  };
  list(qual.sources).forEach((s, i) => {
    refs(s.participantCaseIds, qdaCases, 'case', [
      'qualitative',
      'sources',
      i,
      'participantCaseIds',
    ]);
    list(s.turns).forEach((t, j) => {
      ref(t.caseId, qdaCases, 'case', ['qualitative', 'sources', i, 'turns', j, 'caseId']);
      spanIssues(
        t.start,
        t.end,
        lengthOf(str(s.id)),
        ['qualitative', 'sources', i, 'turns', j],
        add,
      );
    });
  });
  list(qual.codes).forEach((k, i) => {
    ref(k.parentId ?? undefined, codes, 'code', ['qualitative', 'codes', i, 'parentId']);
    // Walk up the parents; a walk longer than the codebook means a cycle.
    let current: Obj | undefined = k;
    for (let steps = 0; current && typeof current.parentId === 'string'; steps++) {
      if (steps > codes.size) {
        add(
          'inconsistent',
          ['qualitative', 'codes', i, 'parentId'],
          'the code is its own ancestor',
        );
        break;
      }
      current = codes.get(current.parentId);
    }
  });
  list(qual.codings).forEach((k, i) => {
    const base = ['qualitative', 'codings', i];
    ref(k.sourceId, sources, 'source', [...base, 'sourceId']);
    ref(k.codeId, codes, 'code', [...base, 'codeId']);
    ref(k.coderId, coders, 'coder', [...base, 'coderId']);
    spanIssues(k.start, k.end, lengthOf(str(k.sourceId)), base, add);
  });
  const targets: Record<string, Set<string | undefined>> = {
    source: new Set(sources.keys()),
    code: new Set(codes.keys()),
    coding: idsOf(list(qual.codings)),
    case: qdaCases,
    collaboration: new Set([str(c.id)]),
  };
  list(qual.memos).forEach((m, i) => {
    const t = isObj(m.target) ? m.target : {};
    const known = typeof t.kind === 'string' ? targets[t.kind] : undefined;
    if (known) ref(t.id, known, String(t.kind), ['qualitative', 'memos', i, 'target', 'id']);
  });
  const attrTypes = new Map(list(qual.attributes).map((a) => [str(a.name), str(a.type)]));
  const attrSeen = new Set<string>();
  list(qual.attributes).forEach((a, i) => {
    const attrName = str(a.name);
    if (attrName === undefined) return;
    if (attrSeen.has(attrName))
      add(
        'duplicate_id',
        ['qualitative', 'attributes', i, 'name'],
        `attribute "${attrName}" is defined twice`,
      );
    attrSeen.add(attrName);
  });
  list(qual.cases).forEach((k, i) => {
    ref(k.memberId, members, 'member', ['qualitative', 'cases', i, 'memberId']);
    ref(k.agencyId, agencies, 'agency', ['qualitative', 'cases', i, 'agencyId']);
    if (isObj(k.attributes)) {
      for (const [key, value] of Object.entries(k.attributes)) {
        const path = ['qualitative', 'cases', i, 'attributes', key];
        const type = attrTypes.get(key);
        if (type === undefined) {
          add(
            'unknown_reference',
            path,
            `attribute "${key}" is not defined in qualitative.attributes`,
          );
        } else if (value !== null && !attributeFits(type, value)) {
          add(
            'invalid_type',
            path,
            `must be ${type === 'date' ? 'a date written YYYY-MM-DD' : article(type)} as the attribute is defined`,
          );
        }
      }
    }
  });
  if (checkText) textIssues(doc, [], add);
  return issues;
}

/**
 * Text a database cannot store: NUL characters and lone UTF-16 surrogates (half an emoji),
 * found anywhere in the document, keys included.
 */
function textIssues(
  value: unknown,
  path: (string | number)[],
  add: (code: DocumentIssueCode, path: (string | number)[], message: string) => void,
): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000'))
      add('invalid_value', path, 'contains a NUL character, which cannot be stored');
    else if (!isWellFormed(value))
      add('invalid_value', path, 'contains a broken character (a lone UTF-16 surrogate)');
    return;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) textIssues(value[i], [...path, i], add);
    return;
  }
  if (isObj(value)) {
    for (const key of Object.keys(value)) {
      if (key.includes('\u0000') || !isWellFormed(key))
        add(
          'invalid_value',
          [...path, key],
          'the field name contains a character that cannot be stored',
        );
      textIssues(value[key], [...path, key], add);
    }
  }
}

/** Whether JSON text could decode to a NUL or a lone surrogate (a cheap scan of the text). */
function mayHoldUnstorableText(json: string): boolean {
  return /\\u(0000|[dD][89a-fA-F])/.test(json) || !isWellFormed(json);
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function isWellFormed(text: string): boolean {
  const native = (text as { isWellFormed?: () => boolean }).isWellFormed;
  return native ? native.call(text) : !LONE_SURROGATE.test(text);
}

function attributeFits(type: string, value: unknown): boolean {
  switch (type) {
    case 'number':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'date':
      return isDate(value);
    default:
      return typeof value === 'string';
  }
}

function spanIssues(
  start: unknown,
  end: unknown,
  length: number,
  base: (string | number)[],
  add: (code: DocumentIssueCode, path: (string | number)[], message: string) => void,
) {
  if (typeof start !== 'number' || typeof end !== 'number') return;
  if (end < start)
    add('out_of_range', [...base, 'end'], `ends (${end}) before it starts (${start})`);
  else if (end > length)
    add(
      'out_of_range',
      [...base, 'end'],
      `ends at ${end}, past the end of the source text (${length} characters)`,
    );
}

/** Number of Unicode code points in a string (not UTF-16 units). */
export function codePointLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A high surrogate followed by a low surrogate is one code point.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}
