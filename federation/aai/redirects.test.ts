import { describe, expect, test } from 'vitest';
import { redirectAllowed } from './redirects';

const REGISTERED = ['http://127.0.0.1/callback', 'http://[::1]/callback'];

describe('redirectAllowed (RFC 8252 §7.3, RFC 9700 §2.1)', () => {
  test.each([
    'http://127.0.0.1/callback',
    'http://127.0.0.1:49152/callback',
    'http://127.0.0.1:65535/callback',
    'http://[::1]:8080/callback',
  ])('AUTH-03: accepts %s', (uri) => {
    expect(redirectAllowed(uri, REGISTERED)).toBe(true);
  });

  test.each([
    'http://localhost:8080/callback',
    'https://127.0.0.1:8080/callback',
    'http://127.0.0.1:8080/callback2',
    'http://127.0.0.1:8080/callback?x=1',
    'http://127.0.0.1:8080/callback#frag',
    'http://a:b@127.0.0.1:8080/callback',
    'http://127.1:8080/callback',
    'http://127.0.0.1:08080/callback',
    'HTTP://127.0.0.1:8080/callback',
    'http://0.0.0.0:8080/callback',
    'not a url',
  ])('refuses %s', (uri) => {
    expect(redirectAllowed(uri, REGISTERED)).toBe(false);
  });

  test('non-loopback registrations still need an exact match', () => {
    expect(redirectAllowed('https://app.example/cb', ['https://app.example/cb'])).toBe(true);
    expect(redirectAllowed('https://app.example:444/cb', ['https://app.example/cb'])).toBe(false);
  });
});
