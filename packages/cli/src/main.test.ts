import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliFixture } from './test-support/cli-harness.js';
import { restoreOrThrow } from '@weframe/core';
import { buildDocument, buildMember } from '../../core/src/test-support/factories.js';

const cli = cliFixture('cli');
const run = cli.run;
let dir: string;
beforeAll(() => {
  dir = cli.dir();
});

describe('weframe CLI', () => {
  it('validates a good document and exits 0', async () => {
    const file = join(dir, 'good.json');
    await writeFile(file, JSON.stringify(buildDocument()));
    const result = await run('validate', file);
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toContain('valid');
  });

  it('prints one `path: message` line per problem and exits 1', async () => {
    const file = join(dir, 'bad.json');
    const bad = buildDocument({
      members: [
        buildMember({ id: 'm-1', agencyId: 'ag-gone' }),
        buildMember({ id: 'm-2', startDate: '2025-05-01', endDate: '2025-01-01' }),
      ],
    });
    await writeFile(file, JSON.stringify(bad));
    const result = await run('validate', file);
    expect(result.code).toBe(1);
    expect(result.err.split('\n')).toEqual([
      `weframe: ${file}: 2 problems`,
      'members[0].agencyId: refers to agency "ag-gone", which is not in the document',
      'members[1].endDate: left (2025-01-01) before joining (2025-05-01)',
    ]);
  });

  it('names a missing file in one line, without a stack trace', async () => {
    const result = await run('validate', join(dir, 'nope.json'));
    expect(result.code).toBe(1);
    expect(result.err).toBe(`weframe: ${join(dir, 'nope.json')}: no such file`);
  });

  it('imports, lists and exports a collaboration unchanged', async () => {
    const file = join(dir, 'doc.json');
    const input = buildDocument();
    await writeFile(file, JSON.stringify(input));
    const imported = await run('import', file);
    expect(imported.code).toBe(0);
    const id = imported.out.trim();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    const listed = await run('list');
    expect(listed.out).toContain(`${id}  Test collaboration  (3 members, 2 agencies)`);

    const out = join(dir, 'out.json');
    expect((await run('export', id, '--out', out)).code).toBe(0);
    expect(JSON.parse(await readFile(out, 'utf8'))).toEqual(restoreOrThrow(input));
  });

  it('refuses an unknown collaboration id and an unknown workspace', async () => {
    expect(await run('export', 'missing')).toMatchObject({
      code: 1,
      err: 'weframe: no collaboration with id "missing" (see `weframe list`)',
    });
    expect(await run('list', '--workspace', 'elsewhere')).toMatchObject({
      code: 1,
      err: 'weframe: no workspace "elsewhere"',
    });
  });

  it('loads the samples only into an empty workspace', async () => {
    const first = await run('demo', '--if-empty');
    expect(first.code).toBe(0);
    expect(first.out).toContain('samples not loaded');
    const refused = await run('demo');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('only into an empty one');
  });

  it('shows help for every command', async () => {
    for (const command of ['validate', 'import', 'export', 'list', 'serve', 'demo', 'migrate']) {
      const result = await run(command, '--help');
      expect(result.code, command).toBe(0);
      expect(result.out, command).toContain(`Usage: weframe ${command}`);
    }
  });
});
