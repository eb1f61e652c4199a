import { describe, expect, it } from 'vitest';
import { restoreOrThrow } from '../document/restore.js';
import type { FrostLevel } from '../model/taxonomies.js';
import {
  buildCommunication,
  buildDocument,
  buildResponse,
  buildWave,
} from '../test-support/factories.js';
import { compareDiagnoses, compareWaves, statusDirection, waveAsOf } from './compare.js';
import { AnalysisError } from './context.js';
import type { Diagnosis } from './diagnose.js';
import type { IndicatorValue, Status } from './types.js';

interface IndicatorStub {
  id: string;
  status: Status;
  value?: IndicatorValue;
  kind?: 'evaluative' | 'descriptive';
}
interface ElementStub {
  id: string;
  status: Status;
  score: number | null;
  indicators: IndicatorStub[];
}

/** A diagnosis with only what the comparison reads. */
function diagnosisOf(
  elements: ElementStub[],
  extra: { asOf?: string; frost?: FrostLevel; teamForm?: number } = {},
): Diagnosis {
  return {
    asOf: extra.asOf ?? '2025-06-30',
    wave: null,
    elements: elements.map((e) => ({
      id: e.id,
      name: `Element ${e.id}`,
      status: e.status,
      score: e.score,
      indicators: e.indicators.map((i) => ({
        id: i.id,
        element: e.id,
        name: `Indicator ${i.id}`,
        kind: i.kind ?? 'evaluative',
        status: i.status,
        value: i.value ?? null,
      })),
    })),
    frost: { group: { level: extra.frost ?? 'cooperation' } },
    teamForm: { score: extra.teamForm ?? 0.5 },
  } as unknown as Diagnosis;
}

describe('statusDirection', () => {
  it.each([
    ['concern', 'watch', 'better'],
    ['watch', 'strength', 'better'],
    ['ok', 'concern', 'worse'],
    ['strength', 'ok', 'worse'],
    ['ok', 'ok', 'same'],
    ['insufficient', 'watch', 'new evidence'],
    [null, 'ok', 'new evidence'],
    ['strength', 'insufficient', 'lost evidence'],
    ['concern', null, 'lost evidence'],
    ['insufficient', 'insufficient', 'same'],
    [null, 'insufficient', 'same'],
  ] as const)('%s → %s is %s', (before, after, direction) => {
    expect(statusDirection(before, after)).toBe(direction);
  });
});

describe('compareDiagnoses', () => {
  const before = diagnosisOf(
    [
      {
        id: 'process.continuity',
        status: 'concern',
        score: 30,
        indicators: [
          { id: 'process.continuity.turnover', status: 'concern', value: 0.45 },
          { id: 'process.continuity.keyPeople', status: 'watch', value: ['m-1'] },
          { id: 'process.continuity.gone', status: 'ok', value: 3 },
        ],
      },
      {
        id: 'local.roles',
        status: 'insufficient',
        score: null,
        indicators: [{ id: 'local.roles.gaps', status: 'insufficient', value: 0 }],
      },
    ],
    { asOf: '2025-01-31', frost: 'collaboration', teamForm: 0.4 },
  );
  const after = diagnosisOf(
    [
      {
        id: 'process.continuity',
        status: 'watch',
        score: 45,
        indicators: [
          { id: 'process.continuity.turnover', status: 'watch', value: 0.25 },
          { id: 'process.continuity.keyPeople', status: 'watch', value: ['m-2'] },
          { id: 'process.continuity.mix', status: 'ok', value: 2, kind: 'descriptive' },
        ],
      },
      {
        id: 'local.roles',
        status: 'concern',
        score: 15,
        indicators: [{ id: 'local.roles.gaps', status: 'concern', value: 2 }],
      },
    ],
    { asOf: '2025-07-31', frost: 'cooperation', teamForm: 0.55 },
  );
  const change = compareDiagnoses(before, after);
  const indicator = (id: string) => change.indicators.find((i) => i.id === id);

  it('compares every element: status, score, delta and direction', () => {
    expect(change.elements).toEqual([
      {
        id: 'process.continuity',
        element: 'process.continuity',
        name: 'Element process.continuity',
        statusBefore: 'concern',
        statusAfter: 'watch',
        scoreBefore: 30,
        scoreAfter: 45,
        delta: 15,
        direction: 'better',
      },
      expect.objectContaining({
        id: 'local.roles',
        statusBefore: 'insufficient',
        statusAfter: 'concern',
        scoreBefore: null,
        scoreAfter: 15,
        delta: null,
        direction: 'new evidence',
      }),
    ]);
  });

  it('compares every indicator present in either, with the numeric delta where both are numbers', () => {
    expect(change.indicators.map((i) => i.id)).toEqual([
      'process.continuity.turnover',
      'process.continuity.keyPeople',
      'process.continuity.gone',
      'local.roles.gaps',
      'process.continuity.mix',
    ]);
    expect(indicator('process.continuity.turnover')).toMatchObject({
      statusBefore: 'concern',
      statusAfter: 'watch',
      scoreBefore: 15,
      scoreAfter: 45,
      valueBefore: 0.45,
      valueAfter: 0.25,
      delta: -0.2,
      direction: 'better',
    });
    expect(indicator('process.continuity.keyPeople')).toMatchObject({
      delta: null,
      direction: 'same',
    });
    expect(indicator('process.continuity.gone')).toMatchObject({
      statusAfter: null,
      direction: 'lost evidence',
      delta: null,
    });
    expect(indicator('process.continuity.gone')).not.toHaveProperty('valueAfter');
    // Insufficient → evaluated is new evidence, even when the status is a concern.
    expect(indicator('local.roles.gaps')).toMatchObject({
      scoreBefore: null,
      scoreAfter: 15,
      delta: 2,
      direction: 'new evidence',
    });
    // Descriptive indicators carry no score.
    expect(indicator('process.continuity.mix')).toMatchObject({
      statusBefore: null,
      scoreAfter: null,
      direction: 'new evidence',
    });
  });

  it('summarises directions and compares the group Frost level and team form', () => {
    expect(change.summary.indicators).toEqual({
      better: 1,
      worse: 0,
      same: 1,
      'new evidence': 2,
      'lost evidence': 1,
    });
    expect(change.summary.elements).toMatchObject({ better: 1, 'new evidence': 1 });
    expect(change.frost).toEqual({
      before: 'collaboration',
      after: 'cooperation',
      direction: 'worse',
    });
    expect(change.teamForm).toEqual({ before: 0.4, after: 0.55, delta: 0.15 });
    expect(change.before).toEqual({ asOf: '2025-01-31', waveId: null });
  });

  it('reads a worse status as worse', () => {
    const reversed = compareDiagnoses(after, before);
    expect(reversed.elements[0]?.direction).toBe('worse');
    expect(reversed.indicators.find((i) => i.id === 'local.roles.gaps')?.direction).toBe(
      'lost evidence',
    );
  });
});

describe('compareWaves', () => {
  const doc = restoreOrThrow(
    buildDocument({
      waves: [
        buildWave({ id: 'wave-a', name: 'Spring', opensOn: '2025-03-03' }),
        buildWave({ id: 'wave-b', name: 'Autumn', opensOn: '2025-09-01' }),
      ],
      responses: [
        buildResponse({ id: 'r-a1', waveId: 'wave-a', submittedAt: '2025-03-05T09:00:00Z' }),
        buildResponse({ id: 'r-a2', waveId: 'wave-a', submittedAt: '2025-03-12T16:30:00Z' }),
        buildResponse({ id: 'r-b1', waveId: 'wave-b', submittedAt: '2025-09-02T09:00:00Z' }),
      ],
      // After wave A closed: counted for B only.
      communications: [buildCommunication({ id: 'c-1', date: '2025-05-05' })],
    }),
  );

  it('dates each wave by the later of its opening and its latest response', () => {
    expect(waveAsOf(doc, 'wave-a')).toBe('2025-03-12');
    expect(waveAsOf(doc, 'wave-b')).toBe('2025-09-02');
    const noAnswers = restoreOrThrow(buildDocument({ waves: [buildWave({ id: 'w' })] }));
    expect(waveAsOf(noAnswers, 'w')).toBe('2025-06-02');
  });

  it('diagnoses each wave with its own answers and the records up to its date', () => {
    const change = compareWaves(doc, 'wave-a', 'wave-b');
    expect(change.before).toEqual({ asOf: '2025-03-12', waveId: 'wave-a' });
    expect(change.after).toEqual({ asOf: '2025-09-02', waveId: 'wave-b' });
    // The communication after wave A counts only in B.
    expect(change.frost).toEqual({ before: 'none', after: 'cooperation', direction: 'better' });
    expect(change.elements.length).toBeGreaterThan(0);
    expect(change.indicators.length).toBeGreaterThan(0);
  });

  it('refuses an unknown wave', () => {
    expect(() => compareWaves(doc, 'wave-a', 'wave-z')).toThrow(AnalysisError);
    let caught: unknown;
    try {
      waveAsOf(doc, 'wave-z');
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: 'unknown_wave' });
  });
});
