import { describe, expect, it } from 'vitest';
import { sentenceSpans, suggestionUnits, transcriptTurns, utf16Offsets } from './units.js';

/** The text at a code-point span. */
const at = (text: string, start: number, end: number) => [...text].slice(start, end).join('');

describe('transcriptTurns', () => {
  const text = [
    'A fictional transcript. Example: this heading line is not a turn.',
    '',
    'Interviewer: How did it start? 😀',
    'Health visitor: With a phone call from the GP.',
    'It carried on from there.',
    '',
    'Interviewer: And then?',
    'Health visitor: Then a meeting, café au lait.',
  ].join('\n');

  it('finds repeated "Name:" labels, continues turns over unlabelled lines, skips one-off labels', () => {
    const turns = transcriptTurns(text);
    expect(turns.map((t) => t.speaker)).toEqual([
      'Interviewer',
      'Health visitor',
      'Interviewer',
      'Health visitor',
    ]);
    expect(at(text, turns[1]!.start, turns[1]!.end)).toBe(
      'Health visitor: With a phone call from the GP.\nIt carried on from there.',
    );
    // Offsets are code points: the emoji before the second turn counts once.
    expect(at(text, turns[3]!.start, turns[3]!.end)).toBe(
      'Health visitor: Then a meeting, café au lait.',
    );
  });

  it('reads Markdown bold labels', () => {
    const md = '**Interviewer:** Hello?\n**SENCO:** Hi.\n**Interviewer:** Bye.\n**SENCO:** Bye.';
    expect(transcriptTurns(md).map((t) => t.speaker)).toEqual([
      'Interviewer',
      'SENCO',
      'Interviewer',
      'SENCO',
    ]);
  });

  it('finds no turns in prose', () => {
    expect(transcriptTurns('Just a paragraph of notes.\nAnother line.')).toEqual([]);
  });
});

describe('suggestionUnits', () => {
  it('uses turns, leaving the speaker label out of each unit', () => {
    const text = 'Interviewer: Who leads? 😀\nNurse: My team manager leads.\n';
    const units = suggestionUnits({ text, turns: transcriptTurns(text) });
    expect(units.map((u) => [u.speaker, u.text])).toEqual([
      ['Interviewer', 'Who leads? 😀'],
      ['Nurse', 'My team manager leads.'],
    ]);
    for (const u of units) expect(at(text, u.start, u.end)).toBe(u.text);
  });

  it('takes turns that already exclude the label (as imported sources store them)', () => {
    const text = 'Nurse: We agreed it together.';
    const units = suggestionUnits({ text, turns: [{ speaker: 'Nurse', start: 7, end: 29 }] });
    expect(units).toEqual([
      { start: 7, end: 29, text: 'We agreed it together.', speaker: 'Nurse' },
    ]);
  });

  it('falls back to sentences, with code-point offsets', () => {
    const text = 'Dr. Okafor chairs it 😀. Funding ends in March!\n\nNo heading here';
    const units = suggestionUnits({ text });
    expect(units.map((u) => u.text)).toEqual([
      'Dr. Okafor chairs it 😀.',
      'Funding ends in March!',
      'No heading here',
    ]);
    for (const u of units) {
      expect(u.speaker).toBeNull();
      expect(at(text, u.start, u.end)).toBe(u.text);
    }
  });

  it('skips turns with no words, and clamps turns that run past the text', () => {
    const text = 'A: …\nB: Words here.';
    const units = suggestionUnits({
      text,
      turns: [
        { speaker: 'A', start: 0, end: 4 },
        { speaker: 'B', start: 5, end: 500 },
      ],
    });
    expect(units.map((u) => u.text)).toEqual(['Words here.']);
  });
});

describe('sentenceSpans and utf16Offsets', () => {
  it('maps code points to UTF-16 indices', () => {
    expect(utf16Offsets('a😀b')).toEqual([0, 1, 3, 4]);
  });

  it('splits at a blank line even without a full stop', () => {
    expect(sentenceSpans('one\n\ntwo').length).toBe(2);
  });
});
