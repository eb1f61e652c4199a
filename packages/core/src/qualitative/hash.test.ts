import { describe, expect, it } from 'vitest';
import { crc32, hex, sha1 } from './hash.js';
import { guidForId, isGuid, nameGuid, normaliseGuid } from './guid.js';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('hashes', () => {
  it('SHA-1 matches FIPS 180 examples', () => {
    expect(hex(sha1(bytes('abc')))).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(hex(sha1(bytes('')))).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709');
    expect(hex(sha1(bytes('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')))).toBe(
      '84983e441c3bd26ebaae4aa1f95129e5e54670f1',
    );
    expect(hex(sha1(new Uint8Array(1_000_000).fill(0x61)))).toBe(
      '34aa973cd4c4daa4f61eeb2bdbad27316534016f',
    );
  });

  it('CRC-32 gives the check value of "123456789"', () => {
    expect(crc32(bytes('123456789'))).toBe(0xcbf43926);
  });
});

describe('GUIDs', () => {
  it('name-based GUIDs follow RFC 4122 version 5 (its DNS example)', () => {
    const dns = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
    expect(nameGuid('www.example.com', dns)).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('a record keeps a GUID id; other ids get a stable name-based GUID', () => {
    expect(guidForId('{0F8FAD5B-D9CB-469F-A165-70867728950E}')).toBe(
      '0f8fad5b-d9cb-469f-a165-70867728950e',
    );
    expect(guidForId('code-gap')).toBe(guidForId('code-gap'));
    expect(guidForId('code-gap')).not.toBe(guidForId('code-gaps'));
    expect(isGuid(guidForId('anything'))).toBe(true);
    expect(normaliseGuid('not-a-guid')).toBeUndefined();
  });
});
