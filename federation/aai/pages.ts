/**
 * The broker's HTML pages: sign-in, consent, sign-out and errors. Plain forms that POST, labelled inputs,
 * no script (the CSP forbids it), usable with the keyboard alone.
 */

/** Escapes text for HTML element content and attribute values. */
export function esc(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

export const STYLESHEET_PATH = '/static/aai.css';

export const STYLESHEET = `
body { font-family: system-ui, sans-serif; margin: 0; background: #f4f6f8; color: #1b1f23; }
main { max-width: 28rem; margin: 3rem auto; background: #fff; padding: 2rem; border-radius: 8px; }
h1 { font-size: 1.4rem; margin-top: 0; }
label { display: block; font-weight: 600; margin-top: 1rem; }
input[type=text], input[type=password] { width: 100%; box-sizing: border-box; padding: .5rem; font-size: 1rem; border: 1px solid #57606a; border-radius: 4px; }
button { margin-top: 1.5rem; margin-right: .5rem; padding: .6rem 1.2rem; font-size: 1rem; border-radius: 4px; border: 1px solid #1f4f8f; background: #1f4f8f; color: #fff; cursor: pointer; }
button.secondary { background: #fff; color: #1f4f8f; }
:focus-visible { outline: 3px solid #bf4b00; outline-offset: 2px; }
.error { color: #a40e26; background: #ffebe9; padding: .6rem; border-radius: 4px; }
.note { color: #57606a; font-size: .9rem; }
`;

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} – Demo Federation AAI</title>
<link rel="stylesheet" href="${STYLESHEET_PATH}">
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

/** Sign-in page; `error` is shown in an alert region linked to the inputs. */
export function loginPage(opts: {
  uid: string;
  clientName: string;
  username?: string;
  error?: string;
}): string {
  const err =
    opts.error === undefined
      ? ''
      : `<p id="login-error" class="error" role="alert">${esc(opts.error)}</p>`;
  const invalid =
    opts.error === undefined ? '' : ' aria-invalid="true" aria-describedby="login-error"';
  return layout(
    'Sign in',
    `<h1>Sign in to the demo federation</h1>
<p>${esc(opts.clientName)} asks you to sign in.</p>
${err}
<form method="post" action="/interaction/${esc(opts.uid)}/login" novalidate>
<label for="username">Username</label>
<input id="username" name="username" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required autofocus value="${esc(opts.username ?? '')}"${invalid}>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${invalid}>
<button type="submit">Sign in</button>
</form>
<form method="post" action="/interaction/${esc(opts.uid)}/abort">
<button type="submit" class="secondary">Cancel</button>
</form>
<p class="note">Demo accounts: clinician, researcher, expiring, conditional, novisa.</p>`,
  );
}

const SCOPE_TEXT: Readonly<Record<string, string>> = {
  openid: 'Confirm who you are (your user identifier)',
  profile: 'Your name',
  email: 'Your e-mail address',
  ga4gh_passport_v1: 'Your GA4GH Passport: the dataset access permissions (visas) you hold',
  offline_access: 'Stay signed in: keep access while you are away (refresh tokens)',
};

/** Consent page listing what the application asks for, in plain language. */
export function consentPage(opts: {
  uid: string;
  clientName: string;
  username: string;
  scopes: readonly string[];
}): string {
  const items = opts.scopes.map((s) => `<li>${esc(SCOPE_TEXT[s] ?? s)}</li>`).join('\n');
  return layout(
    'Allow access',
    `<h1>Allow ${esc(opts.clientName)} access?</h1>
<p>You are signed in as <strong>${esc(opts.username)}</strong>. ${esc(opts.clientName)} asks for:</p>
<ul>
${items}
</ul>
<form method="post" action="/interaction/${esc(opts.uid)}/confirm">
<button type="submit" name="decision" value="allow" autofocus>Allow</button>
<button type="submit" name="decision" value="deny" class="secondary">Deny</button>
</form>`,
  );
}

/** RP-initiated logout confirmation; `form` is oidc-provider's hidden form (holds the xsrf token). */
export function logoutPage(form: string): string {
  return layout(
    'Sign out',
    `<h1>Sign out?</h1>
<p>Do you want to sign out of the demo federation?</p>
${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes" autofocus>Yes, sign me out</button>
<button type="submit" form="op.logoutForm" class="secondary">No, stay signed in</button>`,
  );
}

/** Shown after sign-out when no post_logout_redirect_uri was given. */
export function loggedOutPage(): string {
  return layout('Signed out', '<h1>You are signed out</h1><p>You can close this window.</p>');
}

/** Error page; never echoes tokens, only the OAuth error code and description. */
export function errorPage(error: string, description: string | undefined): string {
  const desc = description === undefined ? '' : `<p>${esc(description)}</p>`;
  return layout(
    'Error',
    `<h1>Something went wrong</h1><p role="alert" class="error">${esc(error)}</p>${desc}`,
  );
}
