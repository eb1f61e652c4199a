import { describe, expect, it } from 'vitest';
import {
  isoDateTime,
  parseCsv,
  responsesFromCsv,
  type CsvResponseContext,
} from './responses-csv.js';

const identified: CsvResponseContext = {
  itemIds: new Set(['TR1', 'TR4', 'PU1', 'X-1']),
  mode: 'identified',
  members: [
    { id: 'm-1', displayName: 'Ann Lee' },
    { id: 'm-2', displayName: 'Bo Chen' },
    { id: 'm-3', displayName: 'Bo Chen' },
  ],
};
const anonymous: CsvResponseContext = { ...identified, mode: 'anonymous' };

const cellsOf = (text: string) => {
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.records.map((r) => r.cells);
};

describe('parseCsv (RFC 4180)', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks inside', () => {
    expect(cellsOf('a,b,c\n"x, y","say ""hi""","two\nlines"\n')).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'two\nlines'],
    ]);
  });

  it('drops a byte-order mark and accepts CRLF, LF and CR line ends', () => {
    expect(cellsOf('\ufeffa,b\r\n1,2\r3,4\n5,6')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
      ['5', '6'],
    ]);
  });

  it('numbers records, not lines, so a quoted line break does not shift later rows', () => {
    const parsed = parseCsv('h\n"a\nb"\nc\n');
    expect(parsed.ok && parsed.records.map((r) => r.row)).toEqual([1, 2, 3]);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(cellsOf('a,,c,\n')).toEqual([['a', '', 'c', '']]);
  });

  it('refuses a quote left open, naming the row where it opened', () => {
    expect(parseCsv('h1,h2\n1,2\n"open,3\n4,5\n')).toEqual({
      ok: false,
      issues: [
        {
          code: 'invalid_format',
          path: 'row 3',
          message: 'a quoted field is opened here and never closed',
        },
      ],
    });
  });

  it('marks records that break the quoting rules but still splits them', () => {
    const parsed = parseCsv('a,b\n"x"y,2\nx"y,3\n');
    expect(parsed.ok && parsed.records.map((r) => [r.cells, r.malformed])).toEqual([
      [['a', 'b'], undefined],
      [['xy', '2'], 'has text after a closing quote'],
      [['x"y', '3'], 'has a quote inside a field that is not quoted'],
    ]);
  });

  it('reads other delimiters when told', () => {
    const parsed = parseCsv('a;b\n"1;5";2\n', { delimiter: ';' });
    expect(parsed.ok && parsed.records.map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['1;5', '2'],
    ]);
  });
});

describe('responsesFromCsv', () => {
  const mapping = {
    columns: {
      Respondent: 'respondentMemberId',
      When: 'submittedAt',
      'Q1 shared aim': 'TR1',
      Q4: 'TR4',
      Goal: 'goal.choice',
      'Goal words': 'goal.text',
      Notes: 'ignore',
    },
    values: { 'Not applicable': null, 'Mostly agree': 4 },
  };
  const header = 'Respondent,When,Q1 shared aim,Q4,Goal,Goal words,Notes,IP address';

  it('maps labels, numbers and "don’t know" to answers and takes the respondent by id or unique name', () => {
    const csv = [
      header,
      'm-1,2025-03-05T17:00:00+01:00,Strongly agree,2,joint,Keep her in school,n/a,10.0.0.1',
      'Ann Lee,2025-03-06,  don’t KNOW ,Not applicable,,,,',
      'm-2,2025-03-06 09:30,Mostly agree,4.0,Other,"Safe, at home",,',
    ].join('\r\n');
    const result = responsesFromCsv(csv, mapping, identified);
    expect(result).toEqual({
      ok: true,
      rows: [
        {
          row: 2,
          answers: { TR1: 5, TR4: 2 },
          respondentMemberId: 'm-1',
          submittedAt: '2025-03-05T17:00:00+01:00',
          goal: { choice: 'joint', text: 'Keep her in school' },
        },
        {
          row: 3,
          answers: { TR1: 'dontKnow', TR4: null },
          respondentMemberId: 'm-1',
          submittedAt: '2025-03-06T00:00:00Z',
        },
        {
          row: 4,
          answers: { TR1: 4, TR4: 4 },
          respondentMemberId: 'm-2',
          submittedAt: '2025-03-06T09:30:00Z',
          goal: { choice: 'other', text: 'Safe, at home' },
        },
      ],
      rejected: [],
      unmappedColumns: ['IP address'],
    });
  });

  it('skips blank rows and reports every problem of every bad row with its column', () => {
    const csv = [
      header,
      '',
      ',,,,,,,',
      'm-9,yesterday,7,Agree,maybe,,,',
      'Bo Chen,2025-02-30,1,1,,words without a choice,,',
      ',2025-03-01,1,1,,,,,extra',
      'm-1,2025-03-01,3,3,,,,',
    ].join('\n');
    const result = responsesFromCsv(csv, mapping, identified);
    if (!result.ok) throw new Error('expected rows');
    expect(result.rows.map((r) => r.row)).toEqual([7]);
    expect(result.rejected).toEqual([
      {
        row: 4,
        issues: [
          {
            code: 'unknown_reference',
            path: 'Respondent',
            message: '"m-9" is not a member of this collaboration',
          },
          {
            code: 'invalid_format',
            path: 'When',
            message:
              '"yesterday" is not a date and time (write 2025-03-05T17:00:00Z or 2025-03-05)',
          },
          {
            code: 'invalid_value',
            path: 'Q1 shared aim',
            message: '"7" is not an answer on the 1–5 scale (add it to the mapping\'s values)',
          },
          {
            code: 'invalid_value',
            path: 'Goal',
            message: '"maybe" must be one of joint, agency, other',
          },
        ],
      },
      {
        row: 5,
        issues: [
          {
            code: 'unknown_reference',
            path: 'Respondent',
            message: '"Bo Chen" names more than one member: use the member id',
          },
          expect.objectContaining({ path: 'When', code: 'invalid_format' }),
          expect.objectContaining({ path: 'Goal words', code: 'inconsistent' }),
        ],
      },
      {
        row: 6,
        issues: [
          {
            code: 'out_of_range',
            path: '(row)',
            message: 'has 9 cells but the header names 8 columns',
          },
          {
            code: 'invalid_type',
            path: 'Respondent',
            message: 'is required: the respondent’s member id',
          },
        ],
      },
    ]);
  });

  it('refuses a mapping that names missing columns or unknown items, or reads a target twice', () => {
    const result = responsesFromCsv(
      'A,B,C\n1,2,3\n',
      { columns: { A: 'TR1', B: 'TR1', C: 'NOPE', D: 'PU1' } },
      anonymous,
    );
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          code: 'duplicate_id',
          path: 'mapping.columns.B',
          message: '"TR1" is already read from column "A"',
        },
        expect.objectContaining({ code: 'unknown_reference', path: 'mapping.columns.C' }),
        {
          code: 'unknown_reference',
          path: 'mapping.columns.D',
          message: 'the file has no column "D"',
        },
      ],
    });
  });

  it('needs a respondent column in identified waves and refuses one in anonymous waves', () => {
    const csv = 'Who,Q\nm-1,3\n';
    const anonymousResult = responsesFromCsv(
      csv,
      { columns: { Who: 'respondentMemberId', Q: 'TR1' } },
      anonymous,
    );
    expect(anonymousResult.ok || anonymousResult.issues.map((i) => i.path)).toEqual([
      'mapping.columns.Who',
    ]);
    const identifiedResult = responsesFromCsv(
      csv,
      { columns: { Who: 'ignore', Q: 'TR1' } },
      identified,
    );
    expect(identifiedResult.ok || identifiedResult.issues.map((i) => i.path)).toEqual([
      'mapping.columns',
    ]);
    const ok = responsesFromCsv(csv, { columns: { Who: 'ignore', Q: 'TR1' } }, anonymous);
    expect(ok.ok && ok.rows).toEqual([{ row: 2, answers: { TR1: 3 } }]);
  });

  it('refuses a malformed mapping, an empty file and duplicate header names', () => {
    expect(responsesFromCsv('A\n1\n', { columns: { A: 'TR1' }, extra: 1 }, anonymous)).toEqual({
      ok: false,
      issues: [expect.objectContaining({ code: 'unrecognized_key', path: 'mapping' })],
    });
    expect(responsesFromCsv('', { columns: {} }, anonymous)).toMatchObject({
      ok: false,
      issues: [{ path: 'row 1', message: 'the file has no header row' }],
    });
    expect(responsesFromCsv('A,A\n1,2\n', { columns: { A: 'TR1' } }, anonymous)).toMatchObject({
      ok: false,
      issues: [{ code: 'duplicate_id', path: 'row 1' }],
    });
  });

  it('rejects a row that breaks the quoting rules instead of guessing', () => {
    const result = responsesFromCsv('Q\n"4"x\n5\n', { columns: { Q: 'TR1' } }, anonymous);
    expect(result.ok && result.rejected).toEqual([
      {
        row: 2,
        issues: [
          { code: 'invalid_format', path: '(row)', message: 'has text after a closing quote' },
          expect.objectContaining({ code: 'invalid_value', path: 'Q' }),
        ],
      },
    ]);
    expect(result.ok && result.rows).toEqual([{ row: 3, answers: { TR1: 5 } }]);
  });
});

describe('isoDateTime', () => {
  it('normalises the date-time forms survey tools write', () => {
    expect(isoDateTime('2025-03-05T17:00:00Z')).toBe('2025-03-05T17:00:00Z');
    expect(isoDateTime('2025-03-05T17:00:00.123+0100')).toBe('2025-03-05T17:00:00+01:00');
    expect(isoDateTime('2025-03-05 17:00')).toBe('2025-03-05T17:00:00Z');
    expect(isoDateTime('2025-03-05')).toBe('2025-03-05T00:00:00Z');
  });

  it('refuses impossible dates and times', () => {
    for (const bad of [
      '2025-02-29',
      '2025-13-01',
      '2025-03-05T24:00',
      '05/03/2025',
      '2025-03-05T10:00+25:00',
    ])
      expect(isoDateTime(bad)).toBeNull();
  });
});

describe('responsesFromCsv on malformed input', () => {
  it('answers every one of thousands of random files without throwing', () => {
    // A small deterministic generator (mulberry32), so a failure can be replayed.
    let seed = 42;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const alphabet = [
      '"',
      ',',
      '\n',
      '\r',
      'Q',
      '1',
      '5',
      ' ',
      '\ufeff',
      'Agree',
      'm-1',
      ';',
      '\t',
    ];
    for (let n = 0; n < 3000; n++) {
      const length = Math.floor(random() * 40);
      let text = 'Q,Who\n';
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      const result = responsesFromCsv(
        text,
        { columns: { Q: 'TR1', Who: 'respondentMemberId' } },
        identified,
      );
      expect(typeof result.ok).toBe('boolean');
    }
  });
});
