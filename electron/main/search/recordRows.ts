import type { Count, DatasetResult, RecordRow } from '../../../shared/search/results';
import { MAX_RECORDS_PER_NODE } from '../../../shared/search/results';
import type { EntryResponse, Resultset } from './beaconSchemas';
import { IndividualRecordZ, VariantRecordZ } from './beaconSchemas';

type Summary = EntryResponse['responseSummary'];
type CountSource = Pick<Summary, 'countPrecision' | 'countAdjustedTo'>;

/** A count with its precision as the node flagged it (absent flag: exact, as Beacon defines it). */
export function countOf(value: number, src: CountSource | undefined): Count {
  const precision = src?.countPrecision ?? 'exact';
  const adjustedTo = src?.countAdjustedTo;
  return adjustedTo === undefined || precision === 'exact'
    ? { value, precision }
    : { value, precision, adjustedTo };
}

/** Per-dataset results from the result sets (BCN-01: each set's own granularity when stated). */
export function datasetResults(res: EntryResponse): DatasetResult[] {
  const fallback = res.meta.returnedGranularity;
  return (res.response?.resultSets ?? []).map((s) => {
    const granularity = s.info?.returnedGranularity ?? fallback;
    return granularity === 'boolean'
      ? { id: s.id, exists: s.exists, granularity }
      : { id: s.id, exists: s.exists, granularity, count: countOf(s.resultsCount, s.info) };
  });
}

function rowOf(
  nodeId: string,
  set: Resultset,
  rec: Record<string, unknown>,
): RecordRow | undefined {
  const ind = IndividualRecordZ.safeParse(rec);
  if (ind.success) {
    const r = ind.data;
    return {
      kind: 'individual',
      nodeId,
      datasetId: set.id,
      id: r.id,
      sex: r.sex.label ?? r.sex.id,
      phenotypes: (r.phenotypicFeatures ?? []).map((p) => p.featureType.label ?? p.featureType.id),
      diseases: (r.diseases ?? []).map((d) => d.diseaseCode.label ?? d.diseaseCode.id),
    };
  }
  const v = VariantRecordZ.safeParse(rec);
  if (!v.success) return undefined;
  const r = v.data;
  const ids = r.identifiers;
  const frequency = r.frequencyInPopulations?.[0]?.frequencies[0]?.alleleFrequency;
  return {
    kind: 'variant',
    nodeId,
    datasetId: set.id,
    id: r.variantInternalId,
    gene: r.molecularAttributes?.geneIds?.join(', ') ?? '',
    consequence:
      r.molecularAttributes?.molecularEffects?.map((e) => e.label ?? e.id).join(', ') ?? '',
    hgvs: ids?.proteinHGVSIds?.[0] ?? ids?.transcriptHGVSIds?.[0] ?? ids?.genomicHGVSId ?? '',
    ...(frequency === undefined ? {} : { frequency }),
  };
}

/**
 * Record rows with provenance (node, dataset), bounded to MAX_RECORDS_PER_NODE. Only result sets
 * the node returned at record granularity are read (BCN-01, 3.6 test 3); records failing the
 * default-model schema are counted as rejected, their content never logged (3.6 test 7).
 */
export function recordRows(
  nodeId: string,
  res: EntryResponse,
): { rows: RecordRow[]; rejected: number; truncated: boolean } {
  const rows: RecordRow[] = [];
  let rejected = 0;
  let truncated = false;
  for (const set of res.response?.resultSets ?? []) {
    const granularity = set.info?.returnedGranularity ?? res.meta.returnedGranularity;
    if (granularity !== 'record') continue;
    for (const rec of set.results) {
      if (rows.length >= MAX_RECORDS_PER_NODE) {
        truncated = true;
        break;
      }
      const row = rowOf(nodeId, set, rec);
      if (row === undefined) rejected++;
      else rows.push(row);
    }
  }
  return { rows, rejected, truncated };
}
