import type { NodeEntry } from '../../../shared/federation/directory';
import type { Assembly } from '../../../shared/genome/assembly';
import type { Count } from '../../../shared/search/results';
import { queryNode, TimeoutAbort } from '../beacon/nodeClient';

/**
 * How many individuals each of a node's datasets holds, as the node counts them for this user
 * (issue 18): the Beacon individuals query with no parameters at count granularity, asked once
 * per node per batch. The size is the denominator of a seen-before count ("<10 of 6,400"); a
 * dataset the node answers only yes/no for, or a node that refuses the query, has no size, and
 * its answers then give no frequency.
 */
export async function datasetSizes(o: {
  node: NodeEntry;
  token: string | undefined;
  fetch: typeof fetch;
  timeoutMs: number;
  maxBytes: number;
  assembly: Assembly | undefined;
  signal: AbortSignal;
}): Promise<Map<string, Count>> {
  const controller = new AbortController();
  const stop = (): void => controller.abort(o.signal.reason);
  o.signal.addEventListener('abort', stop, { once: true });
  const timer = setTimeout(() => controller.abort(new TimeoutAbort()), o.timeoutMs);
  try {
    const a = await queryNode({
      node: o.node,
      parts: { entryType: 'individuals', params: {}, filters: [], granularity: 'count' },
      token: o.token,
      signal: controller.signal,
      fetch: o.fetch,
      maxBytes: o.maxBytes,
      timeoutMs: o.timeoutMs,
      ...(o.assembly === undefined ? {} : { assembly: o.assembly }),
    });
    const sizes = new Map<string, Count>();
    if (a.status !== 'ok') return sizes;
    for (const d of a.datasets ?? []) if (d.count !== undefined) sizes.set(d.id, d.count);
    return sizes;
  } finally {
    clearTimeout(timer);
    o.signal.removeEventListener('abort', stop);
  }
}
