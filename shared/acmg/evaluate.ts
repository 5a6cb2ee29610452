import type { AppliedCriterion, RichardsResult } from './combine';
import { classifyRichards } from './combine';
import type { PointsResult } from './points';
import { scorePoints } from './points';
import type { CriterionEntry, EvidenceSheet } from './sheet';
import type { Suggestions } from './suggest';

/** What a sheet gives now: both schemes over the accepted criteria, and what is still undecided. */
export interface SheetEvaluation {
  readonly richards: RichardsResult;
  readonly points: PointsResult;
  /** Suggested criteria the clinician has not accepted or rejected yet. */
  readonly pending: number;
  /** Richards and the point scale disagree (shown, not resolved). */
  readonly schemesDisagree: boolean;
}

/** The accepted criteria of a sheet. */
export const appliedOf = (sheet: EvidenceSheet): AppliedCriterion[] =>
  sheet.criteria
    .filter((c) => c.status === 'accepted')
    .map((c) => ({ code: c.code, strength: c.strength }));

/** Evaluates a sheet (only accepted criteria count). */
export function evaluateSheet(sheet: EvidenceSheet): SheetEvaluation {
  const applied = appliedOf(sheet);
  const richards = classifyRichards(applied);
  const points = scorePoints(applied);
  return {
    richards,
    points,
    pending: sheet.criteria.filter((c) => c.status === 'suggested').length,
    schemesDisagree: richards.cls !== points.cls,
  };
}

/**
 * A sheet for the current suggestions: the clinician's decisions and own criteria stay; a criterion
 * the data no longer suggest and nobody decided goes; new suggestions come in as suggested. A
 * confirmed class is kept only while the criteria it was confirmed on are unchanged.
 */
export function mergeSuggestions(sheet: EvidenceSheet | undefined, s: Suggestions): EvidenceSheet {
  const old = sheet?.criteria ?? [];
  const decided = old.filter((c) => c.status !== 'suggested' || !c.suggested);
  const fresh = s.criteria.filter((n) => !decided.some((d) => d.code === n.code));
  const criteria: CriterionEntry[] = [...decided, ...fresh];
  const same =
    criteria.length === old.length &&
    criteria.every((c) => old.some((o) => o.code === c.code && o.status === c.status));
  return { criteria, confirmed: same ? (sheet?.confirmed ?? null) : null };
}
