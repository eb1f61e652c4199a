import type {
  Code,
  Coder,
  Coding,
  CollaborationDocumentInput,
  Memo,
  QdaCase,
  Source,
} from '../../document/schema.js';
import { codePointLength, restore } from '../../document/restore.js';
import { openZip, type ZipArchive } from '../archive.js';
import { docxTextFromArchive } from '../docx.js';
import type { ExchangeIssue, ExchangeIssueCode } from '../exchange-issues.js';
import { guidForId, nameGuid, normaliseGuid } from '../guid.js';
import { asCodePoint, normaliseLineEndings, type LineEndingMap } from '../positions.js';
import { utf8Text } from '../text-codec.js';
import { codingMemoGuid } from './export.js';
import { childElement, childElements, parseXml, textContent, type XmlElement } from '../xml.js';
import {
  EXTENSION_ENTRY,
  extensionSchema,
  pickExtra,
  type Extension,
  type GuidCollection,
  type QualitativeData,
} from './extension.js';

/**
 * REFI-QDA import. Users become coders, the codebook's nested codes become codes, Variables
 * and Cases become attribute definitions and cases, text sources become sources (their
 * text from PlainTextContent, from the file plainTextPath names, or, when that is empty,
 * from the .docx richTextPath names, as NVivo exports), each Coding of a PlainTextSelection
 * becomes a coding by its creatingUser, and Notes become memos on what refers to them.
 *
 * Positions: REFI-QDA counts characters (code points) of the producer's text. The text is
 * normalised to `\n` and each selection mapped from the original text to the normalised one,
 * except for producers known to count `\r\n` as one character already (ATLAS.ti, by
 * `Project@origin`), whose positions already fit the normalised text.
 *
 * Records keep their GUIDs as ids, unless the archive's Weframe extension (or, failing that,
 * `options.existing`) shows the GUID stands for a Weframe record, whose id then comes back.
 */

/** Options for {@link importQdpx}. */
export interface ImportQdpxOptions {
  /** The collaboration project-level notes become memos on (default: the extension's, else `project`). */
  readonly collaborationId?: string;
  /** The kind of imported sources when the file does not say (default `document`). */
  readonly kind?: Source['kind'];
  /** Records already held: a GUID exported from one of them maps back to its id and fields. */
  readonly existing?: Partial<QualitativeData>;
  /** Most bytes the archive may unpack to (default 200 MB). */
  readonly maxUnpackedBytes?: number;
  /**
   * How the producer counted `\r\n`: `auto` (two characters, except ATLAS.ti), or forced.
   */
  readonly lineBreaks?: 'auto' | 'crlf-as-two' | 'crlf-as-one';
  /** How the file is named in issues (default `project.qdpx`). */
  readonly label?: string;
}

/** What an import found and did, for the user to read. */
export interface QdpxImportReport {
  /** `Project@origin`: the program that wrote the file. */
  readonly origin: string | null;
  /** How `\r\n` in source texts was counted when mapping positions. */
  readonly lineBreaks: 'crlf-as-two' | 'crlf-as-one';
  /** Records imported, per collection. */
  readonly counts: Readonly<Record<GuidCollection | 'attributes', number>>;
  /** Titles of sources whose line endings were normalised to `\n`. */
  readonly normalisedSources: readonly string[];
  /** Titles of sources whose text came from their rich-text (.docx) file. */
  readonly textFromRichText: readonly string[];
  /** Whether Weframe's extension entry restored ids and fields REFI-QDA cannot carry. */
  readonly usedExtension: boolean;
  /** What was left out or guessed, one plain sentence each. */
  readonly warnings: readonly string[];
}

/** The result of {@link importQdpx}: the qualitative records and a report, or every problem. */
export type ImportQdpxResult =
  | { ok: true; qualitative: QualitativeData; report: QdpxImportReport }
  | { ok: false; issues: ExchangeIssue[] };

/** Producers whose positions count `\r\n` as one character. */
const CRLF_AS_ONE = /atlas\.ti/i;

/** Reads a .qdpx archive; nothing is returned unless all of it can be imported. */
export function importQdpx(bytes: Uint8Array, options: ImportQdpxOptions = {}): ImportQdpxResult {
  const label = options.label ?? 'project.qdpx';
  const opened = openZip(bytes, {
    label,
    ...(options.maxUnpackedBytes === undefined
      ? {}
      : { maxUnpackedBytes: options.maxUnpackedBytes }),
  });
  if (!opened.ok) return opened;
  const zip = opened.zip;
  const qdeEntry =
    zip.find('project.qde') ??
    zip.entries.find((e) => !e.name.includes('/') && /\.qde$/i.test(e.name));
  if (!qdeEntry)
    return fail('missing_entry', label, 'holds no project.qde, so it is not a REFI-QDA project');
  const root = readXmlEntry(zip, qdeEntry.name, label);
  if (!root.ok) return root;
  if (root.root.name !== 'Project')
    return fail(
      'not_refi_qda',
      `${qdeEntry.name}/${root.root.name}`,
      'is not a REFI-QDA project (the root element must be <Project>)',
    );
  let extension: Extension | undefined;
  const extEntry = zip.find(EXTENSION_ENTRY);
  if (extEntry) {
    const read = readExtension(zip, extEntry.name, label);
    if (!read.ok) return read;
    extension = read.extension;
  }
  const reader = new ProjectReader(zip, qdeEntry.name, label, options, extension);
  return reader.read(root.root);
}

/** Options for {@link importQdc}. */
export interface ImportQdcOptions {
  /** Codes already held: a GUID exported from one of them maps back to its id and fields. */
  readonly existing?: readonly Code[];
  /** How the file is named in issues (default `codebook.qdc`). */
  readonly label?: string;
}

/** Reads a REFI-QDA codebook (.qdc): its codes, nested as they are, or every problem. */
export function importQdc(
  bytes: Uint8Array,
  options: ImportQdcOptions = {},
): { ok: true; codes: Code[]; warnings: string[] } | { ok: false; issues: ExchangeIssue[] } {
  const label = options.label ?? 'codebook.qdc';
  const text = utf8Text(bytes);
  if (text === undefined) return fail('not_text', label, 'is not UTF-8 text');
  const parsed = parseXml(text, label);
  if (!parsed.ok) return parsed;
  const root = parsed.root;
  // A codebook proper is <CodeBook><Codes>; a whole project's codebook is accepted too.
  const book =
    root.name === 'CodeBook'
      ? root
      : root.name === 'Project'
        ? childElement(root, 'CodeBook')
        : undefined;
  if (!book)
    return fail(
      'not_refi_qda',
      `${label}/${root.name}`,
      'is not a REFI-QDA codebook (the root element must be <CodeBook>)',
    );
  const reader = new ProjectReader(
    undefined,
    label,
    label,
    { existing: { codes: [...(options.existing ?? [])] } },
    undefined,
  );
  return reader.readCodebook(book, `/${root.name}${root.name === 'Project' ? '/CodeBook' : ''}`);
}

function fail(code: ExchangeIssueCode, path: string, message: string) {
  return { ok: false as const, issues: [{ code, path, message }] };
}

function readXmlEntry(
  zip: ZipArchive,
  name: string,
  label: string,
): { ok: true; root: XmlElement } | { ok: false; issues: ExchangeIssue[] } {
  const entry = zip.find(name);
  if (!entry) return fail('missing_entry', `${label}/${name}`, 'is not in the archive');
  const read = zip.read(entry);
  if (!read.ok) return read;
  const text = utf8Text(read.bytes);
  if (text === undefined) return fail('not_text', entry.name, 'is not UTF-8 text');
  return parseXml(text, entry.name);
}

function readExtension(
  zip: ZipArchive,
  name: string,
  label: string,
): { ok: true; extension: Extension } | { ok: false; issues: ExchangeIssue[] } {
  const entry = zip.find(name);
  if (!entry) return fail('missing_entry', `${label}/${name}`, 'is not in the archive');
  const read = zip.read(entry);
  if (!read.ok) return read;
  const text = utf8Text(read.bytes);
  let json: unknown;
  try {
    json = JSON.parse(text ?? '');
  } catch {
    return fail('invalid_value', entry.name, 'is Weframe’s extension entry but not valid JSON');
  }
  const parsed = extensionSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first ? `${entry.name}:${first.path.join('.')}` : entry.name;
    return fail(
      'invalid_value',
      where,
      `is not a valid Weframe extension entry (${first?.message ?? 'invalid'})`,
    );
  }
  return { ok: true, extension: parsed.data };
}

type AttributeDefinition = QualitativeData['attributes'][number];

/** The fields of a record as built here, before the extension's fields are laid over it. */
type Draft = Record<string, unknown> & { id: string };

interface Placed<T> {
  readonly guid: string;
  readonly record: T;
}

/** Walks project.qde, collecting records and issues; holds the GUID bookkeeping. */
class ProjectReader {
  private readonly issues: ExchangeIssue[] = [];
  private readonly warnings: string[] = [];
  private readonly claimed = new Map<string, string>();
  private readonly extByGuid = new Map<string, Extension['records'][number]>();
  private readonly extOrder = new Map<string, number>();
  private readonly existingByGuid = new Map<
    string,
    { collection: GuidCollection; record: Draft }
  >();
  private readonly coders: Placed<Coder>[] = [];
  private readonly coderIds = new Map<string, string>();
  private readonly codes: Placed<Code>[] = [];
  private readonly codeIds = new Map<string, string>();
  private readonly attributes: AttributeDefinition[] = [];
  private readonly variables = new Map<string, AttributeDefinition>();
  private readonly cases: Placed<QdaCase>[] = [];
  private readonly caseSources: { caseId: string; sourceGuid: string; path: string }[] = [];
  private readonly sources: Placed<Source>[] = [];
  private readonly sourceIds = new Map<string, string>();
  private readonly codings: Placed<Coding>[] = [];
  private readonly memos: Placed<Memo>[] = [];
  /** Note GUID → what refers to it first. */
  private readonly noteTargets = new Map<string, Memo['target']>();
  private readonly normalised: string[] = [];
  private readonly fromRichText: string[] = [];
  private crlfAsOne = false;
  private origin: string | null = null;
  private readonly collaborationId: string;

  constructor(
    private readonly zip: ZipArchive | undefined,
    private readonly qdeName: string,
    private readonly label: string,
    private readonly options: ImportQdpxOptions,
    private readonly extension: Extension | undefined,
  ) {
    this.collaborationId = options.collaborationId ?? extension?.collaborationId ?? 'project';
    extension?.records.forEach((r, i) => {
      const g = normaliseGuid(r.guid);
      if (g && !this.extByGuid.has(g)) {
        this.extByGuid.set(g, r);
        this.extOrder.set(g, i);
      }
    });
    const existing = options.existing ?? {};
    for (const collection of ['sources', 'codes', 'coders', 'codings', 'memos', 'cases'] as const) {
      for (const record of existing[collection] ?? [])
        this.existingByGuid.set(guidForId(record.id), {
          collection,
          record: record,
        });
    }
  }

  // ── Bookkeeping ────────────────────────────────────────────────────────────

  private issue(code: ExchangeIssueCode, path: string, message: string): void {
    this.issues.push({ code, path: `${this.qdeName}${path}`, message });
  }

  /** The element's GUID, canonical; an issue when it is missing, malformed or used twice. */
  private guid(el: XmlElement, path: string, attr = 'guid', claim = true): string | undefined {
    const raw = el.attrs[attr];
    if (raw === undefined) {
      this.issue('missing_value', `${path}/@${attr}`, `<${el.name}> has no ${attr}`);
      return undefined;
    }
    const g = normaliseGuid(raw);
    if (!g) {
      this.issue('invalid_value', `${path}/@${attr}`, `"${clip(raw)}" is not a GUID`);
      return undefined;
    }
    if (claim) {
      const prior = this.claimed.get(g);
      if (prior) {
        this.issue('duplicate_id', `${path}/@${attr}`, `GUID ${g} is already used by ${prior}`);
        return undefined;
      }
      this.claimed.set(g, `${this.qdeName}${path}`);
    }
    return g;
  }

  /** The id a GUID becomes, and the fields REFI-QDA cannot carry, from the extension or the existing records. */
  private identity(
    guid: string,
    collection: GuidCollection,
  ): { id: string; extra: Record<string, unknown> } {
    const ext = this.extByGuid.get(guid);
    if (ext && ext.collection === collection)
      return { id: ext.id, extra: pickExtra(collection, ext.extra) };
    const known = this.existingByGuid.get(guid);
    if (known && known.collection === collection) {
      const extra = pickExtra(collection, known.record);
      // An exported coding memo sits in a note named after the coding.
      if (collection === 'codings' && typeof known.record.memo === 'string')
        extra.memoNote = codingMemoGuid(known.record.id);
      return { id: known.record.id, extra };
    }
    return { id: guid, extra: {} };
  }

  // ── The project ────────────────────────────────────────────────────────────

  read(project: XmlElement): ImportQdpxResult {
    this.origin = project.attrs.origin ?? null;
    const mode = this.options.lineBreaks ?? 'auto';
    this.crlfAsOne =
      mode === 'crlf-as-one' || (mode === 'auto' && CRLF_AS_ONE.test(this.origin ?? ''));
    const base = '/Project';
    const users = childElement(project, 'Users');
    if (users) this.readUsers(users, `${base}/Users`);
    const book = childElement(project, 'CodeBook');
    if (book) this.readCodeBook(book, `${base}/CodeBook`);
    const variables = childElement(project, 'Variables');
    if (variables) this.readVariables(variables, `${base}/Variables`);
    const cases = childElement(project, 'Cases');
    if (cases) this.readCases(cases, `${base}/Cases`);
    const sources = childElement(project, 'Sources');
    if (sources) this.readSources(sources, `${base}/Sources`);
    childElements(project, 'NoteRef').forEach((ref, i) =>
      this.noteRef(ref, `${base}/NoteRef[${i + 1}]`, {
        kind: 'collaboration',
        id: this.collaborationId,
      }),
    );
    const notes = childElement(project, 'Notes');
    if (notes) this.readNotes(notes, `${base}/Notes`);
    for (const skipped of ['Links', 'Sets', 'Graphs'])
      if (childElement(project, skipped))
        this.warnings.push(`${skipped} are not imported (Weframe has no place for them yet).`);
    this.linkCaseSources();
    if (this.issues.length > 0) return { ok: false, issues: this.issues };

    const qualitative: QualitativeData = {
      sources: this.ordered(this.sources),
      codes: this.ordered(this.codes),
      coders: this.ordered(this.coders),
      codings: this.ordered(this.codings),
      memos: this.ordered(this.memos),
      attributes: this.attributes,
      cases: this.ordered(this.cases),
    };
    const checked = checkQualitative(qualitative, this.collaborationId);
    if (!checked.ok) return checked;
    const report: QdpxImportReport = {
      origin: this.origin,
      lineBreaks: this.crlfAsOne ? 'crlf-as-one' : 'crlf-as-two',
      counts: {
        sources: qualitative.sources.length,
        codes: qualitative.codes.length,
        coders: qualitative.coders.length,
        codings: qualitative.codings.length,
        memos: qualitative.memos.length,
        cases: qualitative.cases.length,
        attributes: qualitative.attributes.length,
      },
      normalisedSources: this.normalised,
      textFromRichText: this.fromRichText,
      usedExtension: this.extension !== undefined,
      warnings: this.warnings,
    };
    return { ok: true, qualitative, report };
  }

  /** A codebook alone (.qdc). */
  readCodebook(
    book: XmlElement,
    path: string,
  ): { ok: true; codes: Code[]; warnings: string[] } | { ok: false; issues: ExchangeIssue[] } {
    this.readCodeBook(book, path);
    if (this.issues.length > 0) return { ok: false, issues: this.issues };
    const codes = this.ordered(this.codes);
    const checked = checkQualitative(
      { sources: [], codes, coders: [], codings: [], memos: [], attributes: [], cases: [] },
      this.collaborationId,
    );
    if (!checked.ok) return checked;
    return { ok: true, codes, warnings: this.warnings };
  }

  /** Records in the extension's order when there is one (document order), else file order. */
  private ordered<T>(placed: readonly Placed<T>[]): T[] {
    if (this.extOrder.size === 0) return placed.map((p) => p.record);
    const rank = (g: string) => this.extOrder.get(g) ?? Number.MAX_SAFE_INTEGER;
    return placed
      .map((p, i) => ({ p, i }))
      .sort((a, b) => rank(a.p.guid) - rank(b.p.guid) || a.i - b.i)
      .map(({ p }) => p.record);
  }

  private readUsers(users: XmlElement, path: string): void {
    childElements(users, 'User').forEach((el, i) => {
      const at = `${path}/User[${i + 1}]`;
      const g = this.guid(el, at);
      if (!g) return;
      const { id, extra } = this.identity(g, 'coders');
      const name = nonBlank(el.attrs.name) ?? nonBlank(el.attrs.id) ?? `User ${g.slice(0, 8)}`;
      this.coders.push({
        guid: g,
        record: { id, author: 'system', version: 1, ...extra, name },
      });
      this.coderIds.set(g, id);
    });
  }

  private readCodeBook(book: XmlElement, path: string): void {
    const codes = childElement(book, 'Codes');
    if (!codes) return;
    const walk = (parent: XmlElement, parentPath: string, parentId: string | null) => {
      childElements(parent, 'Code').forEach((el, i) => {
        const at = `${parentPath}/Code[${i + 1}]`;
        const g = this.guid(el, at);
        if (!g) return;
        const { id, extra } = this.identity(g, 'codes');
        const description = descriptionOf(el);
        const color = colour(el.attrs.color);
        if (el.attrs.color !== undefined && color === undefined)
          this.warnings.push(
            `The colour "${clip(el.attrs.color)}" of code "${clip(el.attrs.name ?? g)}" is not #rgb or #rrggbb and was left out.`,
          );
        const code = {
          id,
          author: 'system',
          version: 1,
          ...extra,
          name: nonBlank(el.attrs.name) ?? `Code ${g.slice(0, 8)}`,
          parentId,
          description,
          ...(color ? { color } : {}),
        } as Code;
        this.codes.push({ guid: g, record: code });
        this.codeIds.set(g, id);
        childElements(el, 'NoteRef').forEach((ref, j) =>
          this.noteRef(ref, `${at}/NoteRef[${j + 1}]`, { kind: 'code', id }),
        );
        walk(el, at, id);
      });
    };
    walk(codes, `${path}/Codes`, null);
  }

  private readVariables(variables: XmlElement, path: string): void {
    const names = new Set<string>();
    childElements(variables, 'Variable').forEach((el, i) => {
      const at = `${path}/Variable[${i + 1}]`;
      const g = this.guid(el, at);
      if (!g) return;
      let name = (nonBlank(el.attrs.name) ?? `Variable ${i + 1}`).slice(0, 120);
      for (let n = 2; names.has(name); n++) name = `${name.slice(0, 110)} (${n})`;
      if (name !== el.attrs.name)
        this.warnings.push(
          `Variable "${clip(el.attrs.name ?? '')}" is imported as attribute "${name}".`,
        );
      names.add(name);
      const type = ATTRIBUTE_TYPES[el.attrs.typeOfVariable ?? ''];
      if (!type) {
        this.issue(
          'invalid_value',
          `${at}/@typeOfVariable`,
          `"${clip(el.attrs.typeOfVariable ?? '')}" is not a variable type (Text, Boolean, Integer, Float, Date, DateTime)`,
        );
        return;
      }
      const definition = { name, type };
      this.attributes.push(definition);
      this.variables.set(g, definition);
    });
  }

  private readCases(cases: XmlElement, path: string): void {
    childElements(cases, 'Case').forEach((el, i) => {
      const at = `${path}/Case[${i + 1}]`;
      const g = this.guid(el, at);
      if (!g) return;
      const { id, extra } = this.identity(g, 'cases');
      const attributes: Record<string, string | number | boolean | null> = {};
      childElements(el, 'VariableValue').forEach((vv, j) => {
        const vAt = `${at}/VariableValue[${j + 1}]`;
        const ref = childElement(vv, 'VariableRef');
        const target = ref ? this.guid(ref, `${vAt}/VariableRef`, 'targetGUID', false) : undefined;
        if (!ref) this.issue('missing_value', vAt, 'has no VariableRef');
        if (!target) return;
        const definition = this.variables.get(target);
        if (!definition) {
          this.issue(
            'unknown_reference',
            `${vAt}/VariableRef/@targetGUID`,
            `refers to variable ${target}, which is not in <Variables>`,
          );
          return;
        }
        const value = variableValue(vv, definition.type);
        if (value.ok) attributes[definition.name] = value.value;
        else this.issue('invalid_value', vAt, value.message);
      });
      if (childElement(el, 'Description'))
        this.warnings.push(
          `The description of case "${clip(el.attrs.name ?? g)}" is not imported (cases carry none).`,
        );
      childElements(el, 'SourceRef').forEach((ref, j) => {
        const sAt = `${at}/SourceRef[${j + 1}]`;
        const target = this.guid(ref, sAt, 'targetGUID', false);
        if (target) this.caseSources.push({ caseId: id, sourceGuid: target, path: sAt });
      });
      if (childElement(el, 'CodeRef') || childElement(el, 'SelectionRef'))
        this.warnings.push(
          `Codes and selections linked to case "${clip(el.attrs.name ?? g)}" are not imported.`,
        );
      this.cases.push({
        guid: g,
        record: {
          id,
          author: 'system',
          version: 1,
          ...extra,
          name: nonBlank(el.attrs.name) ?? `Case ${i + 1}`,
          attributes,
        },
      });
    });
  }

  private readSources(sources: XmlElement, path: string): void {
    const counters = new Map<string, number>();
    for (const el of childElements(sources)) {
      const n = (counters.get(el.name) ?? 0) + 1;
      counters.set(el.name, n);
      const at = `${path}/${el.name}[${n}]`;
      if (el.name !== 'TextSource') {
        this.warnings.push(
          `${el.name} "${clip(el.attrs.name ?? el.attrs.guid ?? '')}" is not imported: only text sources are.`,
        );
        continue;
      }
      this.readTextSource(el, at);
    }
  }

  private readTextSource(el: XmlElement, at: string): void {
    const g = this.guid(el, at);
    if (!g) return;
    const { id, extra } = this.identity(g, 'sources');
    const plainPath = el.attrs.plainTextPath;
    const title =
      nonBlank(el.attrs.name) ??
      (plainPath ? fileTitle(plainPath) : undefined) ??
      `Source ${this.sources.length + 1}`;
    const loaded = this.sourceText(el, at, title);
    if (loaded === undefined) return;
    const original = loaded.charCodeAt(0) === 0xfeff ? loaded.slice(1) : loaded;
    const { text, map } = normaliseLineEndings(original);
    if (map.removed > 0 || text !== original) this.normalised.push(title);
    const originalLength = codePointLength(original);
    const normalisedLength = codePointLength(text);
    this.sourceIds.set(g, id);
    const source = {
      id,
      author: 'system',
      version: 1,
      kind: this.options.kind ?? 'document',
      format: 'qdpx',
      participantCaseIds: [],
      turns: [],
      ...extra,
      title,
      text,
    } as unknown as Source;
    this.sources.push({ guid: g, record: source });
    const sourceUser = el.attrs.creatingUser;
    childElements(el, 'PlainTextSelection').forEach((sel, i) => {
      const sAt = `${at}/PlainTextSelection[${i + 1}]`;
      this.guid(sel, sAt);
      const span = this.span(sel, sAt, map, originalLength, normalisedLength);
      if (!span) return;
      const codingIds: string[] = [];
      const codings = childElements(sel, 'Coding');
      if (codings.length === 0) return;
      codings.forEach((coding, j) => {
        const made = this.coding(
          coding,
          `${sAt}/Coding[${j + 1}]`,
          id,
          span,
          sel.attrs.creatingUser ?? sourceUser,
        );
        if (made) codingIds.push(made);
      });
      childElements(sel, 'NoteRef').forEach((ref, j) =>
        this.noteRef(
          ref,
          `${sAt}/NoteRef[${j + 1}]`,
          codingIds[0] ? { kind: 'coding', id: codingIds[0] } : { kind: 'source', id },
        ),
      );
    });
    childElements(el, 'Coding').forEach((coding, j) =>
      this.coding(
        coding,
        `${at}/Coding[${j + 1}]`,
        id,
        { start: 0, end: normalisedLength },
        sourceUser,
      ),
    );
    childElements(el, 'NoteRef').forEach((ref, j) =>
      this.noteRef(ref, `${at}/NoteRef[${j + 1}]`, { kind: 'source', id }),
    );
    if (childElement(el, 'VariableValue'))
      this.warnings.push(
        `Variable values on source "${clip(title)}" are not imported (attributes belong to cases).`,
      );
  }

  /** The text of a text source, or undefined (with an issue) when it cannot be had. */
  private sourceText(el: XmlElement, at: string, title: string): string | undefined {
    const content = childElement(el, 'PlainTextContent');
    let text: string | undefined = content ? textContent(content) : undefined;
    const plainPath = el.attrs.plainTextPath;
    if (text === undefined && plainPath !== undefined) {
      text = this.entryText(plainPath, `${at}/@plainTextPath`);
      if (text === undefined) return undefined;
    }
    const richPath = el.attrs.richTextPath;
    if ((text === undefined || text.trim() === '') && richPath !== undefined && this.zip) {
      const entry = this.entry(richPath, `${at}/@richTextPath`);
      if (!entry) return undefined;
      if (/\.docx$/i.test(entry)) {
        const docx = this.readDocx(entry, `${at}/@richTextPath`);
        if (docx === undefined) return undefined;
        this.fromRichText.push(title);
        text = docx;
      } else if (text === undefined) {
        this.issue(
          'missing_value',
          at,
          `has no plain text, and its rich text (${clip(richPath)}) is not a .docx`,
        );
        return undefined;
      }
    }
    if (text === undefined) {
      this.issue('missing_value', at, 'has neither PlainTextContent nor a plainTextPath');
      return undefined;
    }
    return text;
  }

  private readDocx(entryName: string, at: string): string | undefined {
    const entry = this.zip?.find(entryName);
    if (!this.zip || !entry) return undefined;
    const read = this.zip.read(entry);
    if (!read.ok) {
      this.issues.push(...read.issues);
      return undefined;
    }
    const inner = openZip(read.bytes, {
      label: `${this.label}/${entry.name}`,
      budget: this.zip.budget,
    });
    if (!inner.ok) {
      if (inner.issues[0]?.code === 'not_zip')
        this.issue('not_docx', at, `points to ${entry.name}, which is not a Word document`);
      else this.issues.push(...inner.issues);
      return undefined;
    }
    const text = docxTextFromArchive(inner.zip, `${this.label}/${entry.name}`);
    if (!text.ok) {
      this.issues.push(...text.issues);
      return undefined;
    }
    return text.text;
  }

  /** The archive entry a source path names (`internal://x` is `sources/x`), or undefined with an issue. */
  private entry(sourcePath: string, at: string): string | undefined {
    if (!this.zip) return undefined;
    const candidates = entryCandidates(sourcePath);
    if (candidates.length === 0) {
      this.issue(
        'missing_entry',
        at,
        `points to ${clip(sourcePath)}, outside the archive; only sources inside it can be imported`,
      );
      return undefined;
    }
    for (const name of candidates) {
      const found = this.zip.find(name);
      if (found) return found.name;
    }
    this.issue(
      'missing_entry',
      at,
      `points to ${candidates[0] ?? sourcePath}, which is not in the archive`,
    );
    return undefined;
  }

  private entryText(sourcePath: string, at: string): string | undefined {
    const name = this.entry(sourcePath, at);
    const entry = name ? this.zip?.find(name) : undefined;
    if (!entry || !this.zip) return undefined;
    const read = this.zip.read(entry);
    if (!read.ok) {
      this.issues.push(...read.issues);
      return undefined;
    }
    const text = utf8Text(read.bytes);
    if (text === undefined)
      this.issues.push({
        code: 'not_text',
        path: `${this.label}/${entry.name}`,
        message: 'is not UTF-8 text',
      });
    return text;
  }

  /** A selection's span in the normalised text, or undefined (with an issue). */
  private span(
    sel: XmlElement,
    at: string,
    map: LineEndingMap,
    originalLength: number,
    normalisedLength: number,
  ): { start: number; end: number } | undefined {
    const start = integer(sel.attrs.startPosition);
    const end = integer(sel.attrs.endPosition);
    if (start === undefined || end === undefined) {
      const which = start === undefined ? 'startPosition' : 'endPosition';
      this.issue(
        'invalid_value',
        `${at}/@${which}`,
        `"${clip(sel.attrs[which] ?? '')}" is not a whole number from 0`,
      );
      return undefined;
    }
    const length = this.crlfAsOne ? normalisedLength : originalLength;
    if (end < start) {
      this.issue('out_of_range', at, `ends (${end}) before it starts (${start})`);
      return undefined;
    }
    if (end > length) {
      this.issue(
        'out_of_range',
        `${at}/@endPosition`,
        `ends at ${end}, past the end of the source text (${length} characters)`,
      );
      return undefined;
    }
    if (this.crlfAsOne) return { start, end };
    return { start: map.toNormalised(asCodePoint(start)), end: map.toNormalised(asCodePoint(end)) };
  }

  /** One coding; returns its id, or undefined (with an issue). */
  private coding(
    el: XmlElement,
    at: string,
    sourceId: string,
    span: { start: number; end: number },
    fallbackUser: string | undefined,
  ): string | undefined {
    const g = this.guid(el, at);
    if (!g) return undefined;
    const ref = childElement(el, 'CodeRef');
    if (!ref) {
      this.issue('missing_value', at, 'has no CodeRef');
      return undefined;
    }
    const codeGuid = this.guid(ref, `${at}/CodeRef`, 'targetGUID', false);
    if (!codeGuid) return undefined;
    const codeId = this.codeIds.get(codeGuid);
    if (!codeId) {
      this.issue(
        'unknown_reference',
        `${at}/CodeRef/@targetGUID`,
        `refers to code ${codeGuid}, which is not in the codebook`,
      );
      return undefined;
    }
    const coderId = this.coderFor(el.attrs.creatingUser ?? fallbackUser);
    const { id, extra } = this.identity(g, 'codings');
    const memoNote = typeof extra.memoNote === 'string' ? normaliseGuid(extra.memoNote) : undefined;
    delete extra.memoNote;
    const coding = {
      id,
      author: 'system',
      version: 1,
      ...extra,
      sourceId,
      codeId,
      coderId,
      start: span.start,
      end: span.end,
    } as Coding;
    this.codings.push({ guid: g, record: coding });
    const refs = childElements(el, 'NoteRef');
    refs.forEach((noteRef, j) => {
      const target = this.guid(noteRef, `${at}/NoteRef[${j + 1}]`, 'targetGUID', false);
      if (!target) return;
      // The note that holds this coding's own memo field (per the extension) fills it.
      if (target === memoNote) this.codingMemoNotes.set(target, coding);
      else if (!this.noteTargets.has(target)) this.noteTargets.set(target, { kind: 'coding', id });
    });
    return id;
  }

  private readonly codingMemoNotes = new Map<string, Coding>();

  /** The coder of a creatingUser GUID; an unknown or missing user becomes a named placeholder. */
  private coderFor(user: string | undefined): string {
    const g = user === undefined ? undefined : normaliseGuid(user);
    if (g) {
      const known = this.coderIds.get(g);
      if (known) return known;
      const { id, extra } = this.identity(g, 'coders');
      this.warnings.push(
        `User ${g} codes but is not in <Users>; added as coder "User ${g.slice(0, 8)}".`,
      );
      this.coders.push({
        guid: g,
        record: {
          id,
          author: 'system',
          version: 1,
          ...extra,
          name: `User ${g.slice(0, 8)}`,
        },
      });
      this.coderIds.set(g, id);
      return id;
    }
    const unknown = nameGuid('refi-qda:unknown-user');
    const known = this.coderIds.get(unknown);
    if (known) return known;
    this.warnings.push('Some codings name no user; they are credited to coder "Unknown coder".');
    this.coders.push({
      guid: unknown,
      record: { id: `coder-${unknown}`, author: 'system', version: 1, name: 'Unknown coder' },
    });
    this.coderIds.set(unknown, `coder-${unknown}`);
    return `coder-${unknown}`;
  }

  private noteRef(ref: XmlElement, at: string, target: Memo['target']): void {
    const g = this.guid(ref, at, 'targetGUID', false);
    if (g && !this.noteTargets.has(g)) this.noteTargets.set(g, target);
  }

  private readNotes(notes: XmlElement, path: string): void {
    childElements(notes, 'Note').forEach((el, i) => {
      const at = `${path}/Note[${i + 1}]`;
      const g = this.guid(el, at);
      if (!g) return;
      const content = childElement(el, 'PlainTextContent');
      let text = content ? textContent(content) : undefined;
      if (text === undefined && el.attrs.plainTextPath !== undefined)
        text = this.entryText(el.attrs.plainTextPath, `${at}/@plainTextPath`);
      if (text === undefined || text.trim() === '') {
        this.warnings.push(`Note "${clip(el.attrs.name ?? g)}" is empty and was left out.`);
        return;
      }
      const codingWithMemo = this.codingMemoNotes.get(g);
      if (codingWithMemo) {
        (codingWithMemo as { memo?: string }).memo = text;
        return;
      }
      const { id, extra } = this.identity(g, 'memos');
      const found = (extra.target as Memo['target'] | undefined) ??
        this.noteTargets.get(g) ?? { kind: 'collaboration', id: this.collaborationId };
      // A memo on "the project" belongs to the collaboration it is imported into.
      const target: Memo['target'] =
        found.kind === 'collaboration'
          ? { kind: 'collaboration', id: this.collaborationId }
          : found;
      this.memos.push({
        guid: g,
        record: { id, author: 'system', version: 1, ...extra, target, text },
      });
    });
  }

  private linkCaseSources(): void {
    const bySource = new Map<string, string[]>();
    for (const link of this.caseSources) {
      const sourceId = this.sourceIds.get(link.sourceGuid);
      // A source already refused (its text is missing) needs no second issue here.
      if (!sourceId && this.claimed.has(link.sourceGuid)) continue;
      if (!sourceId) {
        this.issue(
          'unknown_reference',
          `${link.path}/@targetGUID`,
          `refers to source ${link.sourceGuid}, which is not among the text sources`,
        );
        continue;
      }
      const list = bySource.get(sourceId) ?? [];
      if (!list.includes(link.caseId)) list.push(link.caseId);
      bySource.set(sourceId, list);
    }
    for (const { record } of this.sources) {
      const linked = bySource.get(record.id) ?? [];
      // The file says which cases take part; the extension, in what order.
      const prior = record.participantCaseIds.filter((c) => linked.includes(c));
      (record as { participantCaseIds: string[] }).participantCaseIds = [
        ...prior,
        ...linked.filter((c) => !prior.includes(c)),
      ];
    }
  }
}

const ATTRIBUTE_TYPES: Record<string, AttributeDefinition['type']> = {
  Text: 'text',
  Boolean: 'boolean',
  Integer: 'number',
  Float: 'number',
  Date: 'date',
  DateTime: 'text',
};

function variableValue(
  vv: XmlElement,
  type: AttributeDefinition['type'],
): { ok: true; value: string | number | boolean | null } | { ok: false; message: string } {
  const element = childElements(vv).find((c) => c.name !== 'VariableRef');
  if (!element) return { ok: true, value: null };
  const raw = textContent(element);
  switch (element.name) {
    case 'TextValue':
    case 'DateTimeValue':
      return { ok: true, value: raw };
    case 'BooleanValue': {
      const v = raw.trim();
      if (v === 'true' || v === '1') return { ok: true, value: true };
      if (v === 'false' || v === '0') return { ok: true, value: false };
      return { ok: false, message: `"${clip(raw)}" is not true or false` };
    }
    case 'IntegerValue':
    case 'FloatValue': {
      const v = raw.trim();
      const n = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(v) ? Number(v) : Number.NaN;
      if (!Number.isFinite(n)) return { ok: false, message: `"${clip(raw)}" is not a number` };
      return { ok: true, value: n };
    }
    case 'DateValue': {
      const v = raw.trim().slice(0, 10);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v))
        return { ok: false, message: `"${clip(raw)}" is not a date` };
      return { ok: true, value: type === 'date' ? v : raw.trim() };
    }
    default:
      return { ok: false, message: `<${element.name}> is not a variable value` };
  }
}

/** The archive entries a REFI-QDA path may stand for, most likely first; none when outside. */
function entryCandidates(path: string): string[] {
  const decoded = (p: string) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  };
  const internal = /^internal:\/\/(.*)$/i.exec(path);
  if (internal) {
    const name = (internal[1] ?? '').replace(/\\/g, '/').replace(/^\/+/, '');
    return [...new Set([`sources/${name}`, `sources/${decoded(name)}`])];
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('/') || path.startsWith('\\')) return [];
  const name = path.replace(/\\/g, '/').replace(/^\.\//, '');
  return [...new Set([`sources/${name}`, name, `sources/${decoded(name)}`, decoded(name)])];
}

function fileTitle(path: string): string | undefined {
  const base = path.replace(/\\/g, '/').split('/').pop() ?? '';
  const title = base.replace(/\.[^.]+$/, '');
  return title.trim() === '' ? undefined : title;
}

function descriptionOf(el: XmlElement): string {
  const d = childElement(el, 'Description');
  return d ? textContent(d) : '';
}

function colour(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (/^#[0-9a-fA-F]{6}$/.test(v)) return v;
  const short = /^#([0-9a-fA-F])([0-9a-fA-F])([0-9a-fA-F])$/.exec(v);
  return short ? `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}` : undefined;
}

function integer(value: string | undefined): number | undefined {
  if (value === undefined || !/^\s*\+?\d{1,15}\s*$/.test(value)) return undefined;
  return Number(value.trim());
}

function nonBlank(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value : undefined;
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/**
 * Checks imported records as `restore` would check them inside a document (types, limits,
 * unique ids, references, spans, storable text), returning the issues with their paths.
 * Links to collaboration members and agencies are checked when merging, not here.
 */
export function checkQualitative(
  q: QualitativeData,
  collaborationId: string,
): { ok: true } | { ok: false; issues: ExchangeIssue[] } {
  const strip = <T extends object>(r: T, keys: string[]): T => {
    const copy = { ...r } as Record<string, unknown>;
    for (const k of keys) delete copy[k];
    return copy as T;
  };
  const meta = ['confidentialTo'];
  const probe: CollaborationDocumentInput = {
    schemaVersion: 1,
    collaboration: {
      id: /^[A-Za-z0-9][A-Za-z0-9._:~-]*$/.test(collaborationId) ? collaborationId : 'project',
      name: 'import check',
      teamForm: 'looseNetwork',
      startDate: '2000-01-01',
      boundedness: { aims: 'defined', resourcing: 'defined', time: 'defined' },
      fundingModel: 'separateBudgets',
    },
    qualitative: {
      sources: q.sources.map((r) => strip(r, meta)),
      codes: q.codes.map((r) => strip(r, meta)),
      coders: q.coders.map((r) => strip(r, meta)),
      codings: q.codings.map((r) => strip(r, meta)),
      memos: q.memos.map((r) => strip(r, meta)),
      attributes: q.attributes,
      cases: q.cases.map((r) => strip(r, [...meta, 'memberId', 'agencyId'])),
    },
  };
  const result = restore(probe);
  if (result.ok) return { ok: true };
  return {
    ok: false,
    issues: result.issues.map((i) => ({
      code:
        i.code === 'duplicate_id'
          ? 'duplicate_id'
          : i.code === 'unknown_reference'
            ? 'unknown_reference'
            : i.code === 'out_of_range'
              ? 'out_of_range'
              : 'invalid_value',
      path: i.path,
      message: i.message,
    })),
  };
}
