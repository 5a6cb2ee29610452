import { z } from 'zod';
import type { DatasetDeclaration } from '../../../shared/acmg/declaration';
import type { NodeEntry } from '../../../shared/federation/directory';
import { readDuoTerms } from '../../../shared/vault/duoTerms';

/**
 * What each of a node's datasets declares about its content (issue 18; decision 0051): name,
 * description, cohort type and DUO data use from Beacon /datasets, read once per node per batch
 * beside the lookups. Catalogue metadata is public, so it is asked without a token (PASS-04). The
 * ACMG sheet uses it to keep cohorts enriched for the case's disease out of BA1/BS1; a node whose
 * /datasets cannot be read gives no declarations, and its datasets are then set aside.
 */

const clip = (n: number) => z.string().transform((s) => s.slice(0, n));
const DatasetZ = z.looseObject({
  id: z.string().min(1).max(300),
  name: clip(500).optional().catch(undefined),
  description: clip(2000).optional().catch(undefined),
  dataUseConditions: z.unknown().optional(),
  info: z
    .looseObject({
      kind: clip(100).optional().catch(undefined),
      cohortType: clip(100).optional().catch(undefined),
    })
    .nullish()
    .catch(undefined),
});
const CollectionsZ = z.object({
  responseSummary: z
    .looseObject({ numTotalResults: z.number().int().nonnegative().optional() })
    .optional()
    .catch(undefined),
  response: z.object({ collections: z.array(DatasetZ).max(10_000) }),
});

const PAGE = 1000;
const MAX_PAGES = 10;

/** The node's datasets' declarations by dataset id (empty when /datasets cannot be read). */
export async function datasetDeclarations(o: {
  node: NodeEntry;
  fetch: typeof fetch;
  timeoutMs: number;
  maxBytes: number;
  signal: AbortSignal;
}): Promise<Map<string, DatasetDeclaration>> {
  const base = o.node.beaconUrl.replace(/\/+$/, '');
  const out = new Map<string, DatasetDeclaration>();
  for (let skip = 0; skip < MAX_PAGES; skip++) {
    const res = await o.fetch(`${base}/datasets?limit=${String(PAGE)}&skip=${String(skip)}`, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.any([o.signal, AbortSignal.timeout(o.timeoutMs)]),
    });
    if (!res.ok) return out;
    const text = await res.text();
    if (text.length > o.maxBytes) return out;
    const body = CollectionsZ.safeParse(JSON.parse(text));
    if (!body.success) return out;
    const fresh = body.data.response.collections.filter((d) => !out.has(d.id));
    for (const d of fresh) {
      const kind = d.info?.kind ?? d.info?.cohortType;
      const duo = readDuoTerms(d.dataUseConditions)
        .slice(0, 50)
        .map((t) =>
          t.modifiers === undefined ? t : { ...t, modifiers: t.modifiers.slice(0, 50) },
        );
      out.set(d.id, {
        ...(d.name === undefined ? {} : { title: d.name }),
        ...(d.description === undefined ? {} : { description: d.description }),
        ...(kind === undefined ? {} : { kind }),
        ...(duo.length === 0 ? {} : { duo }),
      });
    }
    const total = body.data.responseSummary?.numTotalResults;
    if (fresh.length === 0 || (total !== undefined && out.size >= total)) break;
  }
  return out;
}
