import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliFixture } from '../test-support/cli-harness.js';
import { exportQdpx } from '@weframe/core';
import {
  buildCode,
  buildCoding,
  buildSource,
  qualitativeDocument,
  transcript,
} from '../../../core/src/qualitative/analysis/test-support/qualitative.js';

const cli = cliFixture('agreement');
const run = cli.run;
let dir: string;
beforeAll(() => {
  dir = cli.dir();
});

const talk = transcript(
  Array.from(
    { length: 10 },
    (_, i) => [i % 2 ? 'Adviser' : 'Interviewer', `Turn ${i} words`] as const,
  ),
);

/**
 * Ten turns. X: both coders on 0–2, A alone on 3, B alone on 4 (κ = 7/12);
 * Y: both on 5, B alone on 6 (κ = 8/13); pooled κ = 22/37. Coder C coded nothing.
 */
function agreementDocument() {
  const plan: Record<string, Record<string, number[]>> = {
    a: { 'code-x': [0, 1, 2, 3], 'code-y': [5] },
    b: { 'code-x': [0, 1, 2, 4], 'code-y': [5, 6] },
  };
  return qualitativeDocument({
    sources: [buildSource({ id: 'src-x', text: talk.text, turns: talk.turns })],
    coders: [
      { id: 'coder-a', name: 'Ann' },
      { id: 'coder-b', name: 'Ben' },
      { id: 'coder-c', name: 'Cat' },
    ],
    codes: [
      buildCode({ id: 'code-x', name: 'Purposes' }),
      buildCode({ id: 'code-y', name: 'Not looped in', parentId: 'code-x' }),
    ],
    codings: Object.entries(plan).flatMap(([who, codes]) =>
      Object.entries(codes).flatMap(([codeId, turns]) =>
        turns.map((t) =>
          buildCoding(`c-${who}-${codeId}-${t}`, talk.span(t, 0, 4), {
            codeId,
            coderId: `coder-${who}`,
          }),
        ),
      ),
    ),
  });
}

async function writeDoc(name: string, doc: unknown): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, JSON.stringify(doc));
  return file;
}

describe('weframe agreement', () => {
  it('prints a table per code with every measure and a pooled overall row', async () => {
    const file = await writeDoc('agreement.json', agreementDocument());
    const result = await run('agreement', file);
    expect(result).toMatchObject({ code: 0, err: '' });
    const lines = result.out.split('\n');
    expect(lines[0]).toBe('Inter-coder agreement: Test collaboration');
    expect(lines[1]).toBe('Coders: Ann (coder-a), Ben (coder-b)');
    expect(result.out).toContain('Units: 10 speaker turns');
    expect(result.out).toMatch(/^Code +Applied +Percent +Cohen κ +Fleiss κ +α +α_U$/m);
    // Hand-computed: X p_o .8, κ 7/12, α 29/48; Y p_o .9, κ 8/13; pooled κ 22/37.
    expect(result.out).toMatch(/^Purposes +4\/4 +80\.0% +0\.583 +0\.583 +0\.604 +-?\d\.\d{3}$/m);
    expect(result.out).toMatch(/^ {2}Not looped in +1\/2 +90\.0% +0\.615 /m);
    expect(result.out).toMatch(/^Overall \(pooled\) +85\.0% +0\.595 /m);
  });

  it('prints JSON with the values unrounded', async () => {
    const file = await writeDoc('agreement-json.json', agreementDocument());
    const result = await run('agreement', file, '--format', 'json');
    expect(result.code).toBe(0);
    const r = JSON.parse(result.out) as {
      coders: string[];
      overall: Record<string, { value: number | null }>;
      codes: { codeId: string; measures: Record<string, { value: number | null }> }[];
    };
    expect(r.coders).toEqual(['coder-a', 'coder-b']);
    expect(r.overall.kappa?.value).toBeCloseTo(22 / 37, 12);
    expect(r.codes[0]?.measures.kappa?.value).toBeCloseTo(7 / 12, 12);
  });

  it('takes coders by name and the measures asked for, and explains undefined values', async () => {
    const file = await writeDoc('agreement-pick.json', agreementDocument());
    const result = await run(
      'agreement',
      file,
      '--coders',
      'Ann,Cat',
      '--measure',
      'kappa,percent',
      '--measure',
      'alpha-u',
    );
    expect(result.code).toBe(0);
    // Cat coded nothing: the source is skipped and nothing is left to compare.
    expect(result.out).toContain('Skipped src-x: not coded by coder-c');
    expect(result.out).toMatch(/^Code +Applied +Percent +Cohen κ +α_U$/m);
    expect(result.out).toMatch(/^Overall \(pooled\) +n\/a +n\/a +n\/a$/m);
    expect(result.out).toContain(
      'n/a: nothing to compare (no unit or segment coded by every coder)',
    );
  });

  it('reads a REFI-QDA project and gives the same values as the document', async () => {
    const file = join(dir, 'project.qdpx');
    await writeFile(file, exportQdpx(agreementDocument()));
    const result = await run('agreement', file, '--coders', 'coder-a,coder-b', '--format', 'json');
    expect(result).toMatchObject({ code: 0 });
    const r = JSON.parse(result.out) as { overall: Record<string, { value: number | null }> };
    expect(r.overall.kappa?.value).toBeCloseTo(22 / 37, 12);
    const text = await run('agreement', file, '--coders', 'Ann,Ben');
    expect(text.out.split('\n')[0]).toBe('Inter-coder agreement: project.qdpx');
  });

  it('works on a stored collaboration by id', async () => {
    const file = await writeDoc('stored.json', agreementDocument());
    const imported = await run('import', file);
    expect(imported.code).toBe(0);
    const id = imported.out.trim();
    const result = await run('agreement', id, '--coders', 'coder-a,coder-b', '--format', 'json');
    expect(result.code).toBe(0);
    expect((JSON.parse(result.out) as { units: number }).units).toBe(10);
    expect(await run('agreement', 'no-such-id')).toMatchObject({
      code: 1,
      err: 'weframe: no collaboration with id "no-such-id" in workspace "default" (see `weframe list`)',
    });
  });

  it('refuses bad requests in one line each', async () => {
    const file = await writeDoc('agreement-bad.json', agreementDocument());
    expect(await run('agreement', file, '--measure', 'median')).toMatchObject({
      code: 1,
      err: 'weframe: --measure: "median" is not one of percent, kappa, fleiss, alpha, alpha-u',
    });
    expect(await run('agreement', file, '--coders', 'Zoe,Ann')).toMatchObject({
      code: 1,
      err: 'weframe: --coders: no coder "Zoe" (coders: coder-a "Ann", coder-b "Ben", coder-c "Cat")',
    });
    const three = await run('agreement', file, '--coders', 'Ann,Ben,Cat', '--measure', 'kappa');
    expect(three.code).toBe(1);
    expect(three.err).toBe(
      "weframe: measures: Cohen's κ compares exactly two coders (3 given); use Fleiss' κ or α",
    );
    const lonely = qualitativeDocument({
      sources: [buildSource({ id: 'src-x', text: talk.text })],
      codes: [buildCode({ id: 'code-x' })],
      codings: [buildCoding('c1', { start: 0, end: 4 })],
    });
    expect(await run('agreement', await writeDoc('lonely.json', lonely))).toMatchObject({
      code: 1,
      err: 'weframe: agreement needs at least two coders who coded something; this document has 1',
    });
    expect(await run('agreement', join(dir, 'missing.json'))).toMatchObject({
      code: 1,
      err: `weframe: ${join(dir, 'missing.json')}: no such file`,
    });
    expect(await run('agreement', join(dir, 'missing.qdpx'))).toMatchObject({
      code: 1,
      err: `weframe: ${join(dir, 'missing.qdpx')}: no such file`,
    });
    const broken = join(dir, 'broken.qdpx');
    await writeFile(broken, 'not a zip archive');
    const refused = await run('agreement', broken);
    expect(refused.code).toBe(1);
    expect(refused.err.split('\n')[0]).toMatch(
      /^weframe: .*broken\.qdpx: cannot be read \(\d+ problems?\)$/,
    );
    expect(refused.err.split('\n').length).toBeGreaterThan(1);
  });

  it('shows help', async () => {
    const result = await run('agreement', '--help');
    expect(result.code).toBe(0);
    expect(result.out).toContain('Usage: weframe agreement');
    expect(result.out).toContain('--measure');
  });
});
