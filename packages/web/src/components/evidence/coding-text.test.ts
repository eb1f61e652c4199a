import { describe, expect, it } from 'vitest';
import type { CodebookGroupNode } from '../../api/qualitative.js';
import {
  assignSlot,
  codeColour,
  cpLength,
  descendantIds,
  EMPTY_SLOTS,
  flattenCodebook,
  parseSlots,
  pruneSlots,
  shortQuote,
  textRuns,
  trimSelection,
  type ShortcutSlots,
} from './coding-text.js';

describe('textRuns', () => {
  it('cuts the text at every coding boundary, in code points, with the codings covering each run', () => {
    const text = 'Nurse: 😀 we never meet.';
    const runs = textRuns(text, [
      { id: 'a', start: 7, end: 8 },
      { id: 'b', start: 7, end: 17 },
      { id: 'empty', start: 3, end: 3 },
      { id: 'past', start: 20, end: 999 },
    ]);
    expect(runs.map((r) => [r.start, r.end, r.text, r.codingIds])).toEqual([
      [0, 7, 'Nurse: ', []],
      [7, 8, '😀', ['a', 'b']],
      [8, 17, ' we never', ['b']],
      [17, 20, ' me', []],
      [20, 23, 'et.', ['past']],
    ]);
    expect(runs[1]?.starting).toEqual(['a', 'b']);
    expect(runs.map((r) => r.text).join('')).toBe(text);
    expect(runs.at(-1)?.end).toBe(cpLength(text));
  });

  it('gives one run for an uncoded text', () => {
    expect(textRuns('abc', [])).toEqual([
      { start: 0, end: 3, text: 'abc', codingIds: [], starting: [] },
    ]);
  });
});

describe('selections and quotes', () => {
  it('trims white space from a selection and refuses one of white space only', () => {
    const chars = Array.from('  a 😀 b \n');
    expect(trimSelection(chars, 0, chars.length)).toEqual({ start: 2, end: 7 });
    expect(trimSelection(chars, 7, 2)).toEqual({ start: 2, end: 7 });
    expect(trimSelection(chars, 7, 10)).toBeNull();
  });

  it('cuts long quotes at a word', () => {
    expect(shortQuote('one two three four five', 12)).toBe('one two…');
    expect(shortQuote('  short\ntext ')).toBe('short text');
  });
});

describe('the codebook as a list', () => {
  const code = (id: string, children: CodebookGroupNode['children'] = []) => ({
    kind: 'code' as const,
    id,
    name: id.toUpperCase(),
    description: '',
    color: null,
    elementId: null,
    parentId: null,
    stored: true,
    version: 1,
    confidentialTo: null,
    codings: 0,
    total: 0,
    sources: 0,
    children: children as never,
  });
  const groups: CodebookGroupNode[] = [
    {
      kind: 'group',
      id: 'process',
      name: 'Process',
      description: '',
      total: 0,
      children: [
        {
          kind: 'group',
          id: 'process.teamReasoning',
          name: 'TR',
          description: '',
          total: 0,
          children: [code('d', [code('e')])],
        },
      ],
    },
    {
      kind: 'group',
      id: 'own',
      name: 'Own codes',
      description: '',
      total: 0,
      children: [code('x')],
    },
  ];

  it('lists codes depth first with their group and path', () => {
    const flat = flattenCodebook(groups);
    expect(flat.map((f) => [f.node.id, f.depth, f.groupId, f.path.join('/')])).toEqual([
      ['d', 0, 'process', 'D'],
      ['e', 1, 'process', 'D/E'],
      ['x', 0, 'own', 'X'],
    ]);
    expect(descendantIds(flat[0]?.node as never)).toEqual(new Set(['e']));
  });

  it('draws a code in its own colour, else a stable one from the palette', () => {
    expect(codeColour({ id: 'a', color: '#123456' })).toBe('#123456');
    expect(codeColour({ id: 'code-x', color: null })).toBe(
      codeColour({ id: 'code-x', color: null }),
    );
    expect(codeColour({ id: 'code-x', color: null })).toMatch(/^#[0-9a-f]{6}$/);
  });
});

describe('shortcut slots', () => {
  it('keeps each code on its key, and gives a new code the key of the least recently used', () => {
    let slots: ShortcutSlots = EMPTY_SLOTS;
    for (let i = 1; i <= 9; i++) slots = assignSlot(slots, `c${i}`);
    expect(slots.codes).toEqual(['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9']);
    slots = assignSlot(slots, 'c1');
    expect(slots.codes[0]).toBe('c1');
    slots = assignSlot(slots, 'c10');
    // c2 was used least recently: c10 takes key 2, every other key keeps its code.
    expect(slots.codes).toEqual(['c1', 'c10', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9']);
  });

  it('drops codes that are gone, and reads saved slots defensively', () => {
    const slots = assignSlot(assignSlot(EMPTY_SLOTS, 'a'), 'b');
    expect(pruneSlots(slots, new Set(['b'])).codes).toEqual(['b']);
    expect(parseSlots(JSON.stringify(slots))).toEqual(slots);
    expect(parseSlots('{not json')).toEqual(EMPTY_SLOTS);
    expect(parseSlots(JSON.stringify({ codes: [1, 'x'], used: { x: 'y' } })).codes).toEqual(['x']);
  });
});
