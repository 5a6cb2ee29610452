import { z } from 'zod';
import type { AccessLevel, DuoTerm, NodeEntry } from '../../../../shared/domain/federation';

/** One dataset as its node publishes it in Beacon /datasets (catalogue metadata is public). */
export interface PublishedDataset {
  readonly node: NodeEntry;
  readonly id: string;
  readonly title: string;
  readonly level: AccessLevel;
  readonly duo: readonly DuoTerm[];
  /** The URL naming the dataset in visas, when the node publishes one (info.visaValue, else externalUrl). */
  readonly publishedUrl?: string;
  /** The DAC whose grants count for this dataset, when the node publishes it (info.dacSource). */
  readonly dacSource?: string;
}

const LEVELS: Record<string, AccessLevel> = {
  PUBLIC: 'public',
  REGISTERED: 'registered',
  CONTROLLED: 'controlled',
};

const DatasetSchema = z.object({
  id: z.string().min(1).max(200),
  name: z.string().max(500).optional(),
  externalUrl: z.string().max(2000).optional(),
  dataUseConditions: z
    .object({ duoDataUse: z.array(z.object({ id: z.string(), label: z.string().optional() })) })
    .partial()
    .optional(),
  info: z
    .object({
      securityLevel: z.string().optional(),
      visaValue: z.string().max(2000).optional(),
      dacSource: z.string().max(2000).optional(),
    })
    .loose()
    .optional(),
});

/** Beacon v2 beaconCollectionsResponse, only what the access list needs. */
const CollectionsSchema = z.object({
  response: z.object({ collections: z.array(DatasetSchema).max(10_000) }),
});

/**
 * Reads a node's Beacon /datasets (anonymously: no token leaves for catalogue metadata, PASS-04).
 * A dataset without a declared security level is treated as controlled: the strictest reading.
 */
export async function fetchNodeDatasets(
  node: NodeEntry,
  fetchImpl: typeof fetch,
  timeoutMs: number,
): Promise<PublishedDataset[]> {
  const url = `${node.beaconUrl.replace(/\/$/, '')}/datasets?limit=1000`;
  const res = await fetchImpl(url, {
    headers: { accept: 'application/json' },
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!res.ok) throw new Error(`HTTP ${res.status} from ${url}`);
  const body = CollectionsSchema.parse(await res.json());
  return body.response.collections.map((d) => {
    const publishedUrl = d.info?.visaValue ?? d.externalUrl;
    return {
      node,
      id: d.id,
      title: d.name ?? d.id,
      level: LEVELS[d.info?.securityLevel ?? ''] ?? 'controlled',
      duo: (d.dataUseConditions?.duoDataUse ?? []).map((t) => ({
        id: t.id,
        label: t.label ?? t.id,
      })),
      ...(publishedUrl === undefined ? {} : { publishedUrl }),
      ...(d.info?.dacSource === undefined ? {} : { dacSource: d.info.dacSource }),
    };
  });
}
