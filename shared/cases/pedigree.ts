// PED files (the PLINK/GATK pedigree format) and matching their members to a VCF's sample columns.
import type { CaseProblem, CaseSex, PedMember, SampleLink } from './channels';

/**
 * The sex column: PLINK's 1/2/0, and PLINK 2's .psam spellings M/F (either case) and NA; -9 is
 * read as unknown as in the phenotype column. Any other value is refused: read as unknown without
 * a word, it would drop the X-linked fits of a hemizygous son (issue 16).
 */
const SEX: Readonly<Record<string, CaseSex>> = {
  '1': 'male',
  M: 'male',
  m: 'male',
  '2': 'female',
  F: 'female',
  f: 'female',
  '0': 'unknown',
  '-9': 'unknown',
  NA: 'unknown',
};

/**
 * A PED line's columns: tab-separated when the line has six non-empty tab-separated columns or
 * more (a VCF sample id may hold spaces, "Kind 01", and a tab-separated PED keeps it whole:
 * decision 0095; split at every space it read "01" as the father and named a wrong column), else
 * separated by any whitespace as PLINK writes them.
 */
function pedFields(t: string): string[] {
  if (t.includes('\t')) {
    const tabs = t.split('\t').map((c) => c.trim());
    if (tabs.length >= 6 && tabs.every((c) => c !== '')) return tabs;
  }
  return t.split(/\s+/);
}

/** Parses a PED file: six whitespace-separated columns per line; `#` lines are comments. */
export function parsePed(
  name: string,
  text: string,
): { members: PedMember[]; problems: CaseProblem[] } {
  const members: PedMember[] = [];
  const problems: CaseProblem[] = [];
  const seen = new Map<string, number>();
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    const t = raw.trim();
    if (t === '' || t.startsWith('#')) return;
    const f = pedFields(t);
    if (f.length < 6) {
      problems.push({
        file: name,
        line,
        message: `has ${String(f.length)} columns; a PED line has 6: family, individual, father, mother, sex (1/2/0), phenotype (1/2/0)`,
        code: 'ped-columns',
        params: { columns: f.length },
      });
      return;
    }
    const [family = '', id = '', father = '0', mother = '0', sex = '0', pheno = '0'] = f;
    if (seen.has(id)) {
      problems.push({
        file: name,
        line,
        member: id,
        message: `individual "${id}" is already on line ${String(seen.get(id))}`,
        code: 'ped-duplicate',
        params: { id, first: String(seen.get(id) ?? '') },
      });
      return;
    }
    if (!['1', '2', '0', '-9'].includes(pheno))
      problems.push({
        file: name,
        line,
        member: id,
        message: `phenotype "${pheno}" is not 1 (unaffected), 2 (affected) or 0/-9 (unknown)`,
        code: 'ped-phenotype',
        params: { value: pheno },
      });
    if (!Object.hasOwn(SEX, sex))
      problems.push({
        file: name,
        line,
        member: id,
        message: `sex "${sex}" is not 1 (male), 2 (female) or 0 (unknown); M and F are read too`,
        code: 'ped-sex',
        params: { value: sex },
      });
    if (father === id || mother === id)
      problems.push({
        file: name,
        line,
        member: id,
        message: `individual "${id}" is named as their own parent`,
        code: 'ped-own-parent',
        params: { id },
      });
    seen.set(id, line);
    members.push({
      family,
      id,
      father: father === '0' ? null : father,
      mother: mother === '0' ? null : mother,
      sex: SEX[sex] ?? 'unknown',
      affected: pheno === '2' ? true : pheno === '1' ? false : null,
      line,
    });
  });
  problems.push(...parentProblems(name, members));
  if (members.length === 0 && problems.length === 0)
    problems.push({
      file: name,
      message: 'has no individuals (one line per family member)',
      code: 'ped-empty',
    });
  const families = new Set(members.map((m) => m.family));
  if (families.size > 1)
    problems.push({
      file: name,
      message: `describes ${String(families.size)} families (${[...families].join(', ')}); a case is one family`,
      code: 'ped-families',
      params: { count: families.size, families: [...families].join(', ') },
    });
  return { members, problems };
}

/**
 * A member who is their own ancestor (A is B's father, B is A's: decision 0089), named once per
 * cycle at the line of its first member in the file; the walk is iterative (no deep recursion on
 * a PED of thousands of members) and visits each member once.
 */
function cycleProblems(name: string, members: readonly PedMember[]): CaseProblem[] {
  const byId = new Map(members.map((m) => [m.id, m]));
  const state = new Map<string, 'open' | 'done'>();
  const out: CaseProblem[] = [];
  for (const start of members) {
    if (state.has(start.id)) continue;
    const path: PedMember[] = [start];
    const next: number[] = [0];
    state.set(start.id, 'open');
    while (path.length > 0) {
      const m = path[path.length - 1] as PedMember;
      const k = next[next.length - 1] as number;
      const parentId = k === 0 ? m.father : k === 1 ? m.mother : undefined;
      if (k >= 2) {
        state.set(m.id, 'done');
        path.pop();
        next.pop();
        continue;
      }
      next[next.length - 1] = k + 1;
      const parent = parentId === null || parentId === undefined ? undefined : byId.get(parentId);
      if (parent === undefined || parent.id === m.id) continue; // own parent: said on its line
      const st = state.get(parent.id);
      if (st === 'done') continue;
      if (st === 'open') {
        const cycle = path.slice(path.findIndex((x) => x.id === parent.id));
        const first = cycle.reduce((a, b) => (b.line < a.line ? b : a));
        const chain = [...cycle, parent].map((x) => x.id).join(' → ');
        out.push({
          file: name,
          line: first.line,
          member: first.id,
          message: `individual "${first.id}" is their own ancestor (${chain}: each is a parent of the one before)`,
          code: 'ped-cycle',
          params: { id: first.id, chain },
        });
        continue;
      }
      state.set(parent.id, 'open');
      path.push(parent);
      next.push(0);
    }
  }
  return out;
}

function parentProblems(name: string, members: readonly PedMember[]): CaseProblem[] {
  const byId = new Map(members.map((m) => [m.id, m]));
  const out: CaseProblem[] = [...cycleProblems(name, members)];
  // A member named as the father of one child and the mother of another (sex unknown in the file).
  const roles = new Map<string, { role: 'father' | 'mother'; child: PedMember }>();
  for (const m of members) {
    for (const [parent, want] of [
      [m.father, 'male'],
      [m.mother, 'female'],
    ] as const) {
      if (parent === null) continue;
      const role = want === 'male' ? 'father' : 'mother';
      const other = roles.get(parent);
      if (other === undefined) roles.set(parent, { role, child: m });
      else if (other.role !== role) {
        const [f, mo] = role === 'father' ? [m, other.child] : [other.child, m];
        out.push({
          file: name,
          line: m.line,
          member: parent,
          message: `"${parent}" is the father of "${f.id}" (line ${String(f.line)}) and the mother of "${mo.id}" (line ${String(mo.line)})`,
          code: 'ped-both-parents',
          params: {
            id: parent,
            fatherOf: f.id,
            fatherLine: String(f.line),
            motherOf: mo.id,
            motherLine: String(mo.line),
          },
        });
        roles.set(parent, { role, child: m });
      }
      const p = byId.get(parent);
      if (p === undefined) continue; // a parent without a line: allowed, simply not sequenced
      if (p.sex !== want && p.sex !== 'unknown')
        out.push({
          file: name,
          line: p.line,
          member: p.id,
          message: `"${p.id}" is ${want === 'male' ? 'the father' : 'the mother'} of "${m.id}" (line ${String(m.line)}) but has sex ${p.sex}`,
          code: want === 'male' ? 'ped-father-female' : 'ped-mother-male',
          params: { id: p.id, child: m.id, childLine: String(m.line) },
        });
    }
  }
  return out;
}

/** Exact ids first, then case-insensitive ones; one sample and one member link by themselves. */
export function proposeLinks(
  samples: readonly string[],
  members: readonly PedMember[],
): SampleLink[] {
  const links: SampleLink[] = [];
  const free = new Set(members.map((m) => m.id));
  const unlinked: string[] = [];
  for (const s of samples) {
    if (free.has(s)) {
      links.push({ sample: s, member: s });
      free.delete(s);
    } else unlinked.push(s);
  }
  for (const s of [...unlinked]) {
    const m = [...free].find((id) => id.toLowerCase() === s.toLowerCase());
    if (m === undefined) continue;
    links.push({ sample: s, member: m });
    free.delete(m);
    unlinked.splice(unlinked.indexOf(s), 1);
  }
  if (unlinked.length === 1 && free.size === 1 && samples.length === 1)
    links.push({ sample: unlinked[0] ?? '', member: [...free][0] ?? '' });
  return links;
}

/** The proband a PED implies: an affected member with a parent in the file, else the first affected. */
export function probandOf(members: readonly PedMember[]): PedMember | undefined {
  const ids = new Set(members.map((m) => m.id));
  const affected = members.filter((m) => m.affected === true);
  return (
    affected.find(
      (m) => (m.father !== null && ids.has(m.father)) || (m.mother !== null && ids.has(m.mother)),
    ) ?? affected[0]
  );
}

/** Every sample without a member and every member without a sample, named with its line. */
export function linkMismatches(
  pedName: string,
  samples: readonly string[],
  members: readonly PedMember[],
  links: readonly SampleLink[],
): CaseProblem[] {
  const out: CaseProblem[] = [];
  const bySample = new Map(links.map((l) => [l.sample, l.member]));
  const linkedMembers = new Set(links.map((l) => l.member));
  samples.forEach((s, i) => {
    if (!bySample.has(s))
      out.push({
        sample: s,
        message: `VCF sample "${s}" (sample column ${String(i + 1)}) matches no individual of ${pedName}; choose its PED member or leave it out`,
        code: 'sample-no-member',
        params: { sample: s, column: i + 1, ped: pedName },
      });
  });
  for (const m of members)
    if (!linkedMembers.has(m.id))
      out.push({
        file: pedName,
        line: m.line,
        member: m.id,
        message: `${pedName} line ${String(m.line)}: individual "${m.id}" has no sample column in the VCF; choose its sample or it is imported without calls`,
        code: 'member-no-sample',
        params: { id: m.id },
      });
  if (members.length > 0 && !members.some((m) => m.affected === true))
    out.push({
      file: pedName,
      message: `${pedName} marks nobody as affected (phenotype 2); the proband must be affected`,
      code: 'ped-none-affected',
      params: { ped: pedName },
    });
  return out;
}
