import type { FederationDirectory } from '../../../shared/federation/directory';
import type { HostEntry, HostList, HostNoteSaid, HostReason } from '../../../shared/it/hosts';
import { notAllowedNote } from './allowLists';
import { isUsable } from './directory';

/** The discovery members whose hosts the app (or, for the sign-in page, the browser) contacts. */
const DISCOVERY_ENDPOINTS = [
  ['authorization_endpoint', 'browser', 'sign-in page', 'sign-in-page'],
  // Sign-in, refresh, and the per-node token exchange (RFC 8693 with an RFC 8707 resource).
  ['token_endpoint', 'app', 'tokens (sign-in, refresh, one token per node)', 'tokens'],
  ['userinfo_endpoint', 'app', 'passport (UserInfo)', 'passport'],
  ['jwks_uri', 'app', 'token signing keys', 'signing-keys'],
  ['end_session_endpoint', 'browser', 'sign-out page', 'sign-out-page'],
  ['revocation_endpoint', 'app', 'token revocation', 'revocation'],
] as const;

export type Discover = (issuer: string) => Promise<Record<string, unknown>>;

/**
 * Every host and port the app may contact and why (issue 21), from the directory after IT's
 * allow-lists, the broker discovery documents and the update feed. Pure apart from `discover`, so
 * the same function serves the Settings page, the CLI and the e2e request-log test.
 */
export async function listHosts(input: {
  directoryUrl: string;
  directory: FederationDirectory;
  updateFeedUrl: string | undefined;
  /** Origins whose links the system browser may open (settings `externalLinkOrigins`). */
  externalLinkOrigins?: readonly string[];
  /** The broker of the live session: still contacted (refresh) while the directory cannot be read. */
  sessionIssuer?: string;
  discover: Discover;
}): Promise<HostList> {
  const reasons: HostReason[] = [];
  const notes: string[] = [];
  const said: HostNoteSaid[] = [];
  const note = (english: string, coded: HostNoteSaid): void => {
    notes.push(english);
    said.push(coded);
  };
  let complete = isUsable(input.directory);
  const add = (reason: HostReason): void => {
    reasons.push(reason);
  };
  const { directory } = input;
  if (input.directoryUrl !== '')
    add({
      purpose: 'federation-directory',
      by: 'app',
      detail: 'federation directory',
      what: 'directory',
      url: input.directoryUrl,
    });
  const brokers: { issuer: string; name: string; session?: true }[] = [...directory.brokers];
  // Issue 12 keeps a session alive while the directory cannot be read; its broker is still used.
  const session = input.sessionIssuer;
  if (
    session !== undefined &&
    !isUsable(directory) &&
    !brokers.some((b) => b.issuer.replace(/\/+$/, '') === session.replace(/\/+$/, ''))
  )
    brokers.push({ issuer: session, name: session, session: true });
  for (const broker of brokers) {
    // The words are the renderer's (what + name); `detail` is the CLI's English.
    const label = broker.session === true ? `${broker.name} (your current session)` : broker.name;
    const of = {
      name: broker.name,
      ...(broker.session === true ? { session: true as const } : {}),
    };
    add({
      purpose: 'broker',
      by: 'app',
      detail: `${label}: discovery`,
      what: 'discovery',
      ...of,
      url: broker.issuer,
    });
    try {
      const meta = await input.discover(broker.issuer);
      for (const [member, by, words, what] of DISCOVERY_ENDPOINTS) {
        const url = meta[member];
        if (typeof url === 'string' && URL.canParse(url))
          add({ purpose: 'broker', by, detail: `${label}: ${words}`, what, ...of, url });
      }
    } catch (error: unknown) {
      complete = false;
      const why = error instanceof Error ? error.message : String(error);
      note(
        `The discovery document of ${label} (${broker.issuer}) could not be read (${why}); its endpoints may be on hosts not listed here.`,
        { code: 'discovery', params: { broker: broker.name, issuer: broker.issuer, detail: why } },
      );
    }
  }
  for (const { iss, jku } of directory.trustedVisaIssuers)
    add({
      purpose: 'visa-issuer-keys',
      by: 'app',
      detail: `visa issuer ${iss}`,
      what: 'visa-issuer',
      name: iss,
      url: jku,
    });
  for (const node of directory.nodes) {
    const name = `${node.name} (${node.id})`;
    add({ purpose: 'beacon', by: 'app', detail: name, what: 'node', name, url: node.beaconUrl });
    if (node.htsgetUrl !== undefined)
      add({ purpose: 'htsget', by: 'app', detail: name, what: 'node', name, url: node.htsgetUrl });
  }
  if (input.updateFeedUrl !== undefined && input.updateFeedUrl !== '')
    add({
      purpose: 'update-feed',
      by: 'app',
      detail: 'update feed',
      what: 'update-feed',
      url: input.updateFeedUrl,
    });
  // Not contacted by the app: opened in the system browser when the person follows a link.
  for (const origin of input.externalLinkOrigins ?? [])
    add({
      purpose: 'external-link',
      by: 'browser',
      detail: 'links the person opens',
      what: 'links',
      url: origin,
    });
  if (directory.problem !== undefined)
    note(
      directory.problem,
      directory.problemSaid === undefined
        ? { code: 'directory', params: { why: directory.problem } }
        : {
            code: 'directory',
            params: { directory: directory.problemSaid.code, ...directory.problemSaid.params },
          },
    );
  const dropped = notAllowedNote(directory);
  if (dropped !== undefined)
    note(dropped, {
      code: 'not-allowed',
      params: { entries: (directory.notAllowed ?? []).join(', ') },
    });
  return {
    hosts: group(reasons),
    directorySource: directory.source,
    complete,
    notes,
    said,
    ...(dropped === undefined || directory.notAllowedSaid === undefined
      ? {}
      : { notAllowed: directory.notAllowedSaid }),
  };
}

/** One entry per scheme, host and port, in first-seen order, with every reason for it. */
function group(reasons: readonly HostReason[]): HostEntry[] {
  const byKey = new Map<string, HostEntry>();
  for (const reason of reasons) {
    const url = new URL(reason.url);
    const scheme = url.protocol === 'http:' ? 'http' : 'https';
    const port = url.port === '' ? (scheme === 'http' ? 80 : 443) : Number(url.port);
    const key = `${scheme}://${url.hostname}:${port}`;
    const entry = byKey.get(key) ?? { scheme, host: url.hostname, port, reasons: [] };
    if (!entry.reasons.some((r) => r.detail === reason.detail && r.url === reason.url))
      entry.reasons.push(reason);
    byKey.set(key, entry);
  }
  return [...byKey.values()];
}

/**
 * Whether a request URL goes to a listed host and port (the e2e request-log check); with `by`, only
 * hosts listed for that requester count (the app's own requests: `by: 'app'`).
 */
export function isListedHost(list: HostList, requestUrl: string, by?: 'app' | 'browser'): boolean {
  const url = new URL(requestUrl);
  const scheme = url.protocol === 'http:' ? 'http' : 'https';
  const port = url.port === '' ? (scheme === 'http' ? 80 : 443) : Number(url.port);
  return list.hosts.some(
    (h) =>
      h.scheme === scheme &&
      h.host === url.hostname &&
      h.port === port &&
      (by === undefined || h.reasons.some((r) => r.by === by)),
  );
}
