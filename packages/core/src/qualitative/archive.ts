import { Inflate } from 'fflate';
import { crc32 } from './hash.js';
import { utf8Text } from './text-codec.js';
import { refuse, type ExchangeIssue } from './exchange-issues.js';

/**
 * A defensive zip reader for untrusted archives (.qdpx, .docx): it reads the central
 * directory with bounds checks, refuses archives whose declared sizes add up past a limit
 * before inflating anything, inflates entries on demand while counting every byte (so an
 * entry that lies about its size is stopped at the lie), and checks each entry's CRC-32.
 */

/** Unpacked bytes an archive may hold, by default: 200 MB. */
export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;

/** One entry of the central directory. */
export interface ZipEntry {
  /** The entry's name as stored, with `\` read as `/`. */
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localHeaderOffset: number;
}

/** Options for {@link openZip}. */
export interface OpenZipOptions {
  /** Most bytes the entries may unpack to, declared and actual (default {@link MAX_UNPACKED_BYTES}). */
  readonly maxUnpackedBytes?: number;
  /** How the archive is named in issues (default `(archive)`). */
  readonly label?: string;
  /**
   * A budget shared with other archives (an archive inside an archive): bytes still allowed
   * to unpack, decreased by every read. When given, it replaces `maxUnpackedBytes`.
   */
  readonly budget?: UnpackBudget;
}

/** Bytes still allowed to unpack, shared by the archives of one import. */
export interface UnpackBudget {
  remaining: number;
}

/** An opened archive: its entries, and reading one (inflated and checked). */
export interface ZipArchive {
  readonly entries: readonly ZipEntry[];
  /** The entry of that name (exact, else ignoring case), or undefined. */
  find(name: string): ZipEntry | undefined;
  /** The budget reads draw on (pass it to archives found inside this one). */
  readonly budget: UnpackBudget;
  /** The entry's bytes, or the reason they cannot be had. */
  read(entry: ZipEntry): { ok: true; bytes: Uint8Array } | { ok: false; issues: ExchangeIssue[] };
}

const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const INPUT_CHUNK = 16 * 1024;

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** Reads an archive's directory; nothing is inflated yet. */
export function openZip(
  bytes: Uint8Array,
  options: OpenZipOptions = {},
): { ok: true; zip: ZipArchive } | { ok: false; issues: ExchangeIssue[] } {
  const label = options.label ?? '(archive)';
  const budget: UnpackBudget = options.budget ?? {
    remaining: options.maxUnpackedBytes ?? MAX_UNPACKED_BYTES,
  };
  const limit = budget.remaining;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const u64 = (at: number) => view.getUint32(at, true) + view.getUint32(at + 4, true) * 2 ** 32;
  const notZip = () =>
    refuse('not_zip', label, 'is not a zip archive (no zip directory at its end)');
  const damaged = (message: string) => refuse('damaged_zip', label, message);

  if (bytes.length < 22) return notZip();
  // The end-of-central-directory record sits within the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(at) === EOCD && at + 22 + u16(at + 20) <= bytes.length) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return notZip();
  if (u16(eocd + 4) !== 0 || u16(eocd + 6) !== 0)
    return refuse('unsupported_zip', label, 'is split over several disks, which is not supported');
  let count = u16(eocd + 10);
  let directorySize = u32(eocd + 12);
  let directoryOffset = u32(eocd + 16);
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || u32(locator) !== EOCD64_LOCATOR)
      return damaged('declares a ZIP64 directory that is not there');
    const at = u64(locator + 8);
    if (!Number.isSafeInteger(at) || at + 56 > bytes.length || u32(at) !== EOCD64)
      return damaged('declares a ZIP64 directory that is not there');
    count = u64(at + 32);
    directorySize = u64(at + 40);
    directoryOffset = u64(at + 48);
  }
  if (
    !Number.isSafeInteger(directoryOffset + directorySize) ||
    directoryOffset + directorySize > bytes.length
  )
    return damaged('its directory points past the end of the file (truncated?)');

  const entries: ZipEntry[] = [];
  const byName = new Map<string, ZipEntry>();
  const byLowerName = new Map<string, ZipEntry>();
  let declared = 0;
  let at = directoryOffset;
  const end = directoryOffset + directorySize;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || u32(at) !== CENTRAL)
      return damaged(`its directory is damaged at entry ${i + 1} of ${count}`);
    const flags = u16(at + 8);
    const method = u16(at + 10);
    const crc = u32(at + 16);
    let compressedSize = u32(at + 20);
    let size = u32(at + 24);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    let localHeaderOffset = u32(at + 42);
    const nameStart = at + 46;
    const extraStart = nameStart + nameLength;
    const next = extraStart + extraLength + commentLength;
    if (next > end) return damaged(`its directory is damaged at entry ${i + 1} of ${count}`);
    const name = decodeName(bytes.subarray(nameStart, extraStart)).replace(/\\/g, '/');
    // ZIP64: the real sizes and offset sit in extra field 0x0001, in this order.
    if (size === 0xffffffff || compressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
      let e = extraStart;
      while (e + 4 <= extraStart + extraLength) {
        const id = u16(e);
        const length = u16(e + 2);
        if (id === 0x0001) {
          let f = e + 4;
          const fieldEnd = Math.min(f + length, extraStart + extraLength);
          if (size === 0xffffffff && f + 8 <= fieldEnd) {
            size = u64(f);
            f += 8;
          }
          if (compressedSize === 0xffffffff && f + 8 <= fieldEnd) {
            compressedSize = u64(f);
            f += 8;
          }
          if (localHeaderOffset === 0xffffffff && f + 8 <= fieldEnd) localHeaderOffset = u64(f);
          break;
        }
        e += 4 + length;
      }
    }
    at = next;
    if (name.endsWith('/')) continue;
    const entry: ZipEntry = { name, method, flags, crc, compressedSize, size, localHeaderOffset };
    if (byName.has(name))
      return damaged(`holds two entries named "${name}", so which one counts is unclear`);
    entries.push(entry);
    byName.set(name, entry);
    if (!byLowerName.has(name.toLowerCase())) byLowerName.set(name.toLowerCase(), entry);
    declared += size;
  }
  if (declared > limit)
    return refuse(
      'too_large',
      label,
      `would unpack to ${mb(declared)}, more than the ${mb(limit)} allowed`,
    );

  const zip: ZipArchive = {
    entries,
    budget,
    find: (name) => byName.get(name) ?? byLowerName.get(name.toLowerCase()),
    read(entry) {
      const where = `${label}/${entry.name}`;
      const bad = (message: string) => refuse('damaged_zip', where, message);
      if (entry.flags & 1) return refuse('unsupported_zip', where, 'is encrypted');
      if (entry.method !== 0 && entry.method !== 8)
        return refuse(
          'unsupported_zip',
          where,
          `is compressed with method ${entry.method}; only stored and deflated entries are read`,
        );
      const local = entry.localHeaderOffset;
      if (local + 30 > bytes.length || u32(local) !== LOCAL)
        return bad('its local header is missing or damaged');
      const dataStart = local + 30 + u16(local + 26) + u16(local + 28);
      const dataEnd = dataStart + entry.compressedSize;
      if (dataEnd > bytes.length)
        return bad('its data runs past the end of the archive (truncated?)');
      const data = bytes.subarray(dataStart, dataEnd);
      const allowed = Math.min(entry.size, budget.remaining);
      let out: Uint8Array;
      if (entry.method === 0) {
        if (data.length !== entry.size)
          return bad('its stored size does not match its declared size');
        out = data;
      } else {
        const result = inflateBounded(data, allowed);
        if (!result.ok) {
          if (result.reason === 'overflow')
            return entry.size > allowed
              ? refuse('too_large', where, `unpacks past the ${mb(limit)} allowed`)
              : bad(`unpacks to more than the ${entry.size} bytes it declares`);
          return bad(`cannot be inflated (${result.reason})`);
        }
        out = result.bytes;
      }
      if (out.length !== entry.size)
        return bad(`unpacks to ${out.length} bytes, not the ${entry.size} it declares`);
      if (out.length > budget.remaining)
        return refuse('too_large', where, `unpacks past the ${mb(limit)} allowed`);
      if (crc32(out) !== entry.crc) return bad('is damaged (its checksum does not match)');
      budget.remaining -= out.length;
      return { ok: true, bytes: out };
    },
  };
  return { ok: true, zip };
}

/** Inflates raw DEFLATE data, stopping as soon as the output passes `max` bytes. */
function inflateBounded(
  data: Uint8Array,
  max: number,
): { ok: true; bytes: Uint8Array } | { ok: false; reason: string } {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let overflow = false;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > max) overflow = true;
    else chunks.push(chunk);
  });
  try {
    if (data.length === 0) inflater.push(data, true);
    for (let at = 0; at < data.length && !overflow; at += INPUT_CHUNK) {
      const last = at + INPUT_CHUNK >= data.length;
      inflater.push(data.subarray(at, at + INPUT_CHUNK), last);
    }
  } catch (error) {
    if (overflow) return { ok: false, reason: 'overflow' };
    return { ok: false, reason: error instanceof Error ? error.message : 'bad data' };
  }
  if (overflow) return { ok: false, reason: 'overflow' };
  if (chunks.length === 1 && chunks[0]) return { ok: true, bytes: chunks[0] };
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return { ok: true, bytes: out };
}

function decodeName(bytes: Uint8Array): string {
  // Names are UTF-8 (flag 11) or code page 437; for the ASCII names that matter both agree.
  const utf8 = utf8Text(bytes);
  if (utf8 !== undefined) return utf8;
  let out = '';
  for (const b of bytes) out += String.fromCharCode(b);
  return out;
}
