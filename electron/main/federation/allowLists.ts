import type { FederationDirectory } from '../../../shared/federation/directory';

/**
 * IT's allow-lists over the directory (issue 21, policy `allowedBrokers`/`allowedNodes`): a broker
 * whose issuer or a node whose id is not listed is dropped, so it is never contacted and never shown.
 * An empty list allows every entry of the directory. Issuers compare without a trailing slash.
 * What was dropped is named in `notAllowed`, not in `problem`: a directory IT narrowed is a good
 * directory (isUsable), so sign-in keeps trusting its visa issuers.
 */
export function applyAllowLists(
  dir: FederationDirectory,
  allowed: { allowedBrokers: readonly string[]; allowedNodes: readonly string[] },
): FederationDirectory {
  const bare = (u: string): string => u.replace(/\/+$/, '');
  const brokers = new Set(allowed.allowedBrokers.map(bare));
  const nodes = new Set(allowed.allowedNodes);
  const keptBrokers =
    brokers.size === 0 ? dir.brokers : dir.brokers.filter((b) => brokers.has(bare(b.issuer)));
  const keptNodes = nodes.size === 0 ? dir.nodes : dir.nodes.filter((n) => nodes.has(n.id));
  const dropped = [
    ...dir.brokers.filter((b) => !keptBrokers.includes(b)).map((b) => `broker ${b.issuer}`),
    ...dir.nodes.filter((n) => !keptNodes.includes(n)).map((n) => `node ${n.id}`),
  ];
  if (dropped.length === 0) return dir;
  return { ...dir, brokers: keptBrokers, nodes: keptNodes, notAllowed: dropped };
}

/** The plain-words note for what the allow-lists removed (Settings' host list, the CLI). */
export function notAllowedNote(dir: FederationDirectory): string | undefined {
  if (dir.notAllowed === undefined || dir.notAllowed.length === 0) return undefined;
  return `Not allowed by your organisation's policy: ${dir.notAllowed.join(', ')}.`;
}
