// The public types of the one VCF reader (issue 16). See index.ts for the API overview.

import type { CodedParams } from '../i18n/coded';
import type { VcfProblemCode } from './channels';

/** The VCF versions this reader follows, from the `##fileformat=VCFv4.x` line. */
export type VcfVersion = '4.1' | '4.2' | '4.3' | '4.4' | '4.5';

/**
 * A problem in a VCF, located for the person who must fix it. `line` is 1-based: the line of the
 * (decompressed) text, or for a problem of the compression the last line read before it; `column`
 * names the VCF column (CHROM … INFO, FORMAT, `sample ID`) or `header`; `field` the INFO/FORMAT
 * key or header field when there is one.
 */
export interface VcfProblem {
  readonly file: string;
  readonly line: number;
  readonly column?: string;
  readonly field?: string;
  /** What is wrong and what was expected, in plain words. */
  readonly message: string;
  /** `message` as a code the renderer words (issue 22, decision 0069); every problem has one. */
  readonly code: VcfProblemCode;
  readonly params?: CodedParams | undefined;
  /**
   * 'error': the file breaks a rule of its VCF version (`vcf check` exits 1, the import refuses it).
   * 'warning': it breaks a rule that readers and the spec's own test files tolerate; still valid.
   */
  readonly severity: 'error' | 'warning';
}

/** Number= of an INFO/FORMAT definition: a count, or one of the spec's letters. */
export type VcfNumber = number | 'A' | 'R' | 'G' | '.' | 'LA' | 'LR' | 'LG' | 'P' | 'M';

export type VcfType = 'Integer' | 'Float' | 'Flag' | 'Character' | 'String';

/** One ##INFO or ##FORMAT definition (or the spec's reserved definition of an undeclared key). */
export interface FieldDef {
  readonly id: string;
  readonly number: VcfNumber;
  readonly type: VcfType;
  readonly description: string;
  /** Header line that declared it; 0 when it is the spec's reserved definition (not in the file). */
  readonly line: number;
  /** Every field of the structured line (ID, Number, Type, Description, Source, Version, …). */
  readonly fields: ReadonlyMap<string, string>;
}

/** One ##contig line. */
export interface ContigDef {
  readonly id: string;
  readonly length: number | undefined;
  readonly line: number;
  readonly fields: ReadonlyMap<string, string>;
}

/** Any other meta-information line, unstructured (`value`) or structured (`fields`). */
export interface MetaLine {
  readonly key: string;
  readonly line: number;
  readonly value: string;
  readonly fields: ReadonlyMap<string, string> | undefined;
}

/** The header: meta-information lines and the #CHROM line, checked against the declared version. */
export interface VcfHeader {
  readonly version: VcfVersion;
  readonly meta: readonly MetaLine[];
  readonly info: ReadonlyMap<string, FieldDef>;
  readonly format: ReadonlyMap<string, FieldDef>;
  readonly filters: ReadonlyMap<string, MetaLine>;
  readonly alts: ReadonlyMap<string, MetaLine>;
  readonly contigs: readonly ContigDef[];
  /** True when the #CHROM line has a FORMAT column (then every record has one). */
  readonly hasFormat: boolean;
  /** Sample ids from the #CHROM line, in column order. */
  readonly samples: readonly string[];
  /** Line number of the #CHROM line. */
  readonly headerLine: number;
}

/** A typed INFO/FORMAT value: numbers for Integer/Float, strings otherwise, null for `.`. */
export type VcfScalar = number | string | null;
/** Flag → true; Number=1 → one scalar; any other Number → a list. */
export type VcfValue = true | VcfScalar | readonly VcfScalar[];

/** A parsed GT: allele indexes (null for `.`), and whether every allele is phased (`|`). */
export interface Genotype {
  readonly alleles: readonly (number | null)[];
  readonly phased: boolean;
}

/** What an ALT allele is (VCF §1.6.1 ALT, §5.4 breakends). */
export type AlleleKind = 'bases' | 'symbolic' | 'breakend' | 'overlap' | 'unspecified';

/** One data line, validated; INFO and samples are decoded on demand. */
export interface VcfRecord {
  /** The header that types this record. */
  readonly header: VcfHeader;
  /** 1-based line number in the (decompressed) file. */
  readonly line: number;
  readonly chrom: string;
  readonly pos: number;
  readonly ids: readonly string[];
  readonly ref: string;
  /** ALT alleles as written; empty when ALT is `.`. */
  readonly alts: readonly string[];
  readonly qual: number | null;
  /** null when FILTER is `.` (no filters applied); ['PASS'] when passed. */
  readonly filters: readonly string[] | null;
  /** The INFO column as written (`.` when empty). */
  readonly infoText: string;
  /** INFO keys to typed values (typed by the header, or the spec's reserved definitions). */
  info(): ReadonlyMap<string, VcfValue>;
  /** One INFO value without decoding the others; undefined when absent. */
  infoValue(key: string): VcfValue | undefined;
  /** FORMAT keys, in column order (empty when the file has no samples). */
  readonly format: readonly string[];
  /** One sample's FORMAT values, typed; missing trailing fields are absent. */
  sample(index: number): ReadonlyMap<string, VcfValue>;
  /** One sample's GT, or null when FORMAT has no GT. */
  genotype(index: number): Genotype | null;
}
