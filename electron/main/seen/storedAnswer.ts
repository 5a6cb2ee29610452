import type { DatasetDeclaration } from '../../../shared/acmg/declaration';
import type { NodeEntry } from '../../../shared/federation/directory';
import type { Count } from '../../../shared/search/results';
import type { SeenAnswer } from '../../../shared/seen/channels';
import type { NodeAnswer } from '../beacon/nodeClient';

/** What is kept of one answer: counts per dataset and the carriers' phenotypes (records). */
export function stored(
  node: NodeEntry,
  key: string,
  at: string,
  a: NodeAnswer & { notFetched?: number },
  sizes: ReadonlyMap<string, Count> = new Map(),
  declared: ReadonlyMap<string, DatasetDeclaration> = new Map(),
): SeenAnswer {
  const status = a.status === 'waiting' || a.status === 'slow' ? 'error' : a.status;
  const carriers = (a.records ?? []).flatMap((r) =>
    r.kind === 'individual'
      ? [{ datasetId: r.datasetId, id: r.id, sex: r.sex, phenotypes: r.phenotypes }]
      : [],
  );
  return {
    key,
    nodeId: node.id,
    nodeName: node.name,
    country: node.country,
    at,
    status,
    ...(a.returnedGranularity === undefined ? {} : { granularity: a.returnedGranularity }),
    ...(a.exists === undefined ? {} : { exists: a.exists }),
    ...(a.count === undefined ? {} : { count: a.count }),
    ...(a.datasets === undefined
      ? {}
      : {
          datasets: a.datasets.map((d) => ({
            id: d.id,
            exists: d.exists,
            granularity: d.granularity,
            ...(d.count === undefined ? {} : { count: d.count }),
            ...sizeOf(sizes, d.id),
            ...declaredOf(declared, d.id),
          })),
        }),
    ...(carriers.length > 0 ? { carriers } : {}),
    ...((a.notFetched ?? 0) > 0 ? { carriersNotFetched: a.notFetched } : {}),
    ...(a.message === undefined ? {} : { message: a.message }),
    ...(a.problem === undefined ? {} : { problem: a.problem }),
  };
}

const sizeOf = (sizes: ReadonlyMap<string, Count>, id: string): { size?: Count } => {
  const size = sizes.get(id);
  return size === undefined ? {} : { size };
};

const declaredOf = (
  declared: ReadonlyMap<string, DatasetDeclaration>,
  id: string,
): { declared?: DatasetDeclaration } => {
  const d = declared.get(id);
  return d === undefined ? {} : { declared: d };
};
