import { strToU8 } from 'fflate';

interface Decoder {
  decode(bytes: Uint8Array): string;
}
type DecoderClass = new (label: string, options: { fatal: boolean; ignoreBOM: boolean }) => Decoder;

// TextDecoder is a global of every runtime the core targets (Node, browsers); the core's
// type library (ES2023, no DOM) just does not declare it.
const TextDecoderClass = (globalThis as unknown as { TextDecoder: DecoderClass }).TextDecoder;
const strictUtf8 = new TextDecoderClass('utf-8', { fatal: true, ignoreBOM: false });

/** Decodes UTF-8 (dropping a leading byte order mark), or undefined when the bytes are not UTF-8. */
export function utf8Text(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Encodes text as UTF-8. */
export function utf8Bytes(text: string): Uint8Array {
  return strToU8(text);
}
