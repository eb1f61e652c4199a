import { zipSync } from 'fflate';
import { restoreOrThrow } from '../../document/restore.js';
import type { CollaborationDocument, CollaborationDocumentInput } from '../../document/schema.js';
import { buildDocument } from '../../test-support/factories.js';

type Qualitative = NonNullable<CollaborationDocumentInput['qualitative']>;

const INTERVIEW = [
  'Interview 3, Ashby, spring term',
  'Interviewer: How do you work with the school? 😀',
  'Adviser: Zoë’s head of year and I plan together — most weeks.',
  'We sort out overlaps and gaps… 𝄞 mostly.',
  '',
  'Dr Patel: Nobody told me about the offence. Ça m’a surpris.',
].join('\n');

/** Code point offset of a substring (first occurrence) in a text. */
export function cpIndexOf(text: string, part: string): number {
  const at = text.indexOf(part);
  if (at < 0) throw new Error(`"${part}" is not in the text`);
  return Array.from(text.slice(0, at)).length;
}

/** Code point span of a substring. */
export function cpSpan(text: string, part: string): { start: number; end: number } {
  const start = cpIndexOf(text, part);
  return { start, end: start + Array.from(part).length };
}

/**
 * A collaboration whose qualitative part fills every collection and field: nested codes with
 * model elements and colours, emoji and accents in texts and names, turns, memos on every
 * kind of target, attributes of every type (null included), a confidential source, a record
 * whose id already is a GUID.
 */
export function buildQualitativeDocument(
  overrides: Partial<Qualitative> = {},
): CollaborationDocument {
  const adviser = cpSpan(INTERVIEW, 'Zoë’s head of year and I plan together — most weeks.');
  const emoji = cpSpan(INTERVIEW, 'school? 😀');
  const offence = cpSpan(INTERVIEW, 'Nobody told me about the offence.');
  const qualitative: Qualitative = {
    sources: [
      {
        id: 'src-interview',
        title: 'Interview with the adviser 🎙️ — Zoë',
        kind: 'interview',
        date: '2025-03-04',
        format: 'text',
        text: INTERVIEW,
        participantCaseIds: ['case-adviser', 'case-patel'],
        turns: [
          { speaker: 'Adviser', caseId: 'case-adviser', ...adviser },
          { speaker: 'Dr Patel', caseId: 'case-patel', ...offence },
        ],
        author: 'researcher@example.org',
        version: 3,
      },
      {
        id: '0f8fad5b-d9cb-469f-a165-70867728950e',
        title: 'Case meeting notes',
        kind: 'document',
        format: 'markdown',
        text: '# Meeting\n\n**Agreed:** review in March.\n',
        confidentialTo: 'ag-health',
      },
    ],
    codes: [
      { id: 'code-roles', name: 'Roles & “claims”', elementId: 'local.roles', color: '#aa3300' },
      {
        id: 'code-gap',
        name: 'Gap — nobody’s job',
        parentId: 'code-roles',
        description: 'A need no one owns.\nSecond line <with> markup & ampersand.',
      },
      { id: 'code-own', name: 'Researcher’s own code', parentId: 'code-gap' },
      { id: 'code-loop', name: 'Not looped in' },
    ],
    coders: [
      { id: 'coder-ann', name: 'Researcher Ann' },
      { id: 'coder-bo', name: 'Researcher Bø' },
    ],
    codings: [
      {
        id: 'cod-1',
        sourceId: 'src-interview',
        codeId: 'code-gap',
        coderId: 'coder-ann',
        ...adviser,
      },
      {
        id: 'cod-2',
        sourceId: 'src-interview',
        codeId: 'code-gap',
        coderId: 'coder-bo',
        ...adviser,
        memo: 'Both of us saw this.\r\nKept the CR.',
      },
      {
        id: 'cod-3',
        sourceId: 'src-interview',
        codeId: 'code-own',
        coderId: 'coder-ann',
        ...emoji,
      },
      {
        id: 'cod-4',
        sourceId: 'src-interview',
        codeId: 'code-loop',
        coderId: 'coder-bo',
        ...offence,
      },
      {
        id: 'cod-5',
        sourceId: '0f8fad5b-d9cb-469f-a165-70867728950e',
        codeId: 'code-roles',
        coderId: 'coder-ann',
        start: 0,
        end: 9,
      },
    ],
    memos: [
      {
        id: 'memo-source',
        target: { kind: 'source', id: 'src-interview' },
        text: 'Long pauses 😶',
      },
      {
        id: 'memo-code',
        target: { kind: 'code', id: 'code-gap' },
        text: 'Definition: see MODEL.md',
      },
      {
        id: 'memo-coding',
        target: { kind: 'coding', id: 'cod-4' },
        text: 'Check with the YOT worker.',
      },
      {
        id: 'memo-case',
        target: { kind: 'case', id: 'case-patel' },
        text: 'Paediatrician, 20 years.',
      },
      {
        id: 'memo-collab',
        target: { kind: 'collaboration', id: 'collab-test' },
        text: 'First round of interviews.',
      },
    ],
    attributes: [
      { name: 'profession', type: 'text' },
      { name: 'years in post', type: 'number' },
      { name: 'seconded', type: 'boolean' },
      { name: 'joined', type: 'date' },
      { name: 'weight', type: 'number' },
    ],
    cases: [
      {
        id: 'case-adviser',
        name: 'Adviser',
        memberId: 'm-1',
        agencyId: 'ag-school',
        attributes: {
          profession: 'Connexions adviser',
          'years in post': 4,
          seconded: true,
          joined: '2021-09-01',
          weight: 1.5e-7,
        },
      },
      {
        id: 'case-patel',
        name: 'Dr Patel',
        attributes: {
          profession: 'Paediatrician',
          'years in post': 20,
          seconded: false,
          joined: null,
        },
      },
    ],
    ...overrides,
  };
  return restoreOrThrow(buildDocument({ qualitative }));
}

/** A small .qdpx made by hand: project.qde text plus other entries (strings or bytes). */
export function buildQdpx(
  projectQde: string,
  entries: Record<string, string | Uint8Array> = {},
): Uint8Array {
  const enc = (s: string | Uint8Array) => (typeof s === 'string' ? new TextEncoder().encode(s) : s);
  const files: Record<string, Uint8Array> = { 'project.qde': enc(projectQde) };
  for (const [name, content] of Object.entries(entries)) files[name] = enc(content);
  return zipSync(files, { mtime: new Date(Date.UTC(2000, 0, 1)) });
}

/** A minimal Word document whose body holds these paragraphs (each a list of runs) or tables. */
export function buildDocx(paragraphsXml: string[]): Uint8Array {
  const enc = (s: string) => new TextEncoder().encode(s);
  // Tables are body elements of their own; everything else is a paragraph's runs.
  const body = paragraphsXml
    .map((p) =>
      p.startsWith('<w:tbl') ? p : `<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr>${p}</w:p>`,
    )
    .join('');
  return zipSync({
    '[Content_Types].xml': enc(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
    ),
    '_rels/.rels': enc(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': enc(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr/></w:body></w:document>`,
    ),
  });
}
