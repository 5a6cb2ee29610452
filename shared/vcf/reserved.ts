import type { VcfNumber, VcfType, VcfVersion } from './types';
import { atLeast } from './version';

/** A reserved key's definition (VCF §1.6.1 table "Reserved INFO keys", §1.6.2 "Reserved genotype keys"). */
export interface Reserved {
  readonly number: VcfNumber;
  /** undefined: the spec of this version does not fix the type. */
  readonly type: VcfType | undefined;
  /** Counts and depths are never negative; frequencies and probabilities lie in [0, 1]. */
  readonly range?: 'count' | 'fraction';
  /** A value pattern (CIGAR strings). */
  readonly pattern?: RegExp;
}

const CIGAR = /^(?:\d+[MIDNSHP=X])+$/;

type Table = Record<string, Reserved>;

const r = (
  number: VcfNumber,
  type: VcfType | undefined,
  extra: Pick<Reserved, 'range' | 'pattern'> = {},
): Reserved => ({ number, type, ...extra });

// SB is listed as reserved (4 × Integer) since 4.3, but callers have long written a single Float
// strand-bias score under that name (the hts-specs conformance files do too), so it is left to the
// file's own ##INFO line. The structural-variant keys (§3) changed Number between versions and
// are likewise left to the file's definitions.
const INFO_41: Table = {
  AA: r(1, 'String'),
  AC: r('A', 'Integer', { range: 'count' }),
  AF: r('A', 'Float', { range: 'fraction' }),
  AN: r(1, 'Integer', { range: 'count' }),
  BQ: r(1, 'Float'),
  CIGAR: r('A', 'String', { pattern: CIGAR }),
  DB: r(0, 'Flag'),
  DP: r(1, 'Integer', { range: 'count' }),
  END: r(1, 'Integer', { range: 'count' }),
  H2: r(0, 'Flag'),
  H3: r(0, 'Flag'),
  MQ: r(1, undefined),
  MQ0: r(1, 'Integer', { range: 'count' }),
  NS: r(1, 'Integer', { range: 'count' }),
  SOMATIC: r(0, 'Flag'),
  VALIDATED: r(0, 'Flag'),
  '1000G': r(0, 'Flag'),
};

const INFO_43: Table = {
  ...INFO_41,
  AD: r('R', 'Integer', { range: 'count' }),
  ADF: r('R', 'Integer', { range: 'count' }),
  ADR: r('R', 'Integer', { range: 'count' }),
  MQ: r(1, 'Float'),
};

const FORMAT_41: Table = {
  DP: r(1, 'Integer', { range: 'count' }),
  EC: r('A', 'Integer'),
  FT: r(1, 'String'),
  GL: r('G', 'Float'),
  GLE: r(1, 'String'),
  GP: r('G', 'Float', { range: 'fraction' }),
  GQ: r(1, 'Integer'),
  GT: r(1, 'String'),
  HQ: r(2, 'Integer'),
  MQ: r(1, 'Integer'),
  PL: r('G', 'Integer'),
  PQ: r(1, 'Integer'),
  PS: r(1, 'Integer', { range: 'count' }),
};

// GLE (genotype likelihoods of heterogeneous ploidy) left the spec in 4.3.
const FORMAT_43: Table = {
  ...Object.fromEntries(Object.entries(FORMAT_41).filter(([k]) => k !== 'GLE')),
  AD: r('R', 'Integer', { range: 'count' }),
  ADF: r('R', 'Integer', { range: 'count' }),
  ADR: r('R', 'Integer', { range: 'count' }),
  PP: r('G', 'Integer'),
};

const FORMAT_44: Table = {
  ...FORMAT_43,
  PSL: r('P', 'String'),
  PSO: r('P', 'Integer'),
  PSQ: r('P', 'Integer'),
};

// Local alleles (4.5 §1.6.2). LGL/LGP are listed as Integer in the table although GL/GP are Float,
// so only their Number is fixed here.
const FORMAT_45: Table = {
  ...FORMAT_44,
  LEN: r(1, 'Integer', { range: 'count' }),
  LAA: r('.', 'Integer'),
  LAD: r('LR', 'Integer', { range: 'count' }),
  LADF: r('LR', 'Integer', { range: 'count' }),
  LADR: r('LR', 'Integer', { range: 'count' }),
  LEC: r('LA', 'Integer'),
  LGL: r('LG', undefined),
  LGP: r('LG', undefined),
  LPL: r('LG', 'Integer'),
  LPP: r('LG', 'Integer'),
};

/** The reserved INFO keys of a version. */
export function reservedInfo(v: VcfVersion): Readonly<Table> {
  return atLeast(v, '4.3') ? INFO_43 : INFO_41;
}

/** The reserved FORMAT (genotype) keys of a version. */
export function reservedFormat(v: VcfVersion): Readonly<Table> {
  if (atLeast(v, '4.5')) return FORMAT_45;
  if (atLeast(v, '4.4')) return FORMAT_44;
  return atLeast(v, '4.3') ? FORMAT_43 : FORMAT_41;
}
