/**
 * The renderer's Content-Security-Policy (STANDARDS 5.3), sent as an HTTP response header by the app
 * protocol and by browser mode on every response, workers included (a meta tag would not cover them).
 * 'wasm-unsafe-eval' is for duckdb-wasm; evaluating strings as code (the plain eval keyword) is never allowed.
 */
export function buildCsp(opts: { connectSrc?: readonly string[] } = {}): string {
  const directives: [string, string[]][] = [
    ['default-src', ["'none'"]],
    ['script-src', ["'self'", "'wasm-unsafe-eval'"]],
    ['worker-src', ["'self'", 'blob:']],
    ['connect-src', ["'self'", ...(opts.connectSrc ?? [])]],
    ['img-src', ["'self'", 'data:', 'blob:']],
    // igv.js injects <style> elements at run time (STANDARDS 5.3); scripts stay strict.
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['font-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
  ];
  for (const [, sources] of directives) {
    if (sources.some((source) => /unsafe-eval'$/.test(source) && source !== "'wasm-unsafe-eval'")) {
      throw new Error('unsafe-eval is not allowed in the renderer CSP');
    }
  }
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/** Every header the app's own origin sends with every response. */
export function securityHeaders(
  opts: { connectSrc?: readonly string[] } = {},
): Record<string, string> {
  return {
    'Content-Security-Policy': buildCsp(opts),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy':
      'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=(), payment=()',
    'Cache-Control': 'no-store',
  };
}
