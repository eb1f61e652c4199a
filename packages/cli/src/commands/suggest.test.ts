import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ELEMENT_IDS } from '@weframe/core';
import type { Store } from '@weframe/store';
import { loadConfig } from '@weframe/server';
import { freshStore } from '../../../store/src/test-support/fresh-store.js';
import { main } from '../main.js';

let store: Store;
let dir: string;
let collaborationId: string;

const examples = new URL('../../../../examples/', import.meta.url);
const interviewFile = new URL('interviews/health-visitor.txt', examples);

/** Runs the CLI in-process against this file's database; the store stays open between runs. */
async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const config = loadConfig({});
  if (!config.ok) throw new Error('bad test config');
  const code = await main(
    ['node', 'weframe', ...args],
    {},
    { out: (t) => out.push(t), err: (t) => err.push(t) },
    {
      config: () => config.config,
      openStore: () => Promise.resolve({ ...store, close: async () => {} }),
    },
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

interface Unit {
  start: number;
  end: number;
  text: string;
  speaker: string | null;
  suggestions: { code: string; score: number; terms: string[] }[];
}

beforeAll(async () => {
  store = await freshStore();
  dir = await mkdtemp(join(tmpdir(), 'weframe-suggest-'));
  const imported = await run('import', new URL('loose-network.json', examples).pathname);
  if (imported.code !== 0) throw new Error(`import failed: ${imported.err}`);
  collaborationId = imported.out.trim();
});
afterAll(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('weframe suggest', () => {
  it('suggests element codes for each interviewee turn of a .txt interview, as JSON', async () => {
    const text = await readFile(interviewFile, 'utf8');
    const file = join(dir, 'health visitor.txt');
    // Windows line endings and a byte order mark are read as the import reads them.
    await writeFile(file, `\uFEFF${text.replace(/\n/g, '\r\n')}`);
    const result = await run('suggest', file, '--format', 'json');
    expect(result).toMatchObject({ code: 0, err: '' });
    const units = JSON.parse(result.out) as Unit[];
    expect(units).toHaveLength(18);
    const chars = [...text];
    for (const u of units) {
      expect(Object.keys(u).sort()).toEqual(['end', 'speaker', 'start', 'suggestions', 'text']);
      expect(u.speaker).toBe('Health visitor');
      expect(chars.slice(u.start, u.end).join('')).toBe(u.text);
      expect(u.suggestions.length).toBeGreaterThan(0);
      expect(u.suggestions.length).toBeLessThanOrEqual(3);
      for (const s of u.suggestions) {
        expect(ELEMENT_IDS).toContain(s.code);
        expect(s.score).toBeGreaterThan(0);
        expect(s.score).toBeLessThanOrEqual(1);
      }
    }
    // The turn on caseloads and posts is about resourcing.
    const caseload = units.find((u) => u.text.startsWith('Not enough.'));
    expect(caseload?.suggestions[0]?.code).toBe('local.resourcing');
  });

  it('prints a readable list, and honours --top', async () => {
    const result = await run('suggest', interviewFile.pathname, '--top', '1');
    expect(result.code).toBe(0);
    const lines = result.out.split('\n');
    expect(lines[0]).toBe(
      'Suggested codes for health-visitor.txt (18 units; cold start: from the code descriptions only)',
    );
    expect(result.out).toContain('Health visitor: “Not enough. National guidance suggests');
    expect(result.out).toMatch(/ {4}1\. 0\.\d\d {2}local\.resourcing \(Resourcing\) {2}← /);
    expect(result.out).not.toMatch(/^ {4}2\. /m);
  });

  it('suggests for a stored source, learning from the collaboration’s codings', async () => {
    const text = await run('suggest', 'src-interview-adviser', '--collaboration', collaborationId);
    expect(text.code).toBe(0);
    expect(text.out.split('\n')[0]).toMatch(
      /^Suggested codes for “Interview with Adviser Rowan Hale \(fictional\)” \(23 units; learning from 22 coded segments\)$/,
    );
    const json = await run(
      'suggest',
      'src-interview-adviser',
      '--collaboration',
      collaborationId,
      '--format',
      'json',
    );
    const units = JSON.parse(json.out) as Unit[];
    expect(units).toHaveLength(23);
    expect(new Set(units.map((u) => u.speaker))).toEqual(new Set(['Adviser']));
    for (const u of units) for (const s of u.suggestions) expect(ELEMENT_IDS).toContain(s.code);
  });

  it('can learn from a collaboration while suggesting for a file', async () => {
    const result = await run('suggest', interviewFile.pathname, '--collaboration', collaborationId);
    expect(result.code).toBe(0);
    expect(result.out.split('\n')[0]).toContain('learning from 22 coded segments');
  });

  it('explains each mistake in one line and exits 1', async () => {
    expect(await run('suggest', 'src-interview-adviser')).toMatchObject({
      code: 1,
      err: 'weframe: "src-interview-adviser" is not a file; to suggest codes for a stored source, add --collaboration ID',
    });
    const unknown = await run('suggest', 'src-nope', '--collaboration', collaborationId);
    expect(unknown.code).toBe(1);
    expect(unknown.err.split('\n')).toEqual([
      `weframe: no source "src-nope" in collaboration "${collaborationId}"`,
      'sources: src-interview-adviser',
    ]);
    expect(await run('suggest', 'src-x', '--collaboration', 'missing')).toMatchObject({
      code: 1,
      err: 'weframe: no collaboration with id "missing" in workspace "default" (see `weframe list`)',
    });
    const missing = join(dir, 'nope.txt');
    expect(await run('suggest', missing)).toMatchObject({
      code: 1,
      err: `weframe: ${missing}: no such file`,
    });
    const json = join(dir, 'doc.json');
    await writeFile(json, '{}');
    expect(await run('suggest', json)).toMatchObject({
      code: 1,
      err: `weframe: ${json}: give a .txt or .md interview (or a stored source's id)`,
    });
    expect(await run('suggest', interviewFile.pathname, '--top', '0')).toMatchObject({
      code: 1,
      err: 'weframe: --top must be a whole number from 1 to 50',
    });
    const badFormat = await run('suggest', interviewFile.pathname, '--format', 'html');
    expect(badFormat.code).toBe(1);
    expect(badFormat.err).toContain('Allowed choices are text, json');
  });

  it('shows help', async () => {
    const result = await run('suggest', '--help');
    expect(result.code).toBe(0);
    expect(result.out).toContain('Usage: weframe suggest [options] <target>');
    expect(result.out).toContain('--collaboration <id>');
  });
});
