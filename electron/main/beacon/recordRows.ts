import type { IndividualRow, RecordRow, VariantRow } from '../../../shared/search/results';
import { SEX_TERMS } from '../../../shared/search/query';
import type { BeaconQueryParts } from './beaconRequest';
import { variantLocation } from './variantLocation';

type Obj = Record<string, unknown>;
const SEX_CODES = ['female', 'male', 'unknown'] as const;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What reading one record gave: a row, or the reason it was left out, plus members ignored. */
export interface RecordReading {
  row: RecordRow | undefined;
  /** Optional members that were present but unreadable (shown as conformance notes). */
  ignored: string[];
  /** A variant row without a readable position (its coordinates were absent or malformed). */
  unlocated: boolean;
}

/**
 * An ontology term as a person reads it: the label, else the id. Unknown prefixes are shown as
 * their ids (issue 15 item 1); anything that is not a term reads as undefined.
 */
function termText(v: unknown): string | undefined {
  if (!isObj(v)) return typeof v === 'string' && v !== '' ? v : undefined;
  if (typeof v.label === 'string' && v.label !== '') return v.label;
  return typeof v.id === 'string' ? v.id : undefined;
}

/** The terms at `key` of each entry of an optional list member; `ignored` names a bad member. */
function termList(rec: Obj, member: string, key: string, ignored: string[]): string[] {
  const list = rec[member];
  if (list === undefined) return [];
  if (!Array.isArray(list)) {
    ignored.push(member);
    return [];
  }
  const out: string[] = [];
  for (const item of list) {
    const text = isObj(item) ? termText(item[key]) : undefined;
    if (text === undefined) ignored.push(member);
    else out.push(text);
  }
  return out;
}

function strings(v: unknown): string[] | undefined {
  return Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : undefined;
}

/** Default-model individual: `id` and `sex` are required (models/.../individuals/defaultSchema). */
function individualRow(nodeId: string, datasetId: string, rec: Obj): RecordReading {
  const ignored: string[] = [];
  const sex = termText(rec.sex);
  if (typeof rec.id !== 'string' || rec.id === '' || sex === undefined)
    return { row: undefined, ignored, unlocated: false };
  const origin = termText(rec.geographicOrigin);
  const sexId = isObj(rec.sex) ? rec.sex.id : undefined;
  const sexCode = SEX_CODES.find((c) => SEX_TERMS[c] === sexId);
  const row: IndividualRow = {
    kind: 'individual',
    nodeId,
    datasetId,
    id: rec.id,
    sex,
    ...(sexCode === undefined ? {} : { sexCode }),
    phenotypes: termList(rec, 'phenotypicFeatures', 'featureType', ignored),
    diseases: termList(rec, 'diseases', 'diseaseCode', ignored),
    ...(origin === undefined ? {} : { origin }),
  };
  return { row, ignored: [...new Set(ignored)], unlocated: false };
}

function frequencyOf(rec: Obj, ignored: string[]): number | undefined {
  const pops = rec.frequencyInPopulations;
  if (pops === undefined) return undefined;
  const first: unknown = Array.isArray(pops) && isObj(pops[0]) ? pops[0].frequencies : undefined;
  const f: unknown = Array.isArray(first) && isObj(first[0]) ? first[0].alleleFrequency : undefined;
  if (typeof f === 'number' && f >= 0 && f <= 1) return f;
  ignored.push('frequencyInPopulations');
  return undefined;
}

/** Default-model genomicVariation: `variantInternalId` and `variation` are required. */
function variantRow(nodeId: string, datasetId: string, rec: Obj): RecordReading {
  const ignored: string[] = [];
  if (typeof rec.variantInternalId !== 'string' || !isObj(rec.variation))
    return { row: undefined, ignored, unlocated: false };
  const ids = isObj(rec.identifiers) ? rec.identifiers : {};
  const mol = isObj(rec.molecularAttributes) ? rec.molecularAttributes : {};
  const genes = strings(mol.geneIds);
  const effects = Array.isArray(mol.molecularEffects)
    ? mol.molecularEffects.map(termText).filter((x) => x !== undefined)
    : [];
  const protein = strings(ids.proteinHGVSIds)?.[0];
  const transcript = strings(ids.transcriptHGVSIds)?.[0];
  const genomic = typeof ids.genomicHGVSId === 'string' ? ids.genomicHGVSId : undefined;
  const frequency = frequencyOf(rec, ignored);
  const location = variantLocation(rec);
  const variantType = rec.variation.variantType ?? rec.variation.type;
  const row: VariantRow = {
    kind: 'variant',
    nodeId,
    datasetId,
    id: rec.variantInternalId,
    gene: genes?.join(', ') ?? '',
    consequence: effects.join(', '),
    hgvs: protein ?? transcript ?? genomic ?? '',
    ...(frequency === undefined ? {} : { frequency }),
    ...(location === undefined ? {} : { location }),
    ...(typeof variantType === 'string' ? { variantType } : {}),
    ...(genomic === undefined ? {} : { genomicHgvs: genomic }),
    ...(Array.isArray(rec.caseLevelData) ? { carriers: rec.caseLevelData.length } : {}),
  };
  return { row, ignored, unlocated: location === undefined };
}

/**
 * One record of a result set as a table row with its provenance, read as the entry type that was
 * asked for. A record lacking a member the model requires gives no row (it is counted, its content
 * never logged: STANDARDS 3.6 test 7).
 */
export function readRecord(
  entryType: BeaconQueryParts['entryType'],
  nodeId: string,
  datasetId: string,
  rec: unknown,
): RecordReading {
  if (!isObj(rec)) return { row: undefined, ignored: [], unlocated: false };
  return entryType === 'individuals'
    ? individualRow(nodeId, datasetId, rec)
    : variantRow(nodeId, datasetId, rec);
}
