import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliFixture } from '../test-support/cli-harness.js';
import { importQdpx, restoreOrThrow } from '@weframe/core';
import type { Store } from '@weframe/store';
import { buildDocument } from '../../../core/src/test-support/factories.js';
import {
  buildDocx,
  buildQualitativeDocument,
} from '../../../core/src/qualitative/test-support/qualitative.factory.js';

const cli = cliFixture('qualitative-io');
const run = cli.run;
let dir: string;
let store: Store;
beforeAll(() => {
  dir = cli.dir();
  store = cli.store();
});

/** Stores a document and returns the new collaboration's id. */
async function stored(doc = restoreOrThrow(buildDocument())): Promise<string> {
  const ws = await store.workspaces.ensureDefault();
  return (await store.collaborations.importDocument(ws.id, doc, { actor: 'test' })).id;
}

const TRANSCRIPT = 'Interviewer: How do you work together?\r\nAdviser: We plan — most weeks 😀\r\n';

describe('weframe import (sources)', () => {
  it('adds a transcript as a source with its speakers as cases; a second import changes nothing', async () => {
    const id = await stored();
    const file = join(dir, 'interview-3.txt');
    await writeFile(file, TRANSCRIPT);
    const first = await run('import', file, '--collaboration', id, '--kind', 'interview');
    expect(first).toMatchObject({ code: 0, err: '' });
    expect(first.out).toContain('added 1 source, 2 cases');
    const doc = await store.collaborations.exportDocument(id);
    expect(doc?.qualitative.sources[0]).toMatchObject({
      title: 'interview-3',
      kind: 'interview',
      format: 'text',
      text: TRANSCRIPT.replace(/\r\n/g, '\n'),
      author: 'cli',
    });
    expect(doc?.qualitative.cases.map((c) => c.name)).toEqual(['Interviewer', 'Adviser']);
    const again = await run('import', file, '--collaboration', id);
    expect(again.out).toContain('added nothing new');
    expect((await store.collaborations.exportDocument(id))?.qualitative).toEqual(doc?.qualitative);
  });

  it('adds Markdown as written and a Word document as text, with --title', async () => {
    const id = await stored();
    const md = join(dir, 'focus.md');
    await writeFile(md, '# Focus group\n\n**Teacher:** yes\n');
    expect((await run('import', md, '--collaboration', id, '--kind', 'focusGroup')).code).toBe(0);
    const docx = join(dir, 'notes.docx');
    await writeFile(docx, buildDocx(['<w:r><w:t>Adviser: from Word</w:t></w:r>']));
    expect((await run('import', docx, '--collaboration', id, '--title', 'Word notes')).code).toBe(
      0,
    );
    const doc = await store.collaborations.exportDocument(id);
    expect(doc?.qualitative.sources.map((s) => [s.title, s.format, s.kind, s.text])).toEqual([
      ['focus', 'markdown', 'focusGroup', '# Focus group\n\n**Teacher:** yes\n'],
      ['Word notes', 'docx', 'interview', 'Adviser: from Word'],
    ]);
  });

  it('refuses bad files with path: message lines and writes nothing', async () => {
    const id = await stored();
    const before = await store.collaborations.get(id);
    const fake = join(dir, 'fake.qdpx');
    await writeFile(fake, 'not a zip');
    const qdpx = await run('import', fake, '--collaboration', id);
    expect(qdpx.code).toBe(1);
    expect(qdpx.err.split('\n')).toEqual([
      `weframe: ${fake}: cannot be imported (1 problem)`,
      'fake.qdpx: is not a zip archive (no zip directory at its end)',
    ]);
    const docx = join(dir, 'fake.docx');
    await writeFile(docx, 'not a docx');
    expect((await run('import', docx, '--collaboration', id)).err).toContain(
      'fake.docx: is not a Word document',
    );
    expect(await store.collaborations.get(id)).toEqual(before);
  });

  it('needs --collaboration for sources, and refuses it for a collaboration document', async () => {
    const txt = join(dir, 'lonely.txt');
    await writeFile(txt, 'Adviser: hi');
    const missing = await run('import', txt);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('--collaboration ID');
    const json = join(dir, 'doc.json');
    await writeFile(json, JSON.stringify(buildDocument()));
    expect((await run('import', json, '--collaboration', 'x')).err).toContain(
      '--collaboration, --kind and --title apply to',
    );
    expect((await run('import', txt, '--collaboration', 'no-such-id')).err).toContain(
      'no collaboration with id "no-such-id"',
    );
  });
});

describe('weframe export --format qdpx|qdc and import back', () => {
  it('exports a REFI-QDA project that imports back unchanged, here and elsewhere', async () => {
    const doc = buildQualitativeDocument();
    const id = await stored(doc);
    const file = join(dir, 'project.qdpx');
    const exported = await run('export', id, '--format', 'qdpx', '--out', file);
    expect(exported).toMatchObject({ code: 0, err: `wrote ${file}` });
    const bytes = new Uint8Array(await readFile(file));
    const back = importQdpx(bytes);
    expect(back.ok && back.qualitative).toEqual(doc.qualitative);

    // Into the same collaboration: nothing new.
    expect((await run('import', file, '--collaboration', id)).out).toContain('added nothing new');
    // Into an empty one: everything, links to members it lacks dropped with a warning.
    const elsewhere = { ...buildDocument().collaboration, id: 'collab-elsewhere' };
    const other = await stored(
      restoreOrThrow(buildDocument({ collaboration: elsewhere, members: [] })),
    );
    const into = await run('import', file, '--collaboration', other);
    expect(into.code).toBe(0);
    expect(into.out).toContain(
      'added 2 sources, 4 codes, 2 coders, 5 codings, 5 memos, 2 cases, 5 attributes',
    );
    expect(into.err).toContain('warning: Case "Adviser": member m-1 is not in this collaboration');
    const json = await run('export', other);
    const qualitative = (JSON.parse(json.out) as { qualitative: typeof doc.qualitative })
      .qualitative;
    expect(qualitative.codings).toEqual(doc.qualitative.codings);
    expect(qualitative.sources).toEqual(doc.qualitative.sources);
    expect(qualitative.memos.find((m) => m.id === 'memo-collab')?.target).toEqual({
      kind: 'collaboration',
      id: 'collab-elsewhere',
    });
  });

  it('writes a codebook to standard output, and needs --out for a .qdpx', async () => {
    const id = await stored(buildQualitativeDocument());
    const qdc = await run('export', id, '--format', 'qdc');
    expect(qdc.code).toBe(0);
    expect(qdc.out).toContain('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"');
    const noOut = await run('export', id, '--format', 'qdpx');
    expect(noOut.code).toBe(1);
    expect(noOut.err).toContain('--out FILE');
  });

  it('imports a codebook (.qdc) into another collaboration', async () => {
    const source = await stored(buildQualitativeDocument());
    const file = join(dir, 'codes.qdc');
    expect((await run('export', source, '--format', 'qdc', '--out', file)).code).toBe(0);
    const target = await stored();
    const result = await run('import', file, '--collaboration', target);
    expect(result.out).toContain('added 4 codes');
    const doc = await store.collaborations.exportDocument(target);
    expect(doc?.qualitative.codes.map((c) => c.name)).toEqual(
      buildQualitativeDocument().qualitative.codes.map((c) => c.name),
    );
  });
});
