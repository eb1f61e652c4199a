import { describe, expect, it } from 'vitest';
import { restore } from '../document/restore.js';
import { syntheticDocument } from './synthetic.js';

const small = {
  members: 30,
  agencies: 6,
  communications: 500,
  waves: 2,
  respondents: 20,
  items: 50,
  segments: 120,
  seed: 7,
};

describe('syntheticDocument', () => {
  it('writes a valid document of the requested size', () => {
    const result = restore(JSON.parse(JSON.stringify(syntheticDocument(small))));
    if (!result.ok)
      throw new Error(
        result.issues
          .slice(0, 5)
          .map((i) => `${i.path}: ${i.message}`)
          .join('\n'),
      );
    const doc = result.value;
    expect(doc.collaboration.fictional).toBe(true);
    expect(doc.members).toHaveLength(30);
    expect(doc.agencies).toHaveLength(6);
    expect(doc.communications).toHaveLength(500);
    expect(doc.waves).toHaveLength(2);
    expect(doc.responses).toHaveLength(40);
    expect(Object.keys(doc.responses[0]?.answers ?? {})).toHaveLength(50);
    expect(doc.surveyItems.length).toBe(50 - 42);
    expect(doc.qualitative.codings).toHaveLength(120);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(JSON.stringify(syntheticDocument(small))).toBe(JSON.stringify(syntheticDocument(small)));
    expect(JSON.stringify(syntheticDocument({ ...small, seed: 8 }))).not.toBe(
      JSON.stringify(syntheticDocument(small)),
    );
  });

  it('refuses impossible sizes', () => {
    expect(() => syntheticDocument({ ...small, respondents: 31 })).toThrow(RangeError);
    expect(() => syntheticDocument({ ...small, members: 0 })).toThrow(RangeError);
  });
});
