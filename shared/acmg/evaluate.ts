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

/** Two criteria lists say the same (code, strength, status, reason and source, in order). */
export function sameSuggestions(
  a: readonly CriterionEntry[],
  b: readonly CriterionEntry[],
): boolean {
  return (
    a.length === b.length &&
    a.every((x, i) => {
      const y = b[i];
      return (
        y !== undefined &&
        x.code === y.code &&
        x.strength === y.strength &&
        x.status === y.status &&
        x.reason === y.reason &&
        x.source === y.source
      );
    })
  );
}

/** The frequency criteria, the ones the seen-before answers feed (issue 18). */
export const FREQUENCY_CODES: readonly CriterionEntry['code'][] = ['BA1', 'BS1', 'PM2'];

/**
 * A sheet with only the given criteria re-suggested (undecided suggestions of those codes replaced
 * by the current ones; every decision and every other criterion kept), for data that arrived after
 * the variant was taken into review without disturbing what other data suggested then.
 */
export function refreshSuggestions(
  sheet: EvidenceSheet,
  s: Suggestions,
  codes: readonly CriterionEntry['code'][] = FREQUENCY_CODES,
): EvidenceSheet {
  const open = (c: CriterionEntry): boolean =>
    codes.includes(c.code) && c.status === 'suggested' && c.suggested;
  const kept = sheet.criteria.filter((c) => !open(c));
  const fresh = s.criteria.filter(
    (n) => codes.includes(n.code) && !kept.some((d) => d.code === n.code),
  );
  const criteria = [...kept, ...fresh];
  return {
    criteria,
    confirmed: sameSuggestions(sheet.criteria, criteria) ? sheet.confirmed : null,
  };
}
