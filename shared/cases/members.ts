// The case's members, resolved from the VCF's samples, the PED and the dialog's mapping.
import type { CaseProblem, CaseSex, PedMember, SampleLink } from './channels';

export type Role = 'proband' | 'mother' | 'father' | 'sibling' | 'relative' | 'tumour' | 'normal';

/** One member whose calls are imported; index 0 is the proband. */
export interface ResolvedMember {
  readonly sampleIdx: number;
  /** The VCF sample column index (0-based among samples). */
  readonly column: number;
  readonly sample: string;
  readonly member: string;
  readonly role: Role;
  readonly sex: CaseSex;
  readonly affected: boolean | null;
  readonly fatherIdx: number | null;
  readonly motherIdx: number | null;
}

/**
 * Resolves who is imported. With a PED: every linked member (the proband first), parents by index
 * when they are imported too. Without: the proband sample (default the first), plus any sample
 * linked to itself. Every problem names the sample, member or PED line.
 */
export function resolveMembers(opts: {
  samples: readonly string[];
  ped: { name: string; members: readonly PedMember[] } | undefined;
  links: readonly SampleLink[];
  proband: string | undefined;
  sex: CaseSex;
}): { members: ResolvedMember[]; problems: CaseProblem[] } {
  const { samples, ped } = opts;
  const problems: CaseProblem[] = [];
  const column = new Map(samples.map((s, i) => [s, i]));
  const seen = new Set<string>();
  for (const l of opts.links) {
    if (!column.has(l.sample))
      problems.push({
        sample: l.sample,
        message: `"${l.sample}" is not a sample column of the VCF`,
        code: 'not-a-sample',
        params: { sample: l.sample },
      });
    if (seen.has(l.sample))
      problems.push({
        sample: l.sample,
        message: `sample "${l.sample}" is linked twice`,
        code: 'linked-twice',
        params: { sample: l.sample },
      });
    seen.add(l.sample);
  }
  if (samples.length === 0) {
    problems.push({
      message: 'the VCF has no sample columns, so it holds no calls to review',
      code: 'vcf-no-samples',
    });
    return { members: [], problems };
  }
  if (ped === undefined) return withoutPed(opts, column, problems);
  const byId = new Map(ped.members.map((m) => [m.id, m]));
  const sampleOf = new Map(opts.links.map((l) => [l.member, l.sample]));
  for (const l of opts.links)
    if (!byId.has(l.member))
      problems.push({
        file: ped.name,
        sample: l.sample,
        member: l.member,
        message: `sample "${l.sample}" is linked to "${l.member}", who is not in ${ped.name}`,
        code: 'linked-to-absent',
        params: { sample: l.sample, member: l.member, ped: ped.name },
      });
  const proband = opts.proband === undefined ? undefined : byId.get(opts.proband);
  if (proband === undefined) {
    problems.push({
      file: ped.name,
      member: opts.proband,
      message:
        opts.proband === undefined
          ? 'choose the proband (an affected member of the PED)'
          : `the proband "${opts.proband}" is not in ${ped.name}`,
      code: opts.proband === undefined ? 'choose-proband' : 'proband-absent',
      params: { proband: opts.proband ?? '', ped: ped.name },
    });
    return { members: [], problems };
  }
  if (!sampleOf.has(proband.id))
    problems.push({
      file: ped.name,
      line: proband.line,
      member: proband.id,
      message: `the proband "${proband.id}" (${ped.name} line ${String(proband.line)}) has no sample in the VCF`,
      code: 'proband-no-sample',
      params: { proband: proband.id },
    });
  if (problems.length > 0) return { members: [], problems };
  const order = [proband, ...ped.members.filter((m) => m !== proband && sampleOf.has(m.id))];
  const idx = new Map(order.map((m, i) => [m.id, i]));
  const roleOf = (m: PedMember): Role => {
    if (m === proband) return 'proband';
    if (m.id === proband.mother) return 'mother';
    if (m.id === proband.father) return 'father';
    const sameParent =
      (m.mother !== null && m.mother === proband.mother) ||
      (m.father !== null && m.father === proband.father);
    return sameParent ? 'sibling' : 'relative';
  };
  const members = order.map((m, i): ResolvedMember => {
    const sample = sampleOf.get(m.id) ?? '';
    return {
      sampleIdx: i,
      column: column.get(sample) ?? -1,
      sample,
      member: m.id,
      role: roleOf(m),
      sex: m.sex === 'unknown' && m === proband ? opts.sex : m.sex,
      affected: m.affected,
      fatherIdx: m.father === null ? null : (idx.get(m.father) ?? null),
      motherIdx: m.mother === null ? null : (idx.get(m.mother) ?? null),
    };
  });
  return { members, problems };
}

function withoutPed(
  opts: {
    samples: readonly string[];
    links: readonly SampleLink[];
    proband: string | undefined;
    sex: CaseSex;
  },
  column: ReadonlyMap<string, number>,
  problems: CaseProblem[],
): { members: ResolvedMember[]; problems: CaseProblem[] } {
  const proband = opts.proband ?? opts.samples[0] ?? '';
  if (!column.has(proband)) {
    problems.push({
      sample: proband,
      message: `the proband "${proband}" is not a sample column of the VCF`,
      code: 'not-a-sample',
      params: { sample: proband },
    });
    return { members: [], problems };
  }
  if (problems.length > 0) return { members: [], problems };
  const others = opts.links.map((l) => l.sample).filter((s) => s !== proband);
  return {
    members: [proband, ...new Set(others)].map((s, i) => ({
      sampleIdx: i,
      column: column.get(s) ?? -1,
      sample: s,
      member: s,
      role: i === 0 ? 'proband' : 'relative',
      sex: i === 0 ? opts.sex : 'unknown',
      affected: i === 0 ? true : null,
      fatherIdx: null,
      motherIdx: null,
    })),
    problems,
  };
}
