import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { ExchangeIssue } from './exchange-issues.js';

/**
 * Safe XML for the exchange formats. Untrusted XML is refused outright when it declares a
 * document type or an entity (no entity expansion, no external entities, ever); the parser
 * runs with entity processing off, and only XML's five predefined entities and numeric
 * character references are decoded, here. Namespace prefixes are dropped from names.
 */

/** An element: its local name, attributes (decoded) and children in document order. */
export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly XmlNode[];
}
/** A child: an element or a run of character data. */
export type XmlNode = XmlElement | string;

/** Elements nested deeper than this are refused (a code tree is rarely deeper than 20). */
const MAX_DEPTH = 200;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: false,
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  cdataPropName: '#cdata',
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: MAX_DEPTH,
  jPath: false,
});

const UNSAFE = /<!\s*(DOCTYPE|ENTITY)/i;

/** Parses untrusted XML text into a tree, or returns what is wrong with it and where. */
export function parseXml(
  text: string,
  label: string,
): { ok: true; root: XmlElement } | { ok: false; issues: ExchangeIssue[] } {
  const refuse = (code: ExchangeIssue['code'], message: string) => ({
    ok: false as const,
    issues: [{ code, path: label, message }],
  });
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const unsafe = UNSAFE.exec(body);
  if (unsafe)
    return refuse(
      'unsafe_xml',
      `declares a document type or entity (<!${unsafe[1]}), which is refused: no entity expansion`,
    );
  let valid: ReturnType<typeof XMLValidator.validate>;
  try {
    valid = XMLValidator.validate(body);
  } catch (error) {
    return refuse('invalid_xml', `is not well-formed XML (${describe(error)})`);
  }
  if (valid !== true)
    return refuse(
      'invalid_xml',
      `is not well-formed XML: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`,
    );
  let parsed: unknown;
  try {
    parsed = parser.parse(body);
  } catch (error) {
    return refuse('invalid_xml', `cannot be read as XML (${describe(error)})`);
  }
  const problems: string[] = [];
  const nodes = convert(parsed, problems, 0);
  if (problems.length > 0) return refuse('invalid_xml', problems[0] ?? 'is not XML');
  const root = nodes.find((n): n is XmlElement => typeof n !== 'string');
  if (!root) return refuse('invalid_xml', 'has no root element');
  return { ok: true, root };
}

/** A name without its namespace prefix (`w:t` → `t`). */
function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : 'unreadable';
}

type Raw = Record<string, unknown>;

function convert(value: unknown, problems: string[], depth: number): XmlNode[] {
  if (!Array.isArray(value)) return [];
  if (depth > MAX_DEPTH) {
    problems.push(`nests elements more than ${MAX_DEPTH} deep`);
    return [];
  }
  const out: XmlNode[] = [];
  for (const item of value as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const raw = item as Raw;
    for (const key of Object.keys(raw)) {
      if (key === ':@') continue;
      const content = raw[key];
      if (key === '#text') {
        out.push(decodeEntities(String(content), problems));
      } else if (key === '#cdata') {
        // CDATA is literal: its text is not entity-decoded.
        for (const piece of Array.isArray(content) ? (content as unknown[]) : []) {
          if (typeof piece === 'object' && piece !== null && '#text' in piece)
            out.push(String((piece as Raw)['#text']));
        }
      } else {
        const attrs: Record<string, string> = Object.create(null) as Record<string, string>;
        const rawAttrs = raw[':@'];
        if (typeof rawAttrs === 'object' && rawAttrs !== null) {
          for (const [name, v] of Object.entries(rawAttrs as Raw)) {
            // Namespace declarations are not data; prefixes go, as on element names.
            if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
            attrs[localName(name)] = decodeEntities(String(v), problems);
          }
        }
        out.push({ name: localName(key), attrs, children: convert(content, problems, depth + 1) });
      }
    }
  }
  return out;
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes XML's predefined entities and character references; anything else is a problem. */
function decodeEntities(text: string, problems: string[]): string {
  if (!text.includes('&')) return text;
  return text.replace(/&([^;&\s]{0,12});?/g, (whole, name: string) => {
    if (!whole.endsWith(';')) {
      problems.push('holds a bare "&" that starts no entity');
      return whole;
    }
    const known = PREDEFINED[name];
    if (known !== undefined) return known;
    const numeric = /^#(?:x([0-9a-fA-F]{1,6})|([0-9]{1,7}))$/.exec(name);
    if (numeric) {
      const code = numeric[1] !== undefined ? parseInt(numeric[1], 16) : Number(numeric[2]);
      if (isXmlChar(code)) return String.fromCodePoint(code);
      problems.push(`holds a reference to a character XML does not allow (${whole})`);
      return whole;
    }
    problems.push(`uses the entity ${whole}, which is not defined (entities are not expanded)`);
    return whole;
  });
}

/** Whether a code point may appear in an XML 1.0 document. */
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

// ── Reading helpers ──────────────────────────────────────────────────────────

/** The child elements of an element, optionally only those of one name. */
export function childElements(element: XmlElement, name?: string): XmlElement[] {
  return element.children.filter(
    (c): c is XmlElement => typeof c !== 'string' && (name === undefined || c.name === name),
  );
}

/** The first child element of that name, or undefined. */
export function childElement(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === name);
}

/** All character data inside an element, in order. */
export function textContent(element: XmlElement): string {
  let out = '';
  for (const c of element.children) out += typeof c === 'string' ? c : textContent(c);
  return out;
}

// ── Writing helpers ──────────────────────────────────────────────────────────

// Characters XML 1.0 cannot carry at all, even as references: C0 controls other than tab,
// newline and carriage return, U+FFFE, U+FFFF and unpaired surrogates.
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- finding the characters XML forbids is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes character data; `\r` is written as a reference so a reader keeps it. */
export function escapeXmlText(text: string): string {
  return text
    .replace(NOT_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/** Escapes an attribute value; tabs and line breaks as references so they survive. */
export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}
