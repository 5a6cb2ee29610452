/**
 * The foreign node's informational endpoints. It states its assembly only in /info (`info`, an
 * open object in the schema) and in its records; /configuration carries the standard
 * securityAttributes; /map declares only the routes it serves (no datasetIds in request bodies, no
 * biosamples or cohorts); /filtering_terms is paged like every list (default 10 per page).
 */
import type { BeaconContext } from '../node/beacon/context.js';
import { filteringTerms } from '../node/beacon/framework.js';
import { beaconId } from '../node/beacon/meta.js';
import type { BeaconRequest } from '../node/beacon/types.js';
import { FOREIGN_API_VERSION, pageSize } from './answers.js';
import { FOREIGN_ASSEMBLY } from './catalogue.js';

const meta = (ctx: BeaconContext): Record<string, unknown> => ({
  beaconId: beaconId(ctx.node),
  apiVersion: FOREIGN_API_VERSION,
  returnedSchemas: [],
});

/** /info */
export function foreignInfo(ctx: BeaconContext): unknown {
  return {
    meta: meta(ctx),
    response: {
      id: beaconId(ctx.node),
      name: ctx.node.name,
      apiVersion: FOREIGN_API_VERSION,
      environment: 'test',
      organization: { id: `org-${ctx.node.id.toLowerCase()}`, name: ctx.node.organisation },
      description: 'Beacon v2.0 over synthetic GRCh37 data (a different implementation).',
      version: '2.0.0-foreign',
      welcomeUrl: ctx.beaconUrl,
      info: { assemblyId: FOREIGN_ASSEMBLY },
    },
  };
}

/** /configuration: security levels and default granularity as the specification defines them. */
export function foreignConfiguration(ctx: BeaconContext): unknown {
  return {
    meta: meta(ctx),
    response: {
      $schema:
        'https://raw.githubusercontent.com/ga4gh-beacon/beacon-framework-v2/main/configuration/beaconConfigurationSchema.json',
      maturityAttributes: { productionStatus: 'TEST' },
      securityAttributes: {
        defaultGranularity: 'boolean',
        securityLevels: [...new Set(ctx.datasets.map((d) => d.securityLevel))],
      },
      entryTypes: {
        individual: {
          id: 'individual',
          name: 'Individual',
          ontologyTermForThisType: { id: 'NCIT:C25190' },
          partOfSpecification: 'Beacon v2.0.0',
          defaultSchema: {
            id: 'beacon-individual-v2.0.0',
            name: 'Individual',
            referenceToSchemaDefinition: '',
            schemaVersion: 'v2.0.0',
          },
        },
        genomicVariation: {
          id: 'genomicVariation',
          name: 'Genomic Variants',
          ontologyTermForThisType: { id: 'ENSGLOSSARY:0000092' },
          partOfSpecification: 'Beacon v2.0.0',
          defaultSchema: {
            id: 'beacon-g_variant-v2.0.0',
            name: 'Genomic variation',
            referenceToSchemaDefinition: '',
            schemaVersion: 'v2.0.0',
          },
        },
        dataset: {
          id: 'dataset',
          name: 'Dataset',
          ontologyTermForThisType: { id: 'NCIT:C47824' },
          partOfSpecification: 'Beacon v2.0.0',
          defaultSchema: {
            id: 'beacon-dataset-v2.0.0',
            name: 'Dataset',
            referenceToSchemaDefinition: '',
            schemaVersion: 'v2.0.0',
          },
        },
      },
    },
  };
}

/** /map: the routes this node serves, nothing more. */
export function foreignMap(ctx: BeaconContext): unknown {
  const root = (p: string): string => `${ctx.beaconUrl}/${p}`;
  return {
    meta: meta(ctx),
    response: {
      $schema:
        'https://raw.githubusercontent.com/ga4gh-beacon/beacon-framework-v2/main/configuration/beaconMapSchema.json',
      endpointSets: {
        individual: {
          entryType: 'individual',
          rootUrl: root('individuals'),
          singleEntryUrl: `${root('individuals')}/{id}`,
          endpoints: {
            genomicVariation: {
              returnedEntryType: 'genomicVariation',
              url: `${root('individuals')}/{id}/g_variants`,
            },
          },
        },
        genomicVariation: {
          entryType: 'genomicVariation',
          rootUrl: root('g_variants'),
          singleEntryUrl: `${root('g_variants')}/{id}`,
        },
        dataset: {
          entryType: 'dataset',
          rootUrl: root('datasets'),
          singleEntryUrl: `${root('datasets')}/{id}`,
          endpoints: {
            individual: {
              returnedEntryType: 'individual',
              url: `${root('datasets')}/{id}/individuals`,
            },
            genomicVariation: {
              returnedEntryType: 'genomicVariation',
              url: `${root('datasets')}/{id}/g_variants`,
            },
          },
        },
      },
    },
  };
}

/** /filtering_terms, one page at a time (skip counts pages; the default page is small). */
export function foreignFilteringTerms(ctx: BeaconContext, req: BeaconRequest): unknown {
  const all = filteringTerms(ctx) as {
    response: { filteringTerms: unknown[]; resources: unknown[] };
  };
  const limit = pageSize(req.limit);
  return {
    meta: meta(ctx),
    response: {
      filteringTerms: all.response.filteringTerms.slice(req.skip * limit, req.skip * limit + limit),
      resources: all.response.resources,
    },
  };
}
