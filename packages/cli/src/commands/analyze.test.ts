import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ELEMENT_IDS } from '@weframe/core';
import type { Store } from '@weframe/store';
import { loadConfig } from '@weframe/server';
import { freshStore } from '../../../store/src/test-support/fresh-store.js';
import {
  buildActivity,
  buildDocument,
  buildMember,
  buildResponse,
  buildWave,
} from '../../../core/src/test-support/factories.js';
import { main } from '../main.js';
import type { CliDeps } from '../context.js';
import {
  ANALYZE_PHASES,
  LARGE_INPUT_BYTES,
  analyzeCommand,
  terminalProgress,
  type AnalyzePhase,
} from './analyze.js';

let store: Store;
let dir: string;

const XSS = '<img src=x onerror=alert(1)>';

const config = loadConfig({});
if (!config.ok) throw new Error('bad test config');
const deps: CliDeps = {
  config: () => config.config,
  openStore: () => Promise.resolve({ ...store, close: async () => {} }),
};

beforeAll(async () => {
  store = await freshStore();
  dir = await mkdtemp(join(tmpdir(), 'weframe-analyze-'));
});
afterAll(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

/** Runs the CLI in-process against this file's database. */
async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(
    ['node', 'weframe', ...args],
    {},
    { out: (t) => out.push(t), err: (t) => err.push(t) },
    deps,
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A small document with contacts, a survey wave and a member whose name is an XSS attempt. */
function smallDocument() {
  return buildDocument({
    collaboration: {
      id: 'collab-xss',
      name: `Team <script>alert("x")</script> & friends`,
      fictional: true,
      teamForm: 'caseTeam',
      startDate: '2025-01-06',
      boundedness: { aims: 'defined', resourcing: 'partly', time: 'open' },
      fundingModel: 'separateBudgets',
    },
    members: [
      buildMember({ id: 'm-1', agencyId: 'ag-school', professionId: 'pr-teacher' }),
      buildMember({ id: 'm-2', agencyId: 'ag-health', professionId: 'pr-ot', displayName: XSS }),
      buildMember({ id: 'm-3', agencyId: 'ag-health', professionId: 'pr-ot' }),
    ],
    activities: [
      buildActivity({ id: 'act-1', date: '2025-03-03', participantIds: ['m-1', 'm-2'] }),
      buildActivity({ id: 'act-2', date: '2025-04-07', participantIds: ['m-2', 'm-3'] }),
      buildActivity({ id: 'act-3', date: '2025-05-05', participantIds: ['m-1', 'm-3'] }),
    ],
    waves: [
      buildWave({ id: 'wave-1', opensOn: '2025-06-02' }),
      buildWave({ id: 'wave-2', name: 'Wave 2', opensOn: '2025-09-01' }),
    ],
    responses: [
      buildResponse({ id: 'r-1', waveId: 'wave-1', respondentMemberId: 'm-1' }),
      buildResponse({
        id: 'r-2',
        waveId: 'wave-2',
        respondentMemberId: 'm-1',
        submittedAt: '2025-09-02T10:00:00Z',
      }),
    ],
  });
}

async function writeDoc(name: string, doc: unknown): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, JSON.stringify(doc));
  return file;
}

describe('weframe analyze', () => {
  it('prints the full diagnosis as JSON: all 20 elements, both networks, Frost and team form', async () => {
    const file = await writeDoc('small.json', smallDocument());
    const result = await run('analyze', file, '--format', 'json');
    expect(result).toMatchObject({ code: 0, err: '' });
    const d = JSON.parse(result.out) as Record<string, unknown> & {
      elements: { id: string }[];
      networks: Record<string, unknown>;
      collaboration: { name: string };
    };
    expect(Object.keys(d)).toEqual(
      expect.arrayContaining(['collaboration', 'elements', 'networks', 'frost', 'teamForm']),
    );
    expect(d.elements.map((e) => e.id)).toEqual([...ELEMENT_IDS]);
    expect(Object.keys(d.networks).sort()).toEqual(['interAgency', 'interProfessional']);
    expect(d.collaboration.name).toContain('<script>');
  });

  it('prints the text report with the nested contexts as a tree of marks', async () => {
    const file = await writeDoc('small-text.json', smallDocument());
    const result = await run('analyze', file);
    expect(result.code).toBe(0);
    const lines = result.out.split('\n');
    expect(lines[0]).toBe('Weframe diagnosis: Team <script>alert("x")</script> & friends');
    expect(result.out).toContain('Fictional sample data.');
    expect(result.out).toMatch(/^Policy context$/m);
    expect(result.out).toMatch(/^└─ Local context$/m);
    expect(result.out).toMatch(/^ {3}├─ Personal context$/m);
    expect(result.out).toMatch(/^ {3}└─ Collaborative process$/m);
    expect(result.out).toMatch(
      /\[(!!|! |ok|\+\+|\?\?)\] (concern|watch|ok|strength|insufficient) /,
    );
    // Every element has one line with a mark.
    const marked = lines.filter((l) => /[├└]─ \[(!!|! |ok|\+\+|\?\?)\]/.test(l));
    expect(marked).toHaveLength(20);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(100);
  });

  it('writes a standalone HTML report with every name escaped', async () => {
    const file = await writeDoc('small-html.json', smallDocument());
    const out = join(dir, 'report.html');
    const result = await run('analyze', file, '--format', 'html', '--out', out);
    expect(result).toMatchObject({ code: 0, out: '', err: `wrote ${out}` });
    const html = await readFile(out, 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="en">');
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain(XSS);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('Team &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; friends');
    expect(html).toContain('data-element="process.teamReasoning.communication"');
  });

  it('refuses an invalid document, listing every problem, and analyses nothing', async () => {
    const bad = buildDocument({
      members: [
        buildMember({ id: 'm-1', agencyId: 'ag-gone' }),
        buildMember({ id: 'm-2', startDate: '2025-05-01', endDate: '2025-01-01' }),
      ],
    });
    const file = await writeDoc('bad.json', bad);
    const result = await run('analyze', file, '--format', 'json');
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(result.err.split('\n')).toEqual([
      `weframe: ${file}: 2 problems`,
      'members[0].agencyId: refers to agency "ag-gone", which is not in the document',
      'members[1].endDate: left (2025-01-01) before joining (2025-05-01)',
    ]);
  });

  it('refuses text that is not JSON in one line per problem', async () => {
    const file = join(dir, 'broken.json');
    await writeFile(file, '{ "schemaVersion": 1, ');
    const result = await run('analyze', file);
    expect(result.code).toBe(1);
    expect(result.err.split('\n')[0]).toBe(`weframe: ${file}: 1 problem`);
  });

  it('analyses a stored collaboration by id, only in its own workspace', async () => {
    const file = await writeDoc('stored.json', smallDocument());
    const imported = await run('import', file);
    expect(imported.code).toBe(0);
    const id = imported.out.trim();
    const result = await run('analyze', id, '--format', 'json');
    expect(result.code).toBe(0);
    expect((JSON.parse(result.out) as { elements: unknown[] }).elements).toHaveLength(20);

    expect(await run('analyze', 'no-such-id')).toMatchObject({
      code: 1,
      err: 'weframe: no collaboration with id "no-such-id" in workspace "default" (see `weframe list`)',
    });
    expect(await run('analyze', id, '--workspace', 'elsewhere')).toMatchObject({
      code: 1,
      err: 'weframe: no workspace "elsewhere"',
    });
    expect(await run('analyze', join(dir, 'missing.json'))).toMatchObject({
      code: 1,
      err: `weframe: ${join(dir, 'missing.json')}: no such file`,
    });
  });

  it('uses the wave and as-of date asked for, and names an unknown wave in one line', async () => {
    const file = await writeDoc('waves.json', smallDocument());
    const first = await run('analyze', file, '--format', 'json', '--wave', 'wave-1');
    expect(first.code).toBe(0);
    expect((JSON.parse(first.out) as { wave: { id: string } }).wave.id).toBe('wave-1');
    const dated = await run('analyze', file, '--format', 'json', '--as-of', '2025-12-31');
    expect((JSON.parse(dated.out) as { asOf: string }).asOf).toBe('2025-12-31');

    const unknown = await run('analyze', file, '--wave', 'wave-9');
    expect(unknown.code).toBe(1);
    expect(unknown.err.split('\n')).toHaveLength(1);
    expect(unknown.err).toContain('wave-9');
    expect(await run('analyze', file, '--as-of', '2025-02-30')).toMatchObject({
      code: 1,
      err: 'weframe: --as-of must be a date written YYYY-MM-DD, not "2025-02-30"',
    });
    const badFormat = await run('analyze', file, '--format', 'pdf');
    expect(badFormat.code).toBe(1);
    expect(badFormat.err).toContain('text, json, html');
  });

  it('compares two waves as JSON, text and HTML', async () => {
    const file = await writeDoc('compare.json', smallDocument());
    const json = await run('analyze', file, '--format', 'json', '--compare', 'wave-1', 'wave-2');
    expect(json.code).toBe(0);
    const change = JSON.parse(json.out) as {
      before: { waveId: string };
      after: { waveId: string };
      elements: { id: string; direction: string }[];
    };
    expect(change.before.waveId).toBe('wave-1');
    expect(change.after.waveId).toBe('wave-2');
    expect(change.elements.map((e) => e.id)).toEqual([...ELEMENT_IDS]);

    const text = await run('analyze', file, '--compare', 'wave-1', 'wave-2');
    expect(text.code).toBe(0);
    expect(text.out).toContain('From wave-1');
    expect(text.out).toMatch(/^Element +Before +After +Score +Change$/m);

    const html = await run('analyze', file, '--format', 'html', '--compare', 'wave-1', 'wave-2');
    expect(html.out.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html.out).not.toContain('<script>');

    expect(await run('analyze', file, '--compare', 'wave-1')).toMatchObject({ code: 1 });
    expect(
      await run('analyze', file, '--compare', 'wave-1', 'wave-2', '--wave', 'wave-1'),
    ).toMatchObject({
      code: 1,
      err: 'weframe: use either --wave or --compare, not both',
    });
  });

  it('moves a progress display through reading, validating, analysing and rendering', async () => {
    const file = await writeDoc('progress.json', smallDocument());
    const phases: AnalyzePhase[] = [];
    let stopped = 0;
    const out: string[] = [];
    await analyzeCommand(
      file,
      { format: 'json' },
      deps,
      { out: (t) => out.push(t), err: () => {} },
      () => ({ phase: (p) => phases.push(p), stop: () => (stopped += 1) }),
    );
    expect(phases).toEqual([...ANALYZE_PHASES]);
    expect(stopped).toBe(1);
    expect(out).toHaveLength(1);
    // Small files, or standard error not a terminal, get no bar at all.
    expect(terminalProgress(file, 100)).toBeNull();
    if (!process.stderr.isTTY) expect(terminalProgress(file, LARGE_INPUT_BYTES + 1)).toBeNull();
  });

  it('shows help', async () => {
    const result = await run('analyze', '--help');
    expect(result.code).toBe(0);
    expect(result.out).toContain('Usage: weframe analyze');
    expect(result.out).toContain('--compare');
  });
});
