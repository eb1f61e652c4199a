import { describe, expect, it } from 'vitest';
import { AnalysisError } from '../../analysis/context.js';
import { unitizedAlpha } from '../../stats/unitizing.js';
import { codingAgreement, type CodingAgreement } from './agreement.js';
import {
  buildCode,
  buildCoding,
  buildSource,
  qualitativeDocument,
  transcript,
} from './test-support/qualitative.js';

// Ten turns; the first holds an emoji so code points and UTF-16 units differ.
const talk = transcript([
  ['Interviewer', 'Hello 👋 and thank you for coming in today.'],
  ['Adviser', 'The school keeps excluding him for small things.'],
  ['Interviewer', 'What happened next?'],
  ['Adviser', 'Nobody told me about the offence for three weeks.'],
  ['Interviewer', 'Who would normally tell you?'],
  ['Adviser', 'The youth offending team, in theory.'],
  ['Interviewer', 'And the social worker?'],
  ['Adviser', 'She is new, the third this year.'],
  ['Interviewer', 'Anything else?'],
  ['Adviser', 'Only that he is doing better at college.'],
]);

const codes = [buildCode({ id: 'code-x', name: 'X' }), buildCode({ id: 'code-y', name: 'Y' })];

/** Coder A and B apply code X and Y to these turns (a few code points inside each). */
function twoCoderDocument(plan: {
  a: Record<string, number[]>;
  b: Record<string, number[]>;
  extraSources?: boolean;
}) {
  const codings = (['a', 'b'] as const).flatMap((who) =>
    Object.entries(plan[who]).flatMap(([codeId, turns]) =>
      turns.map((t) =>
        buildCoding(`c-${who}-${codeId}-${t}`, talk.span(t, 2, 9), {
          codeId,
          coderId: `coder-${who}`,
        }),
      ),
    ),
  );
  return qualitativeDocument({
    sources: [buildSource({ id: 'src-x', text: talk.text, turns: talk.turns })],
    codes,
    codings,
  });
}

const value = (r: CodingAgreement, code: string, m: keyof CodingAgreement['overall']) =>
  r.codes.find((c) => c.codeId === code)?.measures[m]?.value;

describe('codingAgreement', () => {
  it('reproduces a hand-computed example per code and pooled over codes', () => {
    // X: both on turns 0–2, A alone on 3, B alone on 4, neither on 5–9.
    //   p_o = 8/10, p_e = .4·.4 + .6·.6 = .52, κ = .28/.48 = 7/12; Fleiss the same;
    //   α: D_o = 4/20, D_e = 2·8·12/(20·19) = 192/380, α = 1 − 76/192 = 29/48.
    // Y: both on 5, B alone on 6.
    //   p_o = .9, p_e = .1·.2 + .9·.8 = .74, κ = .16/.26 = 8/13;
    //   Fleiss P̄_e = .15² + .85² = .745, κ = .155/.255 = 31/51; α = 1 − (2/20)/(102/380) = 32/51.
    const r = codingAgreement(
      twoCoderDocument({
        a: { 'code-x': [0, 1, 2, 3], 'code-y': [5] },
        b: { 'code-x': [0, 1, 2, 4], 'code-y': [5, 6] },
      }),
      { coders: ['coder-a', 'coder-b'] },
    );
    expect(r.units).toBe(10);
    expect(r.unitKind).toBe('turns');
    expect(r.measures).toEqual(['percent', 'kappa', 'fleiss', 'alpha', 'alpha-u']);
    expect(r.codes.map((c) => [c.codeId, c.applied, c.segments])).toEqual([
      ['code-x', [4, 4], [4, 4]],
      ['code-y', [1, 2], [1, 2]],
    ]);
    expect(value(r, 'code-x', 'percent')).toBeCloseTo(0.8, 12);
    expect(value(r, 'code-x', 'kappa')).toBeCloseTo(7 / 12, 12);
    expect(value(r, 'code-x', 'fleiss')).toBeCloseTo(7 / 12, 12);
    expect(value(r, 'code-x', 'alpha')).toBeCloseTo(29 / 48, 12);
    expect(value(r, 'code-y', 'percent')).toBeCloseTo(0.9, 12);
    expect(value(r, 'code-y', 'kappa')).toBeCloseTo(8 / 13, 12);
    expect(value(r, 'code-y', 'fleiss')).toBeCloseTo(31 / 51, 12);
    expect(value(r, 'code-y', 'alpha')).toBeCloseTo(32 / 51, 12);
    // Pooled (de Vries et al. 2008): κ = (.85 − .63)/.37 = 22/37; Fleiss (.85 − .6325)/.3675 = 29/49;
    // α = 1 − .15/(147/380) = 30/49; percent 17/20.
    expect(r.overall.percent?.value).toBeCloseTo(0.85, 12);
    expect(r.overall.kappa?.value).toBeCloseTo(22 / 37, 12);
    expect(r.overall.fleiss?.value).toBeCloseTo(29 / 49, 12);
    expect(r.overall.alpha?.value).toBeCloseTo(30 / 49, 12);
  });

  it('gives 1 on every measure when the coders coded identically', () => {
    const same = { 'code-x': [1, 3, 5], 'code-y': [3, 7] };
    const r = codingAgreement(twoCoderDocument({ a: same, b: same }), {
      coders: ['coder-a', 'coder-b'],
    });
    for (const m of r.measures) {
      expect(r.overall[m]).toEqual({ value: 1 });
      for (const c of r.codes) expect(c.measures[m]).toEqual({ value: 1 });
    }
  });

  it('goes below zero when the coders never apply a code to the same turn', () => {
    // X: A on 0–2, B on 3–5: p_o = .4, p_e = .3² + .7² = .58, κ = −.18/.42 = −3/7.
    const r = codingAgreement(
      twoCoderDocument({ a: { 'code-x': [0, 1, 2] }, b: { 'code-x': [3, 4, 5] } }),
      { coders: ['coder-a', 'coder-b'] },
    );
    expect(r.codes.map((c) => c.codeId)).toEqual(['code-x']);
    expect(value(r, 'code-x', 'kappa')).toBeCloseTo(-3 / 7, 12);
    expect(value(r, 'code-x', 'alpha')).toBeLessThan(0);
    expect(value(r, 'code-x', 'alpha-u')).toBeLessThan(0);
    expect(r.overall['alpha-u']?.value).toBeLessThan(0);
  });

  it('keeps the core’s null with a reason when chance agreement is certain', () => {
    const every = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    const r = codingAgreement(
      twoCoderDocument({ a: { 'code-x': every, 'code-y': [1] }, b: { 'code-x': every } }),
      { coders: ['coder-a', 'coder-b'], codeIds: ['code-x'] },
    );
    expect(r.codes.map((c) => c.codeId)).toEqual(['code-x']);
    expect(value(r, 'code-x', 'percent')).toBe(1);
    expect(r.codes[0]?.measures.kappa).toEqual({ value: null, reason: 'no-expected-disagreement' });
    expect(r.codes[0]?.measures.alpha).toEqual({ value: null, reason: 'no-expected-disagreement' });
    expect(r.overall.kappa).toEqual({ value: null, reason: 'no-expected-disagreement' });
  });

  it('lays the sources end to end in code points for α_U, as the core computes it', () => {
    const second = 'Field note: 🙂 café meeting, everyone present.\nA second line.';
    const doc = qualitativeDocument({
      sources: [
        buildSource({ id: 'src-x', text: talk.text, turns: talk.turns }),
        buildSource({ id: 'src-y', title: 'Note', kind: 'observation', text: second }),
      ],
      codes,
      codings: [
        buildCoding('a1', talk.span(1, 0, 20), { codeId: 'code-x' }),
        buildCoding('b1', talk.span(1, 4, 30), { codeId: 'code-x', coderId: 'coder-b' }),
        buildCoding('a2', { start: 12, end: 30 }, { sourceId: 'src-y', codeId: 'code-y' }),
        buildCoding(
          'b2',
          { start: 14, end: 33 },
          { sourceId: 'src-y', codeId: 'code-y', coderId: 'coder-b' },
        ),
        // Overlapping codings of one coder are merged into one unit for α_U.
        buildCoding(
          'b3',
          { start: 20, end: 25 },
          { sourceId: 'src-y', codeId: 'code-y', coderId: 'coder-b' },
        ),
      ],
    });
    const r = codingAgreement(doc, { coders: ['coder-a', 'coder-b'], measures: ['alpha-u'] });
    const base = [...talk.text].length;
    expect(r.continuum).toBe(base + [...second].length);
    const t1 = talk.span(1);
    const expected = unitizedAlpha({
      continuum: { begin: 0, length: r.continuum },
      coders: [
        [
          { offset: t1.start, length: 20, category: 'code-x' },
          { offset: base + 12, length: 18, category: 'code-y' },
        ],
        [
          { offset: t1.start + 4, length: 26, category: 'code-x' },
          { offset: base + 14, length: 19, category: 'code-y' },
        ],
      ],
    });
    expect(r.overall['alpha-u']?.value).toBeCloseTo(expected.value ?? NaN, 12);
    expect(value(r, 'code-x', 'alpha-u')).toBeCloseTo(
      expected.categories.find((c) => c.category === 'code-x')?.value ?? NaN,
      12,
    );
    expect(r.measures).toEqual(['alpha-u']);
    expect(Object.keys(r.overall)).toEqual(['alpha-u']);
  });

  it('compares only sources every coder coded, and cuts sources without turns into paragraphs', () => {
    const notes = 'First paragraph about roles.\n\n   \nSecond paragraph.\nThird one.';
    const doc = qualitativeDocument({
      sources: [
        buildSource({ id: 'src-notes', title: 'Notes', kind: 'document', text: notes }),
        buildSource({ id: 'src-x', text: talk.text, turns: talk.turns }),
      ],
      codes,
      codings: [
        buildCoding('a1', { start: 0, end: 5 }, { sourceId: 'src-notes' }),
        buildCoding('b1', { start: 2, end: 8 }, { sourceId: 'src-notes', coderId: 'coder-b' }),
        buildCoding('a2', talk.span(3), {}),
      ],
    });
    const r = codingAgreement(doc, { coders: ['coder-a', 'coder-b'] });
    expect(r.sources).toEqual(['src-notes']);
    expect(r.skippedSources).toEqual([{ sourceId: 'src-x', uncodedBy: ['coder-b'] }]);
    expect(r.units).toBe(3);
    expect(r.codes[0]?.applied).toEqual([1, 1]);
    expect(value(r, 'code-x', 'percent')).toBe(1);

    // 'paragraphs' ignores turns: each of the ten lines is a unit.
    const byLine = codingAgreement(
      twoCoderDocument({ a: { 'code-x': [1] }, b: { 'code-x': [1] } }),
      { coders: ['coder-a', 'coder-b'], units: 'paragraphs' },
    );
    expect(byLine.unitKind).toBe('paragraphs');
    expect(byLine.units).toBe(10);
  });

  it('counts a coding for every turn it touches, and text outside turns as units of its own', () => {
    const text = `${talk.text}\nA stray line outside every turn.`;
    const doc = qualitativeDocument({
      sources: [buildSource({ id: 'src-x', text, turns: talk.turns })],
      codes,
      codings: [
        // A's coding runs from the end of turn 1 into turn 2.
        buildCoding('a1', { start: talk.span(1).end - 3, end: talk.span(2).start + 3 }),
        buildCoding('b1', talk.span(2, 1, 4), { coderId: 'coder-b' }),
        buildCoding(
          'b2',
          { start: [...talk.text].length + 3, end: [...text].length },
          {
            coderId: 'coder-b',
          },
        ),
      ],
    });
    const r = codingAgreement(doc, { coders: ['coder-a', 'coder-b'] });
    expect(r.units).toBe(11);
    expect(r.codes[0]?.applied).toEqual([2, 2]);
    expect(value(r, 'code-x', 'percent')).toBeCloseTo(9 / 11, 12);
  });

  it('offers Fleiss’ κ and α for three coders, and refuses Cohen’s κ for them', () => {
    const doc = qualitativeDocument({
      sources: [buildSource({ id: 'src-x', text: talk.text, turns: talk.turns })],
      coders: [
        { id: 'coder-a', name: 'A' },
        { id: 'coder-b', name: 'B' },
        { id: 'coder-c', name: 'C' },
      ],
      codes,
      codings: ['a', 'b', 'c'].flatMap((who) =>
        [1, 3].map((t) => buildCoding(`c-${who}-${t}`, talk.span(t), { coderId: `coder-${who}` })),
      ),
    });
    const coders = ['coder-a', 'coder-b', 'coder-c'];
    const r = codingAgreement(doc, { coders });
    expect(r.measures).toEqual(['percent', 'fleiss', 'alpha', 'alpha-u']);
    expect(r.overall.fleiss).toEqual({ value: 1 });
    expect(() => codingAgreement(doc, { coders, measures: ['kappa'] })).toThrow(
      /Cohen's κ compares exactly two coders \(3 given\)/,
    );
  });

  it('names a bad request in one message', () => {
    const doc = twoCoderDocument({ a: { 'code-x': [1] }, b: {} });
    const bad =
      (coders: string[], more = {}) =>
      () =>
        codingAgreement(doc, { coders, ...more });
    expect(bad(['coder-a'])).toThrow(AnalysisError);
    expect(bad(['coder-a'])).toThrow('agreement needs at least two coders');
    expect(bad(['coder-a', 'coder-z'])).toThrow('coders: no coder "coder-z" in the document');
    expect(bad(['coder-a', 'coder-a'])).toThrow('a coder is named twice');
    expect(bad(['coder-a', 'coder-b'], { sourceIds: ['nope'] })).toThrow('no source "nope"');
    expect(bad(['coder-a', 'coder-b'], { codeIds: ['nope'] })).toThrow('no code "nope"');
    expect(bad(['coder-a', 'coder-b'], { measures: ['median'] })).toThrow('"median" is not one of');
  });

  it('reports empty results, not NaN, when the coders share no source', () => {
    const r = codingAgreement(twoCoderDocument({ a: { 'code-x': [1] }, b: {} }), {
      coders: ['coder-a', 'coder-b'],
    });
    expect(r.sources).toEqual([]);
    expect(r.codes).toEqual([]);
    for (const m of r.measures) expect(r.overall[m]).toEqual({ value: null, reason: 'empty' });
  });
});
