import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../analysis/diagnose.js';
import { restoreOrThrow } from '../../document/restore.js';
import { codedEvidence, QUOTE_MAX_LENGTH, quoteText } from './evidence.js';
import {
  buildCode,
  buildCoding,
  buildSource,
  qualitativeDocument,
  transcript,
} from './test-support/qualitative.js';

const loose = restoreOrThrow(
  readFileSync(new URL('../../../../../examples/loose-network.json', import.meta.url), 'utf8'),
);

describe('coded excerpts in the diagnosis of the loose network', () => {
  const d = diagnose(loose);
  const element = (id: string) => {
    const found = d.elements.find((e) => e.id === id);
    if (!found) throw new Error(id);
    return found;
  };

  it('quotes the adviser on purposes and on communication, by the transcript’s speaker label', () => {
    const purposes = element('process.teamReasoning.purposes');
    expect(purposes.quotes.map((q) => q.codingId)).toEqual([
      'coding-adviser-05',
      'coding-adviser-08',
    ]);
    expect(purposes.quotes[0]).toEqual({
      codingId: 'coding-adviser-05',
      sourceId: 'src-interview-adviser',
      sourceTitle: 'Interview with Adviser Rowan Hale (fictional)',
      speaker: 'Adviser',
      text: 'The school keeps putting him in detention for homework and for uniform. Every week there is another sanction.',
      coderId: 'coder-sample',
    });
    const communication = element('process.teamReasoning.communication');
    expect(communication.quotes.map((q) => q.codingId)).toEqual([
      'coding-adviser-11',
      'coding-adviser-22',
    ]);
    expect(communication.quotes[0]?.text).toMatch(/^The youth offending team knew about it/);
    // The member record's work name never appears as the speaker.
    const names = new Set(loose.members.map((m) => m.displayName));
    for (const e of d.elements)
      for (const q of e.quotes) expect(names.has(q.speaker ?? '')).toBe(false);
  });

  it('lists each coding as segment evidence and says how much coded evidence there is', () => {
    const purposes = element('process.teamReasoning.purposes');
    const segments = purposes.evidence.filter((e) => e.kind === 'segment');
    expect(segments.map((e) => e.id)).toEqual(['coding-adviser-05', 'coding-adviser-08']);
    expect(segments[0]?.note).toBe(
      'coded "Shared or different purposes and values" in "Interview with Adviser Rowan Hale (fictional)", Adviser',
    );
    expect(purposes.confidence.reasons).toContain('2 coded excerpts from 1 source');
    // Every coding of the interview maps to one element and shows up once.
    expect(d.elements.flatMap((e) => e.quotes)).toHaveLength(loose.qualitative.codings.length);
    for (const e of d.elements)
      for (const q of e.quotes) expect(q.text.length).toBeLessThanOrEqual(300);
    // One source only: no element is lifted by coded evidence alone.
    expect(element('policy.feedback').confidence.level).toBe('low');
  });
});

// Three sources, all about decisions through a researcher's sub-code.
const a = transcript([
  ['Interviewer', 'Who decides?'],
  ['Teacher', 'Whoever shouts loudest at the meeting, honestly.'],
]);
const b = transcript([
  ['Nurse', 'We never decide anything together; each agency goes its own way.'],
]);
const c = 'Field note: the decision was taken by email after the meeting.';

function decisionsDocument(sources: number) {
  return qualitativeDocument({
    cases: [{ id: 'case-sw', name: 'Social worker' }],
    sources: [
      buildSource({ id: 'src-a', title: 'Interview A', text: a.text, turns: a.turns }),
      buildSource({
        id: 'src-b',
        title: 'Interview B',
        text: b.text,
        turns: b.turns,
        date: '2025-03-01',
      }),
      buildSource({
        id: 'src-c',
        title: 'Note C',
        kind: 'observation',
        text: c,
        participantCaseIds: ['case-sw'],
        confidentialTo: 'ag-health',
      }),
    ].slice(0, sources),
    codes: [
      buildCode({
        id: 'code-dec',
        name: 'Decisions',
        elementId: 'process.teamReasoning.decisions',
      }),
      buildCode({ id: 'code-loud', name: 'Loudest wins', parentId: 'code-dec' }),
      buildCode({ id: 'code-free', name: 'Unmapped' }),
    ],
    codings: [
      buildCoding('d1', a.span(1, 9), { sourceId: 'src-a', codeId: 'code-loud' }),
      // Coder B codes nearly the same passage: one excerpt, two quotes.
      buildCoding('d2', a.span(1, 9, 30), {
        sourceId: 'src-a',
        codeId: 'code-dec',
        coderId: 'coder-b',
      }),
      buildCoding('d3', a.span(0), { sourceId: 'src-a', codeId: 'code-free' }),
      buildCoding('d4', b.span(0, 7), { sourceId: 'src-b', codeId: 'code-dec' }),
      buildCoding('d5', b.span(0, 7, 20), {
        sourceId: 'src-b',
        codeId: 'code-dec',
        coderId: 'coder-b',
      }),
      buildCoding(
        'd6',
        { start: 12, end: 62 },
        { sourceId: 'src-c', codeId: 'code-dec', confidentialTo: 'ag-health' },
      ),
    ].filter((k) => ['src-a', 'src-b', 'src-c'].indexOf(k.sourceId) < sources),
  });
}

describe('codedEvidence', () => {
  it('maps sub-codes to their ancestor’s element and counts overlapping codings once', () => {
    const ev = codedEvidence(decisionsDocument(3)).get('process.teamReasoning.decisions');
    expect(ev?.quotes.map((q) => [q.codingId, q.speaker, q.coderId])).toEqual([
      // Source order, then start, then end: coder B's shorter span first.
      ['d2', 'Teacher', 'coder-b'],
      ['d1', 'Teacher', 'coder-a'],
      ['d5', 'Nurse', 'coder-b'],
      ['d4', 'Nurse', 'coder-a'],
      ['d6', 'Social worker', 'coder-a'],
    ]);
    expect(ev?.quotes[4]?.confidentialTo).toBe('ag-health');
    expect(ev?.quotes[0]?.confidentialTo).toBeUndefined();
    expect([ev?.excerpts, ev?.sources]).toEqual([3, 3]);
    expect(codedEvidence(decisionsDocument(3)).size).toBe(1);
  });

  it('leaves out sources dated after the as-of day and quotes no one agency may see whole', () => {
    const doc = decisionsDocument(3);
    const before = codedEvidence(doc, { asOf: '2025-02-28' }).get(
      'process.teamReasoning.decisions',
    );
    expect(before?.quotes.map((q) => q.codingId)).toEqual(['d2', 'd1', 'd6']);
    const clash = {
      ...doc,
      qualitative: {
        ...doc.qualitative,
        codings: doc.qualitative.codings.map((k) =>
          k.id === 'd6' ? { ...k, confidentialTo: 'ag-school' } : k,
        ),
      },
    };
    const ev = codedEvidence(clash).get('process.teamReasoning.decisions');
    expect(ev?.quotes.map((q) => q.codingId)).not.toContain('d6');
  });

  it('lifts an element without evaluative indicators to medium with ≥ 3 excerpts from ≥ 2 sources', () => {
    const level = (n: number) => {
      const e = diagnose(decisionsDocument(n)).elements.find(
        (x) => x.id === 'process.teamReasoning.decisions',
      );
      return [e?.confidence.level, e?.confidence.reasons.at(-1)];
    };
    expect(level(1)).toEqual(['low', '1 coded excerpt from 1 source']);
    expect(level(2)).toEqual(['low', '2 coded excerpts from 2 sources']);
    expect(level(3)).toEqual(['medium', '3 coded excerpts from 3 sources']);
  });
});

describe('quoteText', () => {
  it('collapses white space and cuts long passages at a word with an ellipsis', () => {
    expect(quoteText('  two\n\nlines  ')).toBe('two lines');
    const long = `${'word '.repeat(100)}end`;
    const q = quoteText(long);
    expect(q.length).toBeLessThanOrEqual(QUOTE_MAX_LENGTH);
    expect(q).toMatch(/word…$/);
    const emoji = quoteText('😀'.repeat(200), 10);
    expect(emoji).toBe(`${'😀'.repeat(4)}…`);
  });
});
