import { z } from 'zod';
import type {
  AccessLevel,
  DuoTerm,
  Granularity,
  NodeEntry,
} from '../../../../shared/federation/directory';
import { readDuoTerms } from '../../../../shared/vault/duoTerms';

/** One dataset as its node publishes it in Beacon /datasets (catalogue metadata is public). */
export interface PublishedDataset {
  readonly node: NodeEntry;
  readonly id: string;
  readonly title: string;
  readonly level: AccessLevel;
  /** Where the level came from: the dataset's own metadata, the node's /configuration, or neither. */
  readonly levelFrom?: 'dataset' | 'configuration' | 'assumed';
  readonly duo: readonly DuoTerm[];
  /** The URL naming the dataset in visas, when the node publishes one (info.visaValue, else externalUrl). */
  readonly publishedUrl?: string;
  /** The DAC whose grants count for this dataset, when the node publishes it (info.dacSource). */
  readonly dacSource?: string;
  /** The node's /configuration securityAttributes.defaultGranularity, when it states one. */
  readonly defaultGranularity?: Exclude<Granularity, 'none'>;
  /** What the node actually returned to this user for the dataset (grantedAccess.ts probe). */
  readonly granted?: Exclude<Granularity, 'none'>;
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
  dataUseConditions: z.unknown().optional(),
  // `info` is the node's own free-form object (datasets' model: "not part of the specification"):
  // a member of the same name with another shape is not the demo's hint, and never makes the
  // whole list unreadable (decision 0096).
  info: z
    .object({
      securityLevel: z.string().optional().catch(undefined),
      visaValue: z.string().max(2000).optional().catch(undefined),
      dacSource: z.string().max(2000).optional().catch(undefined),
    })
    .loose()
    .nullish()
    .catch(undefined),
});

/** Beacon v2 beaconCollectionsResponse, only what the access list needs. */
const CollectionsSchema = z.object({
  responseSummary: z
    .looseObject({ numTotalResults: z.number().int().nonnegative().optional() })
    .optional(),
  response: z.object({ collections: z.array(DatasetSchema).max(10_000) }),
});

const GranularityZ = z.enum(['boolean', 'count', 'record']);
/** /configuration securityAttributes (framework configuration schema), read tolerantly. */
const ConfigurationSchema = z.looseObject({
  response: z.looseObject({
    securityAttributes: z
      .looseObject({
        defaultGranularity: GranularityZ.optional().catch(undefined),
        securityLevels: z.array(z.string()).optional().catch(undefined),
      })
      .optional()
      .catch(undefined),
  }),
});

/** A node answered its dataset list with an HTTP error: the status is what the person is told. */
export class CatalogueHttpError extends Error {
  constructor(
    readonly status: number,
    url: string,
  ) {
    super(`HTTP ${String(status)} from ${url}`);
  }
}

const PAGE = 1000;
const MAX_PAGES = 50;

async function json(url: string, fetchImpl: typeof fetch, timeoutMs: number): Promise<unknown> {
  const res = await fetchImpl(url, {
    headers: { accept: 'application/json' },
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!res.ok) throw new CatalogueHttpError(res.status, url);
  return res.json();
}

/** The node's securityAttributes, or nothing when /configuration is missing or says nothing. */
async function securityAttributes(
  base: string,
  fetchImpl: typeof fetch,
  timeoutMs: number,
): Promise<{ level?: AccessLevel; defaultGranularity?: Exclude<Granularity, 'none'> }> {
  try {
    const c = ConfigurationSchema.safeParse(
      await json(`${base}/configuration`, fetchImpl, timeoutMs),
    );
    const attrs = c.success ? c.data.response.securityAttributes : undefined;
    const levels = (attrs?.securityLevels ?? [])
      .map((l) => LEVELS[l])
      .filter((l) => l !== undefined);
    return {
      // One level for the whole node says it for every dataset; several say nothing per dataset.
      ...(levels.length === 1 && levels[0] !== undefined ? { level: levels[0] } : {}),
      ...(attrs?.defaultGranularity === undefined
        ? {}
        : { defaultGranularity: attrs.defaultGranularity }),
    };
  } catch {
    return {};
  }
}

/**
 * Reads a node's Beacon /datasets (anonymously: no token leaves for catalogue metadata, PASS-04),
 * every page (a node may cap the page size; issue 15 item 4). The security level is the dataset's
 * own (the demo's `info.securityLevel` hint), else the node's /configuration when it declares a
 * single level, else controlled: the strictest reading (issue 15 item 5).
 */
export async function fetchNodeDatasets(
  node: NodeEntry,
  fetchImpl: typeof fetch,
  timeoutMs: number,
): Promise<PublishedDataset[]> {
  const base = node.beaconUrl.replace(/\/$/, '');
  const config = securityAttributes(base, fetchImpl, timeoutMs);
  const byId = new Map<string, z.infer<typeof DatasetSchema>>();
  for (let skip = 0; skip < MAX_PAGES; skip++) {
    const url = `${base}/datasets?limit=${String(PAGE)}&skip=${String(skip)}`;
    const body = CollectionsSchema.parse(await json(url, fetchImpl, timeoutMs));
    const fresh = body.response.collections.filter((d) => !byId.has(d.id));
    for (const d of fresh) byId.set(d.id, d);
    const total = body.responseSummary?.numTotalResults;
    if (fresh.length === 0 || (total !== undefined && byId.size >= total)) break;
  }
  const attrs = await config;
  return [...byId.values()].map((d) => {
    const publishedUrl = d.info?.visaValue ?? d.externalUrl;
    const own = LEVELS[d.info?.securityLevel ?? ''];
    return {
      node,
      id: d.id,
      title: d.name ?? d.id,
      level: own ?? attrs.level ?? 'controlled',
      levelFrom:
        own !== undefined ? 'dataset' : attrs.level !== undefined ? 'configuration' : 'assumed',
      duo: readDuoTerms(d.dataUseConditions),
      ...(publishedUrl === undefined ? {} : { publishedUrl }),
      ...(d.info?.dacSource === undefined ? {} : { dacSource: d.info.dacSource }),
      ...(attrs.defaultGranularity === undefined
        ? {}
        : { defaultGranularity: attrs.defaultGranularity }),
    };
  });
}
