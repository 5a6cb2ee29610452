import { describe, expect, test } from 'vitest';
import { authenticate, DEMO_PASSWORD, loadSeed } from './accounts';
import { hashPassword, verifyPassword } from './passwords';

describe('seed accounts and scrypt passwords', () => {
  test('hash/verify round trip; salts differ', async () => {
    const a = await hashPassword('s3cret');
    const b = await hashPassword('s3cret');
    expect(a).not.toBe(b);
    expect(await verifyPassword('s3cret', a)).toBe(true);
    expect(await verifyPassword('S3cret', a)).toBe(false);
    expect(await verifyPassword('s3cret', 'plain:s3cret')).toBe(false);
  });

  test('the seed file holds the five test accounts, all with demo-password, none in clear text', async () => {
    const accounts = await loadSeed();
    expect(accounts.map((a) => a.username)).toEqual([
      'clinician',
      'researcher',
      'expiring',
      'conditional',
      'novisa',
    ]);
    for (const a of accounts) {
      expect(a.passwordHash).not.toContain(DEMO_PASSWORD);
      expect(await authenticate(accounts, a.username, DEMO_PASSWORD)).toBe(a);
      expect(await authenticate(accounts, a.username, 'wrong')).toBeUndefined();
    }
    expect(await authenticate(accounts, 'ghost', DEMO_PASSWORD)).toBeUndefined();
  });
});
