import { describe, expect, it } from 'vitest';
import type { CaseInspection, PedMember } from '../../../../shared/cases/channels';
import type { CaseDraft } from './useNewCase';
import { blockingProblems, EMPTY_DRAFT, keptLinks, mismatches } from './useNewCase';

const member = (id: string, line: number, affected: boolean | null): PedMember => ({
  family: 'FAM1',
  id,
  father: null,
  mother: null,
  sex: 'unknown',
  affected,
  line,
});

/** The trio whose PED names the proband PROB_1 while the VCF column says PROBAND. */
const inspection: CaseInspection = {
  vcf: {
    name: 'trio.vcf.gz',
    size: 1000,
    container: 'bgzf',
    version: '4.3',
    samples: ['MOTHER', 'PROBAND', 'FATHER'],
    assembly: { name: 'GRCh38', evidence: 'contig lengths' },
    annotations: ['CSQ'],
    frequencyFields: [],
    problems: [],
  },
  ped: {
    name: 'trio.ped',
    members: [member('PROB_1', 2, true), member('FATHER', 3, false), member('MOTHER', 4, false)],
    problems: [],
  },
  links: [
    { sample: 'MOTHER', member: 'MOTHER' },
    { sample: 'FATHER', member: 'FATHER' },
  ],
  proband: 'PROB_1',
  mismatches: [],
};

describe('New case sample links (issue 16)', () => {
  it('names the unmatched sample and PED line, and the fix made in the dialog clears them', () => {
    const proposed: CaseDraft = {
      ...EMPTY_DRAFT,
      inspection,
      links: inspection.links,
      proband: 'PROB_1',
    };
    const named = mismatches(proposed).map((p) => `${p.file ?? ''}:${String(p.line ?? '')}`);
    expect(named).toEqual(expect.arrayContaining(['trio.ped:2']));
    expect(mismatches(proposed).some((p) => p.sample === 'PROBAND')).toBe(true);
    const fixed: CaseDraft = {
      ...proposed,
      links: [...inspection.links, { sample: 'PROBAND', member: 'PROB_1' }],
      linksEdited: true,
    };
    expect(mismatches(fixed)).toEqual([]);
    expect(blockingProblems(fixed)).toEqual([]);
  });

  it('issue 16: reading a Phenopacket after fixing a link keeps the fix', () => {
    const fixed: CaseDraft = {
      ...EMPTY_DRAFT,
      inspection,
      links: [...inspection.links, { sample: 'PROBAND', member: 'PROB_1' }],
      linksEdited: true,
      proband: 'PROB_1',
    };
    // Main proposes its own mapping again on every inspection; the person's fix wins.
    expect(keptLinks(fixed, inspection).links).toContainEqual({
      sample: 'PROBAND',
      member: 'PROB_1',
    });
    // Untouched mappings follow main's proposal.
    expect(keptLinks({ ...fixed, linksEdited: false }, inspection).links).toEqual(inspection.links);
    // A link to a member the new PED no longer has is dropped, not kept stale.
    const otherPed = {
      ...inspection,
      ped: { ...inspection.ped!, members: [member('P2', 2, true)] },
    };
    expect(keptLinks(fixed, otherPed).links).toEqual([]);
  });
});
