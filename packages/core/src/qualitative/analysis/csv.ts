/** A CSV cell: text, a number, or empty (`null`). */
export type CsvCell = string | number | null;

/**
 * One RFC 4180 field: quoted (inner quotes doubled) when it holds a comma, a quote, CR or LF.
 * Values are written as they are; no spreadsheet-formula guard is added, so that R and SPSS
 * read the researcher's text unchanged (the .xlsx writer stores every text as a string).
 */
export function csvField(cell: CsvCell): string {
  if (cell === null) return '';
  const text = typeof cell === 'number' ? String(cell) : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as RFC 4180 CSV: fields joined by commas, every record ended by CRLF. */
export function csvText(rows: readonly (readonly CsvCell[])[]): string {
  let out = '';
  for (const row of rows) out += `${row.map(csvField).join(',')}\r\n`;
  return out;
}
