import type { VcfVersion } from './types';

export const SUPPORTED_VERSIONS: readonly VcfVersion[] = ['4.1', '4.2', '4.3', '4.4', '4.5'];

/** `VCFv4.3` → '4.3'; undefined for anything else (older, newer, or not a VCF version). */
export function parseFileformat(value: string): VcfVersion | undefined {
  const m = /^VCFv(4\.[1-5])$/.exec(value);
  return m === null ? undefined : (m[1] as VcfVersion);
}

/** True when `v` is `min` or later. */
export const atLeast = (v: VcfVersion, min: VcfVersion): boolean => Number(v) >= Number(min);

/**
 * Rules that changed between versions, in one place so each check reads as the spec does. Sections
 * refer to the VCF specification of the version in question (samtools/hts-specs).
 */
export interface VersionRules {
  /** 4.3+: "The last data line must end with a line separator" (§1.6). */
  readonly finalNewline: boolean;
  /** 4.1–4.3: colons (breakend syntax) and `*` may not appear in chromosome names. */
  readonly chromNoColon: boolean;
  /** 4.3+: contig names follow the SAM reference-name rules (§1.4.7). */
  readonly samContigNames: boolean;
  /** 4.3+: INFO keys match ^([A-Za-z_][0-9A-Za-z_.]*|1000G)$ (§1.6.1). */
  readonly infoKeyPattern: boolean;
  /** 4.3+: integers −2^31 … −2^31+7 are reserved for BCF and disallowed (§1.3). */
  readonly reservedIntegers: boolean;
  /** 4.1–4.2: INFO values may not contain white space; 4.3+ allows spaces. */
  readonly infoNoSpaces: boolean;
  /** 4.1–4.3: INFO/FORMAT lines list ID, Number, Type, Description first and in that order. */
  readonly fieldOrder: boolean;
  /** 4.3+: every structured meta line needs an ID (PEDIGREE lines too). */
  readonly structuredNeedId: boolean;
  /** 4.1–4.2: an ##ALT ID is a structural-variant type (DEL, INS, DUP, INV, CNV) or an IUPAC code. */
  readonly altIdsRestricted: boolean;
  /** 4.1–4.2: ##SAMPLE needs Genomes and Mixture, and only Description may be quoted. */
  readonly sampleNeedsGenomes: boolean;
  /** 4.4+: GT may start with a phasing indicator (`|0/1`, `/0/1`). */
  readonly leadingPhase: boolean;
  /** 4.4+: the Number letters P and M; 4.5: LA, LR, LG (local alleles). */
  readonly numberLetters: readonly string[];
  /** 4.5: a FORMAT list value may be empty (a zero-length local-allele vector). */
  readonly emptyLists: boolean;
}

/** The rules of one version. */
export function rulesFor(v: VcfVersion): VersionRules {
  const letters = ['A', 'G', '.'];
  if (atLeast(v, '4.2')) letters.push('R');
  if (atLeast(v, '4.4')) letters.push('P', 'M');
  if (atLeast(v, '4.5')) letters.push('LA', 'LR', 'LG');
  return {
    finalNewline: atLeast(v, '4.3'),
    chromNoColon: !atLeast(v, '4.4'),
    samContigNames: atLeast(v, '4.3'),
    infoKeyPattern: atLeast(v, '4.3'),
    reservedIntegers: atLeast(v, '4.3'),
    infoNoSpaces: !atLeast(v, '4.3'),
    fieldOrder: !atLeast(v, '4.4'),
    structuredNeedId: atLeast(v, '4.3'),
    altIdsRestricted: !atLeast(v, '4.3'),
    sampleNeedsGenomes: !atLeast(v, '4.3'),
    leadingPhase: atLeast(v, '4.4'),
    numberLetters: letters,
    emptyLists: atLeast(v, '4.5'),
  };
}
