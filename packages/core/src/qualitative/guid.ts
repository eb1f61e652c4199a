import { hex, sha1 } from './hash.js';
import { utf8Bytes } from './text-codec.js';

/** A GUID as REFI-QDA writes it: 8-4-4-4-12 hexadecimal digits, optionally in braces. */
const GUID =
  /^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$/;

/** Weframe's namespace for name-based (version 5) GUIDs, fixed forever. */
export const WEFRAME_GUID_NAMESPACE = '6f1d2c4e-8b0a-5e37-9c41-2a7b5d93e0f6';

/** Whether a string is a GUID (with or without braces, any case). */
export function isGuid(value: string): boolean {
  return GUID.test(value);
}

/** The canonical form of a GUID: lower case, no braces; undefined when it is not one. */
export function normaliseGuid(value: string): string | undefined {
  const match = GUID.exec(value.trim());
  return match?.[1]?.toLowerCase();
}

function uuidBytes(guid: string): Uint8Array {
  const digits = guid.replace(/-/g, '');
  const out = new Uint8Array(16);
  for (let i = 0; i < 16; i++) out[i] = parseInt(digits.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/**
 * A name-based GUID (RFC 4122 §4.3, version 5: SHA-1 of namespace and name), so the same
 * name always gives the same GUID.
 */
export function nameGuid(name: string, namespace = WEFRAME_GUID_NAMESPACE): string {
  const ns = uuidBytes(namespace);
  const nameBytes = utf8Bytes(name);
  const input = new Uint8Array(ns.length + nameBytes.length);
  input.set(ns);
  input.set(nameBytes, ns.length);
  const digest = sha1(input).slice(0, 16);
  digest[6] = ((digest[6] ?? 0) & 0x0f) | 0x50;
  digest[8] = ((digest[8] ?? 0) & 0x3f) | 0x80;
  const h = hex(digest);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * The GUID a Weframe record is exported under: its id when the id already is a GUID (an
 * imported record keeps its GUID), else a name-based GUID of the id, stable across exports.
 */
export function guidForId(id: string): string {
  return normaliseGuid(id) ?? nameGuid(id);
}
