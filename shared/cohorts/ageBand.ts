/**
 * The cache keeps one `age_band` string per individual, but nodes fill it with two different
 * things (electron/main/pull/recordConvert.ts): the demo federation's birth-year band
 * ("1980-1989", Beacon info.birthYearBand) or an age band ("40-49", info.ageBand). Exports and
 * tables name what the value is instead of calling a birth decade an age (issue 13).
 */
export interface AgeBandParts {
  /** Years of birth, e.g. "1980-1989"; null when the value is not a birth-year band. */
  readonly birthYears: string | null;
  /** An age range, e.g. "40-49"; null when the value is a birth-year band or absent. */
  readonly ageBand: string | null;
}

const YEAR = '(?:1[89]\\d\\d|20\\d\\d)';
const BIRTH_YEARS = new RegExp(`^${YEAR}(?:\\s*[-–]\\s*${YEAR})?$`);

/** Splits a cached `age_band` value into a birth-year band or an age band. */
export function splitAgeBand(value: string | null): AgeBandParts {
  if (value === null || value.trim() === '') return { birthYears: null, ageBand: null };
  const v = value.trim();
  return BIRTH_YEARS.test(v) ? { birthYears: v, ageBand: null } : { birthYears: null, ageBand: v };
}
