/**
 * Redirect URI matching for the native client (RFC 8252 §7.3, RFC 9700 §2.1): exact match, except that
 * the port of an IP-literal loopback redirect may be anything. Unlike oidc-provider's built-in rule this
 * does not treat `localhost` as loopback (RFC 8252 §8.3 says not to use it).
 */

const LOOPBACK_IP_HOSTS = new Set(['127.0.0.1', '[::1]']);

function loopbackWithoutPort(uri: string): string | undefined {
  const url = URL.parse(uri);
  // Only the canonical spelling: URL parsing maps e.g. `127.1` or `:080` onto 127.0.0.1/80, exact matching must not.
  if (url?.href !== uri || url.protocol !== 'http:' || !LOOPBACK_IP_HOSTS.has(url.hostname))
    return undefined;
  if (url.username !== '' || url.password !== '' || url.hash !== '') return undefined;
  url.port = '';
  return url.href;
}

/** True when `value` is registered exactly, or is a registered loopback IP redirect with any port. */
export function redirectAllowed(value: string, registered: readonly string[]): boolean {
  if (registered.includes(value)) return true;
  const candidate = loopbackWithoutPort(value);
  if (candidate === undefined) return false;
  return registered.some((r) => loopbackWithoutPort(r) === candidate);
}
