import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GermlineResult } from '../../../../shared/cancer/germline';
import { germlineSnapshot } from '../../../../shared/cancer/germline';
import type { CaseHarness } from '../testing/caseHarness';
import { openCaseHarness } from '../testing/caseHarness';
import { GERMLINE_BRCA2, mutect2Vcf, SOMATIC_TRUTH, strelka2Vcf } from './testing/somaticVcfs';

// Issue 19: the CPSR-style predisposition view of a cancer case (the superpanel applied to the
// matched normal), its ACMG/AMP evidence sheet through the case work, and the tumour board's
// germline findings in the report's language.
let h: CaseHarness;
let mutect: GermlineResult;
let strelka: GermlineResult;
let tumourOnly: GermlineResult;

beforeAll(async () => {
  h = openCaseHarness();
  const cases = [
    ['CA-G-M2', 'mutect2.vcf.gz', mutect2Vcf({ germline: true }), 'T-001', 'N-001'],
    ['CA-G-S2', 'strelka2.vcf.gz', strelka2Vcf({ germline: true }), 'TUMOR', 'NORMAL'],
    ['CA-G-TO', 'tumour-only.vcf.gz', mutect2Vcf({ germline: true }), 'T-001', undefined],
  ] as const;
  for (const [caseId, name, text, tumour, normal] of cases) {
    const done = await h.importCase({
      caseId,
      patientId: 'P-G',
      sex: 'female',
      vcf: h.handle(h.file(name, text, { bgzf: true })),
      cancer: { tumour, ...(normal && { normal }), tumourType: 'BRCA' },
    });
    expect(done, JSON.stringify([done.message, done.problems])).toMatchObject({ phase: 'done' });
  }
  mutect = await h.call('cancer:germline', { caseId: 'CA-G-M2' });
  strelka = await h.call('cancer:germline', { caseId: 'CA-G-S2' });
  tumourOnly = await h.call('cancer:germline', { caseId: 'CA-G-TO' });
}, 180_000);

afterAll(async () => {
  await h.close();
});

describe('issue 19: the predisposition superpanel on the normal sample', () => {
  it('finds the normal’s BRCA2 variant (Mutect2 writes 0/0: read from its VAF) and nothing somatic', () => {
    for (const r of [mutect, strelka]) {
      expect(r.panel.genes).toBeGreaterThan(500);
      expect(r.panel.label).toContain('CPSR');
      expect(r.rows.map((x) => x.variant_key)).toEqual([GERMLINE_BRCA2.key]);
      expect(r.total).toBe(1);
      const [ref, alt] = GERMLINE_BRCA2.normal;
      expect(r.rows[0]?.ab).toBeCloseTo(alt / (ref + alt), 6);
      expect(germlineSnapshot(r.rows[0] ?? ({} as never)).gt).toBe('0/1');
    }
    expect(mutect.sample).toBe('N-001');
    expect(strelka.sample).toBe('NORMAL');
    // TP53 R175H is in the superpanel, but its single normal read is not a germline call.
    expect(SOMATIC_TRUTH.find((t) => t.gene === 'TP53')?.normal[1]).toBe(1);
  });

  it('a tumour-only case has no germline sample: not assessed, never the tumour read as germline', () => {
    expect(tumourOnly).toMatchObject({ sample: null, total: 0, rows: [] });
  });

  it('a germline case is refused by name', async () => {
    const r = await h.invoke('cancer:germline', { caseId: 'NO-SUCH-CASE' });
    expect(r.ok).toBe(false);
  });
});

describe('issue 19: germline findings in the tumour-board report, with the ACMG/AMP class', () => {
  const report = async (language: 'en' | 'de'): Promise<string> => {
    const r = await h.call('case:report', {
      caseId: 'CA-G-M2',
      format: 'html',
      method: { filter: {} },
      language,
    });
    return r.body.slice(r.body.indexOf('id="tumour-board"'));
  };

  beforeAll(async () => {
    const row = mutect.rows[0];
    if (row === undefined) throw new Error('no germline row');
    const criterion = (code: 'PVS1' | 'PM2', strength: 'very_strong' | 'moderate') => ({
      code,
      strength,
      status: 'accepted' as const,
      reason: 'test',
      source: 'VCF CSQ',
      suggested: true,
    });
    await h.call('case:updateWork', {
      caseId: 'CA-G-M2',
      change: {
        kind: 'addVariant',
        variant: germlineSnapshot(row),
        sheet: {
          criteria: [criterion('PVS1', 'very_strong'), criterion('PM2', 'moderate')],
          confirmed: null,
        },
      },
    });
    await h.call('case:updateWork', {
      caseId: 'CA-G-M2',
      change: { kind: 'confirm', variantKey: row.variant_key },
    });
  });

  it('names the superpanel, the normal sample, the carried count and the confirmed class', async () => {
    const board = await report('en');
    const germline = board.slice(board.indexOf('Germline findings'));
    expect(germline).toContain('Cancer predisposition');
    expect(germline).toContain('applied to the normal sample N-001 of the tumour-normal VCF');
    expect(germline).toContain('1 variant carried in its genes');
    expect(germline).toMatch(
      new RegExp(`data-germline="${GERMLINE_BRCA2.key}" data-class="likely_pathogenic"`),
    );
    expect(germline).toContain('BRCA2 ENSP00000369497.3:p.Met1?');
    expect(germline).toContain('accepted criteria: PVS1, PM2');
  });

  it('follows the report language: the board’s words and the tier evidence lines in German', async () => {
    const board = await report('de');
    expect(board).toContain('Tumorboard: somatische Befunde');
    expect(board).toContain('Keimbahnbefunde');
    expect(board).toContain('Krebsprädisposition');
    expect(board).toContain('angenommene Kriterien: PVS1, PM2');
    // The tier evidence of the BRAF hotspot and the gene roles, from the catalogue in German.
    expect(board).toContain('Krebs-Hotspot');
    expect(board).toContain('(CPSR-Superpanel)');
    expect(board).toContain('Einschränkungen');
    expect(board).not.toContain('Tumour board: somatic findings');
    expect(board).not.toContain('Cancer hotspot (');
    expect(board).not.toContain('Not confirmed');
  });
});
