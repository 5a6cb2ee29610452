import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl, isAppUrl, isNavigationAllowed } from './navigation';

const allow = ['https://www.ga4gh.org', 'https://hpo.jax.org/'];

describe('navigation guard (Electron checklist 13)', () => {
  it('allows only the app origin, compared by parsed origin, not prefix', () => {
    expect(isNavigationAllowed('app://cohort-desk/index.html#/search')).toBe(true);
    expect(isNavigationAllowed('app://cohort-desk.evil.com/index.html')).toBe(false);
    expect(isNavigationAllowed('app://cohort-deskevil/')).toBe(false);
    expect(isNavigationAllowed('https://cohort-desk/')).toBe(false);
    expect(isNavigationAllowed('file:///etc/passwd')).toBe(false);
    expect(isNavigationAllowed('javascript:alert(1)')).toBe(false);
    expect(isNavigationAllowed('not a url')).toBe(false);
  });

  it('treats a missing sender URL as foreign', () => {
    expect(isAppUrl(undefined)).toBe(false);
  });

  it('supports a loopback origin for browser mode, port included', () => {
    expect(isAppUrl('http://127.0.0.1:4555/#/x', 'http://127.0.0.1:4555')).toBe(true);
    expect(isAppUrl('http://127.0.0.1:4556/', 'http://127.0.0.1:4555')).toBe(false);
  });
});

describe('external links (Electron checklist 15, STANDARDS 5.7 test 3)', () => {
  it('opens allow-listed https origins', () => {
    expect(isAllowedExternalUrl('https://www.ga4gh.org/news?x=1', allow)).toBe(true);
    expect(isAllowedExternalUrl('https://hpo.jax.org/browse/term/HP:0001250', allow)).toBe(true);
  });

  it('refuses file:, smb:, http:, custom schemes, look-alike hosts, credentials and other ports', () => {
    for (const url of [
      'file:///C:/Windows/System32/calc.exe',
      'smb://attacker/share',
      'http://www.ga4gh.org/',
      'ms-msdt:/id PCWDiagnostic',
      'https://www.ga4gh.org.evil.com/',
      'https://evil.com/#https://www.ga4gh.org',
      'https://user:pass@www.ga4gh.org/',
      'https://www.ga4gh.org:8443/',
      'javascript:alert(1)',
    ]) {
      expect(isAllowedExternalUrl(url, allow), url).toBe(false);
    }
  });
});
