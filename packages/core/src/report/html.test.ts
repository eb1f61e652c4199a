import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from '../analysis/thresholds.js';
import { diagnosisHtml } from './html.js';
import { reportDiagnosis, XSS_NAME } from './test-support/diagnosis.js';
import { xmlProblems } from './test-support/xml.js';

const d = reportDiagnosis();
const html = diagnosisHtml(d);

describe('diagnosisHtml', () => {
  it('is one standalone document: no scripts, nothing fetched, English, print rules', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/<(link|img|iframe|object|embed)\b/i);
    expect(html).toContain('@media print');
  });

  it('escapes every name and title', () => {
    expect(html).not.toContain(XSS_NAME);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<b>“J”</b>');
    expect(html).toContain(
      '<title>Weframe diagnosis: Team &lt;b&gt;“J”&lt;/b&gt; &amp; co</title>',
    );
    expect(html).toContain('Fine motor &lt;skills&gt;');
  });

  it('carries the header: name, fictional note, as-of date, wave and versions', () => {
    expect(html).toContain('<h1>Weframe diagnosis: Team &lt;b&gt;“J”&lt;/b&gt; &amp; co</h1>');
    expect(html).toContain('Fictional sample data');
    expect(html).toContain(`<dt>As of</dt><dd>${d.asOf}`);
    expect(html).toContain('<code>wave-2</code>');
    expect(html).toContain(`model ${d.modelVersion}, engine ${d.engineVersion}`);
    const real = diagnosisHtml({ ...d, collaboration: { ...d.collaboration, fictional: false } });
    expect(real).not.toContain('Fictional sample data');
  });

  it('has one h1 and headings that never skip a level, and unique ids', () => {
    const levels = [...html.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
    expect(levels.filter((l) => l === 1)).toHaveLength(1);
    for (let i = 1; i < levels.length; i++) {
      expect((levels[i] ?? 0) - (levels[i - 1] ?? 0)).toBeLessThanOrEqual(1);
    }
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of html.matchAll(/href="#([^"]+)"/g)) expect(ids).toContain(m[1]);
  });

  it('inlines well-formed pictures: the model, both networks, the role matrix, Frost levels', () => {
    const svgs = [...html.matchAll(/<svg[\s\S]*?<\/svg>/g)].map((m) => m[0]);
    expect(svgs.map((s) => /class="([^"]+)"/.exec(s)?.[1])).toEqual([
      'wf-model',
      'wf-network wf-network-interProfessional',
      'wf-network wf-network-interAgency',
      'wf-role-matrix',
      'wf-frost',
    ]);
    for (const svg of svgs) expect(xmlProblems(svg)).toEqual([]);
  });

  it('gives the model as a table too: each element with its status in words, score and confidence', () => {
    const table = html.slice(html.indexOf('id="model-table"'), html.indexOf('id="attention"'));
    const rows = [...table.matchAll(/<tr><td>[\s\S]*?<\/tr>/g)].map((m) => m[0]);
    expect(rows).toHaveLength(20);
    d.elements.forEach((e, i) => {
      expect(rows[i], e.id).toContain(`<code>${e.id}</code>`);
      expect(rows[i], e.id).toMatch(new RegExp(`status-${e.status}">[^<]+ ${e.status}</span>`));
      expect(rows[i], e.id).toContain(`<td>${e.confidence.level}</td>`);
    });
  });

  it('explains each concern and watch point: finding, evidence, rule, literature, actions', () => {
    const start = html.indexOf('data-element="policy.interactions"');
    const block = html.slice(start, html.indexOf('</article>', start));
    expect(block).toContain('<strong>Finding:</strong> Recorded as conflicting');
    expect(block).toContain('<code>pi-1</code>');
    expect(block).toContain(
      'watch at 1, concern at 2 or more (threshold <code>policy.interactions.clashes</code>)',
    );
    expect(block).toMatch(/Literature<\/dt><dd>Rose \(2007\)/);
    expect(block).toMatch(/Suggested action:<\/strong><ul><li>\S/);
  });

  it('lists network measures, role findings, Frost levels, team form inputs and every threshold', () => {
    expect(html).toContain('Key people (articulation points)');
    expect(html).toMatch(/<td>Isolates<\/td><td>Member m-4<\/td>/);
    expect(html).toContain(
      'claimed by &lt;img src=x onerror=alert(1)&gt;, Member m-2, with no agreed lead',
    );
    expect(html).toMatch(/<td>None yet<\/td><td class="num">\d+<\/td>/);
    for (const input of d.teamForm.inputs) expect(html).toContain(`<td>${input.label}</td>`);
    for (const id of Object.keys(DEFAULT_THRESHOLDS)) expect(html).toContain(`<code>${id}</code>`);
  });

  it('says in the caption when a network has more ties than are drawn', () => {
    const few = diagnosisHtml(d, { maxTies: 1 });
    const ties = d.networks.interProfessional.measures.weights.length;
    expect(ties).toBeGreaterThan(1);
    expect(few).toContain(
      `Only the 1 heaviest of ${ties} ties are drawn; the measures use them all.`,
    );
    expect(html).not.toContain('heaviest of');
  });

  it('is the same every time', () => {
    expect(diagnosisHtml(d)).toBe(html);
  });
});
