import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ELEMENT_IDS } from '../../model/elements.js';
import {
  BenchmarkDataError,
  codedInterview,
  evaluateSuggestions,
  type BenchmarkInterview,
} from './benchmark.js';

/** The hand-coded fictional interviews of examples/interviews (see its README). */
const dir = new URL('../../../../../examples/interviews/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('index.json', dir), 'utf8')) as {
  name: string;
  speaker: string;
  heldOut: boolean;
}[];
const interviews: BenchmarkInterview[] = manifest.map((m) => ({
  name: m.name,
  heldOut: m.heldOut,
  text: readFileSync(new URL(`${m.name}.txt`, dir), 'utf8'),
  codes: JSON.parse(readFileSync(new URL(`${m.name}.codes.json`, dir), 'utf8')) as {
    turn: number;
    element: string;
  }[],
}));

describe('the coded interview set', () => {
  it('holds 6–8 fictional interviews of 1,000–2,000 words, two of them held out', () => {
    expect(interviews.length).toBeGreaterThanOrEqual(6);
    expect(interviews.length).toBeLessThanOrEqual(8);
    expect(interviews.filter((i) => i.heldOut)).toHaveLength(2);
    for (const i of interviews) {
      expect(i.text.startsWith('FICTIONAL INTERVIEW.'), i.name).toBe(true);
      expect(i.text.includes('HELD OUT'), i.name).toBe(i.heldOut);
      const words = i.text.match(/[\p{L}’']+/gu)?.length ?? 0;
      expect(words, i.name).toBeGreaterThanOrEqual(1000);
      expect(words, i.name).toBeLessThanOrEqual(2000);
    }
  });

  it('codes every interviewee turn, and only those, with a model element', () => {
    const seen = new Set<string>();
    interviews.forEach((interview, k) => {
      const coded = codedInterview(interview);
      expect(coded.gold.length, interview.name).toBe(interview.codes.length);
      const speakers = new Set(coded.source.turns.map((t) => t.speaker));
      expect([...speakers].sort(), interview.name).toEqual(
        ['Interviewer', manifest[k]?.speaker].sort(),
      );
      for (const c of interview.codes) seen.add(c.element);
    });
    expect([...seen].sort()).toEqual([...ELEMENT_IDS].sort());
  });

  it('refuses an uncoded interviewee turn, a coded interviewer turn and an unknown element', () => {
    const text = 'Interviewer: Why?\nNurse: Because.\nInterviewer: And?\nNurse: So.';
    const base = { name: 't', heldOut: false, text };
    expect(() => codedInterview({ ...base, codes: [{ turn: 1, element: 'local.roles' }] })).toThrow(
      't: turn 3 (Nurse) is not coded',
    );
    const codes = [
      { turn: 1, element: 'local.roles' },
      { turn: 3, element: 'local.roles' },
    ];
    expect(() =>
      codedInterview({ ...base, codes: [...codes, { turn: 0, element: 'local.roles' }] }),
    ).toThrow(BenchmarkDataError);
    expect(() =>
      codedInterview({ ...base, codes: [codes[0]!, { turn: 3, element: 'local.role' }] }),
    ).toThrow('"local.role" is not a model element');
    expect(codedInterview({ ...base, codes }).gold.map((g) => g.element)).toEqual([
      'local.roles',
      'local.roles',
    ]);
  });
});

describe('auto-coding benchmark (fixed data, deterministic)', () => {
  const figures = evaluateSuggestions(interviews);

  it('puts the top cold-start suggestion in the right class for ≥ 60 % of held-out turns', () => {
    expect(figures.coldStart.heldOut.units).toBe(36);
    expect(figures.coldStart.heldOut.classAccuracy).toBeGreaterThanOrEqual(0.6);
  });

  it('raises micro-averaged precision on the held-out turns by learning from the tuning codings', () => {
    expect(figures.learned.trainingExamples).toBe(108);
    expect(figures.learned.heldOut.micro.precision).toBeGreaterThan(
      figures.coldStart.heldOut.micro.precision,
    );
  });

  it('reports per-class precision and recall and per-element top-1 and top-3', () => {
    const f = figures.learned.heldOut;
    const actual = Object.values(f.perClass).reduce((s, c) => s + c.actual, 0);
    expect(actual).toBe(f.units);
    expect(Object.values(f.perElement).reduce((s, e) => s + e.n, 0)).toBe(f.units);
    expect(f.elementTop3).toBeGreaterThanOrEqual(f.elementTop1);
    expect(evaluateSuggestions(interviews)).toEqual(figures);
  });
});
