import { z } from 'zod';
import type { Granularity, NodeEntry } from '../../../../shared/federation/directory';
import type { PublishedDataset } from './datasetCatalog';

type Returned = Exclude<Granularity, 'none'>;

const GranularityZ = z.enum(['boolean', 'count', 'record']);
const AnswerZ = z.looseObject({
  meta: z.looseObject({ returnedGranularity: GranularityZ.optional().catch(undefined) }),
  // A beaconErrorResponse has no summary: the node was not asked, not "yes/no" (decision 0096).
  responseSummary: z.looseObject({ numTotalResults: z.unknown().optional() }),
  response: z
    .looseObject({
      resultSets: z
        .array(
          z.looseObject({
            id: z.string().catch(''),
            results: z.array(z.unknown()).nullish().catch(undefined),
            info: z
              .looseObject({ returnedGranularity: GranularityZ.optional() })
              .nullish()
              .catch(undefined),
          }),
        )
        .catch([]),
    })
    .nullish(),
});

/**
 * What the node returns to this user for one dataset (issue 15 item 5, issue 13 "access view"):
 * a record request for at most one individual on the dataset's own route, read back as the node
 * states it (BCN-01: the dataset's result set's granularity, else the response's). Undefined when
 * the node could not be asked: the access list then shows the passport's expectation.
 */
async function probe(
  ds: PublishedDataset,
  token: string | undefined,
  fetchImpl: typeof fetch,
  timeoutMs: number,
): Promise<Returned | undefined> {
  const url = `${ds.node.beaconUrl.replace(/\/+$/, '')}/datasets/${encodeURIComponent(ds.id)}/individuals`;
  const headers: Record<string, string> = {
    accept: 'application/json',
    'content-type': 'application/json',
  };
  // The node's own token, as for searches (issue 12 item 12: audience-restricted per node).
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  try {
    const res = await fetchImpl(url, {
      method: 'POST',
      headers,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      body: JSON.stringify({
        meta: { apiVersion: '2.0', requestedSchemas: [] },
        query: {
          filters: [],
          includeResultsetResponses: 'ALL',
          pagination: { skip: 0, limit: 1 },
          requestedGranularity: 'record',
          testMode: false,
        },
      }),
    });
    if (!res.ok) {
      await res.body?.cancel();
      return undefined;
    }
    const a = AnswerZ.safeParse(await res.json());
    if (!a.success) return undefined;
    const set = a.data.response?.resultSets.find((s) => s.id === ds.id);
    // What the answer carries first (0017, decision 0096): a record is record level, whatever
    // meta says or leaves out (the official examples omit returnedGranularity); then what the set
    // and meta state; then a total is a count; else yes/no, never more than the node showed.
    if ((set?.results?.length ?? 0) > 0) return 'record';
    const stated = set?.info?.returnedGranularity ?? a.data.meta.returnedGranularity;
    if (stated !== undefined) return stated;
    return Number.isSafeInteger(a.data.responseSummary.numTotalResults) ? 'count' : 'boolean';
  } catch {
    return undefined;
  }
}

/** Every dataset with `granted` set to what its node answered (in parallel; failures left unset). */
export async function withGrantedAccess(
  datasets: readonly PublishedDataset[],
  tokenFor: ((node: NodeEntry) => Promise<string | undefined>) | undefined,
  fetchImpl: typeof fetch,
  timeoutMs: number,
): Promise<PublishedDataset[]> {
  // One retry: a reset keep-alive connection or a slow moment is not what the node grants.
  const ask = async (d: PublishedDataset): Promise<Returned | undefined> => {
    const token = tokenFor === undefined ? undefined : await tokenFor(d.node);
    return (await probe(d, token, fetchImpl, timeoutMs)) ?? probe(d, token, fetchImpl, timeoutMs);
  };
  const answers = await Promise.all(datasets.map(ask));
  return datasets.map((d, i) => {
    const granted = answers[i];
    return granted === undefined ? d : { ...d, granted };
  });
}
