import type { FederationDirectory } from '../../../shared/domain/federation';

/**
 * IT's allow-lists over the directory (issue 21, policy `allowedBrokers`/`allowedNodes`): a broker
 * whose issuer or a node whose id is not listed is dropped, so it is never contacted and never shown.
 * An empty list allows every entry of the directory. Issuers compare without a trailing slash.
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
  const note = `Not allowed by your organisation's policy: ${dropped.join(', ')}.`;
  return {
    ...dir,
    brokers: keptBrokers,
    nodes: keptNodes,
    problem: dir.problem === undefined ? note : `${dir.problem} ${note}`,
  };
}
