import { describe, expect, it } from 'vitest';
import { textPositions, asCodePoint } from '../positions.js';
import { IN_CI, readReference, referenceFile } from '../test-support/reference-files.js';
import { importQdpx } from './import.js';
import { exportQdpx } from './export.js';
import { restoreOrThrow } from '../../document/restore.js';
import { mergeQualitative } from '../merge.js';
import { buildDocument } from '../../test-support/factories.js';

const demo = referenceFile('demo.qdpx');
const nvivo = referenceFile('nvivo_project.qdpx');
const present = demo.present && nvivo.present;
if (!present && !IN_CI)
  console.warn(`REFI-QDA reference files not found at ${demo.path}: real-file tests skipped`);

function imported(name: string) {
  const result = importQdpx(readReference(name), { collaborationId: 'collab-1' });
  if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 2));
  return result;
}

describe.skipIf(!present && !IN_CI)('real REFI-QDA files from ../shared', () => {
  it('imports demo.qdpx (QualCoder) with every source, code and coding', () => {
    const { qualitative: q, report } = imported('demo.qdpx');
    expect(report.origin).toBe('qc 1.3.2');
    expect(report.lineBreaks).toBe('crlf-as-two');
    expect(q.sources).toHaveLength(2);
    expect(q.codes).toHaveLength(262);
    expect(q.codings).toHaveLength(205);
    expect(q.coders).toEqual([expect.objectContaining({ name: 'cp' })]);
    // Sources named by file when the TextSource has no name.
    expect(q.sources.map((s) => s.title).sort()).toEqual(['admin-1', 'board_2017']);
    // Nesting kept: "programming" sits under "competencies" under "rq1_definition".
    const byId = new Map(q.codes.map((c) => [c.id, c]));
    const programming = q.codes.find((c) => c.name === 'programming' && c.parentId !== null);
    const parent = byId.get(programming?.parentId ?? '');
    expect(parent?.name).toBe('competencies');
    expect(byId.get(parent?.parentId ?? '')?.name).toBe('rq1_definition');
    // GUIDs are the ids.
    expect(q.codes[0]?.id).toBe('34653336-3766-3235-6466-363134396437');
  });

  it('puts demo.qdpx codings on the text they quote', () => {
    const { qualitative: q } = imported('demo.qdpx');
    const board = q.sources.find((s) => s.title === 'board_2017');
    if (!board) throw new Error('board_2017 missing');
    const p = textPositions(board.text);
    const quote = (guid: string) => {
      const c = q.codings.find((k) => k.id === guid);
      if (!c) throw new Error(`coding ${guid} missing`);
      return p.slice(asCodePoint(c.start), asCodePoint(c.end));
    };
    // Selections "line:6", "line:8" and "line:60" of the file (320-400, 474-552, 3670-3750).
    expect(quote('66323339-6466-3364-3266-616537386633')).toBe(
      'This district goal is engage every student in joyful, purposeful learning that \n',
    );
    expect(quote('32373463-3761-3132-6339-613039313931')).toMatch(/^maximizes each student's/);
    // Two codings of one selection share its span.
    expect(quote('65656433-3533-3465-6661-623134343465')).toMatch(/^presentation is based on/);
    expect(quote('63363333-3835-3264-6466-306139336336')).toBe(
      quote('65656433-3533-3465-6661-623134343465'),
    );
  });

  it('imports nvivo_project.qdpx (NVivo for Mac): 262 codes, two users, text from .docx', () => {
    const { qualitative: q, report } = imported('nvivo_project.qdpx');
    expect(report.origin).toBe('NVivo for Mac 15.0.0');
    expect(q.codes).toHaveLength(262);
    expect(q.coders.map((c) => c.name)).toEqual(['chrisp', 'cp']);
    expect(q.sources).toHaveLength(2);
    // The plain text files hold only "\n": the text is taken from the .docx (empty here).
    expect(report.textFromRichText).toHaveLength(2);
    expect(q.sources.map((s) => s.id)).toEqual([
      'd097e6fd-7671-4d95-a8b6-7795fa4a72e1',
      'e65f5ee2-9a55-47f1-bb0b-4921d8ce15c4',
    ]);
    expect(q.codings).toHaveLength(0);
  });

  it('merges demo.qdpx into a collaboration that restores, and exports it again unchanged', () => {
    const { qualitative } = imported('demo.qdpx');
    const doc = restoreOrThrow(
      buildDocument({ collaboration: { ...buildDocument().collaboration, id: 'collab-1' } }),
    );
    const merged = restoreOrThrow(mergeQualitative(doc, qualitative).document);
    const again = importQdpx(exportQdpx(merged));
    if (!again.ok) throw new Error(JSON.stringify(again.issues));
    expect(again.qualitative).toEqual(merged.qualitative);
  });
});
