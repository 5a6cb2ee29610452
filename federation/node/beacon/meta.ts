import type { NodeInfo } from '../../catalogue';
import { API_VERSION, type BeaconRequest, type Granularity } from './types';

/** Beacon id: a reversed-domain string per node. */
export function beaconId(node: NodeInfo): string {
  return `test.cohortdesk.demo-federation.${node.id.toLowerCase()}.beacon`;
}

const SCHEMA_BASE =
  'https://raw.githubusercontent.com/ga4gh-beacon/beacon-v2/v2.1.1/models/json/beacon-v2-default-model';

/** Entry types served and the default model schema each record follows. */
export const ENTITY_SCHEMAS: Readonly<Record<string, { entityType: string; schema: string }>> = {
  individuals: {
    entityType: 'individual',
    schema: `${SCHEMA_BASE}/individuals/defaultSchema.json`,
  },
  biosamples: { entityType: 'biosample', schema: `${SCHEMA_BASE}/biosamples/defaultSchema.json` },
  g_variants: {
    entityType: 'genomicVariation',
    schema: `${SCHEMA_BASE}/genomicVariations/defaultSchema.json`,
  },
  datasets: { entityType: 'dataset', schema: `${SCHEMA_BASE}/datasets/defaultSchema.json` },
  cohorts: { entityType: 'cohort', schema: `${SCHEMA_BASE}/cohorts/defaultSchema.json` },
};

/** receivedRequestSummary: the request as this beacon interpreted it (limit after capping). */
export function requestSummary(req: BeaconRequest): Record<string, unknown> {
  return {
    apiVersion: req.apiVersion,
    requestedSchemas: req.requestedSchemas,
    filters: req.filterIds,
    requestParameters: {
      g_variant: req.params,
      ...(req.datasetIds ? { datasets: { datasetIds: req.datasetIds } } : {}),
    },
    includeResultsetResponses: req.includeResultsetResponses,
    pagination: { skip: req.skip, limit: req.limit },
    requestedGranularity: req.requestedGranularity,
    testMode: req.testMode,
  };
}

/** beaconResponseMeta; `returnedGranularity` always states what was actually returned (BCN-01). */
export function responseMeta(
  node: NodeInfo,
  req: BeaconRequest,
  entity: string,
  returned: Granularity,
): Record<string, unknown> {
  const schema = ENTITY_SCHEMAS[entity];
  return {
    beaconId: beaconId(node),
    apiVersion: API_VERSION,
    returnedGranularity: returned,
    receivedRequestSummary: requestSummary(req),
    returnedSchemas: schema ? [schema] : [],
    testMode: req.testMode,
  };
}

/** beaconInformationalResponseMeta for the framework endpoints. */
export function informationalMeta(node: NodeInfo): Record<string, unknown> {
  return { beaconId: beaconId(node), apiVersion: API_VERSION, returnedSchemas: [] };
}
