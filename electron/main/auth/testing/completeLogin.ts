import type { BrowserResponse, ScriptedBrowserLike } from './demoFederation';

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
