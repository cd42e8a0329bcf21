import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64, bytesToHex, hexToBytes, hmacSha256, sha256, utf8 } from '../../../src/core/srp';

const bytes = fc.uint8Array({ maxLength: 100 });

describe('hex', () => {
  it('round trips any bytes, keeping leading zero bytes', () => {
    fc.assert(
      fc.property(bytes, (b) => {
        expect(bytesToHex(b)).toBe(Buffer.from(b).toString('hex'));
        expect(hexToBytes(bytesToHex(b))).toEqual(b);
      }),
    );
  });

  it.each([
    ['abc', [0x0a, 0xbc]],
    ['0', [0]],
    ['', []],
    ['00FF', [0, 255]],
  ])('reads %j (odd lengths get a leading 0)', (hex, expected) => {
    expect(hexToBytes(hex)).toEqual(new Uint8Array(expected));
  });

  it.each(['0x12', 'zz', '12 34'])('rejects %j', (hex) => {
    expect(() => hexToBytes(hex)).toThrow(TypeError);
  });
});

describe('base64', () => {
  it('encodes like Buffer (standard alphabet, padded) and round trips', () => {
    fc.assert(
      fc.property(bytes, (b) => {
        expect(bytesToBase64(b)).toBe(Buffer.from(b).toString('base64'));
        expect(base64ToBytes(bytesToBase64(b))).toEqual(b);
      }),
    );
  });

  it('decodes unpadded and URL-safe base64 to the same bytes as Buffer', () => {
    fc.assert(
      fc.property(bytes, (b) => {
        expect(base64ToBytes(Buffer.from(b).toString('base64url'))).toEqual(b);
        expect(base64ToBytes(Buffer.from(b).toString('base64').replace(/=+$/, ''))).toEqual(b);
      }),
    );
  });

  it.each(['ab!d', 'abcde', 'a===', 'ab cd'])('rejects %j rather than dropping characters as Buffer does', (s) => {
    expect(() => base64ToBytes(s)).toThrow(TypeError);
  });
});

describe('utf8', () => {
  it('encodes like Buffer, lone surrogates included (they become U+FFFD)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(utf8(s)).toEqual(new Uint8Array(Buffer.from(s, 'utf8')));
      }),
    );
  });
});

describe('hashes on WebCrypto', () => {
  it('sha256 and hmacSha256 agree with node:crypto (an empty HMAC key included)', async () => {
    await fc.assert(
      fc.asyncProperty(bytes, fc.uint8Array({ maxLength: 80 }), async (data, key) => {
        expect(bytesToHex(await sha256(data))).toBe(createHash('sha256').update(data).digest('hex'));
        expect(bytesToHex(await hmacSha256(key, data))).toBe(createHmac('sha256', key).update(data).digest('hex'));
      }),
      { numRuns: 50 },
    );
    expect(bytesToHex(await hmacSha256(new Uint8Array(0), utf8('x')))).toBe(
      createHmac('sha256', Buffer.alloc(0)).update('x').digest('hex'),
    );
  });
});
