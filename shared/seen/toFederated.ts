import type { FederatedAnswer } from '../acmg/sheet';
import type { Count } from '../search/results';
import { countRange } from '../search/aggregate';
import type { SeenAnswer } from './channels';

/**
 * The stored seen-before answers as the evidence sheet and the report take them (issue 18): one
 * row per dataset at its own granularity, with the dataset's size where the node gave one; a
 * node's "yes" for datasets it does not name to this user is one row ("dataset not named"); a
 * failed lookup is one row with its error, so a report never reads it as "absent".
 */
export function toFederated(answers: readonly SeenAnswer[]): FederatedAnswer[] {
  return answers.flatMap((a): FederatedAnswer[] => {
    const base = { variantKey: a.key, node: `${a.nodeName} (${a.nodeId})`, at: a.at };
    if (a.status !== 'ok')
      return [
        {
          ...base,
          dataset: 'all',
          granularity: 'boolean',
          exists: null,
          count: null,
          error: a.message ?? a.status,
          status: a.status,
          ...(a.problem === undefined ? {} : { problem: a.problem }),
        },
      ];
    const rows = (a.datasets ?? []).map((d): FederatedAnswer => {
      const size = d.size === undefined ? undefined : countRange(d.size);
      return {
        ...base,
        dataset: d.id,
        granularity: d.granularity,
        exists: d.exists,
        ...counted(d.count),
        ...(size === undefined ? {} : { individuals: { min: size.min, max: size.max } }),
        ...(d.declared === undefined ? {} : { declared: d.declared }),
      };
    });
    const namedYes = rows.some((r) => r.exists === true);
    if (a.exists === true && !namedYes)
      rows.push({
        ...base,
        dataset: 'dataset not named',
        granularity: a.granularity ?? 'boolean',
        exists: true,
        count: null,
      });
    if (rows.length === 0)
      rows.push({
        ...base,
        dataset: 'all',
        granularity: a.granularity ?? 'boolean',
        exists: a.exists ?? null,
        count: null,
      });
    return rows;
  });
}

/** A count as exact, or as the range a rounded or "<N" count stands for. */
function counted(c: Count | undefined): Pick<FederatedAnswer, 'count' | 'countRange'> {
  if (c === undefined) return { count: null };
  if (c.precision === 'exact') return { count: c.value };
  const r = countRange(c);
  return { count: null, countRange: { min: r.min, max: r.max } };
}
