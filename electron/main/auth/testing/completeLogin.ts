import type { BrowserResponse, ScriptedBrowserLike } from './signInFederation';

const formAction = (page: BrowserResponse, suffix: string): string | undefined => {
  for (const m of page.body.matchAll(/<form[^>]*\baction="([^"]+)"/gu)) {
    const action = (m[1] ?? '').replaceAll('&amp;', '&');
    if (action.endsWith(suffix)) return new URL(action, page.url).href;
  }
  return undefined;
};

/**
 * Plays the person at the system browser (tests only): opens the authorization URL, submits the
 * broker's sign-in and consent forms and follows the redirect to the app's loopback listener.
 * Returns the last response (the listener's page) or throws with what the broker showed.
 */
export async function completeLogin(
  browser: ScriptedBrowserLike,
  authorizationUrl: string,
  username: string,
  opts: { deny?: boolean } = {},
): Promise<BrowserResponse> {
  let page = await browser.navigate(authorizationUrl);
  const login = formAction(page, '/login');
  if (login !== undefined)
    page = await browser.navigate(login, {
      method: 'POST',
      form: { username, password: 'demo-password' },
    });
  const confirm = formAction(page, '/confirm');
  if (confirm === undefined) throw new Error(`no consent page: ${String(page.status)}`);
  return browser.navigate(confirm, {
    method: 'POST',
    form: { decision: opts.deny === true ? 'deny' : 'allow' },
  });
}

/**
 * Plays the person at the broker's end-session page (tests only): confirms "Yes, sign me out", so
 * the broker's session cookie in this browser ends. Throws when the page has no logout form.
 */
export async function completeLogout(
  browser: ScriptedBrowserLike,
  endSessionUrl: string,
): Promise<BrowserResponse> {
  const page = await browser.navigate(endSessionUrl);
  const confirm = formAction(page, '/session/end/confirm');
  const xsrf = /name="xsrf" value="([^"]+)"/u.exec(page.body)?.[1];
  if (confirm === undefined || xsrf === undefined)
    throw new Error(`no logout form: ${String(page.status)}`);
  return browser.navigate(confirm, { method: 'POST', form: { xsrf, logout: 'yes' } });
}

/** Whether a broker page asks for credentials (the sign-in form), not only for consent. */
export const asksForCredentials = (page: BrowserResponse): boolean =>
  formAction(page, '/login') !== undefined;
