import { expect, test } from '../fixtures/app';
import { fetchFromPage, injectInlineScript } from '../pages/securityProbes';

test('the document and its scripts carry the Content-Security-Policy header (STANDARDS 5.3)', async ({
  page,
  shell,
}) => {
  const script = page.waitForResponse((response) =>
    /\/assets\/.+\.js$/.test(new URL(response.url()).pathname),
  );
  const documentResponse = await page.reload();
  await shell.waitUntilReady();
  const scriptResponse = await script;
  for (const response of [documentResponse!, scriptResponse]) {
    const csp = await response.headerValue('content-security-policy');
    expect(csp, response.url()).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).not.toMatch(/'unsafe-eval'|script-src[^;]*'unsafe-inline'/);
  }
});

test('an injected inline script is blocked by script-src and does not run', async ({ page }) => {
  const outcome = await injectInlineScript(page);
  expect(outcome.violatedDirective).toMatch(/^script-src/);
  expect(outcome.blockedURI).toBe('inline');
  expect(outcome.succeeded).toBe(false);
});

test('fetch to another origin is blocked by connect-src before it leaves the page', async ({
  page,
  sandbox,
}) => {
  const outcome = await fetchFromPage(page, 'https://example.org/');
  expect(outcome.violatedDirective).toBe('connect-src');
  expect(outcome.blockedURI).toContain('https://example.org');
  expect(outcome.succeeded).toBe(false);
  // The CSP stopped it, not the suite's outside-request guard: no request reached the network layer.
  expect(sandbox.outsideRequests).toEqual([]);
});
