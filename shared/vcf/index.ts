/**
 * The app's one VCF reader (issue 16): the import, the Browser's patient track and `vcf check` all
 * read VCF through this module. Pure TypeScript (no Node, no DOM): runtimes inject decompression.
 *
 * Reading
 * - `readVcf(bytes, { file, inflater, onHeader, onRecord, stopAfter, signal, onProgress })` reads
 *   raw bytes (an AsyncIterable of chunks: plain, gzip or BGZF, recognised from the first bytes),
 *   streams them through the parser and resolves to a `ReadVcfSummary` (header, record count,
 *   errors, warnings, container). It never throws for a bad file: every problem is in the summary.
 *   Truncated gzip, a missing BGZF EOF block, binary junk and cut-off records are errors.
 *   Node: electron/main/vcf/nodeVcf.ts (`readVcfFile`, zlib in the libuv pool); browser:
 *   renderer/src/igv/browserInflater.ts (DecompressionStream per BGZF block).
 * - `VcfParser` is the same parser for decompressed bytes you already have (push/end).
 * - Strict to the file's declared version (4.1–4.5): every rule is checked on every line; a
 *   record reaches `onRecord` only when it has no error. `VcfProblem` is located (file, line,
 *   column, field) and has a severity; `formatProblem` prints `FILE:LINE: message`.
 *
 * Records (`VcfRecord`): CHROM, POS, IDs, REF, ALTs, QUAL, FILTERs as values; INFO and samples
 * typed by the header (or the spec's reserved definitions) and decoded only when asked:
 * `info()`, `infoValue(key)`, `sample(i)`, `genotype(i)`.
 *
 * Variants
 * - `splitRecord(record)` → one `SplitVariant` per ALT: trimmed alleles, the app-wide `key`,
 *   INFO/FORMAT values reduced to the allele (Number=A/R/G), genotypes recoded (0/1/null).
 * - `variantKey(chrom, pos, ref, alt)` / `trimAlleles` / `cohortChrom`: the minimal-representation
 *   key `17-43045712-G-A` the cohorts and federation use. No left-alignment (needs a reference
 *   FASTA the app does not have offline); see normalize.ts.
 *
 * Annotations: `annotationLayouts(header)` + `transcriptAnnotations(record, layouts)` read VEP
 * CSQ and SnpEff ANN per transcript (consequence, impact, gene, transcript, HGVS c./p.,
 * frequencies); `clinvarInfo(record)`; `frequencyInfoKeys(header)`.
 *
 * Assembly: `detectAssembly(header)` → GRCh38 | GRCh37 | unknown with the evidence line.
 */
export type {
  AlleleKind,
  ContigDef,
  FieldDef,
  Genotype,
  MetaLine,
  VcfHeader,
  VcfNumber,
  VcfProblem,
  VcfRecord,
  VcfScalar,
  VcfType,
  VcfValue,
  VcfVersion,
} from './types';
export { readVcf } from './read';
export type { Inflater, ReadVcfOptions, ReadVcfSummary } from './read';
export { VcfParser } from './parser';
export type { VcfParserOptions, VcfSummary } from './parser';
export { formatProblem } from './problems';
export type { ContainerKind } from './container';
export { BGZF_EOF, BgzfFramer, bgzfBlockSize, sniffContainer } from './container';
export { splitRecord, recodeGenotype, subsetValue } from './split';
export type { SplitGenotype, SplitVariant } from './split';
export { cohortChrom, trimAlleles, variantKey } from './normalize';
export type { Trimmed } from './normalize';
export { annotationLayouts, transcriptAnnotations } from './annotations';
export type { AnnotationLayout, TranscriptAnnotation } from './annotations';
export { clinvarInfo, frequencyInfoKeys } from './clinvar';
export type { ClinVarInfo } from './clinvar';
export { detectAssembly, grch38Length } from './assembly';
export type { AssemblyGuess, AssemblyName } from './assembly';
export { SUPPORTED_VERSIONS } from './version';
