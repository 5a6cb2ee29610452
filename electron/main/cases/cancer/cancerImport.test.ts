import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SomaticResult, SomaticRow } from '../../../../shared/cancer/channels';
import type { CaseHarness } from '../testing/caseHarness';
import { openCaseHarness } from '../testing/caseHarness';
import { mutect2Vcf, SOMATIC_TRUTH, strelka2Vcf } from './testing/somaticVcfs';

let h: CaseHarness;
let mutect: string;
let strelka: string;

beforeAll(async () => {
  h = openCaseHarness();
  mutect = h.handle(h.file('mutect2.vcf.gz', mutect2Vcf(), { bgzf: true }));
  strelka = h.handle(h.file('strelka2.vcf', strelka2Vcf()));
  for (const [caseId, vcf, tumour, normal] of [
    ['CA-M2', mutect, 'T-001', 'N-001'],
    ['CA-S2', strelka, 'TUMOR', 'NORMAL'],
  ] as const) {
    const done = await h.importCase({
      caseId,
      patientId: 'P-CA',
      sex: 'female',
      vcf,
      cancer: { tumour, normal, tumourType: 'SKCM', purity: 0.6 },
    });
    expect(done, JSON.stringify([done.message, done.problems])).toMatchObject({ phase: 'done' });
  }
}, 120_000);

afterAll(async () => {
  await h.close();
});

const somatic = (caseId: string, filter = {}): Promise<SomaticResult> =>
  h.call('cancer:somatic', { caseId, filter, limit: 1000 });
const byKey = (r: SomaticResult): Map<string, SomaticRow> =>
  new Map(r.rows.map((x) => [x.variant_key, x]));

describe('issue 19: tumour-normal import in Mutect2 and Strelka2 shapes', () => {
  it('recognises each caller and the samples its header names', async () => {
    const m = await h.call('case:inspect', { vcf: mutect });
    expect(m.vcf.somatic).toEqual({ caller: 'mutect2', tumour: 'T-001', normal: 'N-001' });
    const s = await h.call('case:inspect', { vcf: strelka });
    expect(s.vcf.somatic).toEqual({ caller: 'strelka2', tumour: 'TUMOR', normal: 'NORMAL' });
  });

  it('records the case as kind cancer with tumour and normal as separate members', async () => {
    const d = await h.call('case:open', { caseId: 'CA-M2' });
    expect(d.cancer).toEqual({
      caller: 'mutect2',
      tumourType: 'SKCM',
      purity: 0.6,
      tumour: 'T-001',
      normal: 'N-001',
    });
    expect(d.members.map((m) => [m.sample, m.role])).toEqual([
      ['T-001', 'tumour'],
      ['N-001', 'normal'],
    ]);
  });

  for (const caseId of ['CA-M2', 'CA-S2'])
    it(`${caseId}: every VAF and depth exact, tumour and normal kept apart, the leak flagged`, async () => {
      const rows = byKey(await somatic(caseId));
      expect([...rows.keys()].sort()).toEqual(SOMATIC_TRUTH.map((t) => t.key).sort());
      for (const t of SOMATIC_TRUTH) {
        const r = rows.get(t.key);
        expect(r, t.key).toBeDefined();
        if (r === undefined) continue;
        expect([r.t_ad_ref, r.t_ad_alt], t.key).toEqual([...t.tumour]);
        expect([r.n_ad_ref, r.n_ad_alt], t.key).toEqual([...t.normal]);
        expect(r.t_vaf, t.key).toBe(t.tumour[1] / (t.tumour[0] + t.tumour[1]));
        expect(r.n_vaf, t.key).toBe(t.normal[1] / (t.normal[0] + t.normal[1]));
        expect(r.germline_leak, t.key).toBe(t.leak);
        expect(r.caller).toBe(caseId === 'CA-M2' ? 'mutect2' : 'strelka2');
      }
    });

  it('flags the known hotspots end to end and proposes tiers from the knowledge', async () => {
    const rows = byKey(await somatic('CA-S2'));
    expect(rows.get('7-140753336-A-T')).toMatchObject({
      hotspot: 'allele',
      hotspot_label: 'BRAF V600E',
      protein_change: 'V600E',
      tier: 'I',
      tier_level: 'A',
    });
    expect(rows.get('17-7675088-C-T')).toMatchObject({ hotspot: 'allele', protein_pos: 175 });
    // KRAS G12D: CIViC level A/B evidence is for other tumour types than melanoma → Tier II C.
    expect(rows.get('12-25245350-C-T')).toMatchObject({
      hotspot: 'allele',
      tier: 'II',
      tier_level: 'C',
    });
    expect(rows.get('7-55174771-AGGAATTAAGAGAAGC-A')).toMatchObject({ hotspot: 'allele' });
    expect(rows.get('2-178527000-G-A')).toMatchObject({ hotspot: null, tier: 'III' });
    const braf = JSON.parse(rows.get('7-140753336-A-T')?.tier_json ?? '{}') as {
      evidence: { ref?: string }[];
    };
    expect(braf.evidence.map((e) => e.ref)).toContain('EID1409');
  });

  it('filters: the default removes the leak, hotspot-only keeps the four hotspots, steps counted', async () => {
    const r = await somatic('CA-M2', { passOnly: true, maxNormalVaf: 0.05, minTumourVaf: 0.05 });
    expect(r.total).toBe(6);
    expect(r.rows.map((x) => x.variant_key)).not.toContain('1-1014143-C-T');
    expect(r.steps.find((s) => s.step === 'normalVaf')).toEqual({
      step: 'normalVaf',
      removes: 1,
      remaining: 5,
    });
    const hot = await somatic('CA-M2', { hotspotOnly: true });
    expect(hot.kept).toBe(4);
    const tier1 = await somatic('CA-M2', { tiers: ['I'] });
    expect(tier1.rows.map((x) => x.gene)).toEqual(['BRAF']);
  });

  it('refuses the somatic view of a case that is not a cancer case', async () => {
    const done = await h.importCase({
      caseId: 'GERM-1',
      patientId: 'P-G',
      sex: 'female',
      vcf: mutect,
      proband: 'T-001',
    });
    expect(done.phase).toBe('done');
    const r = await h.invoke('cancer:somatic', { caseId: 'GERM-1' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/not a cancer case/);
  });

  it('the oncologist changes a proposed tier: kept in the case record, the latest per variant', async () => {
    const key = '12-25245350-C-T';
    await h.call('cancer:review', {
      caseId: 'CA-M2',
      variantKey: key,
      tier: 'III',
      level: null,
      proposed: 'IIC',
    });
    const { reviews } = await h.call('cancer:review', {
      caseId: 'CA-M2',
      variantKey: key,
      tier: 'II',
      level: 'D',
      proposed: 'IIC',
      note: 'melanoma: only case reports',
    });
    expect(reviews).toEqual([
      expect.objectContaining({ variantKey: key, tier: 'II', level: 'D', proposed: 'IIC' }),
    ]);
    const d = await h.call('case:open', { caseId: 'CA-M2' });
    expect(d.cancer?.reviews).toEqual(reviews);
  });

  it("a gene's hotspot residues for the lollipop plot", async () => {
    const g = await h.call('cancer:gene', { gene: 'BRAF' });
    expect(g.hotspots).toContainEqual({
      position: 600,
      label: 'V600',
      tumours: 897,
      type: 'residue',
    });
    expect(g.role).toBe('oncogene');
  });
});
