import type { CaseProblem } from '../cases/channels';
import type { ResolvedMember } from '../cases/members';
import type { CancerCase } from './cancerCase';

/**
 * The members of a cancer case: the tumour as member 0 (where the germline case has its proband,
 * so the variant table's `p_*` columns are the tumour's) and the matched normal as member 1. Both
 * are the same person, so sex is the patient's; there are no parents.
 */
export function cancerMembers(
  samples: readonly string[],
  c: CancerCase,
  sex: ResolvedMember['sex'],
): { members: ResolvedMember[]; problems: CaseProblem[] } {
  const problems: CaseProblem[] = [];
  const col = (s: string): number => samples.indexOf(s);
  for (const s of [c.tumour, c.normal])
    if (s !== undefined && col(s) < 0)
      problems.push({
        sample: s,
        message: `"${s}" is not a sample column of the VCF`,
        code: 'not-a-sample',
        params: { sample: s },
      });
  if (c.normal !== undefined && c.normal === c.tumour)
    problems.push({
      sample: c.tumour,
      message: 'the tumour and the normal must be different samples',
      code: 'tumour-is-normal',
    });
  if (problems.length > 0) return { members: [], problems };
  const member = (
    sample: string,
    sampleIdx: number,
    role: 'tumour' | 'normal',
  ): ResolvedMember => ({
    sampleIdx,
    column: col(sample),
    sample,
    member: sample,
    role,
    sex,
    affected: role === 'tumour',
    fatherIdx: null,
    motherIdx: null,
  });
  const members = [member(c.tumour, 0, 'tumour')];
  if (c.normal !== undefined) members.push(member(c.normal, 1, 'normal'));
  return { members, problems };
}
