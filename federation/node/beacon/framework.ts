import { hpoTermIds, termLabel, SEX_TERMS } from '../../reference/index';
import { ALPHANUMERIC_FIELDS } from '../query/filterConditions';
import type { BeaconContext } from './context';
import { ENTITY_SCHEMAS, beaconId, informationalMeta } from './meta';
import { API_VERSION } from './types';

/** Entry types: id → (path, ontology term, collection?) per the default model. */
const ENTRY_TYPES = [
  {
    id: 'individual',
    path: 'individuals',
    term: { id: 'NCIT:C25190', label: 'Person' },
    name: 'Individual',
  },
  {
    id: 'biosample',
    path: 'biosamples',
    term: { id: 'NCIT:C70699', label: 'Biospecimen' },
    name: 'Biosample',
  },
  {
    id: 'genomicVariation',
    path: 'g_variants',
    term: { id: 'ENSGLOSSARY:0000092', label: 'Variant' },
    name: 'Genomic Variants',
  },
  {
    id: 'dataset',
    path: 'datasets',
    term: { id: 'NCIT:C47824', label: 'Data set' },
    name: 'Dataset',
    collection: true,
  },
  {
    id: 'cohort',
    path: 'cohorts',
    term: { id: 'NCIT:C61512', label: 'Cohort' },
    name: 'Cohort',
    collection: true,
  },
] as const;

/** Related endpoints per entry type (the routes this node serves). */
const RELATED: Readonly<Record<string, readonly [string, string][]>> = {
  individuals: [
    ['g_variants', 'genomicVariation'],
    ['biosamples', 'biosample'],
  ],
  biosamples: [['g_variants', 'genomicVariation']],
  g_variants: [
    ['individuals', 'individual'],
    ['biosamples', 'biosample'],
  ],
  datasets: [
    ['individuals', 'individual'],
    ['g_variants', 'genomicVariation'],
    ['biosamples', 'biosample'],
  ],
  cohorts: [['individuals', 'individual']],
};

function entryTypes(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const e of ENTRY_TYPES) {
    const schema = ENTITY_SCHEMAS[e.path];
    out[e.id] = {
      id: e.id,
      name: e.name,
      ontologyTermForThisType: e.term,
      partOfSpecification: 'Beacon v2.1.1',
      defaultSchema: {
        id: `ga4gh-beacon-${e.id}-v2.1.1`,
        name: `Default schema for ${e.name}`,
        referenceToSchemaDefinition: schema?.schema ?? '',
        schemaVersion: 'v2.1.1',
      },
      nonFilteredQueriesAllowed: true,
      ...('collection' in e ? { aCollectionOf: [{ id: 'individual', name: 'Individuals' }] } : {}),
    };
  }
  return out;
}

/** /info (beaconInfoResponse). */
export function info(ctx: BeaconContext): unknown {
  return {
    meta: informationalMeta(ctx.node),
    response: {
      id: beaconId(ctx.node),
      name: `${ctx.node.name} Beacon`,
      apiVersion: API_VERSION,
      environment: 'dev',
      organization: {
        id: `demo-federation-${ctx.node.id.toLowerCase()}`,
        name: ctx.node.organisation,
      },
      description: `Beacon v2 of the ${ctx.node.name} (${ctx.node.country}); synthetic demo data.`,
      version: '0.1.0',
      welcomeUrl: ctx.beaconUrl,
      info: { datasets: ctx.datasets.map((d) => d.id) },
    },
  };
}

/** /service-info (GA4GH service-info 1.0.0). */
export function serviceInfo(ctx: BeaconContext): unknown {
  return {
    id: beaconId(ctx.node),
    name: `${ctx.node.name} Beacon`,
    type: { group: 'org.ga4gh', artifact: 'beacon', version: API_VERSION },
    description: `Beacon v2 of the ${ctx.node.name}; synthetic demo data.`,
    organization: { name: ctx.node.organisation, url: ctx.beaconUrl },
    version: '0.1.0',
    environment: 'dev',
  };
}

/** /configuration (beaconConfigurationResponse). */
export function configuration(ctx: BeaconContext): unknown {
  return {
    meta: informationalMeta(ctx.node),
    response: {
      $schema:
        'https://raw.githubusercontent.com/ga4gh-beacon/beacon-v2/v2.1.1/framework/json/configuration/beaconConfigurationSchema.json',
      maturityAttributes: { productionStatus: 'DEV' },
      securityAttributes: {
        defaultGranularity: 'boolean',
        securityLevels: [...new Set(ctx.datasets.map((d) => d.securityLevel))],
      },
      entryTypes: entryTypes(),
    },
  };
}

/** /entry_types (beaconEntryTypesResponse). */
export function entryTypesResponse(ctx: BeaconContext): unknown {
  return { meta: informationalMeta(ctx.node), response: { entryTypes: entryTypes() } };
}

/** /map (beaconMapResponse). */
export function beaconMap(ctx: BeaconContext): unknown {
  const endpointSets: Record<string, unknown> = {};
  for (const e of ENTRY_TYPES) {
    const root = `${ctx.beaconUrl}/${e.path}`;
    const endpoints: Record<string, unknown> = {};
    for (const [path, type] of RELATED[e.path] ?? []) {
      endpoints[type] = { returnedEntryType: type, url: `${root}/{id}/${path}` };
    }
    endpointSets[e.id] = {
      entryType: e.id,
      rootUrl: root,
      singleEntryUrl: `${root}/{id}`,
      endpoints,
    };
  }
  return {
    meta: informationalMeta(ctx.node),
    response: {
      $schema:
        'https://raw.githubusercontent.com/ga4gh-beacon/beacon-v2/v2.1.1/framework/json/configuration/beaconMapSchema.json',
      endpointSets,
    },
  };
}

const ENTITY_SCOPES = ['individual', 'biosample', 'genomicVariation'];

/** /filtering_terms: every term this node can filter on, with label, type and scopes. */
export function filteringTerms(ctx: BeaconContext): unknown {
  const terms: Record<string, unknown>[] = [];
  const ontology = (id: string): void => {
    terms.push({ type: 'ontologyTerm', id, label: termLabel(id) ?? id, scopes: ENTITY_SCOPES });
  };
  new Set([...hpoTermIds(), ...ctx.vocab.phenotypes]).forEach(ontology);
  [...ctx.vocab.diseases].forEach(ontology);
  Object.values(SEX_TERMS).forEach((t) => {
    ontology(t.id);
  });
  for (const [id, label] of ctx.vocab.consequences)
    terms.push({ type: 'ontologyTerm', id, label, scopes: ENTITY_SCOPES });
  const values: Record<string, readonly string[]> = {
    sex: ['female', 'male', 'unknown'],
    country: ctx.vocab.countries,
    birth_year_band: ctx.vocab.birthYearBands,
    family_role: ctx.vocab.familyRoles,
  };
  for (const [id, f] of Object.entries(ALPHANUMERIC_FIELDS)) {
    const v = values[id] ?? [];
    terms.push({
      type: 'alphanumeric',
      id,
      label: f.label,
      scopes: ['individual', 'biosample'],
      ...(v.length > 0 ? { values: v } : {}),
    });
  }
  return {
    meta: informationalMeta(ctx.node),
    response: {
      filteringTerms: terms,
      resources: [
        {
          id: 'hp',
          name: 'Human Phenotype Ontology',
          url: 'http://purl.obolibrary.org/obo/hp.owl',
          nameSpacePrefix: 'HP',
          iriPrefix: 'http://purl.obolibrary.org/obo/HP_',
        },
        {
          id: 'so',
          name: 'Sequence Ontology',
          url: 'http://purl.obolibrary.org/obo/so.owl',
          nameSpacePrefix: 'SO',
          iriPrefix: 'http://purl.obolibrary.org/obo/SO_',
        },
        {
          id: 'ncit',
          name: 'NCI Thesaurus',
          url: 'http://purl.obolibrary.org/obo/ncit.owl',
          nameSpacePrefix: 'NCIT',
          iriPrefix: 'http://purl.obolibrary.org/obo/NCIT_',
        },
        {
          id: 'ordo',
          name: 'Orphanet Rare Disease Ontology',
          url: 'http://www.orpha.net/ORDO',
          nameSpacePrefix: 'ORPHA',
        },
        {
          id: 'icd10',
          name: 'ICD-10',
          url: 'https://icd.who.int/browse10',
          nameSpacePrefix: 'ICD10',
        },
        { id: 'omim', name: 'OMIM', url: 'https://omim.org', nameSpacePrefix: 'OMIM' },
      ],
    },
  };
}
