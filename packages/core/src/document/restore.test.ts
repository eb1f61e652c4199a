import { describe, expect, it } from 'vitest';
import { buildDocument, buildMember } from '../test-support/factories.js';
import { restore, codePointLength, DocumentError, restoreOrThrow } from './restore.js';
import { migrateDocument, type MigrationStep } from './migrations.js';
import { formatIssues } from './issues.js';

const issuesOf = (input: unknown) => {
  const result = restore(input);
  if (result.ok) throw new Error('expected problems, got a valid document');
  return result.issues;
};

describe('restore', () => {
  it('accepts a valid document and fills in defaults', () => {
    const result = restore(buildDocument());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.members[0]).toMatchObject({ author: 'system', version: 1, endDate: null });
    expect(result.value.qualitative.codes).toEqual([]);
  });

  it('reads a JSON string and names a syntax error', () => {
    expect(restore(JSON.stringify(buildDocument())).ok).toBe(true);
    expect(issuesOf('{"schemaVersion": 1,')).toEqual([
      expect.objectContaining({ code: 'invalid_json', path: '(document)' }),
    ]);
  });

  it('returns every problem at once, each with its path', () => {
    const doc = buildDocument({
      members: [
        buildMember({ id: 'm-1', agencyId: 'ag-missing', professionId: 'pr-teacher' }),
        buildMember({ id: 'm-2', agencyId: 'ag-school', professionId: 'pr-ot', statusLevel: 9 }),
        buildMember({
          id: 'm-3',
          agencyId: 'ag-school',
          professionId: 'pr-ot',
          startDate: '2025-05-01',
          endDate: '2025-04-01',
        }),
      ],
      communications: [
        { id: 'c-1', date: '2025-02-01', fromId: 'm-1', toIds: ['m-9'], channel: 'email' },
      ],
      waves: [{ id: 'w-1', name: 'Wave 1', mode: 'anonymous', opensOn: '2025-03-01' }],
      responses: [
        {
          id: 'r-1',
          waveId: 'w-1',
          submittedAt: '2025-03-02T10:00:00Z',
          answers: { TR1: 9, NOPE: 3 },
        },
      ],
    });
    const issues = issuesOf(doc);
    const byPath = Object.fromEntries(issues.map((i) => [i.path, i]));
    expect(byPath['members[0].agencyId']).toMatchObject({ code: 'unknown_reference' });
    expect(byPath['members[0].agencyId']?.message).toContain('ag-missing');
    expect(byPath['members[1].statusLevel']).toMatchObject({
      code: 'out_of_range',
      message: 'must be at most 5 (got 9)',
    });
    expect(byPath['members[2].endDate']).toMatchObject({ code: 'impossible_date' });
    expect(byPath['communications[0].toIds[0]']).toMatchObject({ code: 'unknown_reference' });
    expect(byPath['responses[0].answers.TR1']).toMatchObject({
      code: 'out_of_range',
      message: 'must be at most 5 (got 9)',
    });
    expect(byPath['responses[0].answers.NOPE']).toMatchObject({ code: 'unknown_reference' });
    expect(issues).toHaveLength(6);
  });

  it('reports type errors, missing fields and unknown fields', () => {
    const doc = buildDocument() as Record<string, unknown>;
    const collaboration = { ...(doc.collaboration as object), name: 42, colour: 'red' } as Record<
      string,
      unknown
    >;
    delete collaboration.startDate;
    const issues = issuesOf({ ...doc, collaboration });
    expect(issues).toEqual(
      expect.arrayContaining([
        { code: 'invalid_type', path: 'collaboration.name', message: 'must be text (got 42)' },
        { code: 'invalid_type', path: 'collaboration.startDate', message: 'is required' },
        expect.objectContaining({ code: 'unrecognized_key', path: 'collaboration' }),
      ]),
    );
  });

  it('refuses duplicate ids anywhere in the document', () => {
    const doc = buildDocument({
      cases: [{ id: 'm-1', pseudonym: 'Young person A' }],
    });
    expect(issuesOf(doc)).toEqual([
      {
        code: 'duplicate_id',
        path: 'cases[0].id',
        message: 'id "m-1" is already used by members[0]',
      },
    ]);
  });

  it('keeps anonymous waves anonymous', () => {
    const doc = buildDocument({
      waves: [{ id: 'w-1', name: 'Wave 1', mode: 'anonymous', opensOn: '2025-03-01' }],
      responses: [
        {
          id: 'r-1',
          waveId: 'w-1',
          respondentMemberId: 'm-1',
          submittedAt: '2025-03-02T10:00:00Z',
          answers: {},
          contacts: [{ memberId: 'm-2', frequency: 'weekly', workingLevel: 'cooperation' }],
        },
      ],
    });
    expect(issuesOf(doc).map((i) => i.path)).toEqual([
      'responses[0].respondentMemberId',
      'responses[0].contacts',
    ]);
  });

  it('checks that coded segments fall inside their source, counting code points', () => {
    const text = 'Café 👍 done';
    expect(codePointLength(text)).toBe(11);
    const doc = buildDocument({
      qualitative: {
        sources: [{ id: 's-1', title: 'Interview', kind: 'interview', text }],
        codes: [{ id: 'k-1', name: 'Goals', elementId: 'process.teamReasoning.purposes' }],
        coders: [{ id: 'coder-1', name: 'Coder one' }],
        codings: [
          { id: 'cd-1', sourceId: 's-1', codeId: 'k-1', coderId: 'coder-1', start: 0, end: 11 },
          { id: 'cd-2', sourceId: 's-1', codeId: 'k-1', coderId: 'coder-1', start: 5, end: 12 },
          { id: 'cd-3', sourceId: 's-1', codeId: 'k-9', coderId: 'coder-1', start: 4, end: 2 },
        ],
      },
    });
    expect(issuesOf(doc)).toEqual([
      {
        code: 'out_of_range',
        path: 'qualitative.codings[1].end',
        message: 'ends at 12, past the end of the source text (11 characters)',
      },
      expect.objectContaining({ code: 'unknown_reference', path: 'qualitative.codings[2].codeId' }),
      expect.objectContaining({ code: 'out_of_range', path: 'qualitative.codings[2].end' }),
    ]);
  });

  it('finds a cycle in the codebook', () => {
    const doc = buildDocument({
      qualitative: {
        codes: [
          { id: 'k-1', name: 'A', parentId: 'k-2' },
          { id: 'k-2', name: 'B', parentId: 'k-1' },
        ],
      },
    });
    expect(issuesOf(doc).map((i) => i.code)).toEqual(['inconsistent', 'inconsistent']);
  });

  it('throws a DocumentError carrying the issues from restoreOrThrow', () => {
    expect(() => restoreOrThrow({ schemaVersion: 1 })).toThrow(DocumentError);
    try {
      restoreOrThrow({ schemaVersion: 1 });
    } catch (error) {
      expect(formatIssues((error as DocumentError).issues)).toBe('collaboration: is required');
    }
  });

  it('refuses documents from a newer version, and non-objects', () => {
    expect(issuesOf({ ...buildDocument(), schemaVersion: 7 })[0]?.code).toBe('unsupported_version');
    expect(issuesOf([1, 2])[0]).toMatchObject({ code: 'invalid_type', path: '(document)' });
    expect(issuesOf({})[0]).toMatchObject({ path: 'schemaVersion' });
  });
});

describe('migrating older documents', () => {
  // Synthetic steps: version 1 had `title` where version 2 has `name`, and version 2 → 3
  // added a list. They exercise the machinery until the schema has a real version 2.
  const steps: MigrationStep[] = [
    {
      from: 1,
      describe: 'rename title to name',
      up: ({ title, ...rest }) => ({ ...rest, name: title }),
    },
    { from: 2, describe: 'add tags', up: (doc) => ({ ...doc, tags: [] }) },
  ];

  it('applies each step in order and never mutates its input', () => {
    const input = { schemaVersion: 1, title: 'Old' };
    const result = migrateDocument(input, steps, 3);
    expect(result).toEqual({
      ok: true,
      value: { schemaVersion: 3, name: 'Old', tags: [] },
      applied: ['rename title to name', 'add tags'],
    });
    expect(input).toEqual({ schemaVersion: 1, title: 'Old' });
  });

  it('starts from the document’s own version', () => {
    const result = migrateDocument({ schemaVersion: 2, name: 'Mid' }, steps, 3);
    expect(result.ok && result.applied).toEqual(['add tags']);
  });

  it('says which step is missing', () => {
    const result = migrateDocument({ schemaVersion: 1 }, [steps[1]!], 3);
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          code: 'unsupported_version',
          path: 'schemaVersion',
          message: 'no migration from version 1 to 2',
        },
      ],
    });
  });

  it('is what restore runs before validation', () => {
    const toCurrent: MigrationStep[] = [
      {
        from: 0,
        describe: 'never used',
        up: (d) => d,
      },
    ];
    expect(restore(buildDocument(), { migrations: toCurrent }).ok).toBe(true);
  });
});

describe('text a database cannot store', () => {
  it('refuses NUL characters and lone surrogates, naming each place', () => {
    const doc = buildDocument({
      members: [
        buildMember({ id: 'm-1', displayName: 'Nul\u0000name' }),
        buildMember({ id: 'm-2', displayName: 'Half \ud83d emoji' }),
      ],
    });
    expect(issuesOf(doc)).toEqual([
      {
        code: 'invalid_value',
        path: 'members[0].displayName',
        message: 'contains a NUL character, which cannot be stored',
      },
      {
        code: 'invalid_value',
        path: 'members[1].displayName',
        message: 'contains a broken character (a lone UTF-16 surrogate)',
      },
    ]);
  });

  it('accepts whole emoji and accented letters', () => {
    expect(restore(buildDocument({ members: [buildMember({ displayName: 'Zoë 👍' })] })).ok).toBe(
      true,
    );
  });

  it('refuses a QDA attribute defined twice', () => {
    const doc = buildDocument({
      qualitative: {
        attributes: [
          { name: 'Role', type: 'text' },
          { name: 'Role', type: 'number' },
        ],
      },
    });
    expect(issuesOf(doc)).toEqual([
      expect.objectContaining({ code: 'duplicate_id', path: 'qualitative.attributes[1].name' }),
    ]);
  });
});

describe('the fast path for JSON text', () => {
  it('still finds an escaped NUL in text read from a file', () => {
    const text = JSON.stringify(buildDocument()).replace('"Member m-1"', '"Mem\\u0000ber"');
    expect(issuesOf(text)).toEqual([
      expect.objectContaining({ path: 'members[0].displayName', code: 'invalid_value' }),
    ]);
  });

  it('gives the same document from text as from the parsed object', () => {
    const doc = buildDocument();
    const fromText = restore(JSON.stringify(doc));
    const fromObject = restore(doc);
    expect(fromText.ok && fromObject.ok).toBe(true);
    if (fromText.ok && fromObject.ok) expect(fromText.value).toEqual(fromObject.value);
  });
});
