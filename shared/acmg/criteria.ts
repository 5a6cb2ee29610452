import { z } from 'zod';

/**
 * The 28 ACMG/AMP 2015 criteria (Richards et al., Genet Med 2015;17:405, Tables 3 and 4) with their
 * default strength. A criterion may be applied at another strength (ClinGen SVI practice, e.g.
 * PM2_Supporting, PS2 at very strong); the combining rules and the point scale count the applied one.
 */

export const STRENGTHS = [
  'very_strong',
  'strong',
  'moderate',
  'supporting',
  'stand_alone',
] as const;
export const StrengthSchema = z.enum(STRENGTHS);
export type Strength = z.infer<typeof StrengthSchema>;

export const CRITERIA = [
  'PVS1',
  'PS1',
  'PS2',
  'PS3',
  'PS4',
  'PM1',
  'PM2',
  'PM3',
  'PM4',
  'PM5',
  'PM6',
  'PP1',
  'PP2',
  'PP3',
  'PP4',
  'PP5',
  'BA1',
  'BS1',
  'BS2',
  'BS3',
  'BS4',
  'BP1',
  'BP2',
  'BP3',
  'BP4',
  'BP5',
  'BP6',
  'BP7',
] as const;
export const CriterionCodeSchema = z.enum(CRITERIA);
export type CriterionCode = z.infer<typeof CriterionCodeSchema>;

/** Which way a criterion points. */
export const directionOf = (code: CriterionCode): 'pathogenic' | 'benign' =>
  code.startsWith('P') ? 'pathogenic' : 'benign';

/** The strength Richards et al. give each criterion. */
export function defaultStrength(code: CriterionCode): Strength {
  if (code === 'PVS1') return 'very_strong';
  if (code === 'BA1') return 'stand_alone';
  const tier = code.slice(0, 2);
  if (tier === 'PS' || tier === 'BS') return 'strong';
  if (tier === 'PM') return 'moderate';
  return 'supporting';
}

/** Strengths a criterion may be applied at: pathogenic never stand-alone, benign never moderate/very strong. */
export function allowedStrengths(code: CriterionCode): readonly Strength[] {
  if (code === 'BA1') return ['stand_alone'];
  return directionOf(code) === 'pathogenic'
    ? ['very_strong', 'strong', 'moderate', 'supporting']
    : ['strong', 'supporting'];
}

/** The usual label of a criterion applied at a strength other than its own: "PM2_Supporting". */
export function criterionLabel(code: CriterionCode, strength: Strength): string {
  if (strength === defaultStrength(code)) return code;
  const word = {
    very_strong: 'VeryStrong',
    strong: 'Strong',
    moderate: 'Moderate',
    supporting: 'Supporting',
    stand_alone: 'StandAlone',
  }[strength];
  return `${code}_${word}`;
}
