import { describe, expect, it } from 'vitest';
import { REDACTED, redact, redactText } from './redact';

const jwt =
  'eyJhbGciOiJSUzI1NiIsImtpZCI6InJzYTEifQ.eyJzdWIiOiJjbGluaWNpYW4iLCJleHAiOjE3MDAwMDAwMDB9.c2lnbmF0dXJlLWJ5dGVz';

describe('log redaction', () => {
  it('removes JWTs (tokens, visas) from free text', () => {
    const out = redactText(`visa ${jwt} rejected`);
    expect(out).not.toContain('eyJ');
    expect(out).toBe(`visa ${REDACTED} rejected`);
  });

  it('removes bearer and basic credentials', () => {
    expect(redactText('Authorization: Bearer abcdefghijklmnop123')).toBe(
      `Authorization: Bearer ${REDACTED}`,
    );
    expect(redactText('basic dXNlcjpwYXNzd29yZA==')).not.toContain('dXNlcjpw');
  });

  it('removes OAuth codes, state and secrets from URLs', () => {
    const out = redactText(
      'http://127.0.0.1:5123/callback?code=SplxlOBeZQQYbYS6WxSbIA&state=af0ifjsldkj&iss=http%3A%2F%2Fx',
    );
    expect(out).not.toContain('SplxlOBeZQQYbYS6WxSbIA');
    expect(out).not.toContain('af0ifjsldkj');
    expect(out).toContain('iss=http');
    expect(redactText('http://127.0.0.1:1/launch?code=abc123&x=1')).not.toContain('abc123');
  });

  it('redacts sensitive keys at any depth, and token-like values under any key', () => {
    const out = redact({
      event: 'auth',
      headers: { Authorization: 'Bearer x', cookie: 'a=b' },
      tokens: [{ refresh_token: 'r1', access_token: 'a1', id_token: jwt }],
      note: `got ${jwt}`,
      count: 3,
    });
    const text = JSON.stringify(out);
    for (const secret of ['Bearer x', 'a=b', 'r1', 'a1', 'eyJ']) expect(text).not.toContain(secret);
    expect(out).toMatchObject({ event: 'auth', count: 3 });
  });

  it('redacts error messages and stacks', () => {
    const out = redact(new Error(`bad token ${jwt}`)) as { message: string; stack: string };
    expect(out.message).not.toContain('eyJ');
    expect(out.stack).not.toContain('eyJ');
  });
});
