/**
 * What a form holds while the user types (a draft: strings, ticks, lists), and the record it
 * becomes on the wire. `bodyFrom(fields, draftFrom(fields, record))` gives the record back.
 */
import type { FieldSpec, FieldTable } from './record-fields.js';

/** The value of one input, or of a nested group of inputs. */
export type DraftValue = string | boolean | readonly string[] | Draft | readonly Draft[];

/** The values of one form, by field name. */
export interface Draft {
  readonly [field: string]: DraftValue;
}

type Json = Record<string, unknown>;

const isJson = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A fresh id for a nested item that other records may point at (a profession's limit). */
export function generatedId(prefix: string): string {
  const random =
    typeof crypto !== 'undefined' && 'randomUUID' in crypto
      ? crypto.randomUUID().slice(0, 8)
      : Math.random().toString(36).slice(2, 10);
  return `${prefix}-${random}`;
}

function emptyValue(spec: FieldSpec): DraftValue {
  switch (spec.kind) {
    case 'text':
    case 'date':
    case 'ref':
      return '';
    case 'number':
    case 'choice':
      return spec.initial ?? '';
    case 'boolean':
      return spec.initial;
    case 'refs':
      return [];
    case 'pair':
      return ['', ''];
    case 'group':
      return [];
    case 'object':
      return emptyDraft(spec.fields);
    case 'generatedId':
      return generatedId(spec.prefix);
  }
}

/** A blank form, with the schema's defaults filled in. */
export function emptyDraft(fields: FieldTable): Draft {
  const out: Record<string, DraftValue> = {};
  for (const [key, spec] of Object.entries(fields)) out[key] = emptyValue(spec);
  return out;
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v : String(v))) : [];

function draftValue(spec: FieldSpec, value: unknown): DraftValue {
  switch (spec.kind) {
    case 'text':
    case 'date':
    case 'ref':
    case 'choice':
    case 'number':
      if (typeof value === 'string') return value;
      if (typeof value === 'number') return String(value);
      return value === undefined && spec.kind === 'choice' ? (spec.initial ?? '') : '';
    case 'boolean':
      return typeof value === 'boolean' ? value : spec.initial;
    case 'refs':
      return strings(value);
    case 'pair': {
      const [first = '', second = ''] = strings(value);
      return [first, second];
    }
    case 'group':
      return Array.isArray(value) ? value.map((item) => draftFrom(spec.fields, item)) : [];
    case 'object':
      return draftFrom(spec.fields, value);
    case 'generatedId':
      return typeof value === 'string' ? value : generatedId(spec.prefix);
  }
}

/** The form for an existing record (or nested item). */
export function draftFrom(fields: FieldTable, record: unknown): Draft {
  const source = isJson(record) ? record : {};
  const out: Record<string, DraftValue> = {};
  for (const [key, spec] of Object.entries(fields)) out[key] = draftValue(spec, source[key]);
  return out;
}

const asString = (value: DraftValue | undefined): string =>
  typeof value === 'string' ? value.trim() : '';
const asStrings = (value: DraftValue | undefined): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
const asDrafts = (value: DraftValue | undefined): Draft[] =>
  Array.isArray(value) ? value.filter((v): v is Draft => isJson(v)) : [];
const asDraft = (value: DraftValue | undefined): Draft => (isJson(value) ? value : {});

const BLANK = Symbol('leave the field out');

function blank(spec: { presence: string }): unknown {
  switch (spec.presence) {
    case 'nullable':
      return null;
    case 'blankable':
      return '';
    default:
      return BLANK;
  }
}

function bodyValue(spec: FieldSpec, value: DraftValue | undefined): unknown {
  switch (spec.kind) {
    case 'text':
    case 'date':
    case 'ref': {
      const text = asString(value);
      return text === '' ? blank(spec) : text;
    }
    case 'number': {
      const text = asString(value);
      if (text === '') return blank(spec);
      const number = Number(text);
      // Not a number: sent as typed, so the server's message names the field.
      return Number.isFinite(number) ? number : text;
    }
    case 'choice': {
      const text = asString(value);
      if (text === '') return blank(spec);
      return spec.numeric ? Number(text) : text;
    }
    case 'boolean':
      return value === true;
    case 'refs':
      return asStrings(value);
    case 'pair':
      return asStrings(value).map((v) => v.trim());
    case 'group':
      return asDrafts(value).map((item) => bodyFrom(spec.fields, item));
    case 'object':
      return bodyFrom(spec.fields, asDraft(value));
    case 'generatedId':
      return asString(value);
  }
}

/** The record (or nested item) a form sends: blanks left out, null or empty as the schema wants. */
export function bodyFrom(fields: FieldTable, draft: Draft): Json {
  const out: Json = {};
  for (const [key, spec] of Object.entries(fields)) {
    const value = bodyValue(spec, draft[key]);
    if (value !== BLANK) out[key] = value;
  }
  return out;
}

/** Whether a field was left blank in the draft (a server message then means "fill it in"). */
export function isBlank(value: DraftValue | undefined): boolean {
  if (value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

/** The value at a field path (`accountability[0].to`) of a draft, if there is one. */
export function valueAt(draft: Draft, path: string): DraftValue | undefined {
  let current: DraftValue | undefined = draft;
  for (const part of path.match(/[^.[\]]+/g) ?? []) {
    if (current === undefined || typeof current === 'string' || typeof current === 'boolean')
      return undefined;
    current = Array.isArray(current)
      ? (current as readonly DraftValue[])[Number(part)]
      : (current as Draft)[part];
  }
  return current;
}
