import {
  collaborationJsonSchema,
  ECM_FRAMEWORK,
  RECORD_COLLECTIONS,
  restore,
  type CollaborationDocument,
} from '@weframe/core';
import { describe, expect, it } from 'vitest';
import charityTeam from '../../../../../examples/charity-team.json' with { type: 'json' };
import looseNetwork from '../../../../../examples/loose-network.json' with { type: 'json' };
import { EDITABLE_COLLECTIONS } from '../../api/records.js';
import { bodyFrom, draftFrom, emptyDraft } from './draft.js';
import { fieldPlaces, placeIssues } from './issues.js';
import {
  ECM_OUTCOMES,
  HEADER_FIELDS,
  RECORD_FIELDS,
  type FieldSpec,
  type FieldTable,
  type MetaField,
} from './record-fields.js';

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  enum?: unknown[];
  anyOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
};

const META: readonly MetaField[] = ['id', 'author', 'confidentialTo', 'version'];
const documentSchema = collaborationJsonSchema() as JsonSchema;

/** The object schema of a collection's records (or of the header). */
function objectSchema(name: string): JsonSchema {
  const top = documentSchema.properties?.[name];
  const schema = top?.type === 'array' ? top.items : top;
  if (!schema?.properties) throw new Error(`no object schema for ${name}`);
  return schema;
}

/** Every enum of a property schema, through nullable unions. */
function enumOf(schema: JsonSchema): unknown[] | null {
  if (schema.enum) return schema.enum;
  for (const option of schema.anyOf ?? []) {
    const found = enumOf(option);
    if (found) return found;
  }
  return null;
}

/** The nested object schema of an object or array-of-objects property. */
function nestedOf(schema: JsonSchema): JsonSchema | null {
  if (schema.properties) return schema;
  if (schema.items?.properties) return schema.items;
  for (const option of schema.anyOf ?? []) {
    const found = nestedOf(option);
    if (found) return found;
  }
  return null;
}

/** Problems between a field table and a JSON Schema object: missing or unknown fields, values without words. */
function drift(fields: FieldTable, schema: JsonSchema, where: string, skip: readonly string[]) {
  const problems: string[] = [];
  const properties = schema.properties ?? {};
  for (const key of Object.keys(properties)) {
    if (skip.includes(key)) continue;
    if (!(key in fields)) problems.push(`${where}.${key} has no form field`);
  }
  for (const [key, spec] of Object.entries(fields)) {
    const property = properties[key];
    if (!property) {
      problems.push(`${where}.${key} is in the form but not in the schema`);
      continue;
    }
    problems.push(...specDrift(spec, property, `${where}.${key}`));
  }
  return problems;
}

function specDrift(spec: FieldSpec, property: JsonSchema, where: string): string[] {
  if (spec.kind === 'choice') {
    const mine: unknown[] = spec.options.map((o) => (spec.numeric ? Number(o.value) : o.value));
    // statusLevel is an integer range rather than a list of values.
    const allowed: unknown[] | null =
      enumOf(property) ??
      (property.type === 'integer' &&
      property.minimum !== undefined &&
      property.maximum !== undefined
        ? Array.from(
            { length: property.maximum - property.minimum + 1 },
            (_, i) => (property.minimum ?? 0) + i,
          )
        : null);
    if (!allowed) return [`${where} is a choice but the schema has no allowed values`];
    return [...new Set([...allowed, ...mine])]
      .filter((v) => !allowed.includes(v) || !mine.includes(v))
      .map(
        (v) => `${where}: the value ${JSON.stringify(v)} is not in both the form and the schema`,
      );
  }
  if (spec.kind === 'group' || spec.kind === 'object') {
    const nested = nestedOf(property);
    return nested
      ? drift(spec.fields, nested, where, [])
      : [`${where} is a ${spec.kind} but the schema has no nested object`];
  }
  if (spec.kind === 'pair')
    return property.prefixItems?.length === 2 ? [] : [`${where} is a pair but not a tuple of 2`];
  if (spec.kind === 'boolean')
    return property.type === 'boolean' ? [] : [`${where} is a tick box but not a boolean`];
  return [];
}

describe('the record field table', () => {
  it.each(EDITABLE_COLLECTIONS)('has a form field for every field of %s', (collection) => {
    expect(drift(RECORD_FIELDS[collection], objectSchema(collection), collection, META)).toEqual(
      [],
    );
  });

  it('has a form field for every field of the collaboration header', () => {
    expect(
      drift(HEADER_FIELDS, objectSchema('collaboration'), 'collaboration', ['id', 'version']),
    ).toEqual([]);
  });

  it('covers every editable collection of the document', () => {
    expect(Object.keys(RECORD_FIELDS).sort()).toEqual([...EDITABLE_COLLECTIONS].sort());
    for (const collection of EDITABLE_COLLECTIONS)
      expect(RECORD_COLLECTIONS).toHaveProperty(collection);
  });

  it('notices a schema field the form forgot', () => {
    const { coLocated: _dropped, ...fewer } = RECORD_FIELDS.members;
    expect(drift(fewer, objectSchema('members'), 'members', META)).toEqual([
      'members.coLocated has no form field',
    ]);
  });

  it('notices an allowed value the form has no words for', () => {
    const kind = RECORD_FIELDS.cases.kind;
    if (kind.kind !== 'choice') throw new Error('cases.kind is a choice');
    const fewer = { ...RECORD_FIELDS.cases, kind: { ...kind, options: kind.options.slice(1) } };
    expect(drift(fewer, objectSchema('cases'), 'cases', META)).toEqual([
      'cases.kind: the value "child" is not in both the form and the schema',
    ]);
  });

  it('names the built-in outcomes as the core does', () => {
    expect(ECM_OUTCOMES.map((o) => o.value)).toEqual(ECM_FRAMEWORK.outcomes.map((o) => o.id));
  });
});

function restored(json: unknown): CollaborationDocument {
  const result = restore(JSON.stringify(json));
  if (!result.ok) throw new Error('sample does not restore');
  return result.value;
}

describe('drafts', () => {
  const samples = [restored(looseNetwork), restored(charityTeam)];

  it.each(EDITABLE_COLLECTIONS)('give every sample %s back unchanged', (collection) => {
    const fields = RECORD_FIELDS[collection];
    let seen = 0;
    for (const doc of samples) {
      for (const record of doc[collection] as unknown as Record<string, unknown>[]) {
        const expected = Object.fromEntries(
          Object.entries(record).filter(([key]) => !META.includes(key as MetaField)),
        );
        expect(bodyFrom(fields, draftFrom(fields, record))).toEqual(expected);
        seen += 1;
      }
    }
    if (collection !== 'meetings' && collection !== 'withheldInformation')
      expect(seen).toBeGreaterThan(0);
  });

  it('give the header back unchanged', () => {
    for (const doc of samples) {
      const { id: _id, version: _version, ...header } = doc.collaboration;
      expect(bodyFrom(HEADER_FIELDS, draftFrom(HEADER_FIELDS, doc.collaboration))).toEqual(header);
    }
  });

  it('leave blank optional fields out, send null or an empty string where the schema wants', () => {
    const body = bodyFrom(RECORD_FIELDS.members, emptyDraft(RECORD_FIELDS.members));
    expect(body).not.toHaveProperty('displayName');
    expect(body).not.toHaveProperty('startDate');
    expect(body.endDate).toBeNull();
    expect(body.accountability).toEqual([]);
    expect(body.coLocated).toBe(false);
    const area = bodyFrom(
      RECORD_FIELDS.responsibilityAreas,
      emptyDraft(RECORD_FIELDS.responsibilityAreas),
    );
    expect(area.description).toBe('');
    expect(area.agreedLeadMemberId).toBeNull();
  });

  it('send numbers as numbers, and what is not a number as typed', () => {
    const draft = {
      ...emptyDraft(RECORD_FIELDS.members),
      dedicatedHoursPerWeek: '7.5',
      statusLevel: '3',
    };
    const body = bodyFrom(RECORD_FIELDS.members, draft);
    expect(body.dedicatedHoursPerWeek).toBe(7.5);
    expect(body.statusLevel).toBe(3);
    expect(
      bodyFrom(RECORD_FIELDS.members, { ...draft, dedicatedHoursPerWeek: 'seven' })
        .dedicatedHoursPerWeek,
    ).toBe('seven');
  });
});

describe('placing the server’s problems', () => {
  const fields = RECORD_FIELDS.members;
  const draft = {
    ...emptyDraft(fields),
    accountability: [{ to: '', kind: '', agencyId: '' }],
  };
  const places = fieldPlaces(fields, draft);

  it('puts each problem next to its field, nested lines included', () => {
    const placed = placeIssues(
      [
        { code: 'impossible_date', path: 'members[10].endDate', message: 'left before joining' },
        { code: 'invalid_type', path: 'members[10].accountability[0].to', message: 'is required' },
        {
          code: 'invalid_value',
          path: 'members[10].membershipMode',
          message: 'must be one of "a" (got undefined)',
        },
        { code: 'unknown_reference', path: 'goals[2].memberId', message: 'refers to member "x"' },
      ],
      /^members\[\d+\]/,
      places,
    );
    expect(placed.map((p) => [p.field, p.label, p.message])).toEqual([
      ['endDate', 'Left on', 'left before joining'],
      ['accountability[0].to', 'Line 1: Answers to', 'is required'],
      ['membershipMode', 'How they are part of the team', 'choose one'],
      [null, null, 'refers to member "x"'],
    ]);
  });

  it('puts a problem with one item of a list on the list', () => {
    const goalPlaces = fieldPlaces(RECORD_FIELDS.goals, emptyDraft(RECORD_FIELDS.goals));
    const [placed] = placeIssues(
      [
        {
          code: 'unknown_reference',
          path: 'goals[0].outcomes[1]',
          message: 'refers to outcome "y"',
        },
      ],
      /^goals\[\d+\]/,
      goalPlaces,
    );
    expect(placed?.field).toBe('outcomes');
  });

  it('places header problems by their path under collaboration', () => {
    const headerPlaces = fieldPlaces(HEADER_FIELDS, emptyDraft(HEADER_FIELDS));
    const placed = placeIssues(
      [
        {
          code: 'out_of_range',
          path: 'collaboration.name',
          message: 'must be at least 1 characters long (got "")',
        },
        {
          code: 'invalid_value',
          path: 'collaboration.boundedness.time',
          message: 'must be one of "defined" (got undefined)',
        },
      ],
      /^collaboration/,
      headerPlaces,
    );
    expect(placed.map((p) => [p.field, p.message])).toEqual([
      ['name', 'is required'],
      ['boundedness.time', 'choose one'],
    ]);
  });
});
