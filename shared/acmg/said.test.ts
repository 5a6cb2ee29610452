import { describe, expect, it } from 'vitest';
import { bs1Threshold } from './bs1';
import type { Said } from './said';
import { SaidSchema } from './said';
import { CriterionEntrySchema } from './sheet';
import type { FederatedAnswer } from './sheet';
import type { SuggestInput } from './suggest';
import { suggestCriteria } from './suggest';

// Issue 22 (decision 0057): the ACMG sheet's suggestions come with codes and parameters (numbers
// as numbers, names as data) that the reader's language words; the English stays beside them.

const KEY = '17-43124027-ACT-A';
const base: SuggestInput = {
  variant: {
    variant_key: KEY,
    gene: 'BRCA1',
    consequence: 'missense_variant',
    pop_af: null,
    modes: [],
  },
  frequencyFields: ['gnomAD_AF'],
  transPathogenic: [],
};
const byCode = (i: SuggestInput, code: string) =>
  suggestCriteria(i).criteria.find((c) => c.code === code);
const noteOf = (i: SuggestInput, code: string) =>
  suggestCriteria(i).notes.find((n) => n.code === code);
const answer = (over: Partial<FederatedAnswer>): FederatedAnswer => ({
  variantKey: KEY,
  node: 'IT',
  dataset: 'IT-CA-01',
  granularity: 'count',
  exists: true,
  count: 3,
  at: '2026-12-06T10:00:00Z',
  individuals: { min: 400, max: 400 },
  ...over,
});

describe('issue 22: the ACMG suggestions as codes and parameters', () => {
  it('BA1, BS1 and PM2 give their frequency and threshold as numbers, and their source as codes', () => {
    const at = (pop_af: number | null) => ({ ...base, variant: { ...base.variant, pop_af } });
    expect(byCode(at(0.06), 'BA1')?.said?.reason).toEqual([
      { key: 'freq.ba1', params: { afPct: 0.06, thresholdPct: 0.05 } },
    ]);
    const bs1 = byCode(at(0.02), 'BS1');
    expect(bs1?.said?.reason).toEqual([
      { key: 'freq.bs1', params: { afPct: 0.02, thresholdPct: 0.01 } },
    ]);
    expect(bs1?.said?.caveat?.[0]).toEqual({
      key: 'freq.bs1Caveat',
      params: { why: { key: 'bs1.default', params: { defaultPct: 0.01 } } },
    });
    const pm2 = byCode(at(null), 'PM2');
    expect(pm2?.said?.reason).toEqual([{ key: 'freq.absent' }]);
    expect(pm2?.said?.caveat).toEqual([{ key: 'freq.pm2Coverage' }]);
    expect(pm2?.said?.source).toEqual([
      {
        key: 'source.frequency',
        params: {
          vcf: { key: 'source.vcf', params: { fields: 'gnomAD_AF' } },
          cache: { key: 'source.cacheNotRead' },
          federation: { key: 'source.fedNotLooked' },
        },
      },
    ]);
  });

  it('the federation’s pooled count and its bound on PM2 come as numbers with each answer as data', () => {
    const pm2 = byCode(
      {
        ...base,
        federation: [
          answer({
            dataset: 'ES-AF-01',
            node: 'ES',
            count: 0,
            exists: false,
            individuals: { min: 6400, max: 6400 },
            declared: { title: 'Spanish population reference (aggregate)' },
          }),
        ],
      },
      'PM2',
    );
    expect(pm2?.said?.reason).toEqual([
      { key: 'freq.absent' },
      { key: 'freq.noCarrier', params: { count: 6400 } },
    ]);
    const fed = (pm2?.said?.source[0]?.params as Record<string, Said>)['federation'];
    expect(fed?.key).toBe('source.fedPooled');
    expect(fed?.params?.['count']).toBe(1);
    expect(fed?.params?.['answers']).toEqual([
      {
        key: 'source.answerOf',
        params: {
          dataset: 'ES-AF-01',
          node: 'ES',
          granularity: 'count',
          at: '2026-12-06T10:00:00Z',
          answer: { key: 'answer.count', params: { carriers: 0 } },
          min: 6400,
          max: 6400,
        },
      },
    ]);
  });

  it('decision 0051’s set-aside datasets and the PS4 note: each dataset with its numbers and why, counted', () => {
    const notes = suggestCriteria({
      ...base,
      federation: [
        answer({ declared: { title: 'Hereditary cancer cohort', kind: 'cancer' } }),
        answer({ dataset: 'IT-RD-01', count: 1, declared: undefined }),
      ],
    }).notes;
    const aside = notes.find((n) => n.code === 'BS1')?.said?.[0];
    expect(aside?.key).toBe('aside.notUsed');
    const lines = aside?.params?.['datasets'] as Said[];
    expect(lines.map((l) => l.key)).toEqual(['aside.answerAf', 'aside.answerAf']);
    expect(lines[0]?.params?.['why']).toEqual({
      key: 'use.enriched',
      params: {
        title: 'Hereditary cancer cohort',
        match: { key: 'use.match.gene', params: { gene: 'BRCA1' } },
      },
    });
    expect(lines[0]?.params?.['range']).toEqual({
      key: 'range.closed',
      params: { lowAf: 3 / 800, highAf: 3 / 400 },
    });
    expect(lines[1]?.params?.['why']).toEqual({ key: 'use.notRead' });
    expect(notes.find((n) => n.code === 'PS4')?.said).toEqual([
      { key: 'aside.ps4', params: { count: 1 } },
    ]);
  });

  it('PM6, PM3, PVS1 and PP4 carry their names and numbers; PVS1, PM5 and PS1 notes likewise', () => {
    expect(
      byCode({ ...base, variant: { ...base.variant, modes: ['de_novo'] } }, 'PM6')?.said,
    ).toEqual({
      reason: [{ key: 'pm6.reason' }],
      source: [{ key: 'pm6.source' }],
      caveat: [{ key: 'pm6.caveat' }],
    });
    const pm3 = byCode(
      {
        ...base,
        variant: { ...base.variant, modes: ['compound_het'] },
        transPathogenic: [
          {
            key: '17-1-A-G',
            why: 'confirmed pathogenic',
            whySaid: { key: 'pm3.confirmed', params: { cls: 'pathogenic' } },
          },
        ],
      },
      'PM3',
    );
    expect(pm3?.said?.reason).toEqual([
      {
        key: 'pm3.reason',
        params: {
          partner: '17-1-A-G',
          why: { key: 'pm3.confirmed', params: { cls: 'pathogenic' } },
        },
      },
    ]);
    const nullVariant = {
      ...base,
      variant: { ...base.variant, consequence: 'stop_gained' },
      clinvar: {
        release: '2026-02-26',
        coveredGenes: ['BRCA1'],
        gene: { gene: 'BRCA1', pathogenic: 900, pathogenicNull: 700 },
      },
    };
    expect(byCode(nullVariant, 'PVS1')?.said?.reason).toEqual([
      { key: 'pvs1.reason', params: { consequence: 'stop_gained', gene: 'BRCA1', nulls: 700 } },
    ]);
    expect(
      noteOf(
        {
          ...nullVariant,
          variant: { ...nullVariant.variant, gene: 'XYZ1' },
          clinvar: { release: '2026-02-26', coveredGenes: ['BRCA1'] },
        },
        'PVS1',
      )?.said,
    ).toEqual([{ key: 'pvs1.notCovered', params: { gene: 'XYZ1' } }]);
    const pp4 = byCode(
      {
        ...base,
        ranking: {
          rank: 2,
          genes: 40,
          score: 2.345,
          disease: 'Breast cancer',
          version: 'x',
          versionSaid: { key: 'pp4.rankVcf' },
        },
      },
      'PP4',
    );
    expect(pp4?.said?.reason).toEqual([
      {
        key: 'pp4.reasonDisease',
        params: { gene: 'BRCA1', rank: 2, genes: 40, score: 2.3, disease: 'Breast cancer' },
      },
    ]);
    expect(pp4?.said?.source).toEqual([
      { key: 'pp4.source', params: { version: { key: 'pp4.rankVcf' } } },
    ]);
    expect(
      noteOf({ ...base, clinvar: { release: '2026-02-26', coveredGenes: [] } }, 'PM5')?.said,
    ).toEqual([{ key: 'pm5.noteRelease', params: { release: '2026-02-26' } }]);
  });

  it('BS1’s threshold for the disease: the percentages, the modes and the assumptions as numbers', () => {
    const t = bs1Threshold({
      disease: { id: 'OMIM:604370', label: 'Breast-ovarian cancer, familial, 1' },
      modes: ['AD'],
      pm2: 0.0001,
      ba1: 0.05,
    });
    expect(t.said).toEqual({
      key: 'bs1.perDisease',
      params: {
        thresholdPct: 0.0005,
        disease: {
          key: 'bs1.disease',
          params: { label: 'Breast-ovarian cancer, familial, 1', id: 'OMIM:604370' },
        },
        mode: 'AD',
        modes: [{ key: 'bs1.modeAf', params: { mode: 'AD', afPct: 0.0005 } }],
        prevalence: 0.0005,
        allelic: 1,
        genetic: 1,
        penetrance: 0.5,
      },
    });
    expect(bs1Threshold({ modes: [], pm2: 0.0001, ba1: 0.05 }).said).toEqual({
      key: 'bs1.default',
      params: { defaultPct: 0.01 },
    });
  });

  it('the sheet’s schema takes the codes, refuses a key the catalogue lacks, and still reads a case stored before', () => {
    const entry = byCode({ ...base, variant: { ...base.variant, pop_af: 0.02 } }, 'BS1');
    expect(CriterionEntrySchema.parse(entry)).toEqual(entry);
    const older = Object.fromEntries(Object.entries(entry ?? {}).filter(([k]) => k !== 'said'));
    expect(CriterionEntrySchema.safeParse(older).success).toBe(true);
    expect(SaidSchema.safeParse({ key: 'freq.ba1', params: { afPct: 0.06 } }).success).toBe(true);
    expect(SaidSchema.safeParse({ key: 'freq.nonsense' }).success).toBe(false);
    expect(SaidSchema.safeParse({ key: 'freq.ba1', params: { x: { key: 'nope' } } }).success).toBe(
      false,
    );
  });
});
