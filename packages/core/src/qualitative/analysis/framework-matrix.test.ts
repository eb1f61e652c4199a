import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { AnalysisError } from '../../analysis/context.js';
import { frameworkMatrix, frameworkMatrixCsv, frameworkMatrixXlsx } from './framework-matrix.js';
import { csvText } from './csv.js';
import { xlsxColumn, xlsxWorkbook, XLSX_CELL_LIMIT } from './xlsx.js';
import {
  buildCode,
  buildCoding,
  buildSource,
  qualitativeDocument,
  transcript,
} from './test-support/qualitative.js';

// A focus group: turns linked to cases by caseId (Priya) and by speaker name (Sam).
const group = transcript([
  ['Facilitator', 'Who decides what happens next for J?'],
  ['Priya', 'Honestly 🤷 nobody, and that is the problem, "really".', 'case-priya'],
  ['Sam', 'The school thinks it decides; we think we do.'],
  ['Facilitator', 'And the money?'],
  ['Sam', 'Separate budgets, every time.'],
]);
const note = 'Observation: the café meeting ran late; Priya left early.';

function doc() {
  return qualitativeDocument({
    cases: [
      { id: 'case-sam', name: 'Sam' },
      { id: 'case-priya', name: 'Priya' },
      { id: 'case-lee', name: 'Lee' },
    ],
    sources: [
      buildSource({ id: 'src-group', title: 'Focus group', text: group.text, turns: group.turns }),
      buildSource({
        id: 'src-note',
        title: 'Meeting note',
        kind: 'observation',
        text: note,
        participantCaseIds: ['case-priya', 'case-lee'],
        confidentialTo: 'ag-health',
      }),
    ],
    codes: [
      buildCode({ id: 'code-decisions', name: 'Decisions' }),
      buildCode({ id: 'code-money', name: 'Money' }),
      buildCode({ id: 'code-who', name: 'Who decides', parentId: 'code-decisions' }),
    ],
    codings: [
      buildCoding('k1', group.span(1, 7), { sourceId: 'src-group', codeId: 'code-who' }),
      buildCoding('k2', group.span(2), { sourceId: 'src-group', codeId: 'code-decisions' }),
      buildCoding('k3', group.span(4, 5), {
        sourceId: 'src-group',
        codeId: 'code-money',
        coderId: 'coder-b',
      }),
      buildCoding('k4', group.span(0), { sourceId: 'src-group', codeId: 'code-decisions' }),
      buildCoding('k5', { start: 13, end: 31 }, { sourceId: 'src-note', codeId: 'code-decisions' }),
      buildCoding('k6', group.span(2, 5, 15), {
        sourceId: 'src-group',
        codeId: 'code-decisions',
        coderId: 'coder-b',
      }),
    ],
  });
}

describe('frameworkMatrix', () => {
  it('puts each coding under the case of its speaker turn or of its source', () => {
    const m = frameworkMatrix(doc());
    expect(m.cases.map((c) => c.id)).toEqual(['case-sam', 'case-priya', 'case-lee']);
    // Codebook tree order: a child follows its parent.
    expect(m.codes.map((c) => [c.id, c.depth, c.path.join(' / ')])).toEqual([
      ['code-decisions', 0, 'Decisions'],
      ['code-who', 1, 'Decisions / Who decides'],
      ['code-money', 0, 'Money'],
    ]);
    const counts = m.cells.map((row) => row.map((c) => c.count));
    expect(counts).toEqual([
      [2, 0, 1], // Sam: k2, k6 (by speaker name); k3
      [1, 1, 0], // Priya: k5 (note participant); k1 (turn caseId)
      [1, 0, 0], // Lee: k5 (note participant)
    ]);
    // The facilitator's own turn belongs to no case.
    expect(m.unassigned).toBe(1);
    const priyaWho = m.cells[1]?.[1]?.excerpts[0];
    // Code points: the emoji before the span does not shift the excerpt.
    expect(priyaWho).toMatchObject({
      codingId: 'k1',
      text: 'Honestly 🤷 nobody, and that is the problem, "really".',
      coderId: 'coder-a',
    });
    expect(m.cells[1]?.[0]?.excerpts[0]).toMatchObject({
      codingId: 'k5',
      text: 'the café meeting r',
      confidentialTo: 'ag-health',
    });
    expect(m.cells[0]?.[0]?.excerpts.map((e) => e.codingId)).toEqual(['k2', 'k6']);
  });

  it('narrows to coders, sources, codes and cases, and names an unknown id', () => {
    const m = frameworkMatrix(doc(), {
      coderIds: ['coder-a'],
      sourceIds: ['src-group'],
      codeIds: ['code-decisions'],
      caseIds: ['case-sam'],
    });
    expect(m.cells).toEqual([
      [
        expect.objectContaining({
          count: 1,
          excerpts: [expect.objectContaining({ codingId: 'k2' })],
        }),
      ],
    ]);
    expect(() => frameworkMatrix(doc(), { caseIds: ['case-nobody'] })).toThrow(AnalysisError);
    expect(() => frameworkMatrix(doc(), { coderIds: ['x'] })).toThrow('coderIds: no coder "x"');
  });

  it('writes RFC 4180 CSV with quoted excerpts, or counts', () => {
    const m = frameworkMatrix(doc(), { caseIds: ['case-priya'], codeIds: ['code-who'] });
    expect(frameworkMatrixCsv(m)).toBe(
      'case id,case,Decisions / Who decides\r\n' +
        'case-priya,Priya,"[Focus group] Honestly 🤷 nobody, and that is the problem, ""really""."\r\n',
    );
    expect(frameworkMatrixCsv(frameworkMatrix(doc()), { content: 'counts' })).toBe(
      'case id,case,Decisions,Decisions / Who decides,Money\r\n' +
        'case-sam,Sam,2,0,1\r\ncase-priya,Priya,1,1,0\r\ncase-lee,Lee,1,0,0\r\n',
    );
    expect(csvText([['a "quoted" word', 'two\nlines', 'plain', null, 3]])).toBe(
      '"a ""quoted"" word","two\nlines",plain,,3\r\n',
    );
  });

  it('writes a spreadsheet with an excerpts and a counts sheet, the same bytes every time', () => {
    const m = frameworkMatrix(doc());
    const bytes = frameworkMatrixXlsx(m);
    expect(frameworkMatrixXlsx(m)).toEqual(bytes);
    const files = unzipSync(bytes);
    expect(Object.keys(files).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
    ]);
    const part = (name: string) => strFromU8(files[name] ?? new Uint8Array());
    expect(part('xl/workbook.xml')).toContain('<sheet name="Excerpts" sheetId="1" r:id="rId1"/>');
    expect(part('xl/workbook.xml')).toContain('<sheet name="Counts" sheetId="2" r:id="rId2"/>');
    const excerpts = part('xl/worksheets/sheet1.xml');
    expect(excerpts).toContain(
      '<c r="C3" s="2" t="inlineStr"><is><t xml:space="preserve">[Meeting note] the café meeting r</t></is></c>',
    );
    // Quotes in the text are escaped, never read as markup.
    expect(excerpts).toContain('&quot;really&quot;');
    const counts = part('xl/worksheets/sheet2.xml');
    expect(counts).toContain('<c r="C2"><v>2</v></c>');
    expect(counts).toContain(
      '<pane xSplit="2" ySplit="1" topLeftCell="C2" activePane="bottomRight" state="frozen"/>',
    );
  });

  it('escapes markup, drops characters XML forbids and cuts cells at Excel’s limit', () => {
    const long = `${'x'.repeat(XLSX_CELL_LIMIT - 2)}😀tail`;
    const files = unzipSync(
      xlsxWorkbook([{ name: 'S', rows: [['h'], ['<b>&</b>\u0007=SUM(A1)', long, 1.5]] }]),
    );
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml'] ?? new Uint8Array());
    expect(sheet).toContain('<t xml:space="preserve">&lt;b&gt;&amp;&lt;/b&gt;=SUM(A1)</t>');
    expect(sheet).not.toContain('<f>');
    expect(sheet).toContain('<c r="C2"><v>1.5</v></c>');
    const cell = /<c r="B2" t="inlineStr"><is><t xml:space="preserve">([^<]*)<\/t>/.exec(
      sheet,
    )?.[1];
    expect(cell?.length).toBeLessThanOrEqual(XLSX_CELL_LIMIT);
    expect(cell?.endsWith('x…')).toBe(true);
    expect([xlsxColumn(0), xlsxColumn(25), xlsxColumn(26), xlsxColumn(701)]).toEqual([
      'A',
      'Z',
      'AA',
      'ZZ',
    ]);
    expect(() => xlsxWorkbook([{ name: 'a/b', rows: [] }])).toThrow('not a valid sheet name');
  });
});
