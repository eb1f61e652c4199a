import { openZip, type OpenZipOptions, type ZipArchive } from './archive.js';
import { refuse, type ExchangeIssue } from './exchange-issues.js';
import { utf8Text } from './text-codec.js';
import { childElements, parseXml, type XmlElement, type XmlNode } from './xml.js';

/**
 * Plain text out of a Word document (.docx): the text of each paragraph of the main document
 * part, one paragraph a line (`\n`), tabs as `\t`, line breaks as `\n`. Deleted revisions,
 * field codes and the fallback copies of text boxes are left out; tables give one line per
 * cell paragraph. Pure: unzips and parses in memory, with the archive limits of
 * {@link openZip} and the XML rules of {@link parseXml}.
 */
export function docxText(
  bytes: Uint8Array,
  options: OpenZipOptions = {},
): { ok: true; text: string } | { ok: false; issues: ExchangeIssue[] } {
  const label = options.label ?? '(docx)';
  const opened = openZip(bytes, { ...options, label });
  if (!opened.ok) {
    // A .docx that is not even a zip is "not a Word document", whatever else it is.
    if (opened.issues[0]?.code === 'not_zip')
      return refuse('not_docx', label, 'is not a Word document (.docx files are zip archives)');
    return opened;
  }
  return docxTextFromArchive(opened.zip, label);
}

/** Like {@link docxText}, on an archive already opened (one budget for nested reads). */
export function docxTextFromArchive(
  zip: ZipArchive,
  label: string,
): { ok: true; text: string } | { ok: false; issues: ExchangeIssue[] } {
  const partName = mainPartName(zip) ?? 'word/document.xml';
  const part = zip.find(partName);
  if (!part) return refuse('not_docx', label, `is not a Word document (it has no ${partName})`);
  const read = zip.read(part);
  if (!read.ok) return read;
  const xmlText = utf8Text(read.bytes);
  if (xmlText === undefined)
    return refuse('not_docx', `${label}/${part.name}`, 'is not UTF-8 text');
  const parsed = parseXml(xmlText, `${label}/${part.name}`);
  if (!parsed.ok) return parsed;
  if (parsed.root.name !== 'document')
    return refuse(
      'not_docx',
      `${label}/${part.name}`,
      `is not a Word document body (its root is <${parsed.root.name}>)`,
    );
  const paragraphs: string[] = [];
  collectParagraphs(parsed.root, paragraphs);
  return { ok: true, text: paragraphs.join('\n') };
}

/** The main document part named by the package relationships, if they can be read. */
function mainPartName(zip: ZipArchive): string | undefined {
  const rels = zip.find('_rels/.rels');
  if (!rels) return undefined;
  const read = zip.read(rels);
  if (!read.ok) return undefined;
  const text = utf8Text(read.bytes);
  if (text === undefined) return undefined;
  const parsed = parseXml(text, '_rels/.rels');
  if (!parsed.ok) return undefined;
  for (const rel of childElements(parsed.root, 'Relationship')) {
    const type = rel.attrs.Type ?? '';
    const target = rel.attrs.Target;
    if (target && type.endsWith('/officeDocument') && !/^[a-z]+:/i.test(target))
      return target.replace(/^\//, '');
  }
  return undefined;
}

/** Elements whose text is not part of what the document reads as. */
const SKIPPED = new Set(['delText', 'instrText', 'Fallback', 'rPr', 'pPr', 'sectPr', 'del']);

function collectParagraphs(element: XmlElement, out: string[]): void {
  for (const child of element.children) {
    if (typeof child === 'string' || SKIPPED.has(child.name)) continue;
    if (child.name === 'p') {
      const nested: XmlElement[] = [];
      out.push(paragraphText(child, nested));
      // Paragraphs inside this one (text boxes) follow it, each on its own line.
      for (const n of nested) collectParagraphs({ ...n, children: [n] }, out);
    } else {
      collectParagraphs(child, out);
    }
  }
}

function paragraphText(paragraph: XmlElement, nested: XmlElement[]): string {
  let text = '';
  const walk = (nodes: readonly XmlNode[]) => {
    for (const node of nodes) {
      if (typeof node === 'string' || SKIPPED.has(node.name)) continue;
      switch (node.name) {
        case 't':
          for (const c of node.children) if (typeof c === 'string') text += c;
          break;
        case 'tab':
          text += '\t';
          break;
        case 'br':
        case 'cr':
          text += '\n';
          break;
        case 'noBreakHyphen':
          text += '\u2011';
          break;
        case 'p':
          nested.push(node);
          break;
        default:
          walk(node.children);
      }
    }
  };
  walk(paragraph.children);
  return text;
}
