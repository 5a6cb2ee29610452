import { z } from 'zod';
import type { Assembly } from '../../../shared/genome/assembly';
import { APP_ASSEMBLY } from '../../../shared/genome/assembly';
import { LIFT_FAILURE_WORDS, liftVariant } from '../../../shared/genome/liftover';
import { liftTable } from '../../../shared/genome/liftoverTables';
import { SEX_TERMS } from '../../../shared/search/query';
import { IndividualRecordZ, OntologyTermZ } from '../beacon/beaconSchemas';
import type { GenotypeRow, IndividualRow, VariantRow } from '../vault/arrowTables';
import { PLACE_PROBLEMS, variantPlace } from '../beacon/variantPlace';
import type { RecordProblem } from './recordProblem';
import { PLACE_KEYS } from './recordProblem';
import { ZygosityMemo } from './zygosity';

export { zygosityOf, ZygosityMemo } from './zygosity';

/**
 * Beacon v2 default-model records → vault rows (BCN-04: every record is validated with zod before
 * it is kept; a record that does not fit fails the page, it is never guessed at). Variants are
 * placed from their VRS location or HGVS (internal ids are opaque) and lifted to the cache's GRCh38
 * when the node is on GRCh37 (issue 15 items 2, 3, 6).
 */

const IndividualZ = IndividualRecordZ.extend({
  geographicOrigin: z.looseObject({ id: z.string() }).optional(),
  info: z
    .looseObject({ birthYearBand: z.string().optional(), ageBand: z.string().optional() })
    .optional(),
});

/** caseLevelData per the model: only biosampleId is required; zygosity from any ontology (GENO). */
const CaseZ = z.looseObject({
  biosampleId: z.string().min(1),
  individualId: z.string().min(1).optional(),
  zygosity: OntologyTermZ.optional(),
});

const VariantZ = z.looseObject({
  variantInternalId: z.string().min(1),
  variation: z.looseObject({}),
  identifiers: z
    .looseObject({
      transcriptHGVSIds: z.array(z.string()).optional(),
      proteinHGVSIds: z.array(z.string()).optional(),
    })
    .optional(),
  molecularAttributes: z
    .looseObject({
      geneIds: z.array(z.string()).optional(),
      molecularEffects: z.array(OntologyTermZ).optional(),
    })
    .optional(),
  caseLevelData: z.array(CaseZ).default([]),
  frequencyInPopulations: z
    .array(
      z.looseObject({
        frequencies: z.array(z.looseObject({ alleleFrequency: z.number().min(0).max(1) })),
      }),
    )
    .optional(),
  // Allele counts are not in the model; the demo nodes send them in info (optional everywhere).
  info: z
    .looseObject({
      clinicalSignificance: z.string().optional(),
      alleleCount: z.number().int().nonnegative().optional(),
      alleleNumber: z.number().int().nonnegative().optional(),
    })
    .optional(),
});

/** The variant without its caseLevelData, which plainCases checks (kept as is: a loose object). */
export const VariantHeadZ = VariantZ.omit({ caseLevelData: true });

type Case = z.infer<typeof CaseZ>;

const isTerm = (t: unknown): boolean =>
  typeof t === 'object' &&
  t !== null &&
  !Array.isArray(t) &&
  typeof (t as { id?: unknown }).id === 'string' &&
  ['undefined', 'string'].includes(typeof (t as { label?: unknown }).label);

/**
 * caseLevelData accepted without zod when every entry plainly fits CaseZ (issue 20: a variant has
 * ~100 carriers, and a zod parse per carrier was a third of a pull's processing). Anything else
 * returns undefined and goes through CaseZ, so what is accepted and every error message stay
 * exactly zod's.
 */
function plainCases(list: unknown): Case[] | undefined {
  if (list === undefined) return [];
  if (!Array.isArray(list)) return undefined;
  for (const c of list as unknown[]) {
    if (typeof c !== 'object' || c === null || Array.isArray(c)) return undefined;
    const { biosampleId, individualId, zygosity } = c as Record<string, unknown>;
    if (typeof biosampleId !== 'string' || biosampleId.length === 0) return undefined;
    if (individualId !== undefined && (typeof individualId !== 'string' || individualId === ''))
      return undefined;
    if (zygosity !== undefined && !isTerm(zygosity)) return undefined;
  }
  return list as Case[];
}

const isPlain = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const absentOr = (v: unknown, test: (x: unknown) => boolean): boolean => v === undefined || test(v);
/** Every index, holes included (`every` skips holes; zod reads them as undefined). */
const listOf =
  (test: (x: unknown) => boolean) =>
  (v: unknown): boolean => {
    if (!Array.isArray(v)) return false;
    for (let i = 0; i < v.length; i++) if (!test((v as unknown[])[i])) return false;
    return true;
  };
const isString = (v: unknown): boolean => typeof v === 'string';
const isCount = (v: unknown): boolean => Number.isSafeInteger(v) && (v as number) >= 0;
const isFrequency = (v: unknown): boolean =>
  isPlain(v) &&
  typeof v.alleleFrequency === 'number' &&
  v.alleleFrequency >= 0 &&
  v.alleleFrequency <= 1;

/**
 * A variant record's fields besides caseLevelData that plainly fit VariantHeadZ (issue 20,
 * decision 0060: its zod parse was the largest part of a record's check once the carriers were
 * checked plainly). Conservative: anything it does not accept goes through VariantHeadZ, so what
 * is accepted and every error message stay zod's; what it accepts, zod accepts as it is (loose
 * objects, no defaults), so the record is used without a copy.
 */
export function plainVariantHead(raw: unknown): boolean {
  if (!isPlain(raw)) return false;
  const { variantInternalId, variation, identifiers, molecularAttributes, info } = raw;
  if (typeof variantInternalId !== 'string' || variantInternalId.length === 0) return false;
  if (!isPlain(variation)) return false;
  const ids = (v: unknown) =>
    isPlain(v) &&
    absentOr(v.transcriptHGVSIds, listOf(isString)) &&
    absentOr(v.proteinHGVSIds, listOf(isString));
  const attributes = (v: unknown) =>
    isPlain(v) &&
    absentOr(v.geneIds, listOf(isString)) &&
    absentOr(v.molecularEffects, listOf(isTerm));
  const population = (v: unknown) => isPlain(v) && listOf(isFrequency)(v.frequencies);
  const facts = (v: unknown) =>
    isPlain(v) &&
    absentOr(v.clinicalSignificance, isString) &&
    absentOr(v.alleleCount, isCount) &&
    absentOr(v.alleleNumber, isCount);
  return (
    absentOr(identifiers, ids) &&
    absentOr(molecularAttributes, attributes) &&
    absentOr(raw.frequencyInPopulations, listOf(population)) &&
    absentOr(info, facts)
  );
}

type Variant = z.infer<typeof VariantZ>;

/** A g_variants record checked against VariantZ: plainly (plainCases, plainVariantHead) when it can. */
function parseVariant(raw: unknown) {
  const cases =
    typeof raw === 'object' && raw !== null
      ? plainCases((raw as { caseLevelData?: unknown }).caseLevelData)
      : undefined;
  if (cases === undefined) return VariantZ.safeParse(raw);
  if (plainVariantHead(raw))
    return { success: true as const, data: { ...(raw as Variant), caseLevelData: cases } };
  const head = VariantHeadZ.safeParse(raw);
  return head.success
    ? { success: true as const, data: { ...head.data, caseLevelData: cases } }
    : head;
}

const SEX_BY_TERM = new Map(Object.entries(SEX_TERMS).map(([k, v]) => [v, k]));

/**
 * Thrown when a record does not follow the model; names the record (its index on the page) and
 * the field, in English and as a code with those values (the page's caller adds the node).
 */
export class RecordShapeError extends Error {
  constructor(
    message: string,
    readonly problem: RecordProblem,
    readonly params: Readonly<Record<string, string | number>>,
  ) {
    super(message);
  }
}

function fail(kind: 'individual' | 'variant', i: number, error: z.ZodError): never {
  const at = (error.issues[0]?.path.join('.') ?? '').slice(0, 200);
  throw new RecordShapeError(
    `${kind} record ${String(i)} does not follow the Beacon model (at "${at}")`,
    kind === 'individual' ? 'individualShape' : 'variantShape',
    { record: i, at },
  );
}

/** One individuals record. */
export function toIndividual(raw: unknown, i: number): IndividualRow {
  const p = IndividualZ.safeParse(raw);
  if (!p.success) fail('individual', i, p.error);
  const r = p.data;
  const origin = r.geographicOrigin?.id;
  return {
    individual_id: r.id,
    sex: SEX_BY_TERM.get(r.sex.id) ?? 'unknown',
    age_band: r.info?.ageBand ?? r.info?.birthYearBand ?? null,
    country: origin?.startsWith('ISO3166:') === true ? origin.slice(8) : '',
    diseases: (r.diseases ?? []).map((d) => d.diseaseCode.id),
    phenotypes: (r.phenotypicFeatures ?? []).map((f) => f.featureType.id),
  };
}

/** A converted variant, or the reason it has no place on GRCh38 (kept out of the cache, and said). */
export type ConvertedVariant =
  { variant: VariantRow; genotypes: GenotypeRow[] } | { unplaced: string };

/**
 * A converted variant with its carriers as two parallel lists, the id (individualId, else
 * biosampleId) and the zygosity class of each (issue 20: what the pull stages and codes, without a
 * row object per genotype); or the reason it has no place on GRCh38.
 */
export type ConvertedCarriers =
  { variant: VariantRow; ids: string[]; zygosities: ('het' | 'hom')[] } | { unplaced: string };

/** One g_variants record with caseLevelData → one variant row and its carriers (on GRCh38). */
export function toVariantCarriers(
  raw: unknown,
  i: number,
  nodeAssembly: Assembly = APP_ASSEMBLY,
  zygosities: ZygosityMemo = new ZygosityMemo(),
): ConvertedCarriers {
  const p = parseVariant(raw);
  if (!p.success) fail('variant', i, p.error);
  const r = p.data;
  const place = variantPlace(raw as Record<string, unknown>);
  if (typeof place === 'string')
    throw new RecordShapeError(
      `variant record ${String(i)} has ${PLACE_PROBLEMS[place]}`,
      PLACE_KEYS[place],
      { record: i },
    );
  const from = place.assembly ?? nodeAssembly;
  const table = liftTable(from, APP_ASSEMBLY);
  const lifted = table === undefined ? place : liftVariant(table, place);
  if (typeof lifted === 'string')
    return {
      unplaced: `${from} ${place.chrom}:${place.pos} ${place.ref}>${place.alt}: ${LIFT_FAILURE_WORDS[lifted]}`,
    };
  const key = `${lifted.chrom}-${lifted.pos}-${lifted.ref}-${lifted.alt}`;
  const cases = r.caseLevelData;
  const ids = new Array<string>(cases.length);
  const zs = new Array<'het' | 'hom'>(cases.length);
  let alleles = 0;
  cases.forEach((c, k) => {
    // Without individualId the biosample is the only link the node gives; kept as the id.
    ids[k] = c.individualId ?? c.biosampleId;
    const z = zygosities.of(c.zygosity);
    zs[k] = z;
    alleles += z === 'hom' ? 2 : 1;
  });
  const freq = r.frequencyInPopulations?.[0]?.frequencies[0]?.alleleFrequency;
  const ac = r.info?.alleleCount ?? alleles;
  const an = r.info?.alleleNumber ?? (freq !== undefined && freq > 0 ? Math.round(ac / freq) : 0);
  const variant: VariantRow = {
    variant_key: key,
    chrom: lifted.chrom,
    pos: lifted.pos,
    ref: lifted.ref,
    alt: lifted.alt,
    gene: r.molecularAttributes?.geneIds?.[0] ?? '',
    consequence: r.molecularAttributes?.molecularEffects?.[0]?.label ?? '',
    hgvs_c: r.identifiers?.transcriptHGVSIds?.[0] ?? null,
    hgvs_p: r.identifiers?.proteinHGVSIds?.[0] ?? null,
    clin_sig: r.info?.clinicalSignificance ?? null,
    ac,
    an,
    af: freq ?? (an > 0 ? ac / an : 0),
  };
  return { variant, ids, zygosities: zs };
}

/** One g_variants record with caseLevelData → one variant row and its genotype rows (on GRCh38). */
export function toVariant(
  raw: unknown,
  i: number,
  nodeAssembly: Assembly = APP_ASSEMBLY,
): ConvertedVariant {
  const c = toVariantCarriers(raw, i, nodeAssembly);
  if ('unplaced' in c) return c;
  const key = c.variant.variant_key;
  return {
    variant: c.variant,
    genotypes: c.ids.map((id, k): GenotypeRow => ({
      individual_id: id,
      variant_key: key,
      zygosity: c.zygosities[k] ?? 'het', // the lists are parallel: never undefined
    })),
  };
}
