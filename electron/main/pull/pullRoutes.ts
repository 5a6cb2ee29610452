import { z } from 'zod';
import type { NodeEntry } from '../../../shared/federation/directory';
import { readBounded } from '../beacon/boundedBody';
import { isAllowListed } from '../beacon/tokenPolicy';
import { PullRefusedError, said } from './beaconPages';

/** The URL templates (with `{id}`) a pull asks one dataset's records from. */
export type DatasetRoutes = Readonly<Record<'individuals' | 'g_variants', string>>;

const MapZ = z.looseObject({
  response: z.looseObject({
    endpointSets: z.record(
      z.string(),
      z.looseObject({
        entryType: z.string().optional(),
        endpoints: z
          .record(z.string(), z.looseObject({ returnedEntryType: z.string(), url: z.string() }))
          .optional(),
      }),
    ),
  }),
});

const ENTRY: Readonly<Record<keyof DatasetRoutes, string>> = {
  individuals: 'individual',
  g_variants: 'genomicVariation',
};

/** The default model's routes (STANDARDS 3.1), for a node whose /map cannot be read. */
export function defaultRoutes(node: NodeEntry): DatasetRoutes {
  const base = node.beaconUrl.replace(/\/+$/, '');
  return {
    individuals: `${base}/datasets/{id}/individuals`,
    g_variants: `${base}/datasets/{id}/g_variants`,
  };
}

/**
 * A map endpoint's `url` is a URI template (beaconMapSchema.json: format uri-template), which may
 * be relative ("datasets/{id}/individuals", "/api/datasets/{id}/individuals"): resolved against
 * the address the map was read from (RFC 3986 §5.1.3), keeping the `{id}` placeholder unescaped.
 * Undefined when it cannot be resolved; the caller then refuses it as outside the Beacon address.
 */
export function resolveTemplate(template: string, base: string): string | undefined {
  const marker = 'cohort-desk-id-placeholder';
  try {
    return new URL(template.replaceAll('{id}', marker), base).href.replaceAll(marker, '{id}');
  } catch {
    return undefined;
  }
}

/**
 * Issue 15 item 6: a pull asks for a dataset's records by the specification's routes
 * `/datasets/{id}/individuals` and `/datasets/{id}/g_variants`, as the node's /map declares them
 * (its own URL templates, which must stay under the node's Beacon URL: the token goes nowhere
 * else, BCN-02). A map that declares neither route refuses the pull: `datasetIds` in a request body
 * is not part of any map, so it is never relied on. An unreadable map falls back to the routes.
 */
export async function datasetRoutes(
  node: NodeEntry,
  fetchImpl: typeof fetch,
  timeoutMs: number,
): Promise<DatasetRoutes> {
  let text: string;
  try {
    const res = await fetchImpl(`${node.beaconUrl.replace(/\/+$/, '')}/map`, {
      headers: { accept: 'application/json' },
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!res.ok) {
      await res.body?.cancel();
      return defaultRoutes(node);
    }
    text = await readBounded(res, 1_048_576);
  } catch {
    return defaultRoutes(node);
  }
  let parsed;
  try {
    parsed = MapZ.safeParse(JSON.parse(text));
  } catch {
    return defaultRoutes(node);
  }
  if (!parsed.success) return defaultRoutes(node);
  const sets = Object.values(parsed.data.response.endpointSets);
  const dataset =
    sets.find((s) => s.entryType === 'dataset') ?? parsed.data.response.endpointSets.dataset;
  const out: Partial<Record<keyof DatasetRoutes, string>> = {};
  const mapUrl = `${node.beaconUrl.replace(/\/+$/, '')}/map`;
  for (const entity of ['individuals', 'g_variants'] as const) {
    const declared = Object.values(dataset?.endpoints ?? {}).find(
      (e) => e.returnedEntryType === ENTRY[entity] && e.url.includes('{id}'),
    )?.url;
    const url = declared === undefined ? undefined : resolveTemplate(declared, mapUrl);
    const route = `/datasets/{id}/${entity}`;
    if (declared === undefined)
      throw new PullRefusedError(
        `Node ${node.id}'s /map declares no ${route} route, so Cohort Desk cannot ask it for one dataset's records.`,
        said('noRoute', { node: node.id, route }),
      );
    if (url === undefined || !isAllowListed(url.replace('{id}', 'x'), [node.beaconUrl]))
      throw new PullRefusedError(
        `Node ${node.id}'s /map points ${entity} of a dataset outside its Beacon address; Cohort Desk does not send the token there.`,
        said('routeOutside', { node: node.id, route }),
      );
    out[entity] = url;
  }
  return out as DatasetRoutes;
}
