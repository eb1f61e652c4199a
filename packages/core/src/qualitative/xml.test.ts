import { describe, expect, it } from 'vitest';
import {
  escapeXmlAttribute,
  escapeXmlText,
  parseXml,
  textContent,
  type XmlElement,
} from './xml.js';

function root(xml: string): XmlElement {
  const parsed = parseXml(xml, 'test.xml');
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.root;
}

describe('parseXml', () => {
  it('decodes the predefined entities and character references, keeps CDATA literal, drops prefixes', () => {
    const r = root(
      '<q:a xmlns:q="urn:x" q:n="x &amp; y &#233; &#x1F600;">1 &lt; 2 <![CDATA[&amp; raw]]></q:a>',
    );
    expect(r.name).toBe('a');
    expect(r.attrs).toEqual({ n: 'x & y é 😀' });
    expect(textContent(r)).toBe('1 < 2 &amp; raw');
  });

  it('refuses DOCTYPE and ENTITY declarations before parsing', () => {
    for (const xml of [
      '<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>',
      '<!doctype a SYSTEM "file:///etc/passwd"><a/>',
      '<a><!ENTITY x "y"></a>',
    ]) {
      const parsed = parseXml(xml, 'evil.xml');
      expect(parsed.ok).toBe(false);
      if (!parsed.ok)
        expect(parsed.issues[0]).toMatchObject({ code: 'unsafe_xml', path: 'evil.xml' });
    }
  });

  it('refuses undefined entities, bare ampersands and forbidden character references', () => {
    for (const xml of ['<a>&nbsp;</a>', '<a>AT&T</a>', '<a>&#0;</a>', '<a b="&#xD800;"/>']) {
      const parsed = parseXml(xml, 'x.xml');
      expect(parsed.ok, xml).toBe(false);
    }
  });

  it('refuses nesting deeper than 200 elements', () => {
    const deep = '<a>'.repeat(300) + '</a>'.repeat(300);
    expect(parseXml(deep, 'deep.xml').ok).toBe(false);
  });
});

describe('escaping', () => {
  it('round-trips text and attributes through the parser, control characters replaced', () => {
    const text = 'a < b & "c" \'d\'\r\n\te 😀 \u0001';
    const r = root(`<a v="${escapeXmlAttribute(text)}">${escapeXmlText(text)}</a>`);
    expect(r.attrs.v).toBe(text.replace('\u0001', '\uFFFD'));
    expect(textContent(r)).toBe(text.replace('\u0001', '\uFFFD'));
  });
});
