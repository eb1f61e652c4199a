/**
 * A strict, small XML well-formedness check for the markup the report renderers write (no
 * CDATA, no DTD): balanced tags, one root, no duplicate attributes, quoted attribute values,
 * no raw `<` in text or values, and only known or numeric entities. Returns the problems found.
 */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  let roots = 0;
  let i = 0;
  const entity = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/y;
  const checkText = (text: string, where: number) => {
    for (let k = 0; k < text.length; k++) {
      const c = text[k];
      if (c === '<') problems.push(`raw "<" at ${where + k}`);
      if (c === '&') {
        entity.lastIndex = k;
        if (!entity.test(text)) problems.push(`bad entity at ${where + k}`);
      }
    }
  };
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      checkText(xml.slice(i), i);
      break;
    }
    if (stack.length > 0) checkText(xml.slice(i, lt), i);
    else if (xml.slice(i, lt).trim() !== '') problems.push(`text outside the root at ${i}`);
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt);
      if (end < 0) return [...problems, 'unclosed comment'];
      i = end + 3;
      continue;
    }
    if (xml.startsWith('<?', lt)) {
      const end = xml.indexOf('?>', lt);
      if (end < 0) return [...problems, 'unclosed declaration'];
      i = end + 2;
      continue;
    }
    const gt = xml.indexOf('>', lt);
    if (gt < 0) return [...problems, `unclosed tag at ${lt}`];
    const tag = xml.slice(lt + 1, gt);
    if (tag.startsWith('/')) {
      const name = tag.slice(1).trim();
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> closes <${open ?? 'nothing'}> at ${lt}`);
      i = gt + 1;
      continue;
    }
    const selfClosing = tag.endsWith('/');
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const nameMatch = /^([A-Za-z_][\w.:-]*)/.exec(body);
    if (!nameMatch?.[1]) {
      problems.push(`bad tag name at ${lt}`);
      i = gt + 1;
      continue;
    }
    const name = nameMatch[1];
    let rest = body.slice(name.length);
    const seen = new Set<string>();
    const attr = /^\s+([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/;
    for (;;) {
      const m = attr.exec(rest);
      if (!m) break;
      const attrName = m[1] ?? '';
      if (seen.has(attrName))
        problems.push(`duplicate attribute ${attrName} on <${name}> at ${lt}`);
      seen.add(attrName);
      checkText(m[3] ?? m[4] ?? '', lt);
      rest = rest.slice(m[0].length);
    }
    if (rest.trim() !== '')
      problems.push(`unparsable attributes on <${name}> at ${lt}: ${rest.trim().slice(0, 40)}`);
    if (stack.length === 0) roots++;
    if (!selfClosing) stack.push(name);
    i = gt + 1;
  }
  if (stack.length > 0) problems.push(`unclosed <${stack.join('> <')}>`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}
