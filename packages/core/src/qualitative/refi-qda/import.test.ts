import { deflateSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { textPositions, asCodePoint } from '../positions.js';
import { buildDocx, buildQdpx, cpSpan } from '../test-support/qualitative.factory.js';
import { importQdc, importQdpx, type ImportQdpxResult } from './import.js';

const G = {
  user: '11111111-1111-4111-8111-111111111111',
  code: '22222222-2222-4222-8222-222222222222',
  child: '22222222-2222-4222-8222-333333333333',
  source: '33333333-3333-4333-8333-333333333333',
  sel1: '44444444-4444-4444-8444-444444444441',
  sel2: '44444444-4444-4444-8444-444444444442',
  cod1: '55555555-5555-4555-8555-555555555551',
  cod2: '55555555-5555-4555-8555-555555555552',
  cod3: '55555555-5555-4555-8555-555555555553',
  note1: '66666666-6666-4666-8666-666666666661',
  note2: '66666666-6666-4666-8666-666666666662',
  note3: '66666666-6666-4666-8666-666666666663',
  variable: '77777777-7777-4777-8777-777777777777',
  variable2: '77777777-7777-4777-8777-777777777778',
  case: '88888888-8888-4888-8888-888888888888',
};

/** Text as a Windows tool keeps it: CRLF line endings, emoji and accents. */
const CRLF_TEXT = 'Adviser: Zoë’s plan 😀\r\nwe agreed.\r\n\r\nDr Patel: Ça va — 𝄞 fine.\r\n';

/** Code point positions of a part of the CRLF text, counted as a producer that counts \r\n as two. */
const original = (part: string) => cpSpan(CRLF_TEXT, part);
/** The same, counted on the \n text (as ATLAS.ti does). */
const normalised = (part: string) => cpSpan(CRLF_TEXT.replace(/\r\n/g, '\n'), part);

function project(
  origin: string,
  sourceAttrs: string,
  selections: { guid: string; span: { start: number; end: number }; codings: string }[],
  extra = '',
): string {
  const sels = selections
    .map(
      (s) =>
        `<PlainTextSelection guid="${s.guid}" startPosition="${s.span.start}" endPosition="${s.span.end}">${s.codings}</PlainTextSelection>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="p" origin="${origin}">
<Users><User guid="${G.user}" name="Ann"/></Users>
<CodeBook><Codes><Code guid="${G.code}" name="Roles" isCodable="true" color="#a30"><Description>Who does what</Description><NoteRef targetGUID="${G.note2}"/><Code guid="${G.child}" name="Gap" isCodable="true"/></Code></Codes></CodeBook>
<Variables><Variable guid="${G.variable}" name="years" typeOfVariable="Integer"/><Variable guid="${G.variable2}" name="joined" typeOfVariable="Date"/></Variables>
<Cases><Case guid="${G.case}" name="Dr Patel"><VariableValue><VariableRef targetGUID="${G.variable}"/><IntegerValue>20</IntegerValue></VariableValue><VariableValue><VariableRef targetGUID="${G.variable2}"/><DateValue>2001-02-03</DateValue></VariableValue><SourceRef targetGUID="${G.source}"/></Case></Cases>
<Sources><TextSource guid="${G.source}" name="Interview ✨" ${sourceAttrs}>${sels}<NoteRef targetGUID="${G.note1}"/></TextSource></Sources>
<Notes><Note guid="${G.note1}" name="n1"><PlainTextContent>On the source</PlainTextContent></Note><Note guid="${G.note2}"><PlainTextContent>On the code &amp; more</PlainTextContent></Note><Note guid="${G.note3}"><PlainTextContent>On the project</PlainTextContent></Note></Notes>
<NoteRef targetGUID="${G.note3}"/>
${extra}</Project>`;
}

const coding = (guid: string, code = G.code, user = G.user) =>
  `<Coding guid="${guid}" creatingUser="${user}"><CodeRef targetGUID="${code}"/></Coding>`;

function ok(result: ImportQdpxResult) {
  if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 2));
  return result;
}

function quote(result: ImportQdpxResult, codingId: string): string {
  const { qualitative: q } = ok(result);
  const c = q.codings.find((k) => k.id === codingId);
  const s = q.sources.find((k) => k.id === c?.sourceId);
  if (!c || !s) throw new Error('coding or source missing');
  return textPositions(s.text).slice(asCodePoint(c.start), asCodePoint(c.end));
}

describe('importQdpx: text and positions', () => {
  const selections = (span: (part: string) => { start: number; end: number }) => [
    {
      guid: G.sel1,
      span: span(
        'we agreed.\r\n\r\nDr Patel: Ça va — 𝄞'.replace(
          /\r\n/g,
          span === normalised ? '\n' : '\r\n',
        ),
      ),
      codings: coding(G.cod1),
    },
    { guid: G.sel2, span: span('fine.'), codings: coding(G.cod2, G.child) + coding(G.cod3) },
  ];

  it('normalises \\r\\n to \\n and maps each selection onto the normalised text', () => {
    const result = importQdpx(
      buildQdpx(project('MAXQDA 2022', 'plainTextPath="internal://s.txt"', selections(original)), {
        'sources/s.txt': CRLF_TEXT,
      }),
    );
    const { qualitative: q, report } = ok(result);
    expect(q.sources[0]?.text).toBe(CRLF_TEXT.replace(/\r\n/g, '\n'));
    expect(report.lineBreaks).toBe('crlf-as-two');
    expect(report.normalisedSources).toEqual(['Interview ✨']);
    expect(quote(result, G.cod1)).toBe('we agreed.\n\nDr Patel: Ça va — 𝄞');
    expect(quote(result, G.cod2)).toBe('fine.');
    expect(quote(result, G.cod3)).toBe('fine.');
  });

  it('takes ATLAS.ti positions as they are: it counts \\r\\n as one character already', () => {
    const result = importQdpx(
      buildQdpx(
        project(
          'ATLAS.ti Windows 23.2',
          'plainTextPath="internal://s.txt"',
          selections(normalised),
        ),
        { 'sources/s.txt': CRLF_TEXT },
      ),
    );
    expect(ok(result).report.lineBreaks).toBe('crlf-as-one');
    expect(quote(result, G.cod1)).toBe('we agreed.\n\nDr Patel: Ça va — 𝄞');
    expect(quote(result, G.cod2)).toBe('fine.');
  });

  it('reads PlainTextContent, a lone \\r, a byte order mark and a relative plainTextPath', () => {
    const inline = importQdpx(
      buildQdpx(
        project('x', '', [
          { guid: G.sel1, span: { start: 4, end: 6 }, codings: coding(G.cod1) },
        ]).replace(
          `name="Interview ✨" >`,
          `name="Interview ✨"><PlainTextContent>one\rtwo</PlainTextContent>`,
        ),
      ),
    );
    expect(ok(inline).qualitative.sources[0]?.text).toBe('one\ntwo');
    expect(quote(inline, G.cod1)).toBe('tw');
    const relative = importQdpx(
      buildQdpx(project('qc 1.3', 'plainTextPath="notes.txt"', []), {
        'sources/notes.txt': '\uFEFFhello',
      }),
    );
    expect(ok(relative).qualitative.sources[0]?.text).toBe('hello');
  });

  it('takes the text from the .docx when the plain text is empty, as NVivo exports', () => {
    const docx = buildDocx([
      '<w:r><w:t xml:space="preserve">Interviewer: Hello </w:t></w:r><w:r><w:t>there</w:t></w:r>',
      '<w:r><w:t>Adviser:</w:t><w:tab/><w:t>Zoë 😀</w:t><w:br/><w:t>next</w:t></w:r>',
      '<w:del><w:r><w:delText>gone</w:delText></w:r></w:del><w:r><w:t>kept</w:t></w:r>',
    ]);
    const result = importQdpx(
      buildQdpx(
        project(
          'NVivo for Mac 15.0.0',
          'plainTextPath="internal://s.txt" richTextPath="internal://s.docx"',
          [
            {
              guid: G.sel1,
              span: cpSpan('Interviewer: Hello there\nAdviser:\tZoë 😀', 'Zoë 😀'),
              codings: coding(G.cod1),
            },
          ],
        ),
        { 'sources/s.txt': '\n', 'sources/s.docx': docx },
      ),
    );
    const { qualitative: q, report } = ok(result);
    expect(q.sources[0]?.text).toBe('Interviewer: Hello there\nAdviser:\tZoë 😀\nnext\nkept');
    expect(report.textFromRichText).toEqual(['Interview ✨']);
    expect(quote(result, G.cod1)).toBe('Zoë 😀');
  });
});

describe('importQdpx: the project', () => {
  const bytes = buildQdpx(
    project('x', 'plainTextPath="internal://s.txt"', [
      { guid: G.sel1, span: { start: 0, end: 7 }, codings: coding(G.cod1) },
    ]),
    { 'sources/s.txt': CRLF_TEXT },
  );
  const { qualitative: q, report } = ok(
    importQdpx(bytes, { collaborationId: 'collab-9', kind: 'interview' }),
  );

  it('maps users, nested codes, variables, cases and sources, keeping GUIDs as ids', () => {
    expect(q.coders).toEqual([{ id: G.user, author: 'system', version: 1, name: 'Ann' }]);
    expect(q.codes).toEqual([
      {
        id: G.code,
        author: 'system',
        version: 1,
        name: 'Roles',
        parentId: null,
        description: 'Who does what',
        color: '#aa3300',
      },
      { id: G.child, author: 'system', version: 1, name: 'Gap', parentId: G.code, description: '' },
    ]);
    expect(q.attributes).toEqual([
      { name: 'years', type: 'number' },
      { name: 'joined', type: 'date' },
    ]);
    expect(q.cases).toEqual([
      {
        id: G.case,
        author: 'system',
        version: 1,
        name: 'Dr Patel',
        attributes: { years: 20, joined: '2001-02-03' },
      },
    ]);
    expect(q.sources[0]).toMatchObject({
      id: G.source,
      kind: 'interview',
      format: 'qdpx',
      participantCaseIds: [G.case],
    });
    expect(q.codings[0]).toMatchObject({
      id: G.cod1,
      sourceId: G.source,
      codeId: G.code,
      coderId: G.user,
      start: 0,
      end: 7,
    });
    expect(report.counts).toEqual({
      sources: 1,
      codes: 2,
      coders: 1,
      codings: 1,
      memos: 3,
      cases: 1,
      attributes: 2,
    });
  });

  it('turns notes into memos on what refers to them', () => {
    expect(q.memos.map((m) => [m.text, m.target])).toEqual([
      ['On the source', { kind: 'source', id: G.source }],
      ['On the code & more', { kind: 'code', id: G.code }],
      ['On the project', { kind: 'collaboration', id: 'collab-9' }],
    ]);
  });

  it('credits codings by unknown users to a placeholder coder, and says so', () => {
    const stranger = '99999999-9999-4999-8999-999999999999';
    const result = ok(
      importQdpx(
        buildQdpx(
          project('x', 'plainTextPath="internal://s.txt"', [
            { guid: G.sel1, span: { start: 0, end: 3 }, codings: coding(G.cod1, G.code, stranger) },
          ]),
          { 'sources/s.txt': 'abc' },
        ),
      ),
    );
    expect(result.qualitative.codings[0]?.coderId).toBe(stranger);
    expect(result.qualitative.coders.map((c) => c.name)).toEqual(['Ann', 'User 99999999']);
    expect(result.report.warnings[0]).toMatch(/not in <Users>/);
  });

  it('imports a codebook (.qdc)', () => {
    const qdc = `<?xml version="1.0"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="${G.code}" name="A" isCodable="true"><Code guid="${G.child}" name="B" isCodable="false"/></Code></Codes></CodeBook>`;
    const result = importQdc(new TextEncoder().encode(qdc));
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.codes.map((c) => [c.name, c.parentId])).toEqual([
      ['A', null],
      ['B', G.code],
    ]);
  });
});

describe('importQdpx refuses bad input with a clear message and returns nothing', () => {
  const good = project('x', 'plainTextPath="internal://s.txt"', [
    { guid: G.sel1, span: { start: 0, end: 3 }, codings: coding(G.cod1) },
  ]);
  const refused = (bytes: Uint8Array, options = {}) => {
    const result = importQdpx(bytes, options);
    expect(result.ok).toBe(false);
    if (result.ok) throw new Error('accepted');
    expect(result).not.toHaveProperty('qualitative');
    for (const i of result.issues) {
      expect(i.path.length).toBeGreaterThan(0);
      expect(i.message.length).toBeGreaterThan(5);
    }
    return result.issues;
  };

  it('a file that is not a zip', () => {
    expect(refused(new TextEncoder().encode('just text, not an archive'))).toEqual([
      {
        code: 'not_zip',
        path: 'project.qdpx',
        message: 'is not a zip archive (no zip directory at its end)',
      },
    ]);
  });

  it('an archive without project.qde', () => {
    const issues = refused(zipSync({ 'readme.txt': new Uint8Array([104, 105]) }));
    expect(issues[0]?.code).toBe('missing_entry');
    expect(issues[0]?.message).toMatch(/no project\.qde/);
  });

  it('a source pointing to a file the archive lacks', () => {
    const issues = refused(buildQdpx(good));
    expect(issues).toEqual([
      {
        code: 'missing_entry',
        path: 'project.qde/Project/Sources/TextSource[1]/@plainTextPath',
        message: 'points to sources/s.txt, which is not in the archive',
      },
    ]);
  });

  it('a source outside the archive (file://)', () => {
    const issues = refused(buildQdpx(good.replace('internal://s.txt', 'file:///C:/secret.txt')));
    expect(issues[0]?.message).toMatch(/outside the archive/);
  });

  it('an XML document type or entity declaration (no entity expansion)', () => {
    const doctype = good.replace('<Project', '<!DOCTYPE Project [<!ENTITY lol "lol">]>\n<Project');
    expect(refused(buildQdpx(doctype, { 'sources/s.txt': 'abc' }))[0]).toMatchObject({
      code: 'unsafe_xml',
      path: 'project.qde',
    });
    const entity = good.replace('name="Ann"', 'name="&xxe;"');
    expect(refused(buildQdpx(entity, { 'sources/s.txt': 'abc' }))[0]?.message).toMatch(
      /entity &xxe;.*not defined/,
    );
  });

  it('malformed XML, naming line and column', () => {
    const issues = refused(buildQdpx(good.replace('</Users>', ''), { 'sources/s.txt': 'abc' }));
    const [first] = issues;
    expect(first?.code).toBe('invalid_xml');
    expect(first?.message).toMatch(/line \d+, column \d+/);
  });

  it('a selection past the end of its text, or a coding of an unknown code', () => {
    expect(refused(buildQdpx(good, { 'sources/s.txt': 'ab' }))).toEqual([
      {
        code: 'out_of_range',
        path: 'project.qde/Project/Sources/TextSource[1]/PlainTextSelection[1]/@endPosition',
        message: 'ends at 3, past the end of the source text (2 characters)',
      },
    ]);
    const unknown = good.replace(
      `<CodeRef targetGUID="${G.code}"/></Coding>`,
      `<CodeRef targetGUID="${G.case}"/></Coding>`,
    );
    expect(refused(buildQdpx(unknown, { 'sources/s.txt': 'abc' }))[0]?.code).toBe(
      'unknown_reference',
    );
  });

  it('a GUID used twice', () => {
    const twice = good.replace(`<Code guid="${G.child}"`, `<Code guid="${G.code}"`);
    expect(refused(buildQdpx(twice, { 'sources/s.txt': 'abc' }))[0]).toMatchObject({
      code: 'duplicate_id',
    });
  });

  it('an archive declaring more than 200 MB, before inflating anything', () => {
    const bytes = buildQdpx(good, { 'sources/s.txt': 'abc' });
    // Patch the central directory's declared size of project.qde to 300 MB.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const central = findSignature(bytes, 0x02014b50);
    view.setUint32(central + 24, 300 * 1024 * 1024, true);
    const [first] = refused(bytes);
    expect(first?.code).toBe('too_large');
    expect(first?.message).toMatch(/300\.0 MB, more than the 200\.0 MB/);
  });

  it('an entry that inflates past what it declares (a zip bomb lying about its size)', () => {
    const zeros = new Uint8Array(1024 * 1024);
    const bytes = zipSync({ 'project.qde': zeros });
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    view.setUint32(findSignature(bytes, 0x02014b50) + 24, 1000, true);
    expect(refused(bytes)[0]).toMatchObject({
      code: 'damaged_zip',
      message: 'unpacks to more than the 1000 bytes it declares',
    });
  });

  it('more unpacked bytes than allowed, counted while inflating', () => {
    const bytes = zipSync({ 'project.qde': new Uint8Array(3 * 1024 * 1024) });
    expect(refused(bytes, { maxUnpackedBytes: 1024 * 1024 })[0]?.code).toBe('too_large');
  });

  it('a rich-text file that is not a Word document', () => {
    const rich = good.replace(
      'plainTextPath="internal://s.txt"',
      'plainTextPath="internal://s.txt" richTextPath="internal://s.docx"',
    );
    const issues = refused(
      buildQdpx(rich, { 'sources/s.txt': '', 'sources/s.docx': 'not a docx' }),
    );
    expect(issues[0]).toMatchObject({ code: 'not_docx' });
  });

  it('a damaged entry (checksum mismatch)', () => {
    const bytes = zipSync({ 'project.qde': new TextEncoder().encode(good) }, { level: 0 });
    const at = findSignature(bytes, 0x04034b50) + 30 + 'project.qde'.length + 10;
    bytes[at] = (bytes[at] ?? 0) ^ 0xff;
    expect(refused(bytes)[0]).toMatchObject({
      code: 'damaged_zip',
      message: 'is damaged (its checksum does not match)',
    });
  });

  it('deflate data that does not inflate', () => {
    const bytes = zipSync({ 'project.qde': new TextEncoder().encode(good) }, { level: 6 });
    const compressed = deflateSync(new TextEncoder().encode(good)).length;
    const start = findSignature(bytes, 0x04034b50) + 30 + 'project.qde'.length;
    bytes.fill(0xff, start, start + compressed);
    const [first] = refused(bytes);
    expect(first?.code).toBe('damaged_zip');
    expect(first?.message).toMatch(/^cannot be inflated/);
  });
});

function findSignature(bytes: Uint8Array, signature: number): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i + 4 <= bytes.length; i++) if (view.getUint32(i, true) === signature) return i;
  throw new Error('signature not found');
}
