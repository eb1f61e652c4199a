import { strToU8, zipSync } from 'fflate';

/** A worksheet cell: text (stored as an inline string, never a formula), a number, or empty. */
export type XlsxCell = string | number | null;

/** One worksheet of {@link xlsxWorkbook}. */
export interface XlsxSheet {
  /** Sheet name: at most 31 characters, none of \ / ? * [ ] : */
  readonly name: string;
  /** Rows of cells; the first row is drawn bold as a header. */
  readonly rows: readonly (readonly XlsxCell[])[];
  /** Column widths in characters, left to right. */
  readonly widths?: readonly number[];
  /** Rows and columns kept in view while scrolling. */
  readonly freeze?: { readonly rows: number; readonly columns: number };
  /** Wrap long text in the body cells (top-aligned). */
  readonly wrap?: boolean;
}

/** Excel's limit on the characters in one cell. */
export const XLSX_CELL_LIMIT = 32_767;

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
// Local-time fields of this date are the same in every time zone: identical bytes everywhere.
const FIXED_MTIME = new Date(1980, 0, 1, 0, 0, 0);
// Characters XML 1.0 does not allow (the document refuses NUL and lone surrogates already).
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function xmlText(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Column letters of a 0-based index: 0 → A, 25 → Z, 26 → AA. */
export function xlsxColumn(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function cellXml(cell: XlsxCell, ref: string, style: number): string {
  const s = style === 0 ? '' : ` s="${style}"`;
  if (cell === null || cell === '') return '';
  if (typeof cell === 'number') {
    return Number.isFinite(cell) ? `<c r="${ref}"${s}><v>${cell}</v></c>` : '';
  }
  let text = cell;
  if (text.length > XLSX_CELL_LIMIT) {
    let cut = XLSX_CELL_LIMIT - 1;
    // Never split a surrogate pair (half an emoji is not valid UTF-8).
    const c = text.charCodeAt(cut - 1);
    if (c >= 0xd800 && c <= 0xdbff) cut--;
    text = `${text.slice(0, cut)}…`;
  }
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${xmlText(text)}</t></is></c>`;
}

function sheetXml(sheet: XlsxSheet): string {
  const parts: string[] = [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`];
  parts.push(`<worksheet xmlns="${MAIN}" xmlns:r="${REL}">`);
  const f = sheet.freeze;
  if (f && (f.rows > 0 || f.columns > 0)) {
    const topLeft = `${xlsxColumn(f.columns)}${f.rows + 1}`;
    const pane =
      f.rows > 0 && f.columns > 0 ? 'bottomRight' : f.rows > 0 ? 'bottomLeft' : 'topRight';
    parts.push(
      `<sheetViews><sheetView workbookViewId="0"><pane${f.columns > 0 ? ` xSplit="${f.columns}"` : ''}${
        f.rows > 0 ? ` ySplit="${f.rows}"` : ''
      } topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/></sheetView></sheetViews>`,
    );
  }
  if (sheet.widths && sheet.widths.length > 0) {
    parts.push('<cols>');
    sheet.widths.forEach((w, i) =>
      parts.push(`<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`),
    );
    parts.push('</cols>');
  }
  parts.push('<sheetData>');
  sheet.rows.forEach((row, r) => {
    const style = r === 0 ? 1 : sheet.wrap ? 2 : 0;
    const cells = row.map((cell, c) => cellXml(cell, `${xlsxColumn(c)}${r + 1}`, style)).join('');
    parts.push(`<row r="${r + 1}">${cells}</row>`);
  });
  parts.push('</sheetData></worksheet>');
  return parts.join('');
}

const STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
  `<styleSheet xmlns="${MAIN}">` +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>' +
  '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill>' +
  '<fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"><alignment vertical="top" wrapText="1"/></xf>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/**
 * A minimal Office Open XML workbook (ECMA-376 SpreadsheetML: content types, package and
 * workbook relationships, workbook, styles, one part per sheet), zipped with fflate. Text goes
 * in inline strings, so nothing a researcher typed is ever read as a formula; bytes are the
 * same for the same sheets (fixed zip timestamps).
 */
export function xlsxWorkbook(sheets: readonly XlsxSheet[]): Uint8Array {
  if (sheets.length === 0) throw new RangeError('xlsxWorkbook: at least one sheet is needed');
  const names = new Set<string>();
  for (const s of sheets) {
    if (s.name.length === 0 || s.name.length > 31 || /[\\/?*[\]:]/.test(s.name)) {
      throw new RangeError(`xlsxWorkbook: "${s.name}" is not a valid sheet name`);
    }
    if (names.has(s.name.toLowerCase())) {
      throw new RangeError(`xlsxWorkbook: sheet "${s.name}" appears twice`);
    }
    names.add(s.name.toLowerCase());
  }
  const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const contentTypes =
    `${xml}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    sheets
      .map(
        (_, i) =>
          `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
      )
      .join('') +
    '</Types>';
  const rootRels =
    `${xml}<Relationships xmlns="${PKG_REL}">` +
    `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
    '</Relationships>';
  const workbook =
    `${xml}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>` +
    sheets
      .map((s, i) => `<sheet name="${xmlText(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join('') +
    '</sheets></workbook>';
  const workbookRels =
    `${xml}<Relationships xmlns="${PKG_REL}">` +
    sheets
      .map(
        (_, i) =>
          `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
      )
      .join('') +
    `<Relationship Id="rId${sheets.length + 1}" Type="${REL}/styles" Target="styles.xml"/>` +
    '</Relationships>';
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(contentTypes),
    '_rels/.rels': strToU8(rootRels),
    'xl/workbook.xml': strToU8(workbook),
    'xl/_rels/workbook.xml.rels': strToU8(workbookRels),
    'xl/styles.xml': strToU8(STYLES),
  };
  sheets.forEach((s, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(s));
  });
  return zipSync(files, { level: 6, mtime: FIXED_MTIME });
}
