/** A scripted HTTP "browser" for tests: a cookie jar plus manual redirect following (no JavaScript, like our pages). */

interface Cookie {
  name: string;
  value: string;
  origin: string;
  path: string;
}

export interface BrowserResponse {
  url: string;
  status: number;
  headers: Headers;
  body: string;
}

const MAX_REDIRECTS = 10;

/** Keeps cookies per origin and path, and follows redirects the way a browser does after a form POST. */
export class ScriptedBrowser {
  readonly #cookies: Cookie[] = [];

  #cookieHeader(url: URL): string | undefined {
    const matching = this.#cookies.filter(
      (c) => c.origin === url.origin && url.pathname.startsWith(c.path),
    );
    // Longer paths first, as browsers send them.
    matching.sort((a, b) => b.path.length - a.path.length);
    return matching.length === 0
      ? undefined
      : matching.map((c) => `${c.name}=${c.value}`).join('; ');
  }

  #store(url: URL, setCookies: string[]): void {
    for (const line of setCookies) {
      const [pair = '', ...attrs] = line.split(';').map((s) => s.trim());
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      let path = '/';
      let expired = false;
      for (const attr of attrs) {
        const [k = '', v = ''] = attr.split('=');
        const key = k.toLowerCase();
        if (key === 'path') path = v;
        if (key === 'max-age' && Number(v) <= 0) expired = true;
        if (key === 'expires' && Date.parse(v) <= Date.now()) expired = true;
      }
      const idx = this.#cookies.findIndex(
        (c) => c.name === name && c.origin === url.origin && c.path === path,
      );
      if (idx >= 0) this.#cookies.splice(idx, 1);
      if (!expired) this.#cookies.push({ name, value, origin: url.origin, path });
    }
  }

  /** One request, no redirect following. */
  async request(
    url: string,
    init: { method?: 'GET' | 'POST'; form?: Record<string, string> } = {},
  ): Promise<BrowserResponse> {
    const target = new URL(url);
    const headers: Record<string, string> = { Accept: 'text/html,application/json' };
    const cookie = this.#cookieHeader(target);
    if (cookie !== undefined) headers['Cookie'] = cookie;
    let body: string | undefined;
    if (init.form !== undefined) {
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    }
    const res = await fetch(target, {
      method: init.method ?? 'GET',
      headers,
      redirect: 'manual',
      ...(body === undefined ? {} : { body }),
    });
    this.#store(target, res.headers.getSetCookie());
    return { url: target.href, status: res.status, headers: res.headers, body: await res.text() };
  }

  /** Requests and follows redirects (303/302 become GET) until a non-redirect or `stopAt` matches the next URL. */
  async navigate(
    url: string,
    init: { method?: 'GET' | 'POST'; form?: Record<string, string> } = {},
    stopAt?: (next: URL) => boolean,
  ): Promise<BrowserResponse> {
    let res = await this.request(url, init);
    for (let i = 0; i < MAX_REDIRECTS; i++) {
      const autoPost = autoSubmitForm(res);
      if (autoPost !== undefined) {
        // oidc-provider's self-submitting form (e.g. ending the previous account's session when
        // another person signs in): a browser's script posts it at once.
        if (stopAt?.(new URL(autoPost.action)) === true) return res;
        res = await this.request(autoPost.action, { method: 'POST', form: autoPost.fields });
        continue;
      }
      const location = res.headers.get('location');
      if (res.status < 300 || res.status >= 400 || location === null) return res;
      const next = new URL(location, res.url);
      if (stopAt?.(next) === true) return res;
      res = await this.request(next.href);
    }
    throw new Error(`too many redirects from ${url}`);
  }
}

/** oidc-provider's "Submitting Callback" page: its form's action and hidden fields, else undefined. */
function autoSubmitForm(
  page: BrowserResponse,
): { action: string; fields: Record<string, string> } | undefined {
  if (!page.body.includes('<title>Submitting Callback</title>')) return undefined;
  const action = /<form method="post" action="([^"]+)"/u.exec(page.body)?.[1];
  if (action === undefined) return undefined;
  const fields: Record<string, string> = {};
  for (const m of page.body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/>/gu))
    fields[m[1] ?? ''] = (m[2] ?? '').replaceAll('&amp;', '&');
  return { action: new URL(action.replaceAll('&amp;', '&'), page.url).href, fields };
}

/** The `action` of the first POST form on a page whose action ends with `suffix`. */
export function formAction(page: BrowserResponse, suffix: string): string | undefined {
  for (const m of page.body.matchAll(/<form[^>]*\baction="([^"]+)"/gu)) {
    const action = (m[1] ?? '').replaceAll('&amp;', '&');
    if (action.endsWith(suffix)) return new URL(action, page.url).href;
  }
  return undefined;
}
