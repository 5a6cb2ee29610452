import { formatCount, summaryExceedsSets } from '../../../../shared/search/aggregate';
import type { NodeUpdate } from '../../../../shared/search/results';

/** How many records of one dataset arrived, out of how many it has (issue 13: "first N of M"). */
export interface Coverage {
  nodeId: string;
  datasetId: string;
  received: number;
  /** The dataset's count as the node reported it ("314", "≈310"); undefined when it gave none. */
  total: string | undefined;
  /** Every record of the dataset arrived. */
  all: boolean;
}

/** Per dataset that answered with records: the first page's size against the dataset's count. */
export function recordCoverage(nodes: readonly NodeUpdate[]): Coverage[] {
  return nodes.flatMap((n) => (n.status !== 'ok' ? [] : nodeCoverage(n)));
}

function nodeCoverage(n: NodeUpdate): Coverage[] {
  const sets = (n.datasets ?? []).filter((d) => d.unreadable === undefined);
  // The node's total says more matches than its sets' counts: a set's count may be its page, so
  // "all N" is not claimed for any of them.
  const short = summaryExceedsSets(
    n.count,
    sets.flatMap((d) => (d.count === undefined ? [] : [d.count])),
    sets.filter((d) => d.count === undefined && d.exists).length,
  );
  return (n.datasets ?? []).flatMap((d): Coverage[] =>
    d.recordsReceived === undefined || (d.recordsReceived === 0 && !d.exists)
      ? []
      : [
          {
            nodeId: n.nodeId,
            datasetId: d.id,
            received: d.recordsReceived,
            total: d.count === undefined ? undefined : formatCount(d.count),
            all:
              !short &&
              d.count?.precision === 'exact' &&
              d.count.value === d.recordsReceived &&
              n.recordsTruncated !== true,
          },
        ],
  );
}
