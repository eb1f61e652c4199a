import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../analysis/diagnose.js';
import { restoreOrThrow } from '../document/restore.js';
import { ELEMENT_IDS } from '../model/elements.js';
import { diagnosisText, TEXT_WIDTH } from './text.js';
import { reportDiagnosis, XSS_NAME } from './test-support/diagnosis.js';

const d = reportDiagnosis();
const text = diagnosisText(d);
const lines = text.split('\n');

describe('diagnosisText', () => {
  it('starts with the collaboration, the fictional note, the as-of date, wave and versions', () => {
    expect(lines[0]).toBe('Weframe diagnosis: Team <b>“J”</b> & co');
    expect(lines[1]).toBe('Fictional sample data.');
    expect(text).toContain(
      `As of ${d.asOf}. Survey wave wave-2 “Wave 2”: identified, 1 respondent.`,
    );
    expect(text).toContain(
      `Model ${d.modelVersion}, engine ${d.engineVersion}, survey instrument ${d.instrumentVersion}.`,
    );
  });

  it('keeps every line within 100 columns', () => {
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(TEXT_WIDTH);
  });

  it('draws the nested contexts as a tree with a mark, word, score and confidence per element', () => {
    const tree = lines.slice(
      lines.indexOf('Policy context'),
      lines.indexOf('Concerns and watch points'),
    );
    expect(tree).toContain('└─ Local context');
    expect(tree).toContain('   ├─ Personal context');
    expect(tree).toContain('   └─ Collaborative process');
    expect(tree).toContain('      └─ Team reasoning (group part)');
    const elementLines = tree.filter((l) => /[├└]─ \[/.test(l));
    expect(elementLines).toHaveLength(ELEMENT_IDS.length);
    d.elements.forEach((e, i) => {
      const line = elementLines[i] ?? '';
      const mark = {
        concern: '[!!] concern',
        watch: '[! ] watch',
        ok: '[ok] ok',
        strength: '[++] strength',
        insufficient: '[??] insufficient',
      }[e.status];
      expect(line, e.id).toContain(mark);
      expect(line, e.id).toContain(e.name.slice(0, 30));
      expect(line, e.id).toMatch(
        new RegExp(`score +${e.score ?? '–'} +conf\\. ${e.confidence.level}`),
      );
    });
    // The score column lines up at every depth.
    const scoreColumns = new Set(elementLines.map((l) => l.indexOf('score')));
    expect(scoreColumns.size).toBe(1);
  });

  it('lists each concern with its finding, evidence, rule and suggested action', () => {
    const start = lines.findIndex((l) => l.startsWith('[!!] Specific policy interactions'));
    expect(start).toBeGreaterThan(0);
    const block = lines.slice(start, start + 12).join('\n');
    expect(block).toContain(
      '[!!] Policies pulling against each other (policy.interactions.clashes): 2 clashes',
    );
    expect(block).toMatch(/Finding: Recorded as conflicting/);
    expect(block).toContain('Evidence: pi-1, pi-2');
    expect(block).toContain(
      'Rule: watch at 1, concern at 2 or more (threshold policy.interactions.clashes)',
    );
    expect(block).toMatch(/Action: \S/);
  });

  it('puts concerns before watch points, and names no element that needs no attention', () => {
    const section = text.slice(
      text.indexOf('Concerns and watch points'),
      text.indexOf('\nNetworks\n'),
    );
    const heads = section.split('\n').filter((l) => /^\[(!!|! )\] /.test(l));
    const statuses = heads.map((l) => (l.startsWith('[!!]') ? 'concern' : 'watch'));
    expect(statuses).toEqual([...statuses].sort());
    expect(heads.length).toBe(
      d.elements.filter((e) => e.status === 'concern' || e.status === 'watch').length,
    );
    const quiet = diagnosisText({
      ...d,
      elements: d.elements.map((e) => ({ ...e, status: 'ok' as const })),
    });
    expect(quiet).toContain('None: no element is at concern or watch.');
  });

  it('ends with the networks, the group’s Frost level and the team form with its inputs', () => {
    const joined = text.replace(/\n {2}/g, ' ');
    expect(joined).toMatch(/^Inter-professional: 5 members, .*isolates: Member m-4\.$/m);
    expect(text).toContain(`Frost level of the group: `);
    expect(text).toMatch(
      /^Team form: (loose network|in between|structured team) \(score \d\.\d\d/m,
    );
    for (const input of d.teamForm.inputs) expect(text).toContain(`  ${input.label}: `);
  });

  it('writes names as they are: plain text needs no escaping', () => {
    expect(text).toContain('<img');
    expect(text.replace(/\s+/g, ' ')).toContain(XSS_NAME);
  });

  it('tells the loose network’s story: the offence J’s adviser never heard about', () => {
    const doc = restoreOrThrow(JSON.parse(readFileSync('examples/loose-network.json', 'utf8')));
    const story = diagnosisText(diagnose(doc));
    const i = story.indexOf('(process.teamReasoning.communication.notLoopedIn)');
    expect(i).toBeGreaterThan(0);
    expect(story.slice(i, i + 800)).toMatch(/Evidence: ev-offence-j/);
    for (const line of story.split('\n')) expect(line.length).toBeLessThanOrEqual(TEXT_WIDTH);
  });
});
