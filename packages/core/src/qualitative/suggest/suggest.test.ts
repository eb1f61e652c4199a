import { describe, expect, it } from 'vitest';
import { ELEMENT_IDS } from '../../model/elements.js';
import { SUGGEST_CLASSES, classOf } from './classes.js';
import {
  learnFromCodings,
  modelCodebook,
  suggestCodes,
  type SuggestCode,
  type TrainingExample,
} from './suggest.js';
import { transcriptTurns } from './units.js';

/** A small fictional transcript as a source with detected turns. */
function transcript(...lines: string[]) {
  const text = lines.join('\n');
  return { text, turns: transcriptTurns(text) };
}

const INTERVIEW = transcript(
  'Interviewer: How is the work paid for?',
  'Nurse: There is no pooled budget. Our funding comes from separate budgets and the money runs out in March.',
  'Interviewer: Who do you answer to?',
  'Nurse: I am accountable to my line manager, who signs off my reports, and I answer to the trust.',
  'Interviewer: How do you keep each other informed?',
  'Nurse: I phone the school and send an email after every visit so they are kept in the loop.',
);

describe('classOf', () => {
  it('puts both halves of team reasoning in one class and every element in exactly one', () => {
    expect(classOf('personal.teamReasoning')).toBe('teamReasoning');
    expect(classOf('process.teamReasoning.decisions')).toBe('teamReasoning');
    expect(classOf('process.teamReasoning')).toBe('teamReasoning');
    expect(classOf('personal.individual')).toBe('personal');
    expect(classOf('process.continuity')).toBe('process');
    expect(classOf('local.roles')).toBe('local');
    expect(classOf('policy.feedback')).toBe('policy');
    expect(classOf('code-transport')).toBeNull();
    for (const id of ELEMENT_IDS) expect(SUGGEST_CLASSES).toContain(classOf(id));
  });
});

describe('suggestCodes, cold start', () => {
  const result = suggestCodes(INTERVIEW, modelCodebook());

  it('suggests the element a turn is about, with the words that drove it', () => {
    expect(result.map((u) => u.suggestions[0]?.code)).toEqual([
      'local.resourcing',
      'local.accountability',
      'process.teamReasoning.communication',
    ]);
    expect(result[0]?.suggestions[0]?.terms).toEqual(expect.arrayContaining(['pooled', 'funding']));
    expect(result[1]?.suggestions[0]?.terms).toEqual(
      expect.arrayContaining(['accountable', 'line manager']),
    );
    expect(result[2]?.suggestions[0]?.terms).toEqual(expect.arrayContaining(['phone', 'email']));
  });

  it('skips the interviewer, reports code-point spans and speakers, and ranks best first', () => {
    expect(result).toHaveLength(3);
    for (const unit of result) {
      expect(unit.speaker).toBe('Nurse');
      expect([...INTERVIEW.text].slice(unit.start, unit.end).join('')).toBe(unit.text);
      expect(unit.suggestions.length).toBeGreaterThan(0);
      expect(unit.suggestions.length).toBeLessThanOrEqual(3);
      const scores = unit.suggestions.map((s) => s.score);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
      for (const s of scores) expect(s).toBeGreaterThan(0);
    }
    const all = suggestCodes(INTERVIEW, modelCodebook(), { skipSpeakers: [] });
    expect(all.map((u) => u.speaker)).toEqual([
      'Interviewer',
      'Nurse',
      'Interviewer',
      'Nurse',
      'Interviewer',
      'Nurse',
    ]);
  });

  it('is deterministic and leaves its input alone', () => {
    const source = structuredClone(INTERVIEW);
    const codebook = modelCodebook();
    const before = structuredClone(codebook);
    expect(suggestCodes(source, codebook)).toEqual(result);
    expect(source).toEqual(INTERVIEW);
    expect(codebook).toEqual(before);
  });

  it('honours `top`, and suggests nothing when no code shares a word with the unit', () => {
    expect(suggestCodes(INTERVIEW, modelCodebook(), { top: 1 })[0]?.suggestions).toHaveLength(1);
    const none = suggestCodes({ text: 'Xyzzy plugh.' }, modelCodebook());
    expect(none).toEqual([
      { start: 0, end: 12, text: 'Xyzzy plugh.', speaker: null, suggestions: [] },
    ]);
  });

  it('proposes a researcher’s own code from its name and description', () => {
    const codebook: SuggestCode[] = [
      ...modelCodebook(),
      {
        id: 'code-transport',
        name: 'Transport',
        description: 'Getting children to school: buses, taxis, bus passes, travel training.',
      },
    ];
    const source = transcript(
      'Interviewer: What gets in the way?',
      'Worker: Half the time the taxi to school never turns up, and there is no bus from the estate.',
    );
    expect(suggestCodes(source, codebook)[0]?.suggestions[0]?.code).toBe('code-transport');
  });

  it('names the element for a document code that stands for one', () => {
    const codebook: SuggestCode[] = [
      { id: 'code-money', name: 'Money worries', elementId: 'local.resourcing' },
      { id: 'code-lines', name: 'Who I answer to', elementId: 'local.accountability' },
    ];
    const codes = suggestCodes(INTERVIEW, codebook).map((u) => u.suggestions[0]?.code);
    expect(codes.slice(0, 2)).toEqual(['local.resourcing', 'local.accountability']);
  });
});

describe('suggestCodes, learning from the researcher', () => {
  const codebook: SuggestCode[] = [
    ...modelCodebook(),
    { id: 'code-x', name: 'Emerging theme X', description: '' },
  ];
  const unit = transcript(
    'Interviewer: Anything else?',
    'Worker: The allotment project on Saturdays is where the dads finally open up.',
  );

  it('learns a code the descriptions say little about, once the researcher has coded enough', () => {
    expect(suggestCodes(unit, codebook)[0]?.suggestions.map((s) => s.code)).not.toContain('code-x');
    const allotment = [
      'We started an allotment project with the dads on Saturdays.',
      'The dads open up while digging at the allotment.',
      'Saturday mornings at the allotment are when fathers talk.',
    ];
    const few: TrainingExample[] = allotment.map((text) => ({
      text,
      codeId: 'code-x',
      accepted: true,
    }));
    const many: TrainingExample[] = Array.from({ length: 8 }, () => few).flat();
    const others: TrainingExample[] = Array.from({ length: 12 }, (_, i) => ({
      text: `Budget round ${i}: there is no pooled budget and the money runs out.`,
      codeId: 'local.resourcing',
      accepted: true,
    }));
    const early = suggestCodes(unit, codebook, { trainingSet: [...few, ...others] })[0];
    const later = suggestCodes(unit, codebook, { trainingSet: [...many, ...others] })[0];
    const scoreOf = (u: typeof early) =>
      u?.suggestions.find((s) => s.code === 'code-x')?.score ?? 0;
    expect(scoreOf(early)).toBeGreaterThan(0);
    expect(scoreOf(later)).toBeGreaterThan(scoreOf(early));
    expect(later?.suggestions[0]?.code).toBe('code-x');
    expect(later?.suggestions[0]?.terms).toEqual(expect.arrayContaining(['allotment project']));
  });

  it('lets examples alone speak for a code with no words of its own', () => {
    const wordless: SuggestCode[] = [...modelCodebook(), { id: 'code-q', name: 'Q' }];
    const trainingSet: TrainingExample[] = [
      { text: 'The allotment on Saturdays.', codeId: 'code-q', accepted: true },
      { text: 'Digging at the allotment with the dads.', codeId: 'code-q', accepted: true },
    ];
    expect(suggestCodes(unit, wordless, { trainingSet })[0]?.suggestions[0]?.code).toBe('code-q');
  });

  it('shifts weight toward the learned model as coded examples grow', () => {
    // Two equally plausible codes by their words; the researcher keeps choosing one of them.
    const source = transcript(
      'Interviewer: So?',
      'Worker: The team meets weekly to plan and review.',
    );
    const example = (i: number): TrainingExample => ({
      text: `Case ${i}: the team meets weekly to plan and review, and decides together.`,
      codeId: 'process.teamReasoning.decisions',
      accepted: true,
    });
    const scoreWith = (n: number) =>
      suggestCodes(source, modelCodebook(), {
        trainingSet: Array.from({ length: n }, (_, i) => example(i)),
        top: 20,
      })[0]?.suggestions.find((s) => s.code === 'process.teamReasoning.decisions')?.score ?? 0;
    const scores = [0, 2, 10, 40].map(scoreWith);
    expect([...scores].sort((a, b) => a - b)).toEqual(scores);
    expect(scores[3]).toBeGreaterThan(scores[0]! + 0.3);
  });

  it('drops a code rejected for this very text, and lowers it for text like rejected spans', () => {
    const text = 'I phone the school and send an email after every visit.';
    const source = transcript(
      'Interviewer: How?',
      `Nurse: ${text}`,
      'Interviewer: And?',
      'Nurse: I phone the school and send an email about every visit.',
    );
    const code = 'process.teamReasoning.communication';
    const cold = suggestCodes(source, modelCodebook(), { top: 20 });
    expect(cold[0]?.suggestions[0]?.code).toBe(code);
    const trainingSet: TrainingExample[] = [
      { text, codeId: code, accepted: false },
      { text: 'We talk every day and share information freely.', codeId: code, accepted: true },
    ];
    const after = suggestCodes(source, modelCodebook(), { trainingSet, top: 20 });
    expect(after[0]?.suggestions.map((s) => s.code)).not.toContain(code);
    const score = (u: (typeof after)[number] | undefined) =>
      u?.suggestions.find((s) => s.code === code)?.score ?? 0;
    expect(score(after[1])).toBeLessThan(score(cold[1]));
  });

  it('accepts a training code id by the document code that stands for an element', () => {
    const codebook2: SuggestCode[] = [
      { id: 'code-money', name: 'Money', elementId: 'local.resourcing' },
      { id: 'code-lines', name: 'Lines', elementId: 'local.accountability' },
    ];
    const trainingSet: TrainingExample[] = [
      { text: 'The allotment costs us nothing.', codeId: 'code-money', accepted: true },
    ];
    const source = transcript('Interviewer: ?', 'Worker: The allotment is lovely.');
    expect(suggestCodes(source, codebook2, { trainingSet })[0]?.suggestions[0]?.code).toBe(
      'local.resourcing',
    );
  });
});

describe('learnFromCodings', () => {
  const text = 'Intro 😀 line.\nNurse: There is no pooled budget.\nNurse: I answer to my manager.';
  /** The code-point span of `part` in `text` (the emoji counts once, not twice). */
  const span = (part: string) => {
    const start = [...text.slice(0, text.indexOf(part))].length;
    return { start, end: start + [...part].length };
  };
  const doc = {
    qualitative: {
      sources: [{ id: 's1', text }],
      codes: [{ id: 'c-money', elementId: 'local.resourcing' }, { id: 'c-own' }],
      codings: [
        { sourceId: 's1', codeId: 'c-money', coderId: 'a', ...span('There is no pooled budget.') },
        { sourceId: 's1', codeId: 'c-own', coderId: 'b', ...span('I answer to my manager.') },
        { sourceId: 'gone', codeId: 'c-own', coderId: 'a', start: 0, end: 3 },
        { sourceId: 's1', codeId: 'c-gone', coderId: 'a', start: 0, end: 3 },
        { sourceId: 's1', codeId: 'c-own', coderId: 'a', start: 5, end: 5 },
      ],
    },
  };

  it('slices coded spans by code points and names element codes by their element', () => {
    expect(span('There').start).toBe(text.indexOf('There') - 1);
    expect(learnFromCodings(doc)).toEqual([
      { text: 'There is no pooled budget.', codeId: 'local.resourcing', accepted: true },
      { text: 'I answer to my manager.', codeId: 'c-own', accepted: true },
    ]);
  });

  it('can keep to one coder', () => {
    expect(learnFromCodings(doc, { coderId: 'b' }).map((e) => e.codeId)).toEqual(['c-own']);
  });
});
