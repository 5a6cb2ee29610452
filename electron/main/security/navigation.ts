/**
 * Navigation, new-window and external-link rules (Electron checklist 13, 14, 15). URLs are parsed with
 * `new URL()` and compared by origin: prefix checks are bypassable.
 */

/** The app's own origin (custom privileged scheme, never file://: checklist 18). */
export const APP_ORIGIN = 'app://cohort-desk';

const parse = (raw: string): URL | undefined => {
  try {
    return new URL(raw);
  } catch {
    return undefined;
  }
};

/** True when a frame URL belongs to the app's own origin. */
export function isAppUrl(raw: string | undefined, appOrigin: string = APP_ORIGIN): boolean {
  if (raw === undefined) return false;
  const url = parse(raw);
  const app = new URL(appOrigin);
  // Node's URL gives origin "null" for custom schemes, so compare scheme and host (with port) instead.
  return url !== undefined && url.protocol === app.protocol && url.host === app.host;
}

/** In-window navigation is allowed only within the app's own origin (hash routes). */
export function isNavigationAllowed(target: string, appOrigin: string = APP_ORIGIN): boolean {
  return isAppUrl(target, appOrigin);
}

/**
 * External links open in the system browser only for https URLs whose origin is on the allow-list;
 * file:, smb:, javascript:, custom schemes, credentials in the URL and non-default ports are refused.
 */
export function isAllowedExternalUrl(raw: string, allowedOrigins: readonly string[]): boolean {
  const url = parse(raw);
  if (url?.protocol !== 'https:') return false;
  if (url.username !== '' || url.password !== '') return false;
  const allowed = new Set(
    allowedOrigins
      .map((origin) => parse(origin)?.origin)
      .filter((o): o is string => o !== undefined),
  );
  return allowed.has(url.origin);
}
