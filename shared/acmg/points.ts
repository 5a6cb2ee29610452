import type { AcmgClass, AppliedCriterion } from './combine';
import { countEvidence } from './combine';

/**
 * The Bayesian framework of Tavtigian et al. 2018 (Genet Med 20:1054) and its point scale
 * (Tavtigian et al. 2020, Hum Mutat 41:1734): supporting 1, moderate 2, strong 4, very strong 8
 * points, benign the same negative. BA1 is stand-alone in both papers; it is scored −8 here so the
 * sum stays meaningful, and classifies as benign whatever the sum.
 */

/** Prior probability of pathogenicity and odds of pathogenicity for very strong (Tavtigian 2018). */
export const PRIOR = 0.1;
export const ODDS_VERY_STRONG = 350;

export interface PointsResult {
  readonly points: number;
  readonly cls: AcmgClass;
  /** Posterior probability of pathogenicity (Tavtigian 2018), 0..1. */
  readonly posterior: number;
}

/** The class a point total gives (Tavtigian 2020 Table 2). */
export function classOfPoints(points: number): AcmgClass {
  if (points >= 10) return 'pathogenic';
  if (points >= 6) return 'likely_pathogenic';
  if (points >= 0) return 'uncertain_significance';
  if (points >= -6) return 'likely_benign';
  return 'benign';
}

/** Posterior = OP·prior / ((OP−1)·prior + 1), OP = 350^(points/8). */
export function posteriorOfPoints(points: number): number {
  const op = ODDS_VERY_STRONG ** (points / 8);
  return (op * PRIOR) / ((op - 1) * PRIOR + 1);
}

/** Points, class and posterior of the applied criteria. */
export function scorePoints(applied: readonly AppliedCriterion[]): PointsResult {
  const c = countEvidence(applied);
  const points = 8 * c.pvs + 4 * c.ps + 2 * c.pm + c.pp - 8 * c.ba - 4 * c.bs - c.bp;
  return {
    points,
    cls: c.ba > 0 ? 'benign' : classOfPoints(points),
    posterior: posteriorOfPoints(points),
  };
}
