import { describe, expect, it } from 'vitest';
import { RecordShapeError, plainVariantHead, toVariant, VariantHeadZ } from './recordConvert';

// A demo node's record with every field the head check reads (caseLevelData is checked apart).
const base = {
  variantInternalId: '13-32340300-GT-G',
  variation: {
    referenceBases: 'GT',
    alternateBases: 'G',
    location: { sequence_id: 'refseq:NC_000013.11', interval: { start: { value: 32340299 } } },
  },
  identifiers: { transcriptHGVSIds: ['NM_000059.4:c.1A>G'], proteinHGVSIds: ['p.M1V'], x: 1 },
  molecularAttributes: {
    geneIds: ['BRCA2'],
    molecularEffects: [{ id: 'SO:0001583', label: 'missense_variant', extra: true }],
  },
  frequencyInPopulations: [{ frequencies: [{ population: 'FI', alleleFrequency: 0.25 }] }],
  info: { clinicalSignificance: 'benign', alleleCount: 1, alleleNumber: 800, other: 'kept' },
  caseLevelData: [{ biosampleId: 'BS-x', individualId: 'x', zygosity: { id: 'GENO:0000135' } }],
};

type Json = Record<string, unknown>;
/** `base` with the value at `path` replaced (or removed when `value` is the symbol `gone`). */
const gone = Symbol('gone');
function withValue(path: string[], value: unknown): Json {
  const copy = structuredClone(base) as Json;
  let at: Json = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Json;
  const last = path[path.length - 1] ?? '';
  if (value === gone) Reflect.deleteProperty(at, last);
  else at[last] = value;
  return copy;
}

const PATHS = [
  ['variantInternalId'],
  ['variation'],
  ['identifiers'],
  ['identifiers', 'transcriptHGVSIds'],
  ['identifiers', 'proteinHGVSIds'],
  ['molecularAttributes'],
  ['molecularAttributes', 'geneIds'],
  ['molecularAttributes', 'molecularEffects'],
  ['molecularAttributes', 'molecularEffects', '0'],
  ['molecularAttributes', 'molecularEffects', '0', 'id'],
  ['molecularAttributes', 'molecularEffects', '0', 'label'],
  ['frequencyInPopulations'],
  ['frequencyInPopulations', '0'],
  ['frequencyInPopulations', '0', 'frequencies'],
  ['frequencyInPopulations', '0', 'frequencies', '0'],
  ['frequencyInPopulations', '0', 'frequencies', '0', 'alleleFrequency'],
  ['info'],
  ['info', 'clinicalSignificance'],
  ['info', 'alleleCount'],
  ['info', 'alleleNumber'],
];
const HOSTILE: unknown[] = [
  gone,
  null,
  '',
  'x',
  0,
  -1,
  0.5,
  1.5,
  2 ** 53,
  1e300,
  true,
  [],
  [null],
  ['x'],
  [7],
  [{}],
  [{ id: 'A:1' }],
  [{ id: 7 }],
  [{ frequencies: [] }],
  [{ frequencies: [{ alleleFrequency: 2 }] }],
  {},
  { id: 'A:1' },
  { id: 'A:1', label: null },
  { alleleFrequency: -0.1 },
];

describe('issue 20: variant fields checked without zod when they plainly fit (decision 0060)', () => {
  it('issue 20: the plain check accepts the demo records and never accepts what VariantHeadZ refuses; refusals keep zod’s message', () => {
    expect(plainVariantHead(base)).toBe(true);
    let plainAccepted = 0;
    let zodAccepted = 0;
    for (const path of PATHS)
      for (const value of HOSTILE) {
        const record = withValue(path, value);
        const zod = VariantHeadZ.safeParse(record);
        const what = `${path.join('.')} = ${value === gone ? 'absent' : JSON.stringify(value)}`;
        if (plainVariantHead(record)) {
          plainAccepted += 1;
          expect(zod.success, what).toBe(true);
        }
        if (zod.success) zodAccepted += 1;
        // What toVariant says is zod's verdict, whichever check ran.
        let said = 'accepted';
        try {
          toVariant(record, 2);
        } catch (error: unknown) {
          said = error instanceof RecordShapeError ? error.message : String(error);
        }
        if (zod.success) expect(said, what).not.toMatch(/does not follow the Beacon model/);
        else
          expect(said, what).toBe(
            `variant record 2 does not follow the Beacon model (at "${zod.error.issues[0]?.path.join('.') ?? ''}")`,
          );
      }
    // The corpus exercises both sides: most hostile values are refused, some still fit the model.
    expect(plainAccepted).toBeGreaterThan(20);
    expect(zodAccepted).toBeGreaterThan(plainAccepted - 1);
    expect(zodAccepted).toBeLessThan(PATHS.length * HOSTILE.length);
  });

  it('issue 20: a record accepted plainly converts as zod’s parse of it did', () => {
    const c = toVariant(base, 0);
    expect('variant' in c && c.variant).toEqual({
      variant_key: '13-32340300-GT-G',
      chrom: '13',
      pos: 32340300,
      ref: 'GT',
      alt: 'G',
      gene: 'BRCA2',
      consequence: 'missense_variant',
      hgvs_c: 'NM_000059.4:c.1A>G',
      hgvs_p: 'p.M1V',
      clin_sig: 'benign',
      ac: 1,
      an: 800,
      af: 0.25,
    });
  });
});
