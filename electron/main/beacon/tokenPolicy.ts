/**
 * BCN-02 / PASS-04: the bearer token goes only to a URL under an allow-listed Beacon base URL
 * (same origin, path under the base). Anything else gets anonymous requests.
 */
export function isAllowListed(url: string, allowList: readonly string[]): boolean {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  return allowList.some((entry) => {
    try {
      const base = new URL(entry);
      const path = base.pathname.replace(/\/+$/, '');
      return (
        base.origin === target.origin &&
        (target.pathname === path || target.pathname.startsWith(`${path}/`) || path === '')
      );
    } catch {
      return false;
    }
  });
}
