import type { NodeEntry } from '../../../shared/federation/directory';
import type { Refusal } from '../../../shared/vault/pullReason';

/**
 * DATA-01, decision 0018: may a dataset be kept locally? The node's own statement decides (the demo
 * nodes' `info.allowLocalCopies`); where the node says nothing, the federation directory's
 * `localCopies` for that node (the hospital's agreement with it); where neither says anything, no.
 * A copy also needs a controlled-access grant (PASS-03), checked elsewhere, so public and
 * registered record-level datasets are never kept: they stay browsable in the session.
 * Returns the refusal in words and as a code, or undefined when allowed.
 */
export function localCopyRefusal(
  dataset: { readonly id: string; readonly allowLocalCopies: boolean | undefined },
  node: NodeEntry,
): Refusal | undefined {
  if (dataset.allowLocalCopies === true) return undefined;
  const params = { node: node.id, dataset: dataset.id };
  if (dataset.allowLocalCopies === false)
    return {
      text: `Node ${node.id} does not allow local copies of ${dataset.id}.`,
      said: { code: 'node-forbids-copies', params },
    };
  if (node.localCopies === 'allowed') return undefined;
  if (node.localCopies === 'not-allowed')
    return {
      text: `The federation directory does not allow local copies of node ${node.id}'s datasets.`,
      said: { code: 'directory-forbids-copies', params: { node: node.id } },
    };
  return {
    text: `Node ${node.id} says nothing about local copies of ${dataset.id}, and the federation directory does not allow them for this node, so none is kept (ask your IT team to record the node's permission).`,
    said: { code: 'copies-unstated', params },
  };
}
