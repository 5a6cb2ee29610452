import { z } from 'zod';
import { SEX_TERMS } from '../../../shared/search/query';
import { IndividualRecordZ, VariantRecordZ } from '../search/beaconSchemas';
import type { GenotypeRow, IndividualRow, VariantRow } from '../vault/arrowTables';

/**
 * Beacon v2 default-model records → vault rows (BCN-04: every record is validated with zod before
 * it is kept; a record that does not fit fails the page, it is never guessed at).
 */

const IndividualZ = IndividualRecordZ.extend({
  geographicOrigin: z.looseObject({ id: z.string() }).optional(),
  info: z
    .looseObject({ birthYearBand: z.string().optional(), ageBand: z.string().optional() })
    .optional(),
});

const VariantZ = VariantRecordZ.extend({
  variantInternalId: z.string().regex(/^(?:[1-9]|1\d|2[0-2]|X|Y|MT)-\d{1,9}-[ACGTN]+-[ACGTN]+$/),
  variation: z.looseObject({
    referenceBases: z.string(),
    alternateBases: z.string(),
    location: z
      .looseObject({
        interval: z.looseObject({ start: z.looseObject({ value: z.number().int() }) }),
      })
      .optional(),
  }),
  caseLevelData: z.array(
    z.looseObject({
      individualId: z.string().min(1),
      zygosity: z.looseObject({ id: z.enum(['GENO:0000135', 'GENO:0000136']) }),
    }),
  ),
  info: z.looseObject({
    clinicalSignificance: z.string().optional(),
    alleleCount: z.number().int().nonnegative(),
    alleleNumber: z.number().int().nonnegative(),
  }),
});

const SEX_BY_TERM = new Map(Object.entries(SEX_TERMS).map(([k, v]) => [v, k]));

/** Thrown when a record does not follow the model; names the record and the field. */
export class RecordShapeError extends Error {}

function fail(kind: string, i: number, error: z.ZodError): never {
  const where = error.issues[0]?.path.join('.') ?? '';
  throw new RecordShapeError(
    `${kind} record ${i} does not follow the Beacon model (at "${where}")`,
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

/** One g_variants record with caseLevelData → one variant row and its genotype rows. */
export function toVariant(
  raw: unknown,
  i: number,
): { variant: VariantRow; genotypes: GenotypeRow[] } {
  const p = VariantZ.safeParse(raw);
  if (!p.success) fail('variant', i, p.error);
  const r = p.data;
  const key = r.variantInternalId;
  const [chrom = '', pos = '', ref = '', alt = ''] = key.split('-');
  const start = r.variation.location?.interval.start.value;
  if (
    ref !== r.variation.referenceBases ||
    alt !== r.variation.alternateBases ||
    (start !== undefined && start + 1 !== Number(pos))
  ) {
    throw new RecordShapeError(`variant record ${i} (${key}) disagrees with its own variation`);
  }
  const freq = r.frequencyInPopulations?.[0]?.frequencies[0]?.alleleFrequency;
  const variant: VariantRow = {
    variant_key: key,
    chrom,
    pos: Number(pos),
    ref,
    alt,
    gene: r.molecularAttributes?.geneIds?.[0] ?? '',
    consequence: r.molecularAttributes?.molecularEffects?.[0]?.label ?? '',
    hgvs_c: r.identifiers?.transcriptHGVSIds?.[0] ?? null,
    hgvs_p: r.identifiers?.proteinHGVSIds?.[0] ?? null,
    clin_sig: r.info.clinicalSignificance ?? null,
    ac: r.info.alleleCount,
    an: r.info.alleleNumber,
    af: freq ?? (r.info.alleleNumber > 0 ? r.info.alleleCount / r.info.alleleNumber : 0),
  };
  const genotypes = r.caseLevelData.map((c): GenotypeRow => ({
    individual_id: c.individualId,
    variant_key: key,
    zygosity: c.zygosity.id === 'GENO:0000136' ? 'hom' : 'het',
  }));
  return { variant, genotypes };
}
