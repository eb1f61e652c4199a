/** Values of a record in words, for tables, the collaboration's details and change comparisons. */
import { formatDate, plural } from '../../labels.js';
import type { FieldSpec } from './record-fields.js';
import type { RefOptions } from './ref-options.js';

const EMPTY = '—';

function dateText(value: unknown): string {
  if (typeof value !== 'string' || value === '') return EMPTY;
  // A calendar date: read at noon UTC so no time zone moves it to the day before.
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? (formatDate(`${value}T12:00:00Z`) ?? value) : value;
}

/** One field's value in words ("Yes", "12 March 2025", "Northbridge High School"). */
export function displayValue(spec: FieldSpec, value: unknown, refs: RefOptions): string {
  switch (spec.kind) {
    case 'text':
    case 'generatedId':
      return typeof value === 'string' && value !== '' ? value : EMPTY;
    case 'number':
      return typeof value === 'number' ? String(value) : EMPTY;
    case 'date':
      return dateText(value);
    case 'choice':
      return typeof value === 'string' || typeof value === 'number'
        ? (spec.options.find((o) => o.value === String(value))?.label ?? String(value))
        : EMPTY;
    case 'boolean':
      return value === true ? 'Yes' : 'No';
    case 'ref':
      return typeof value === 'string' && value !== '' ? refs.nameOf(spec.to, value) : EMPTY;
    case 'refs':
    case 'pair':
      return Array.isArray(value) && value.length > 0
        ? value.map((id) => refs.nameOf(spec.to, String(id))).join(', ')
        : EMPTY;
    case 'group':
      return Array.isArray(value) && value.length > 0
        ? plural(value.length, spec.itemLabel.toLowerCase(), `${spec.itemLabel.toLowerCase()}s`)
        : EMPTY;
    case 'object': {
      if (typeof value !== 'object' || value === null) return EMPTY;
      const record = value as Record<string, unknown>;
      return Object.entries(spec.fields)
        .map(([key, sub]) => [sub.label, displayValue(sub, record[key], refs)] as const)
        .filter(([, text]) => text !== EMPTY)
        .map(([label, text]) => `${label}: ${text}`)
        .join('; ');
    }
  }
}

/** Whether two stored values are the same (for showing what someone else changed). */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
