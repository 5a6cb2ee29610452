/**
 * The demo federation's catalogue: nodes, their datasets and each dataset's access policy.
 * One source of truth for the generator, the nodes, the AAI seed and the tests.
 */

export type NodeId = 'FI' | 'IT' | 'ES' | 'PT' | 'SE';
export type SecurityLevel = 'PUBLIC' | 'REGISTERED' | 'CONTROLLED';
export type CohortKind = 'rare-disease' | 'cancer' | 'neuro';

export interface DuoCode {
  /** DUO term id, e.g. DUO:0000042 (GRU), DUO:0000043 (CC). */
  readonly id: string;
  readonly label: string;
  /** Beacon dataUseConditions modifiers: the disease(s) a DS term is restricted to. */
  readonly modifiers?: readonly { readonly id: string; readonly label: string }[];
}

export interface DatasetPolicy {
  readonly id: string;
  readonly node: NodeId;
  readonly title: string;
  readonly kind: CohortKind;
  readonly securityLevel: SecurityLevel;
  readonly duo: readonly DuoCode[];
  /** Whether a clinician may keep a local (encrypted) copy: the node's data permit says so or not. */
  readonly allowLocalCopies: boolean;
  /** Counts below `threshold` are reported as a range "<threshold"; others rounded to `roundTo`. */
  readonly countRounding: { readonly threshold: number; readonly roundTo: number };
  /** Relative size: individuals in the small profile; the large profile multiplies it. */
  readonly individuals: number;
}

export interface NodeInfo {
  readonly id: NodeId;
  readonly country: string;
  readonly name: string;
  readonly organisation: string;
  /** Default loopback port; `npm run federation` accepts overrides. */
  readonly port: number;
}

export const AAI_DEFAULT_PORT = 4400;

export const NODES: readonly NodeInfo[] = [
  {
    id: 'FI',
    country: 'Finland',
    name: 'Finnish Genome Data Node',
    organisation: 'FinGenome (demo)',
    port: 4401,
  },
  {
    id: 'IT',
    country: 'Italy',
    name: 'Italian Genome Data Node',
    organisation: 'Genoma Italia (demo)',
    port: 4402,
  },
  {
    id: 'ES',
    country: 'Spain',
    name: 'Spanish Genome Data Node',
    organisation: 'IMPaCT Genómica (demo)',
    port: 4403,
  },
  {
    id: 'PT',
    country: 'Portugal',
    name: 'Portuguese Genome Data Node',
    organisation: 'Genoma PT (demo)',
    port: 4404,
  },
  {
    id: 'SE',
    country: 'Sweden',
    name: 'Swedish Genome Data Node',
    organisation: 'Genomic Medicine Sweden (demo)',
    port: 4405,
  },
];

const GRU = { id: 'DUO:0000042', label: 'general research use' } as const;
const HMB = { id: 'DUO:0000006', label: 'health or medical or biomedical research' } as const;
const CC = { id: 'DUO:0000043', label: 'clinical care use' } as const;
const NPU = { id: 'DUO:0000045', label: 'not for profit use only' } as const;
// The hereditary-cancer cohort's research use is restricted to neoplasms (an HPO term, the
// ontology the app carries for the DS check; a real DAC might name MONDO or EFO terms).
const DS_NEOPLASM = {
  id: 'DUO:0000007',
  label: 'disease specific research',
  modifiers: [{ id: 'HP:0002664', label: 'Neoplasm' }],
} as const;

export const DATASETS: readonly DatasetPolicy[] = [
  {
    id: 'FI-RD-01',
    node: 'FI',
    title: 'Finnish rare disease cohort',
    kind: 'rare-disease',
    securityLevel: 'CONTROLLED',
    duo: [CC, HMB],
    allowLocalCopies: true,
    countRounding: { threshold: 5, roundTo: 10 },
    individuals: 400,
  },
  {
    id: 'FI-NE-01',
    node: 'FI',
    title: 'Finnish epilepsy cohort',
    kind: 'neuro',
    securityLevel: 'REGISTERED',
    duo: [GRU],
    allowLocalCopies: false,
    countRounding: { threshold: 5, roundTo: 10 },
    individuals: 250,
  },
  {
    id: 'IT-CA-01',
    node: 'IT',
    title: 'Italian hereditary cancer cohort',
    kind: 'cancer',
    securityLevel: 'CONTROLLED',
    duo: [CC, DS_NEOPLASM],
    allowLocalCopies: true,
    countRounding: { threshold: 10, roundTo: 10 },
    individuals: 500,
  },
  {
    id: 'IT-RD-01',
    node: 'IT',
    title: 'Italian undiagnosed disease cohort',
    kind: 'rare-disease',
    securityLevel: 'CONTROLLED',
    duo: [HMB, NPU],
    allowLocalCopies: false,
    countRounding: { threshold: 5, roundTo: 5 },
    individuals: 300,
  },
  {
    id: 'ES-NE-01',
    node: 'ES',
    title: 'Spanish neurodevelopmental cohort',
    kind: 'neuro',
    securityLevel: 'CONTROLLED',
    duo: [CC, GRU],
    allowLocalCopies: true,
    countRounding: { threshold: 5, roundTo: 10 },
    individuals: 350,
  },
  {
    id: 'ES-AF-01',
    node: 'ES',
    title: 'Spanish population reference (aggregate)',
    kind: 'rare-disease',
    securityLevel: 'PUBLIC',
    duo: [GRU],
    allowLocalCopies: false,
    countRounding: { threshold: 1, roundTo: 1 },
    individuals: 300,
  },
  {
    id: 'PT-RD-01',
    node: 'PT',
    title: 'Portuguese rare disease cohort',
    kind: 'rare-disease',
    securityLevel: 'CONTROLLED',
    duo: [HMB],
    allowLocalCopies: true,
    countRounding: { threshold: 5, roundTo: 10 },
    individuals: 300,
  },
  {
    id: 'SE-CA-01',
    node: 'SE',
    title: 'Swedish hereditary cancer cohort',
    kind: 'cancer',
    securityLevel: 'CONTROLLED',
    duo: [CC, HMB],
    allowLocalCopies: true,
    countRounding: { threshold: 5, roundTo: 10 },
    individuals: 450,
  },
  {
    id: 'SE-NE-01',
    node: 'SE',
    title: 'Swedish epilepsy cohort',
    kind: 'neuro',
    securityLevel: 'REGISTERED',
    duo: [GRU],
    allowLocalCopies: false,
    countRounding: { threshold: 5, roundTo: 10 },
    individuals: 250,
  },
];

/**
 * The visa `value` naming a dataset (GA4GH ControlledAccessGrants: the dataset's URL). Stable across
 * ports; nodes map it to their dataset id by exact, case-sensitive match (PASS-05).
 */
export function datasetVisaValue(dataset: Pick<DatasetPolicy, 'id' | 'node'>): string {
  return `https://${dataset.node.toLowerCase()}.demo-federation.cohortdesk.test/datasets/${dataset.id}`;
}

/** The DAC that grants access to a node's controlled datasets (visa `source`). */
export function nodeDacSource(node: NodeId): string {
  return `https://${node.toLowerCase()}.demo-federation.cohortdesk.test/dac`;
}
