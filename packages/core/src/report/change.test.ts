import { describe, expect, it } from 'vitest';
import { compareWaves, type DiagnosisChange, type StatusChange } from '../analysis/compare.js';
import { restoreOrThrow } from '../document/restore.js';
import { changeHtml, changeText } from './change.js';
import { reportDocument } from './test-support/diagnosis.js';

const change = compareWaves(restoreOrThrow(reportDocument()), 'wave-1', 'wave-2');

const row = (over: Partial<StatusChange>): StatusChange => ({
  id: 'local.roles',
  element: 'local.roles',
  name: 'Roles <and> responsibilities',
  statusBefore: 'concern',
  statusAfter: 'watch',
  scoreBefore: 15,
  scoreAfter: 45,
  delta: 30,
  direction: 'better',
  ...over,
});

const handMade: DiagnosisChange = {
  before: { asOf: '2025-01-01', waveId: 'w1' },
  after: { asOf: '2025-06-01', waveId: 'w2' },
  elements: [
    row({}),
    row({
      id: 'a',
      name: 'Worse one',
      statusBefore: 'ok',
      statusAfter: 'concern',
      direction: 'worse',
    }),
    row({
      id: 'b',
      name: 'New one',
      statusBefore: 'insufficient',
      statusAfter: 'ok',
      direction: 'new evidence',
    }),
    row({
      id: 'c',
      name: 'Lost one',
      statusBefore: 'ok',
      statusAfter: null,
      direction: 'lost evidence',
    }),
  ],
  indicators: [
    row({ id: 'i1', name: 'Moved', valueBefore: 0.2, valueAfter: 0.5, delta: 0.3 }),
    row({ id: 'i2', name: 'Still', direction: 'same', statusBefore: 'ok', statusAfter: 'ok' }),
  ],
  frost: { before: 'cooperation', after: 'collaboration', direction: 'better' },
  teamForm: { before: 0.2, after: 0.4, delta: 0.2 },
  summary: {
    elements: { better: 1, worse: 1, same: 0, 'new evidence': 1, 'lost evidence': 1 },
    indicators: { better: 1, worse: 0, same: 1, 'new evidence': 0, 'lost evidence': 0 },
  },
};

describe('changeText', () => {
  it('tables every element of a real comparison within 100 columns', () => {
    const text = changeText(change, { collaborationName: 'Team J' });
    const lines = text.split('\n');
    expect(lines[0]).toBe('Weframe: change in Team J');
    expect(lines[1]).toBe(
      `From wave-1 (as of ${change.before.asOf}) to wave-2 (as of ${change.after.asOf}).`,
    );
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(100);
    const rows = lines.filter((l) =>
      /\[(\+|-|=|n|x)\] (better|worse|same|new evidence|lost evidence)$/.test(l),
    );
    const shownIndicators = change.indicators.filter((i) => i.direction !== 'same').length;
    expect(rows).toHaveLength(20 + shownIndicators);
  });

  it('writes each direction with its mark, status marks and the score move', () => {
    const text = changeText(handMade);
    expect(text).toMatch(
      /^Roles <and> responsibilities +\[!!\] concern +\[! \] watch +15 → 45 +\[\+\] better$/m,
    );
    expect(text).toMatch(/^Worse one .*\[-\] worse$/m);
    expect(text).toMatch(/^New one +\[\?\?\] insufficient +\[ok\] ok .*\[n\] new evidence$/m);
    expect(text).toMatch(/^Lost one +\[ok\] ok +\(absent\) .*\[x\] lost evidence$/m);
    expect(text).toContain('Elements: 1 better, 1 worse, 0 same, 1 new evidence, 1 lost evidence.');
    expect(text).toMatch(/^Moved .* \+0\.300 +\[\+\] better$/m);
    expect(text).not.toMatch(/^Still /m);
    expect(changeText(handMade, { allIndicators: true })).toMatch(/^Still /m);
    expect(text).toContain('Frost level of the group: Cooperation → Collaboration ([+] better).');
    expect(text).toContain('Team form score: 0.20 → 0.40 (+0.200).');
  });
});

describe('changeHtml', () => {
  it('is a standalone, escaped document with both tables', () => {
    const html = changeHtml(handMade, { collaborationName: '<img src=x onerror=alert(1)>' });
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('Roles &lt;and&gt; responsibilities');
    expect(html).toMatch(
      /status-concern">\[!!\] concern<\/span><\/td><td><span class="status status-watch">/,
    );
    expect(html).toContain('0.200 → 0.500 (+0.300)');
    expect(html).toContain(
      '<caption>Status and score of every element, before and after</caption>',
    );
  });
});
