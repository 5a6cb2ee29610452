import { describe, expect, it } from 'vitest';
import type { CivicHit, CivicItem } from './knowledge';
import type { TierInput } from './tiering';
import { proposeTier } from './tiering';
import { tumourType } from './tumourTypes';

const item = (over: Partial<CivicItem>): CivicItem => ({
  eid: 1,
  variant: 'X1Y',
  disease: 'Melanoma',
  doid: '1909',
  drugs: 'Drug',
  type: 'Predictive',
  direction: 'Supports',
  level: 'A',
  significance: 'Sensitivity',
  origin: 'Somatic Mutation',
  ...over,
});
const hit = (...evidence: CivicItem[]): CivicHit => ({
  variantId: 1,
  name: 'X1Y',
  matchedBy: 'protein',
  evidence,
});
const base: TierInput = {
  tumourType: tumourType('SKCM') ?? null,
  civic: [],
  hotspot: null,
  clinvar: null,
  role: null,
  popAf: null,
};
const tier = (over: Partial<TierInput>): string => {
  const p = proposeTier({ ...base, ...over });
  return `${p.tier}${p.level ?? ''}`;
};

describe('issue 19: AMP/ASCO/CAP 2017 tiers from hand-made evidence', () => {
  it('level A in the tumour type (or a parent of it) is Tier I A; level B is Tier I B', () => {
    expect(tier({ civic: [hit(item({ level: 'A', doid: '1909' }))] })).toBe('IA');
    expect(tier({ civic: [hit(item({ level: 'B', doid: '8923' }))] })).toBe('IB');
  });

  it('tumour-agnostic evidence (DOID 162) counts for every tumour type', () => {
    expect(tier({ civic: [hit(item({ level: 'A', doid: '162', disease: 'Cancer' }))] })).toBe('IA');
  });

  it('level A/B in another tumour type is Tier II C; C is II C; D is II D', () => {
    expect(tier({ civic: [hit(item({ level: 'A', doid: '9256' }))] })).toBe('IIC');
    expect(tier({ civic: [hit(item({ level: 'C' }))] })).toBe('IIC');
    expect(tier({ civic: [hit(item({ level: 'D' }))] })).toBe('IID');
  });

  it('the strongest item wins, whatever the order', () => {
    const civic = [
      hit(item({ level: 'D', eid: 2 }), item({ level: 'B', eid: 3 }), item({ level: 'C', eid: 4 })),
    ];
    expect(tier({ civic })).toBe('IB');
  });

  it('without a tumour type, level A cannot reach Tier I and the gap is named', () => {
    const p = proposeTier({ ...base, tumourType: null, civic: [hit(item({ level: 'A' }))] });
    expect(`${p.tier}${p.level ?? ''}`).toBe('IIC');
    expect(p.missing.join(' ')).toMatch(/No tumour type/);
  });

  it('does-not-support, predisposing, germline-origin and level E items are listed but do not raise', () => {
    const civic = [
      hit(
        item({ direction: 'Does Not Support', eid: 5 }),
        item({ type: 'Predisposing', eid: 6 }),
        item({ origin: 'Germline Mutation', eid: 7 }),
        item({ level: 'E', eid: 8 }),
      ),
    ];
    const p = proposeTier({ ...base, civic });
    expect(p.tier).toBe('III');
    expect(p.evidence.map((e) => e.ref)).toEqual(['EID5', 'EID6', 'EID7', 'EID8']);
    expect(p.evidence.every((e) => e.supports === undefined)).toBe(true);
  });

  it('a hotspot alone is Tier III with the hotspot named as evidence', () => {
    const p = proposeTier({
      ...base,
      hotspot: { gene: 'G', level: 'residue', label: 'G R1', tumourCount: 12, tissues: {} },
    });
    expect(p.tier).toBe('III');
    expect(p.evidence[0]?.text).toMatch(/hotspot \(residue\): G R1, 12 tumours/);
    expect(p.missing).toContain('No clinical evidence for this variant in CIViC 2018.');
  });

  it('population frequency ≥ 1% or benign oncogenicity without clinical evidence is Tier IV', () => {
    expect(tier({ popAf: 0.02 })).toBe('IV');
    expect(tier({ popAf: 0.009 })).toBe('III');
    expect(tier({ clinvar: { variationId: 1, oncogenicity: 'Benign', somaticImpact: '' } })).toBe(
      'IV',
    );
  });

  it("ClinVar's somatic Tier I impact (tumour type unknown here) supports Tier II C", () => {
    const clinvar = {
      variationId: 12374,
      oncogenicity: 'Oncogenic',
      somaticImpact: 'Tier I - Strong',
    };
    const p = proposeTier({ ...base, clinvar });
    expect(`${p.tier}${p.level ?? ''}`).toBe('IIC');
    expect(p.evidence.map((e) => e.ref)).toEqual(['12374', '12374']);
  });
});

describe('issue 19: the English texts are worded once per key and values (decision 0079)', () => {
  it('the same evidence with other values gets its own text, the same values the same text', () => {
    const hot = (label: string, tumourCount: number | null): TierInput => ({
      ...base,
      hotspot: { gene: 'G', level: 'residue', label, tumourCount, tissues: {} },
    });
    const texts = (i: TierInput): string[] => proposeTier(i).evidence.map((e) => e.text);
    const first = texts(hot('G R1', 12));
    expect(texts(hot('G R1', 12))).toEqual(first);
    expect(texts(hot('G R1', 13))).not.toEqual(first);
    expect(texts(hot('G R2', 12))).not.toEqual(first);
    expect(texts(hot('G R1', null))).not.toEqual(first);
    expect(first.join()).toContain('G R1');
    expect(texts(hot('G R1', 1200)).join()).toContain('1,200');
  });
});
