import { describe, expect, it } from 'vitest';
import { buildCsp, securityHeaders } from './csp';

const directive = (csp: string, name: string): string[] =>
  csp
    .split(';')
    .map((d) => d.trim().split(/\s+/))
    .find(([n]) => n === name)
    ?.slice(1) ?? [];

describe('CSP header builder (STANDARDS 5.3)', () => {
  it('is strict: self scripts plus wasm for duckdb-wasm, never unsafe-eval or inline scripts', () => {
    const csp = buildCsp();
    expect(directive(csp, 'default-src')).toEqual(["'none'"]);
    expect(directive(csp, 'script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(csp).not.toContain("'unsafe-eval'");
    expect(directive(csp, 'script-src')).not.toContain("'unsafe-inline'");
  });

  it('covers workers, frames, objects, forms and base', () => {
    const csp = buildCsp();
    expect(directive(csp, 'worker-src')).toEqual(["'self'", 'blob:']);
    expect(directive(csp, 'frame-ancestors')).toEqual(["'none'"]);
    expect(directive(csp, 'object-src')).toEqual(["'none'"]);
    expect(directive(csp, 'form-action')).toEqual(["'none'"]);
    expect(directive(csp, 'base-uri')).toEqual(["'none'"]);
  });

  it('keeps connect-src free of wildcards', () => {
    expect(directive(buildCsp(), 'connect-src')).toEqual(["'self'"]);
    expect(directive(buildCsp({ connectSrc: ['gdi:'] }), 'connect-src')).toEqual([
      "'self'",
      'gdi:',
    ]);
  });

  it('refuses to build a policy with unsafe-eval', () => {
    expect(() => buildCsp({ connectSrc: ["'unsafe-eval'"] })).toThrow(/unsafe-eval/);
  });

  it('sends the CSP with the other security headers', () => {
    const headers = securityHeaders();
    expect(headers['Content-Security-Policy']).toBe(buildCsp());
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Cross-Origin-Opener-Policy']).toBe('same-origin');
    expect(Object.keys(headers)).not.toContain('Access-Control-Allow-Origin');
  });
});
