import type {
  FederationDirectory,
  NodeEntry,
  NotAllowedEntry,
} from '../../../shared/federation/directory';
import type { Settings } from '../../../shared/settings/settings';

/** The policy keys that narrow the directory (issue 21, STANDARDS 5.6). */
export type AllowLists = Pick<
  Settings,
  | 'allowedBrokers'
  | 'allowedNodes'
  | 'trustedVisaIssuers'
  | 'allowedBeaconHosts'
  | 'allowedHtsgetHosts'
>;

const bare = (u: string): string => u.replace(/\/+$/, '');

/**
 * A host entry (`host` or `host:port`) as URLs carry hosts: an internationalised name in its ASCII
 * form (bücher.example → xn--bcher-kva.example), lower case, IPv6 as the URL standard writes it;
 * the port as written. Undefined when it is no host (decision 0105).
 */
export function asciiHostEntry(entry: string): string | undefined {
  const m = /^([^\s/?#@\\]+?)(?::([0-9]{1,5}))?$/.exec(entry);
  if (m?.[1] === undefined) return undefined;
  try {
    const host = new URL(`http://${m[1]}`).hostname;
    return host === '' ? undefined : m[2] === undefined ? host : `${host}:${m[2]}`;
  } catch {
    return undefined;
  }
}

/**
 * Whether a URL's host is on a host list (`host` or `host:port`, case-insensitive; a bare host
 * allows every port). An empty list allows every host.
 */
export function hostAllowed(url: string, entries: readonly string[]): boolean {
  if (entries.length === 0) return true;
  if (!URL.canParse(url)) return false;
  const u = new URL(url);
  const host = u.hostname.toLowerCase();
  const port = u.port === '' ? (u.protocol === 'http:' ? '80' : '443') : u.port;
  return entries.some((entry) => {
    // As the URL writes its host: an internationalised name in ASCII, IPv6 normalised (0105).
    const ascii = asciiHostEntry(entry) ?? entry.toLowerCase();
    const m = /^(.*?)(?::([0-9]{1,5}))?$/.exec(ascii);
    return m?.[1] === host && (m[2] === undefined || m[2] === port);
  });
}

/** Whether a directory's (iss, jku) pair is on IT's list (`ISS` or `ISS JKU`). */
function issuerAllowed(pair: { iss: string; jku: string }, entries: readonly string[]): boolean {
  return entries.some((entry) => {
    const [iss = '', jku] = entry.split(' ');
    return bare(iss) === bare(pair.iss) && (jku === undefined || bare(jku) === bare(pair.jku));
  });
}

const withoutHtsget = (n: NodeEntry): NodeEntry =>
  Object.fromEntries(Object.entries(n).filter(([k]) => k !== 'htsgetUrl')) as NodeEntry;

const hostOf = (url: string): string => (URL.canParse(url) ? new URL(url).host : url);

/**
 * IT's allow-lists over the directory (issue 21; policy `allowedBrokers`, `allowedNodes`,
 * `trustedVisaIssuers`, `allowedBeaconHosts`, `allowedHtsgetHosts`): a broker whose issuer, a node
 * whose id or Beacon host, or a visa issuer that is not listed is dropped, and an htsget on a host
 * not listed is taken off its node, so none of them is ever contacted or trusted (a visa from a
 * dropped issuer grants nothing, PASS-02). An empty list allows every entry of the directory.
 * Issuers compare without a trailing slash. What was dropped is named in `notAllowed`, not in
 * `problem`: a directory IT narrowed is a good directory (isUsable), so sign-in keeps trusting the
 * issuers that remain.
 */
export function applyAllowLists(
  dir: FederationDirectory,
  allowed: AllowLists,
): FederationDirectory {
  const brokers = new Set(allowed.allowedBrokers.map(bare));
  const nodes = new Set(allowed.allowedNodes);
  const dropped: string[] = [];
  const said: NotAllowedEntry[] = [];
  // Main's English for the command line and the logs, the kind and name for the window (issue 22).
  const drop = (english: string, entry: NotAllowedEntry): void => {
    dropped.push(english);
    said.push(entry);
  };
  const keptBrokers = dir.brokers.filter((b) => {
    const keep = brokers.size === 0 || brokers.has(bare(b.issuer));
    if (!keep) drop(`broker ${b.issuer}`, { kind: 'broker', name: b.issuer });
    return keep;
  });
  const keptNodes: NodeEntry[] = [];
  for (const n of dir.nodes) {
    if (nodes.size > 0 && !nodes.has(n.id)) drop(`node ${n.id}`, { kind: 'node', name: n.id });
    else if (!hostAllowed(n.beaconUrl, allowed.allowedBeaconHosts)) {
      const host = hostOf(n.beaconUrl);
      drop(`node ${n.id} (its Beacon host ${host})`, { kind: 'node-beacon', name: n.id, host });
    } else if (n.htsgetUrl !== undefined && !hostAllowed(n.htsgetUrl, allowed.allowedHtsgetHosts)) {
      const host = hostOf(n.htsgetUrl);
      drop(`htsget of node ${n.id} (host ${host})`, { kind: 'htsget', name: n.id, host });
      keptNodes.push(withoutHtsget(n));
    } else keptNodes.push(n);
  }
  const issuers =
    allowed.trustedVisaIssuers.length === 0
      ? dir.trustedVisaIssuers
      : dir.trustedVisaIssuers.filter((t) => {
          const keep = issuerAllowed(t, allowed.trustedVisaIssuers);
          if (!keep) drop(`visa issuer ${t.iss}`, { kind: 'visa-issuer', name: t.iss });
          return keep;
        });
  if (dropped.length === 0) return dir;
  return {
    ...dir,
    brokers: keptBrokers,
    nodes: keptNodes,
    trustedVisaIssuers: issuers,
    notAllowed: dropped,
    notAllowedSaid: said,
  };
}

/** The plain-words note for what the allow-lists removed (Settings' host list, the CLI). */
export function notAllowedNote(dir: FederationDirectory): string | undefined {
  if (dir.notAllowed === undefined || dir.notAllowed.length === 0) return undefined;
  return `Not allowed by your organisation's policy: ${dir.notAllowed.join(', ')}.`;
}
