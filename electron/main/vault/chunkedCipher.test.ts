import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  openChunked,
  openSmall,
  sealChunked,
  sealedLength,
  sealSmall,
  VaultIntegrityError,
} from './chunkedCipher';

const key = randomBytes(32);
const binding = Buffer.from('manifest-hash|genotypes|FI-RD-01');
const plain = randomBytes(10_000);

describe('chunked AES-256-GCM (DATA-03, decision 0006)', () => {
  it('round-trips, including empty input and exact chunk multiples', () => {
    for (const n of [0, 1, 255, 256, 257, 10_000]) {
      const p = plain.subarray(0, n);
      const sealed = sealChunked(key, p, binding, 256);
      expect(sealed.length).toBe(sealedLength(n, 256));
      expect(openChunked(key, sealed, binding).equals(p)).toBe(true);
    }
  });

  it('one flipped bit anywhere (header, any chunk, any tag) is detected', () => {
    const sealed = sealChunked(key, plain, binding, 1024);
    for (let at = 0; at < sealed.length; at += 97) {
      const bad = Buffer.from(sealed);
      bad[at] = (bad[at] ?? 0) ^ 0x01;
      expect(() => openChunked(key, bad, binding), `byte ${at}`).toThrow(VaultIntegrityError);
    }
  });

  it('wrong key, wrong binding, truncation, appended or reordered chunks fail with a typed error', () => {
    const sealed = sealChunked(key, plain, binding, 1024);
    expect(() => openChunked(randomBytes(32), sealed, binding)).toThrow(VaultIntegrityError);
    expect(() => openChunked(key, sealed, Buffer.from('another table'))).toThrow(
      VaultIntegrityError,
    );
    expect(() => openChunked(key, sealed.subarray(0, sealed.length - 1040), binding)).toThrow(
      VaultIntegrityError,
    );
    expect(() =>
      openChunked(key, Buffer.concat([sealed, sealed.subarray(32, 32 + 1040)]), binding),
    ).toThrow(VaultIntegrityError);
    const swapped = Buffer.from(sealed);
    sealed.subarray(32, 32 + 1040).copy(swapped, 32 + 1040);
    sealed.subarray(32 + 1040, 32 + 2080).copy(swapped, 32);
    expect(() => openChunked(key, swapped, binding)).toThrow(VaultIntegrityError);
    expect(() =>
      openChunked(key, Buffer.from('not a vault file at all, clearly'), binding),
    ).toThrow(VaultIntegrityError);
  });

  it('small sealed values are bound to their associated data', () => {
    const s = sealSmall(key, Buffer.from('data key'), Buffer.from('sub A'));
    expect(openSmall(key, s, Buffer.from('sub A')).toString()).toBe('data key');
    expect(() => openSmall(key, s, Buffer.from('sub B'))).toThrow(VaultIntegrityError);
  });
});
