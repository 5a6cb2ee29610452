import type { NodeUpdate } from '../../../shared/search/results';

/** One dataset's answer, as `cli search` prints it (JSON line or TSV row). */
export interface DatasetLine {
  node: string;
  country: string;
  dataset: string;
  /** null: the node's result set for it could not be read (not a "no"). */
  exists: boolean | null;
  granularity: 'boolean' | 'count' | 'record' | null;
  count: number | null;
  precision: string | null;
  /** Why the result set could not be read, located (issue 15 item 1); only on such rows. */
  unreadable?: string;
}

/** One row per dataset of every node that answered, in node order. */
export function datasetRows(nodes: readonly NodeUpdate[]): DatasetLine[] {
  return nodes.flatMap((n) =>
    (n.datasets ?? []).map((d) =>
      d.unreadable === undefined
        ? {
            node: n.nodeId,
            country: n.country,
            dataset: d.id,
            exists: d.exists,
            granularity: d.granularity,
            count: d.count?.value ?? null,
            precision: d.count?.precision ?? null,
          }
        : // Decision 0101: an unreadable set says nothing, so the row says neither "no" nor 0.
          {
            node: n.nodeId,
            country: n.country,
            dataset: d.id,
            exists: null,
            granularity: null,
            count: null,
            precision: null,
            unreadable: d.unreadable,
          },
    ),
  );
}

/** The records nodes returned (individuals or variants), each with its node and dataset. */
export function recordRows(nodes: readonly NodeUpdate[]): Record<string, unknown>[] {
  return nodes.flatMap((n) => (n.records ?? []).map((r) => ({ ...r })));
}

/** A per-node status line for stderr, in the Search page's words. */
export function statusLine(u: NodeUpdate): string {
  const where = `${u.nodeId} (${u.country})`;
  if (u.status === 'ok') {
    const n = u.datasets?.length ?? 0;
    const truncated = u.recordsTruncated === true ? ', records truncated' : '';
    return `${where}: ok, ${String(n)} dataset${n === 1 ? '' : 's'}${truncated}`;
  }
  return `${where}: ${u.status}${u.message === undefined ? '' : `: ${u.message}`}`;
}

const cell = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(cell).join(';');
  const text =
    typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
      ? String(v)
      : JSON.stringify(v);
  // A tab or newline inside a value would shift every column after it.
  return text.replace(/[\t\r\n]+/g, ' ');
};

/** Rows as TSV: a header of every key in first-seen order, then one line per row. */
export function toTsv(rows: readonly object[]): string[] {
  const columns: string[] = [];
  for (const row of rows)
    for (const k of Object.keys(row)) if (!columns.includes(k)) columns.push(k);
  if (columns.length === 0) return [];
  return [
    columns.join('\t'),
    ...rows.map((row) => columns.map((c) => cell((row as Record<string, unknown>)[c])).join('\t')),
  ];
}
