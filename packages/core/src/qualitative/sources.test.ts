import { describe, expect, it } from 'vitest';
import { restoreOrThrow } from '../document/restore.js';
import { buildDocument } from '../test-support/factories.js';
import { mergeQualitative } from './merge.js';
import { asCodePoint, textPositions } from './positions.js';
import { sourceFromDocx, sourceFromText, speakerTurns } from './sources.js';
import { buildDocx } from './test-support/qualitative.factory.js';

const TRANSCRIPT = [
  'Interview 3 — Ashby, 4 March 2025',
  'Date: 4 March 2025',
  '',
  'Interviewer: How do you work with the school? 😀',
  'Adviser: Zoë’s head of year and I plan together.',
  'We sort out overlaps and gaps… mostly.',
  '',
  'Dr Patel: At 10:30 nobody told me: not a word.',
  'INTERVIEWER: Thank you.',
  'Head of Year: Ça va.',
].join('\r\n');

const quoted = (text: string, t: { start: number; end: number }) =>
  textPositions(text).slice(asCodePoint(t.start), asCodePoint(t.end));

describe('sourceFromText', () => {
  const { source, cases } = sourceFromText(TRANSCRIPT, {
    title: 'Interview 3',
    kind: 'interview',
    date: '2025-03-04',
    format: 'text',
  });

  it('stores the text with \\n line endings', () => {
    expect(source.text).toBe(TRANSCRIPT.replace(/\r\n/g, '\n'));
    expect(source).toMatchObject({
      title: 'Interview 3',
      kind: 'interview',
      date: '2025-03-04',
      format: 'text',
    });
    expect(source.id).toMatch(/^src-[0-9a-f]{12}$/);
  });

  it('finds "Name:" turns; continuation lines belong to the previous turn; headings are not speakers', () => {
    expect(source.turns.map((t) => [t.speaker, quoted(source.text, t)])).toEqual([
      ['Interviewer', 'How do you work with the school? 😀'],
      [
        'Adviser',
        'Zoë’s head of year and I plan together.\nWe sort out overlaps and gaps… mostly.',
      ],
      ['Dr Patel', 'At 10:30 nobody told me: not a word.'],
      ['INTERVIEWER', 'Thank you.'],
      ['Head of Year', 'Ça va.'],
    ]);
  });

  it('makes one case per distinct speaker (names compared without case), as NVivo does', () => {
    expect(cases.map((c) => [c.id, c.name])).toEqual([
      ['case-interviewer', 'Interviewer'],
      ['case-adviser', 'Adviser'],
      ['case-dr-patel', 'Dr Patel'],
      ['case-head-of-year', 'Head of Year'],
    ]);
    expect(source.participantCaseIds).toEqual(cases.map((c) => c.id));
    expect(source.turns[3]?.caseId).toBe('case-interviewer');
  });

  it('reuses the collaboration’s case of the same name', () => {
    const again = sourceFromText('Adviser: hello', {
      title: 'Follow-up',
      kind: 'interview',
      format: 'text',
      existingCases: [
        { id: 'qc-7', name: 'adviser', author: 'system', version: 1, attributes: { age: 40 } },
      ],
    });
    expect(again.source.turns[0]?.caseId).toBe('qc-7');
    expect(again.cases).toEqual([
      { id: 'qc-7', name: 'adviser', author: 'system', version: 1, attributes: { age: 40 } },
    ]);
  });

  it('keeps Markdown as written and reads emphasised labels', () => {
    const md = '# Focus group\n\n**Facilitator:** Welcome *all*.\n**Teacher**: Thanks.\n';
    const { source: s } = sourceFromText(md, {
      title: 'FG',
      kind: 'focusGroup',
      format: 'markdown',
    });
    expect(s.text).toBe(md);
    expect(s.format).toBe('markdown');
    expect(s.turns.map((t) => [t.speaker, quoted(s.text, t)])).toEqual([
      ['Facilitator', 'Welcome *all*.'],
      ['Teacher', 'Thanks.'],
    ]);
  });

  it('does not look for speakers in a document unless asked', () => {
    const text = 'Re: the plan\nAdviser: agreed';
    expect(
      sourceFromText(text, { title: 'Memo', kind: 'document', format: 'text' }).source.turns,
    ).toEqual([]);
    expect(
      sourceFromText(text, {
        title: 'Memo',
        kind: 'document',
        format: 'text',
        detectSpeakers: true,
      }).source.turns,
    ).toHaveLength(1);
  });

  it('gives the same id to the same text, so importing twice changes nothing', () => {
    const doc = restoreOrThrow(buildDocument());
    const first = sourceFromText(TRANSCRIPT, {
      title: 'Interview 3',
      kind: 'interview',
      format: 'text',
    });
    const once = restoreOrThrow(
      mergeQualitative(doc, { sources: [first.source], cases: first.cases }).document,
    );
    const second = sourceFromText(TRANSCRIPT, {
      title: 'Interview 3',
      kind: 'interview',
      format: 'text',
      existingCases: once.qualitative.cases,
    });
    const twice = mergeQualitative(once, { sources: [second.source], cases: second.cases });
    expect(twice.document).toEqual(once);
    expect(twice.report.unchanged.sources).toBe(1);
  });
});

describe('speakerTurns', () => {
  it('ignores times, URLs, long phrases and trailing small words', () => {
    expect(
      speakerTurns(
        [
          '10:30 we met',
          'See http://example.org',
          'What I said to them was: no',
          'Head of: x',
          'P1: yes',
        ].join('\n'),
      ).map((t) => t.speaker),
    ).toEqual(['P1']);
  });
});

describe('sourceFromDocx', () => {
  it('reads the paragraphs of a Word document as lines, then finds turns', () => {
    const docx = buildDocx([
      '<w:r><w:t>Interviewer: Hello</w:t></w:r>',
      '<w:r><w:t xml:space="preserve">Adviser: Zoë </w:t></w:r><w:r><w:t>😀</w:t></w:r>',
      '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>cell</w:t></w:r></w:p></w:tc></w:tr></w:tbl>',
    ]);
    const result = sourceFromDocx(docx, { title: 'Docx interview', kind: 'interview' });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.source.format).toBe('docx');
    expect(result.source.text).toBe('Interviewer: Hello\nAdviser: Zoë 😀\ncell');
    expect(result.cases.map((c) => c.name)).toEqual(['Interviewer', 'Adviser']);
  });

  it('refuses a file that is not a Word document, saying so', () => {
    const notZip = sourceFromDocx(new TextEncoder().encode('plain text'), {
      title: 'x.docx',
      kind: 'interview',
    });
    expect(notZip).toEqual({
      ok: false,
      issues: [
        {
          code: 'not_docx',
          path: 'x.docx',
          message: 'is not a Word document (.docx files are zip archives)',
        },
      ],
    });
    const qdpxLike = buildDocx([]).slice();
    const result = sourceFromDocx(qdpxLike.subarray(0, qdpxLike.length - 30), {
      title: 'cut.docx',
      kind: 'interview',
    });
    expect(result.ok).toBe(false);
  });
});
