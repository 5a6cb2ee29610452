import type { CriterionCode, Strength } from './criteria';
import { directionOf } from './criteria';

/** The five classes of ACMG/AMP 2015. */
export const CLASSES = [
  'pathogenic',
  'likely_pathogenic',
  'uncertain_significance',
  'likely_benign',
  'benign',
] as const;
export type AcmgClass = (typeof CLASSES)[number];

/** A criterion the clinician applied (accepted), at the strength they chose. */
export interface AppliedCriterion {
  readonly code: CriterionCode;
  readonly strength: Strength;
}

/** How many applied criteria of each direction and strength. */
export interface EvidenceCounts {
  readonly pvs: number;
  readonly ps: number;
  readonly pm: number;
  readonly pp: number;
  readonly ba: number;
  readonly bs: number;
  readonly bp: number;
}

/** Counts the applied criteria by direction and applied strength. */
export function countEvidence(applied: readonly AppliedCriterion[]): EvidenceCounts {
  const c = { pvs: 0, ps: 0, pm: 0, pp: 0, ba: 0, bs: 0, bp: 0 };
  for (const a of applied) {
    if (directionOf(a.code) === 'pathogenic') {
      if (a.strength === 'very_strong') c.pvs++;
      else if (a.strength === 'strong') c.ps++;
      else if (a.strength === 'moderate') c.pm++;
      else if (a.strength === 'supporting') c.pp++;
    } else if (a.strength === 'stand_alone') c.ba++;
    else if (a.strength === 'strong') c.bs++;
    else if (a.strength === 'supporting') c.bp++;
  }
  return c;
}

/** The pathogenic rule met (Richards 2015 Table 5), e.g. "P(i)(a)", or undefined. */
export function pathogenicRule(c: EvidenceCounts): { cls: AcmgClass; rule: string } | undefined {
  // Richards names "1 PVS1"; a second very strong criterion (an upgraded PS2, say) counts as strong,
  // so two very strong criteria meet P(i)(a) as the point scale's 16 points would.
  const pvs = Math.min(c.pvs, 1);
  const ps = c.ps + Math.max(0, c.pvs - 1);
  const { pm, pp } = c;
  if (pvs === 1) {
    if (ps >= 1) return { cls: 'pathogenic', rule: 'P(i)(a): PVS1 and ≥1 strong' };
    if (pm >= 2) return { cls: 'pathogenic', rule: 'P(i)(b): PVS1 and ≥2 moderate' };
    if (pm === 1 && pp >= 1)
      return { cls: 'pathogenic', rule: 'P(i)(c): PVS1, 1 moderate and 1 supporting' };
    if (pp >= 2) return { cls: 'pathogenic', rule: 'P(i)(d): PVS1 and ≥2 supporting' };
  }
  if (ps >= 2) return { cls: 'pathogenic', rule: 'P(ii): ≥2 strong' };
  if (ps === 1) {
    if (pm >= 3) return { cls: 'pathogenic', rule: 'P(iii)(a): 1 strong and ≥3 moderate' };
    if (pm === 2 && pp >= 2)
      return { cls: 'pathogenic', rule: 'P(iii)(b): 1 strong, 2 moderate and ≥2 supporting' };
    if (pm === 1 && pp >= 4)
      return { cls: 'pathogenic', rule: 'P(iii)(c): 1 strong, 1 moderate and ≥4 supporting' };
  }
  if (pvs === 1 && pm === 1)
    return { cls: 'likely_pathogenic', rule: 'LP(i): PVS1 and 1 moderate' };
  if (ps === 1 && pm >= 1)
    return { cls: 'likely_pathogenic', rule: 'LP(ii): 1 strong and 1–2 moderate' };
  if (ps === 1 && pp >= 2)
    return { cls: 'likely_pathogenic', rule: 'LP(iii): 1 strong and ≥2 supporting' };
  if (pm >= 3) return { cls: 'likely_pathogenic', rule: 'LP(iv): ≥3 moderate' };
  if (pm === 2 && pp >= 2)
    return { cls: 'likely_pathogenic', rule: 'LP(v): 2 moderate and ≥2 supporting' };
  if (pm === 1 && pp >= 4)
    return { cls: 'likely_pathogenic', rule: 'LP(vi): 1 moderate and ≥4 supporting' };
  return undefined;
}

/** The benign rule met (Richards 2015 Table 5), or undefined. */
export function benignRule(c: EvidenceCounts): { cls: AcmgClass; rule: string } | undefined {
  if (c.ba >= 1) return { cls: 'benign', rule: 'B(i): BA1 (stand-alone)' };
  if (c.bs >= 2) return { cls: 'benign', rule: 'B(ii): ≥2 strong benign' };
  if (c.bs === 1 && c.bp >= 1)
    return { cls: 'likely_benign', rule: 'LB(i): 1 strong and 1 supporting benign' };
  if (c.bp >= 2) return { cls: 'likely_benign', rule: 'LB(ii): ≥2 supporting benign' };
  return undefined;
}

/** What the combining rules give, and why. */
export interface RichardsResult {
  readonly cls: AcmgClass;
  /** The rule met, "conflicting: …" when both sides meet one, or "no rule met". */
  readonly rule: string;
  readonly conflicting: boolean;
  readonly counts: EvidenceCounts;
}

/**
 * Richards et al. 2015 Table 5. "Uncertain significance (ii): the criteria for benign and
 * pathogenic are contradictory" is read as both a pathogenic and a benign rule being met (as most
 * implementations do); evidence on one side that meets no rule does not cancel the other side.
 */
export function classifyRichards(applied: readonly AppliedCriterion[]): RichardsResult {
  const counts = countEvidence(applied);
  const p = pathogenicRule(counts);
  const b = benignRule(counts);
  if (p !== undefined && b !== undefined)
    return {
      cls: 'uncertain_significance',
      rule: `VUS(ii): conflicting (${p.rule}; ${b.rule})`,
      conflicting: true,
      counts,
    };
  const met = p ?? b;
  if (met !== undefined) return { ...met, conflicting: false, counts };
  return {
    cls: 'uncertain_significance',
    rule: 'VUS(i): no rule met',
    conflicting: false,
    counts,
  };
}
