import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../network/random-network.js';
import { docxText } from '../docx.js';
import type { ExchangeIssue, ExchangeIssueCode } from '../exchange-issues.js';
import {
  buildDocx,
  buildQdpx,
  buildQualitativeDocument,
} from '../test-support/qualitative.factory.js';
import { readReference, referenceFile } from '../test-support/reference-files.js';
import { exportQdc, exportQdpx } from './export.js';
import { importQdc, importQdpx } from './import.js';

const CODES: readonly ExchangeIssueCode[] = [
  'not_zip',
  'damaged_zip',
  'unsupported_zip',
  'too_large',
  'missing_entry',
  'not_text',
  'unsafe_xml',
  'invalid_xml',
  'not_refi_qda',
  'not_docx',
  'missing_value',
  'invalid_value',
  'duplicate_id',
  'unknown_reference',
  'out_of_range',
];

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T;
const int = (random: Random, max: number) => Math.floor(random() * max);

/** Byte-level damage to a whole file: flips, truncation, inserted and zeroed runs. */
function damageBytes(random: Random, input: Uint8Array): Uint8Array {
  const bytes = input.slice();
  switch (int(random, 4)) {
    case 0: {
      for (let n = 1 + int(random, 8); n > 0; n--) {
        const at = int(random, bytes.length);
        bytes[at] = (bytes[at] ?? 0) ^ (1 << int(random, 8));
      }
      return bytes;
    }
    case 1:
      return bytes.subarray(0, int(random, bytes.length));
    case 2: {
      const at = int(random, bytes.length);
      const junk = Uint8Array.from({ length: 1 + int(random, 40) }, () => int(random, 256));
      const out = new Uint8Array(bytes.length + junk.length);
      out.set(bytes.subarray(0, at));
      out.set(junk, at);
      out.set(bytes.subarray(at), at + junk.length);
      return out;
    }
    default: {
      const at = int(random, bytes.length);
      bytes.fill(int(random, 2) ? 0 : 0xff, at, at + 1 + int(random, 64));
      return bytes;
    }
  }
}

/** Damage to an entry's text that keeps the archive sound: the XML or JSON inside goes bad. */
function damageText(random: Random, text: string): string {
  const at = int(random, text.length);
  switch (int(random, 9)) {
    case 0:
      return text.replace('<Project', '<!DOCTYPE Project [<!ENTITY a "aaaaaaaaaa">]><Project');
    case 1:
      return `<!DOCTYPE x SYSTEM "file:///etc/passwd">${text}`;
    case 2:
      return text.slice(0, at);
    case 3:
      return (
        text.slice(0, at) +
        pick(random, ['<', '>', '&', '"', '&x;', '&#0;', ']]>', '</Code>', '\u0000']) +
        text.slice(at)
      );
    case 4:
      return text.replace(
        /(Position|targetGUID|guid|typeOfVariable|plainTextPath)="[^"]*"/,
        (_m, name: string) =>
          `${name}="${pick(random, ['-1', '99999999', 'x', '', '1e3', '{zz}', 'internal://nope.txt', '00000000-0000-0000-0000-000000000000'])}"`,
      );
    case 5: {
      // Drop one element by name.
      const name = pick(random, [
        'Users',
        'CodeBook',
        'Code',
        'Variables',
        'Case',
        'TextSource',
        'Coding',
        'CodeRef',
        'Note',
      ]);
      return text.replace(new RegExp(`<${name}[\\s>][\\s\\S]*?</${name}>|<${name}[^>]*/>`), '');
    }
    case 6: {
      // Repeat a slice (duplicate GUIDs, nested leftovers).
      const len = int(random, 400);
      return text.slice(0, at) + text.slice(at, at + len) + text.slice(at);
    }
    case 7:
      return text.replace(/\n/g, () => (int(random, 3) === 0 ? '\r\n' : '\n'));
    default:
      return text.slice(0, at) + String.fromCharCode(int(random, 0x3000)) + text.slice(at + 1);
  }
}

/** A mutant archive: damaged bytes, or sound zip with damaged, deleted or added entries. */
function mutant(random: Random, base: Uint8Array): Uint8Array {
  if (int(random, 3) === 0) return damageBytes(random, base);
  const files = unzipSync(base);
  const names = Object.keys(files);
  const name = pick(random, names);
  switch (int(random, 5)) {
    case 0:
      delete files[name];
      break;
    case 1:
      files[name] = damageBytes(random, files[name] ?? new Uint8Array());
      break;
    case 2:
      files['sources/extra.txt'] = strToU8('unreferenced');
      files[name] = strToU8(damageText(random, strFromU8(files[name] ?? new Uint8Array())));
      break;
    default:
      files[name] = strToU8(damageText(random, strFromU8(files[name] ?? new Uint8Array())));
  }
  return zipSync(files, { level: int(random, 2) ? 0 : 6 });
}

function checkOutcome(outcome: { ok: boolean; issues?: ExchangeIssue[] }): void {
  if (outcome.ok) return;
  expect(outcome.issues?.length).toBeGreaterThan(0);
  for (const issue of outcome.issues ?? []) {
    expect(CODES).toContain(issue.code);
    expect(issue.path.length).toBeGreaterThan(0);
    expect(issue.message.length).toBeGreaterThan(5);
  }
}

const CRLF_PROJECT = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="p" origin="NVivo">
<Users><User guid="11111111-1111-4111-8111-111111111111" name="Ann"/></Users>
<CodeBook><Codes><Code guid="22222222-2222-4222-8222-222222222222" name="A" isCodable="true"/></Codes></CodeBook>
<Sources><TextSource guid="33333333-3333-4333-8333-333333333333" name="S" plainTextPath="internal://s.txt" richTextPath="internal://s.docx">
<PlainTextSelection guid="44444444-4444-4444-8444-444444444444" startPosition="2" endPosition="9"><Coding guid="55555555-5555-4555-8555-555555555555" creatingUser="11111111-1111-4111-8111-111111111111"><CodeRef targetGUID="22222222-2222-4222-8222-222222222222"/></Coding></PlainTextSelection>
</TextSource></Sources></Project>`;

describe('fuzz: malformed archives are accepted or refused with a message, never thrown', () => {
  it('2,000 mutants of exported, hand-made and real .qdpx files (seeded)', () => {
    const random = mulberry32(424242);
    const bases = [
      exportQdpx(buildQualitativeDocument()),
      buildQdpx(CRLF_PROJECT, {
        'sources/s.txt': '',
        'sources/s.docx': buildDocx([
          '<w:r><w:t>Zoë 😀 said</w:t></w:r>',
          '<w:r><w:t>line two</w:t></w:r>',
        ]),
      }),
    ];
    const demo = referenceFile('demo.qdpx');
    const real = demo.present ? readReference('demo.qdpx') : undefined;
    let accepted = 0;
    let refused = 0;
    const failures: string[] = [];
    for (let round = 0; round < 2000; round++) {
      // The real file is larger and slower to parse: one round in thirty.
      const base = real && round % 30 === 0 ? real : pick(random, bases);
      const bytes = mutant(random, base);
      try {
        const result = importQdpx(bytes, { collaborationId: 'collab-fuzz' });
        checkOutcome(result);
        if (result.ok) accepted++;
        else refused++;
      } catch (error) {
        failures.push(`round ${round}: ${error instanceof Error ? error.stack : String(error)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(refused).toBeGreaterThan(700);
    expect(accepted).toBeGreaterThan(30);
    // The test's own time limit (one minute) is the bound on the whole run.
  }, 60_000);

  it('500 mutants of a .qdc codebook and of a .docx (seeded)', () => {
    const random = mulberry32(99);
    const qdc = exportQdc(buildQualitativeDocument());
    const docx = buildDocx(['<w:r><w:t>Interviewer: hi</w:t></w:r>']);
    for (let round = 0; round < 500; round++) {
      const codebook = strToU8(damageText(random, strFromU8(qdc)));
      checkOutcome(importQdc(round % 2 ? codebook : damageBytes(random, qdc)));
      checkOutcome(docxText(mutant(random, docx)));
    }
  }, 60_000);
});
