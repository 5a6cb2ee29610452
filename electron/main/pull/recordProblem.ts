import type { PullSaidKey } from '../../../shared/vault/vault';
import type { PlaceProblem } from '../beacon/variantPlace';

/** What is wrong with a record, as a code of the pull's messages (issue 22). */
export type RecordProblem = Extract<
  PullSaidKey,
  | 'individualShape'
  | 'variantShape'
  | 'variantNoChromosome'
  | 'variantNoPosition'
  | 'variantNoBases'
  | 'variantDisagreesChromosome'
  | 'variantDisagreesPosition'
  | 'variantDisagreesBases'
  | 'variantDisagreesAssembly'
>;

/** A variant's missing or contradictory place, as the pull's code. */
export const PLACE_KEYS: Readonly<Record<PlaceProblem, RecordProblem>> = {
  'no-chromosome': 'variantNoChromosome',
  'no-position': 'variantNoPosition',
  'no-bases': 'variantNoBases',
  'disagree-chromosome': 'variantDisagreesChromosome',
  'disagree-position': 'variantDisagreesPosition',
  'disagree-bases': 'variantDisagreesBases',
  'disagree-assembly': 'variantDisagreesAssembly',
};
