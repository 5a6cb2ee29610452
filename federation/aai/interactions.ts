/**
 * The sign-in and consent pages behind oidc-provider's interaction URL (no devInteractions: AUTH requirements
 * and RFC 8252 §8.6, the server does not auto-approve a native client without the user).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import { authenticate, type SeedAccount } from './accounts';
import type { GrantsStore } from './grantsStore';
import { readForm, sendHtml } from './http';
import { log } from './log';
import { consentPage, errorPage, loginPage, STYLESHEET, STYLESHEET_PATH } from './pages';

const ROUTE = /^\/interaction\/([A-Za-z0-9_-]+)(?:\/(login|confirm|abort))?$/u;

interface Deps {
  provider: Provider;
  accounts: readonly SeedAccount[];
  grants: GrantsStore;
  clientName: string;
}

function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

async function showPrompt(
  deps: Deps,
  req: IncomingMessage,
  res: ServerResponse,
  uid: string,
): Promise<void> {
  const details = await deps.provider.interactionDetails(req, res);
  if (details.uid !== uid) {
    sendHtml(
      res,
      400,
      errorPage('invalid_request', 'This sign-in link does not match your session.'),
    );
    return;
  }
  if (details.prompt.name === 'login') {
    sendHtml(res, 200, loginPage({ uid, clientName: deps.clientName }));
    return;
  }
  const scope = typeof details.params['scope'] === 'string' ? details.params['scope'] : 'openid';
  const username = details.session?.accountId ?? '';
  sendHtml(
    res,
    200,
    consentPage({ uid, clientName: deps.clientName, username, scopes: scope.split(' ') }),
  );
}

async function submitLogin(
  deps: Deps,
  req: IncomingMessage,
  res: ServerResponse,
  uid: string,
): Promise<void> {
  const details = await deps.provider.interactionDetails(req, res);
  const form = await readForm(req);
  const username = (form.get('username') ?? '').trim();
  if (details.uid !== uid || details.prompt.name !== 'login') {
    sendHtml(res, 400, errorPage('invalid_request', 'This sign-in step is not expected now.'));
    return;
  }
  const account = await authenticate(deps.accounts, username, form.get('password') ?? '');
  if (account === undefined) {
    log('info', 'sign-in failed', { uid });
    const error = 'Incorrect username or password. Check both and try again.';
    sendHtml(res, 401, loginPage({ uid, clientName: deps.clientName, username, error }));
    return;
  }
  await deps.grants.recordSignIn(account.username);
  log('info', 'signed in', { uid, username: account.username });
  await deps.provider.interactionFinished(
    req,
    res,
    { login: { accountId: account.username, amr: ['pwd'] } },
    { mergeWithLastSubmission: false },
  );
}

async function submitConsent(
  deps: Deps,
  req: IncomingMessage,
  res: ServerResponse,
  uid: string,
): Promise<void> {
  const { provider } = deps;
  const details = await provider.interactionDetails(req, res);
  const form = await readForm(req);
  if (details.uid !== uid || details.prompt.name !== 'consent' || details.session === undefined) {
    sendHtml(res, 400, errorPage('invalid_request', 'This consent step is not expected now.'));
    return;
  }
  if (form.get('decision') !== 'allow') {
    await provider.interactionFinished(req, res, {
      error: 'access_denied',
      error_description: 'consent denied',
    });
    return;
  }
  const prompt = details.prompt.details;
  const grant =
    (details.grantId === undefined ? undefined : await provider.Grant.find(details.grantId)) ??
    new provider.Grant({
      accountId: details.session.accountId,
      clientId: String(details.params['client_id']),
    });
  const scopes = asStrings(prompt['missingOIDCScope']);
  if (scopes.length > 0) grant.addOIDCScope(scopes.join(' '));
  const claims = asStrings(prompt['missingOIDCClaims']);
  if (claims.length > 0) grant.addOIDCClaims(claims);
  const resourceScopes = prompt['missingResourceScopes'];
  if (resourceScopes !== null && typeof resourceScopes === 'object') {
    for (const [indicator, s] of Object.entries(resourceScopes))
      grant.addResourceScope(indicator, asStrings(s).join(' '));
  }
  const grantId = await grant.save();
  await provider.interactionFinished(
    req,
    res,
    { consent: { grantId } },
    { mergeWithLastSubmission: true },
  );
}

/** Handles `/interaction/*` and the stylesheet; returns false for any other path. */
export async function handleInteraction(
  deps: Deps,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<boolean> {
  if (path === STYLESHEET_PATH && req.method === 'GET') {
    res.writeHead(200, {
      'Content-Type': 'text/css; charset=utf-8',
      'Cache-Control': 'max-age=300',
    });
    res.end(STYLESHEET);
    return true;
  }
  const match = ROUTE.exec(path);
  if (match === null) return false;
  const uid = match[1] ?? '';
  const action = match[2];
  try {
    if (action === undefined && req.method === 'GET') await showPrompt(deps, req, res, uid);
    else if (action === 'login' && req.method === 'POST') await submitLogin(deps, req, res, uid);
    else if (action === 'confirm' && req.method === 'POST')
      await submitConsent(deps, req, res, uid);
    else if (action === 'abort' && req.method === 'POST') {
      await deps.provider.interactionFinished(req, res, {
        error: 'access_denied',
        error_description: 'sign-in cancelled',
      });
    } else sendHtml(res, 405, errorPage('method_not_allowed', undefined));
  } catch (err) {
    // Typically an expired or unknown interaction (SessionNotFound); never echo request data.
    log('warn', 'interaction failed', { uid, error: (err as Error).name });
    if (!res.headersSent)
      sendHtml(
        res,
        400,
        errorPage('session_not_found', 'Your sign-in session expired. Start again from the app.'),
      );
  }
  return true;
}
