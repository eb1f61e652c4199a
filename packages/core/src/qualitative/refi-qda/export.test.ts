import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { IN_CI, referenceFile } from '../test-support/reference-files.js';
import { buildQualitativeDocument } from '../test-support/qualitative.factory.js';
import { guidForId, nameGuid } from '../guid.js';
import { codesXml, decimalString, exportQdc, exportQdpx, PROJECT_NAMESPACE } from './export.js';

const xsd = referenceFile('Project.xsd');
const xmllint = spawnSync('xmllint', ['--version']).status === 0;
if (!xmllint && !IN_CI)
  console.warn('xmllint is not installed (apt install libxml2-utils): XSD checks skipped');
if (!xsd.present && !IN_CI) console.warn(`${xsd.path} not found: XSD checks skipped`);

const dir = mkdtempSync(join(tmpdir(), 'weframe-qdpx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs xmllint against Project.xsd; returns its complaints ('' when valid). */
function schemaProblems(xml: string, name: string): string {
  const file = join(dir, name);
  writeFileSync(file, xml);
  const run = spawnSync('xmllint', ['--noout', '--schema', xsd.path, file], { encoding: 'utf8' });
  if (run.error) throw run.error;
  return run.status === 0 ? '' : run.stderr;
}

function entries(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, strFromU8(v)]));
}

describe('exportQdpx', () => {
  const doc = buildQualitativeDocument();
  const files = entries(exportQdpx(doc));
  const qde = files['project.qde'] ?? '';

  it('writes project.qde at the root, in UTF-8, in the REFI namespace', () => {
    expect(qde.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    expect(qde).toContain(`<Project xmlns="${PROJECT_NAMESPACE}" name="Test collaboration"`);
  });

  it('writes each source’s text under sources/<guid>.txt and points to it as internal://', () => {
    const g = guidForId('src-interview');
    expect(files[`sources/${g}.txt`]).toBe(doc.qualitative.sources[0]?.text);
    expect(qde).toContain(`plainTextPath="internal://${g}.txt"`);
    // A record whose id is a GUID keeps it as its GUID.
    expect(files['sources/0f8fad5b-d9cb-469f-a165-70867728950e.txt']).toContain('**Agreed:**');
  });

  it('writes positions as stored: code points into the \\n text', () => {
    const coding = doc.qualitative.codings.find((c) => c.id === 'cod-3');
    expect(qde).toContain(`startPosition="${coding?.start}" endPosition="${coding?.end}"`);
  });

  it('keeps GUIDs stable: the same document gives the same bytes, the same id the same GUID', () => {
    expect(exportQdpx(doc)).toEqual(exportQdpx(buildQualitativeDocument()));
    expect(guidForId('code-gap')).toBe(nameGuid('code-gap'));
    expect(guidForId('code-gap')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(qde).toContain(`guid="${guidForId('code-gap')}"`);
  });

  it('escapes markup and keeps a carriage return in a memo', () => {
    expect(qde).toContain('Second line &lt;with&gt; markup &amp; ampersand.');
    expect(qde).toContain('Both of us saw this.&#13;\nKept the CR.');
  });

  it.skipIf((!xmllint || !xsd.present) && !IN_CI)('validates against Project.xsd (xmllint)', () => {
    if (!xmllint) throw new Error('xmllint is required in CI (Debian package libxml2-utils)');
    expect(schemaProblems(qde, 'project.qde')).toBe('');
  });

  it.skipIf((!xmllint || !xsd.present) && !IN_CI)(
    'validates an empty collaboration too (no empty wrapper elements)',
    () => {
      const empty = buildQualitativeDocument({
        sources: [],
        codes: [],
        coders: [],
        codings: [],
        memos: [],
        attributes: [],
        cases: [],
      });
      const xml = entries(exportQdpx(empty))['project.qde'] ?? '';
      expect(schemaProblems(xml, 'empty.qde')).toBe('');
    },
  );
});

describe('exportQdc', () => {
  const doc = buildQualitativeDocument();
  const qdc = strFromU8(exportQdc(doc));

  it('writes a CodeBook with the codes nested', () => {
    expect(qdc).toContain('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"');
    expect(qdc.indexOf('name="Researcher’s own code"')).toBeGreaterThan(
      qdc.indexOf('name="Gap — nobody’s job"'),
    );
    expect(qdc).not.toContain('NoteRef');
  });

  it.skipIf((!xmllint || !xsd.present) && !IN_CI)(
    'its <Codes>, placed in a minimal <Project>, validates against Project.xsd',
    () => {
      const xml = `<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="${PROJECT_NAMESPACE}" name="codebook check"><CodeBook>${codesXml(doc.qualitative.codes)}</CodeBook></Project>`;
      expect(schemaProblems(xml, 'codebook.qde')).toBe('');
    },
  );
});

describe('decimalString', () => {
  it('writes numbers as xsd:decimal, never with an exponent, exactly', () => {
    for (const [n, text] of [
      [4, '4'],
      [-2.5, '-2.5'],
      [1.5e-7, '0.00000015'],
      [-1e-10, '-0.0000000001'],
      [1e21, '1000000000000000000000'],
      [1.25e22, '12500000000000000000000'],
    ] as const) {
      expect(decimalString(n)).toBe(text);
      expect(Number(decimalString(n))).toBe(n);
    }
  });
});
