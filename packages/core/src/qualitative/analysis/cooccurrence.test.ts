import { describe, expect, it } from 'vitest';
import { codeCooccurrence } from './cooccurrence.js';
import {
  buildCode,
  buildCoding,
  buildSource,
  qualitativeDocument,
} from './test-support/qualitative.js';

const text = 'one two three four five six seven eight nine ten eleven twelve thirteen';

function doc() {
  return qualitativeDocument({
    sources: [
      buildSource({ id: 'src-1', text }),
      buildSource({ id: 'src-2', title: 'Second', text }),
    ],
    codes: [
      buildCode({ id: 'code-a', name: 'A' }),
      buildCode({ id: 'code-b', name: 'B' }),
      buildCode({ id: 'code-c', name: 'C' }),
    ],
    codings: [
      buildCoding('x1', { start: 0, end: 10 }, { sourceId: 'src-1', codeId: 'code-b' }),
      buildCoding('x2', { start: 5, end: 20 }, { sourceId: 'src-1', codeId: 'code-a' }),
      buildCoding('x3', { start: 10, end: 15 }, { sourceId: 'src-1', codeId: 'code-c' }),
      // Touching x1 at 10 is not overlapping it.
      buildCoding('x4', { start: 19, end: 30 }, { sourceId: 'src-1', codeId: 'code-c' }),
      // Same span, other source: no pair with src-1's codings.
      buildCoding('x5', { start: 0, end: 10 }, { sourceId: 'src-2', codeId: 'code-c' }),
      buildCoding('x6', { start: 8, end: 9 }, { sourceId: 'src-2', codeId: 'code-a' }),
      // Coder B's coding overlaps x1 and x2, but pairs only with coder B's own codings.
      buildCoding(
        'y1',
        { start: 0, end: 30 },
        { sourceId: 'src-1', codeId: 'code-c', coderId: 'coder-b' },
      ),
      buildCoding(
        'y2',
        { start: 2, end: 4 },
        { sourceId: 'src-1', codeId: 'code-a', coderId: 'coder-b' },
      ),
    ],
  });
}

describe('codeCooccurrence', () => {
  it('pairs overlapping segments of one coder in one source, in codebook order', () => {
    const r = codeCooccurrence(doc());
    expect(r.codes).toEqual([
      { id: 'code-a', name: 'A', codings: 3 },
      { id: 'code-b', name: 'B', codings: 1 },
      { id: 'code-c', name: 'C', codings: 4 },
    ]);
    expect(
      r.pairs.map((p) => [
        p.codeIds.join('+'),
        p.count,
        p.segments.map((s) => s.codingIds.join('+')),
      ]),
    ).toEqual([
      ['code-a+code-b', 1, ['x2+x1']],
      ['code-a+code-c', 4, ['x2+x3', 'x2+x4', 'y2+y1', 'x6+x5']],
    ]);
    expect(r.pairs[0]?.segments[0]).toEqual({
      sourceId: 'src-1',
      coderId: 'coder-a',
      codingIds: ['x2', 'x1'],
      overlap: 5,
    });
  });

  it('narrows to one coder and to chosen sources', () => {
    const r = codeCooccurrence(doc(), { coderId: 'coder-b' });
    expect(r.pairs.map((p) => [p.codeIds, p.count])).toEqual([[['code-a', 'code-c'], 1]]);
    const one = codeCooccurrence(doc(), { sourceIds: ['src-2'] });
    expect(one.pairs.map((p) => p.segments.map((s) => s.codingIds))).toEqual([[['x6', 'x5']]]);
    expect(() => codeCooccurrence(doc(), { coderId: 'nobody' })).toThrow('no coder "nobody"');
  });
});
