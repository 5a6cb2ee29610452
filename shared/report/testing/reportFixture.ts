import type { CaseWork } from '../../cases/workChannels';
import type { ReportData } from '../reportData';

/** A signed-off, solved case with one confirmed pathogenic variant and one left out (tests). */
export function reportFixture(overrides: Partial<ReportData> = {}): ReportData {
  const work: CaseWork = {
    v: 1,
    status: 'solved',
    tags: ['epilepsy'],
    notes: [],
    diagnosis: { id: 'OMIM:607208', label: 'Dravet syndrome' },
    variants: [
      {
        variant: {
          variantKey: '2-166000000-C-T',
          chrom: '2',
          pos: 166000000,
          ref: 'C',
          alt: 'T',
          gene: 'SCN1A',
          consequence: 'stop_gained',
          hgvs_c: 'NM_001165963.4:c.2134C>T',
          hgvs_p: 'NP_001159435.1:p.Arg712Ter',
          gt: '0/1',
          modes: ['de_novo', 'autosomal_dominant'],
          pop_af: null,
          clinvar_sig: null,
        },
        tags: [],
        notes: [],
        reported: true,
        sheet: {
          criteria: [
            {
              code: 'PVS1',
              strength: 'very_strong',
              status: 'accepted',
              reason: 'Null variant',
              source: 'ClinVar',
              suggested: true,
            },
            {
              code: 'PM6',
              strength: 'strong',
              status: 'accepted',
              reason: 'De novo, parentage confirmed',
              source: 'trio',
              suggested: true,
            },
            {
              code: 'PM2',
              strength: 'supporting',
              status: 'accepted',
              reason: 'Absent',
              source: 'VCF',
              suggested: true,
            },
            {
              code: 'PP4',
              strength: 'supporting',
              status: 'rejected',
              reason: 'ranked 1',
              source: 'ranking',
              suggested: true,
            },
          ],
          confirmed: {
            cls: 'pathogenic',
            rule: 'P(i)(a): PVS1 and ≥1 strong',
            points: 13,
            by: 'dr.lee',
            at: '2026-12-06T10:00:00Z',
          },
        },
      },
      {
        variant: {
          variantKey: '7-1000-G-A',
          chrom: '7',
          pos: 1000,
          ref: 'G',
          alt: 'A',
          gene: 'GENE7',
          consequence: 'missense_variant',
          hgvs_c: null,
          hgvs_p: null,
          gt: '1/1',
          modes: [],
          pop_af: 0.2,
          clinvar_sig: null,
        },
        tags: [],
        notes: [],
        reported: false,
        sheet: { criteria: [], confirmed: null },
      },
    ],
    signOff: {
      by: 'dr.lee',
      at: '2026-12-06T10:05:00Z',
      statement: 'Reviewed with the family.',
      method: { filter: { maxPopAf: 0.001, panels: ['epilepsy'] }, preset: 'Rare de novo' },
    },
    history: [],
  };
  return {
    caseId: 'CASE-18',
    patientId: 'PSEUDO-0042',
    sex: 'female',
    phenotype: {
      observed: [{ id: 'HP:0001250', label: 'Seizure' }],
      excluded: [{ id: 'HP:0000365' }],
    },
    members: [{ member: 'PROBAND', role: 'proband', affected: true }],
    vcf: {
      name: 'trio.vcf.gz',
      version: '4.3',
      annotations: ['CSQ'],
      frequencyFields: ['gnomAD_AF'],
    },
    method: { filter: {} },
    panels: [{ id: 'epilepsy', label: 'Genes4Epilepsy', version: '2024-01' }],
    sources: [{ name: 'ClinVar', version: 'ClinVar GRCh38 2026-02-26 (hereditary-cancer subset)' }],
    work,
    generatedAt: '2026-12-06T10:10:00.000Z',
    app: 'Cohort Desk 0.0.0',
    ...overrides,
  };
}
