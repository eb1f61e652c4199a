import { zipSync } from 'fflate';
import type { Code, CollaborationDocument } from '../../document/schema.js';
import { guidForId, nameGuid } from '../guid.js';
import { utf8Bytes } from '../text-codec.js';
import { escapeXmlAttribute, escapeXmlText } from '../xml.js';
import { EXTENSION_ENTRY, pickExtra, type Extension, type GuidCollection } from './extension.js';

/**
 * REFI-QDA export (QDA-XML 1.0, www.qdasoftware.org): a .qdpx is a zip holding project.qde
 * at its root and each source's plain text under `sources/`; a .qdc is a codebook alone.
 * GUIDs are the records' own when they are GUIDs, else name-based GUIDs of their ids
 * ({@link guidForId}), so the same record keeps its GUID across exports.
 */

/** The QDA-XML project namespace. */
export const PROJECT_NAMESPACE = 'urn:QDA-XML:project:1.0';
/** The QDA-XML codebook namespace. */
export const CODEBOOK_NAMESPACE = 'urn:QDA-XML:codebook:1.0';
/** What exported files name as their origin. */
export const EXPORT_ORIGIN = 'Weframe';

/** Options for {@link exportQdpx}. */
export interface ExportQdpxOptions {
  /** The time written on the archive's entries (default 2000-01-01, for repeatable files). */
  readonly modifiedAt?: Date;
}

/** Positions in exported selections are code points into the `\n` text, as stored. */
export function exportQdpx(
  doc: CollaborationDocument,
  options: ExportQdpxOptions = {},
): Uint8Array {
  const project = projectFiles(doc);
  const mtime = options.modifiedAt ?? new Date(Date.UTC(2000, 0, 1));
  const files: Record<string, Uint8Array> = { 'project.qde': utf8Bytes(project.xml) };
  for (const source of project.sources) files[source.path] = utf8Bytes(source.text);
  files[EXTENSION_ENTRY] = utf8Bytes(`${JSON.stringify(project.extension)}\n`);
  return zipSync(files, { level: 6, mtime });
}

/** A codebook file (.qdc): the codes as nested `<Code>` elements under `<CodeBook>`. */
export function exportQdc(doc: CollaborationDocument): Uint8Array {
  const w = new XmlWriter();
  w.line('<?xml version="1.0" encoding="utf-8"?>');
  w.open('CodeBook', [
    ['xmlns', CODEBOOK_NAMESPACE],
    ['origin', EXPORT_ORIGIN],
  ]);
  writeCodes(w, doc.qualitative.codes, new Map());
  w.close('CodeBook');
  return utf8Bytes(w.toString());
}

/** The `<Codes>` element of a codebook, alone (for embedding and for schema checks). */
export function codesXml(codes: readonly Code[]): string {
  const w = new XmlWriter();
  writeCodes(w, codes, new Map());
  return w.toString();
}

/** What a .qdpx holds: project.qde, the source texts and the extension entry. */
export interface ProjectFiles {
  readonly xml: string;
  readonly sources: readonly { path: string; text: string }[];
  readonly extension: Extension;
}

/** Builds project.qde, the source files and the extension entry for a document. */
export function projectFiles(doc: CollaborationDocument): ProjectFiles {
  const q = doc.qualitative;
  const records: Extension['records'] = [];
  const note = <T extends { id: string }>(collection: GuidCollection, items: readonly T[]) => {
    for (const item of items) {
      records.push({
        guid: guidForId(item.id),
        collection,
        id: item.id,
        extra: pickExtra(collection, item),
      });
    }
  };
  // Note refs each record carries, by target: memos on sources, codes and codings.
  const notesOn = new Map<string, string[]>();
  const addNoteRef = (targetId: string, noteGuid: string) => {
    const list = notesOn.get(targetId);
    if (list) list.push(noteGuid);
    else notesOn.set(targetId, [noteGuid]);
  };
  const projectNotes: string[] = [];
  for (const memo of q.memos) {
    const g = guidForId(memo.id);
    if (memo.target.kind === 'collaboration') projectNotes.push(g);
    // A case cannot carry a NoteRef in QDA-XML 1.0: the extension keeps that target.
    else if (memo.target.kind !== 'case') addNoteRef(memo.target.id, g);
  }
  const codingMemoNote = codingMemoGuid;
  for (const coding of q.codings) if (coding.memo) addNoteRef(coding.id, codingMemoNote(coding.id));

  note('coders', q.coders);
  note('codes', q.codes);
  note('cases', q.cases);
  note('sources', q.sources);
  note(
    'codings',
    q.codings.map((c) => (c.memo ? { ...c, memoNote: codingMemoNote(c.id) } : c)),
  );
  note('memos', q.memos);

  const w = new XmlWriter();
  w.line('<?xml version="1.0" encoding="utf-8"?>');
  w.open('Project', [
    ['xmlns', PROJECT_NAMESPACE],
    ['name', doc.collaboration.name],
    ['origin', EXPORT_ORIGIN],
  ]);
  if (q.coders.length > 0) {
    w.open('Users');
    for (const coder of q.coders)
      w.empty('User', [
        ['guid', guidForId(coder.id)],
        ['name', coder.name],
      ]);
    w.close('Users');
  }
  if (q.codes.length > 0) {
    w.open('CodeBook');
    writeCodes(w, q.codes, notesOn);
    w.close('CodeBook');
  }
  if (q.attributes.length > 0) {
    w.open('Variables');
    for (const a of q.attributes)
      w.empty('Variable', [
        ['guid', attributeGuid(a.name)],
        ['name', a.name],
        ['typeOfVariable', VARIABLE_TYPES[a.type]],
      ]);
    w.close('Variables');
  }
  if (q.cases.length > 0) {
    const types = new Map(q.attributes.map((a) => [a.name, a.type]));
    w.open('Cases');
    for (const c of q.cases) {
      w.open('Case', [
        ['guid', guidForId(c.id)],
        ['name', c.name],
      ]);
      for (const [name, value] of Object.entries(c.attributes)) {
        w.open('VariableValue');
        w.empty('VariableRef', [['targetGUID', attributeGuid(name)]]);
        if (value !== null) {
          const type = types.get(name) ?? 'text';
          w.textElement(VALUE_ELEMENTS[type], valueText(value));
        }
        w.close('VariableValue');
      }
      for (const s of q.sources)
        if (s.participantCaseIds.includes(c.id))
          w.empty('SourceRef', [['targetGUID', guidForId(s.id)]]);
      w.close('Case');
    }
    w.close('Cases');
  }
  const sourceFiles: { path: string; text: string }[] = [];
  if (q.sources.length > 0) {
    const codingsOf = new Map<string, typeof q.codings>();
    for (const coding of q.codings) {
      const list = codingsOf.get(coding.sourceId);
      if (list) list.push(coding);
      else codingsOf.set(coding.sourceId, [coding]);
    }
    w.open('Sources');
    for (const s of q.sources) {
      const g = guidForId(s.id);
      sourceFiles.push({ path: `sources/${g}.txt`, text: s.text });
      w.open('TextSource', [
        ['guid', g],
        ['name', s.title],
        ['plainTextPath', `internal://${g}.txt`],
      ]);
      for (const coding of codingsOf.get(s.id) ?? []) {
        const coder = guidForId(coding.coderId);
        w.open('PlainTextSelection', [
          ['guid', nameGuid(`selection:${coding.id}`)],
          ['startPosition', String(coding.start)],
          ['endPosition', String(coding.end)],
          ['creatingUser', coder],
        ]);
        w.open('Coding', [
          ['guid', guidForId(coding.id)],
          ['creatingUser', coder],
        ]);
        w.empty('CodeRef', [['targetGUID', guidForId(coding.codeId)]]);
        for (const n of notesOn.get(coding.id) ?? []) w.empty('NoteRef', [['targetGUID', n]]);
        w.close('Coding');
        w.close('PlainTextSelection');
      }
      for (const n of notesOn.get(s.id) ?? []) w.empty('NoteRef', [['targetGUID', n]]);
      w.close('TextSource');
    }
    w.close('Sources');
  }
  const codingMemos = q.codings.filter((c) => c.memo);
  if (q.memos.length > 0 || codingMemos.length > 0) {
    w.open('Notes');
    for (const memo of q.memos) writeNote(w, guidForId(memo.id), memo.text);
    for (const c of codingMemos) writeNote(w, codingMemoNote(c.id), c.memo ?? '');
    w.close('Notes');
  }
  for (const n of projectNotes) w.empty('NoteRef', [['targetGUID', n]]);
  w.close('Project');
  return {
    xml: w.toString(),
    sources: sourceFiles,
    extension: {
      format: 'weframe-refi-qda-extension',
      version: 1,
      collaborationId: doc.collaboration.id,
      records,
    },
  };
}

/** The GUID of the note that carries a coding's own memo field. */
export function codingMemoGuid(codingId: string): string {
  return nameGuid(`coding-memo:${codingId}`);
}

/** The GUID of an attribute definition (a REFI-QDA Variable), from its name. */
export function attributeGuid(name: string): string {
  return nameGuid(`attribute:${name}`);
}

const VARIABLE_TYPES = {
  text: 'Text',
  number: 'Float',
  boolean: 'Boolean',
  date: 'Date',
} as const;
const VALUE_ELEMENTS = {
  text: 'TextValue',
  number: 'FloatValue',
  boolean: 'BooleanValue',
  date: 'DateValue',
} as const;

function valueText(value: string | number | boolean): string {
  if (typeof value === 'number') return decimalString(value);
  return String(value);
}

/**
 * A number written as an xsd:decimal (no exponent), exactly enough that reading it back
 * gives the same number: JavaScript's shortest form with its exponent spelled out.
 */
export function decimalString(value: number): string {
  const shortest = String(value);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(shortest);
  if (!match) return shortest;
  const [, sign = '', lead = '', fraction = '', exponentText = '0'] = match;
  const digits = lead + fraction;
  const exponent = Number(exponentText);
  if (exponent >= 0) {
    const whole = digits.padEnd(exponent + 1, '0');
    const pointAt = exponent + 1;
    const rest = whole.slice(pointAt);
    return `${sign}${whole.slice(0, pointAt)}${rest ? `.${rest}` : ''}`;
  }
  return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
}

function writeCodes(w: XmlWriter, codes: readonly Code[], notesOn: Map<string, string[]>): void {
  if (codes.length === 0) return;
  const ids = new Set(codes.map((c) => c.id));
  const children = new Map<string | null, Code[]>();
  for (const code of codes) {
    // A parent outside the list (a partial codebook) makes the code a root.
    const parent = code.parentId !== null && ids.has(code.parentId) ? code.parentId : null;
    const list = children.get(parent);
    if (list) list.push(code);
    else children.set(parent, [code]);
  }
  const write = (code: Code) => {
    const attrs: Attrs = [
      ['guid', guidForId(code.id)],
      ['name', code.name],
      ['isCodable', 'true'],
      ['color', code.color],
    ];
    const notes = notesOn.get(code.id) ?? [];
    const kids = children.get(code.id) ?? [];
    if (!code.description && notes.length === 0 && kids.length === 0) {
      w.empty('Code', attrs);
      return;
    }
    w.open('Code', attrs);
    if (code.description) w.textElement('Description', code.description);
    for (const n of notes) w.empty('NoteRef', [['targetGUID', n]]);
    for (const child of kids) write(child);
    w.close('Code');
  };
  w.open('Codes');
  for (const root of children.get(null) ?? []) write(root);
  w.close('Codes');
}

function writeNote(w: XmlWriter, guid: string, text: string): void {
  const firstLine = text.split(/\r\n|\r|\n/, 1)[0] ?? '';
  const name = firstLine.length > 60 ? `${firstLine.slice(0, 59)}…` : firstLine;
  w.open('Note', [
    ['guid', guid],
    ['name', name],
  ]);
  w.textElement('PlainTextContent', text);
  w.close('Note');
}

type Attrs = readonly (readonly [string, string | undefined])[];

/** Indented XML, one element a line; text content is written on its element's line. */
class XmlWriter {
  private readonly lines: string[] = [];
  private depth = 0;

  line(text: string): void {
    this.lines.push(`${'  '.repeat(this.depth)}${text}`);
  }
  open(name: string, attrs: Attrs = []): void {
    this.line(`<${name}${attributes(attrs)}>`);
    this.depth++;
  }
  close(name: string): void {
    this.depth--;
    this.line(`</${name}>`);
  }
  empty(name: string, attrs: Attrs = []): void {
    this.line(`<${name}${attributes(attrs)}/>`);
  }
  textElement(name: string, text: string): void {
    this.line(`<${name}>${escapeXmlText(text)}</${name}>`);
  }
  toString(): string {
    return `${this.lines.join('\n')}\n`;
  }
}

function attributes(attrs: Attrs): string {
  let out = '';
  for (const [name, value] of attrs)
    if (value !== undefined) out += ` ${name}="${escapeXmlAttribute(value)}"`;
  return out;
}
