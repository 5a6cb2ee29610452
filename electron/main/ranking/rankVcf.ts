import type { Impact, Sex, VariantRecord } from '../../../shared/ranking/input';
import type { VcfHeader, VcfProblem } from '../../../shared/vcf';
import {
  annotationLayouts,
  detectAssembly,
  frequencyInfoKeys,
  splitRecord,
  transcriptAnnotations,
} from '../../../shared/vcf';
import type { AnnotationLayout } from '../../../shared/vcf';
import { readVcfFile } from '../vcf/nodeVcf';

// chrX pseudo-autosomal regions on GRCh38: diploid in males, so they say nothing about sex.
const PAR: readonly (readonly [number, number])[] = [
  [10_001, 2_781_479],
  [155_701_383, 156_030_895],
];

export interface RankVcf {
  /** One record per annotated transcript entry of each allele the sample carries. */
  readonly variants: VariantRecord[];
  /** From haploid chrX calls outside the PARs (male) or heterozygous ones (female). */
  readonly inferredSex: Sex;
  readonly sample: string;
  readonly records: number;
  /** Errors of the file (located FILE:LINE); the ranking does not run when there is one. */
  readonly problems: readonly VcfProblem[];
  /** Why the file cannot be ranked although it is valid VCF (GRCh37, no sample). */
  readonly refusal?: string;
}

/**
 * Reads a patient VCF for the ranking (issue 17) with the app's one reader (issue 16): every allele
 * the sample carries, split and trimmed, with each VEP CSQ / SnpEff ANN entry that names a gene and
 * an impact. The population frequency is the highest of the entry's and the record's frequency
 * fields (gnomADe_AF, AF, MAX_AF, …). A file with an error is not ranked: the problems are located.
 */
export async function readRankVcf(
  path: string,
  opts: { file?: string; sample?: string } = {},
): Promise<RankVcf> {
  const variants: VariantRecord[] = [];
  let layouts: AnnotationLayout[] = [];
  let freqKeys: readonly string[] = [];
  let column = 0;
  let header: VcfHeader | undefined;
  let refusal: string | undefined;
  let haploidX = 0;
  let hetX = 0;
  const stop = { aborted: false };
  const summary = await readVcfFile(path, {
    ...(opts.file === undefined ? {} : { file: opts.file }),
    stopAfter: 20,
    signal: stop,
    onHeader(h) {
      header = h;
      layouts = annotationLayouts(h);
      freqKeys = frequencyInfoKeys(h);
      column = opts.sample === undefined ? 0 : h.samples.indexOf(opts.sample);
      refusal = refusalOf(opts.file ?? path, h, column, opts.sample);
      if (refusal !== undefined) stop.aborted = true;
    },
    onRecord(record) {
      if (refusal !== undefined) return;
      const split = splitRecord(record);
      let anns: ReturnType<typeof transcriptAnnotations> | undefined;
      for (const v of split) {
        if (v.kind !== 'bases') continue;
        const gt = v.genotype(column);
        if (gt === null) continue;
        const copies = gt.alleles.filter((a) => a === 1).length;
        const nonPar =
          /^(chr)?X$/i.test(record.chrom) && !PAR.some(([a, b]) => v.pos >= a && v.pos <= b);
        if (nonPar && v.altIndex === 1) {
          if (gt.alleles.length === 1) haploidX++;
          else if (gt.alleles.length === 2 && gt.alleles[0] !== gt.alleles[1]) hetX++;
        }
        if (copies === 0) continue;
        anns ??= transcriptAnnotations(record, layouts);
        let recordAf: number | null = null;
        const info = v.info();
        for (const key of freqKeys) {
          const af = info.get(key);
          if (typeof af === 'number' && Number.isFinite(af)) recordAf = Math.max(recordAf ?? 0, af);
        }
        const zygosity = gt.alleles.length === 1 ? 'hemi' : copies >= 2 ? 'hom' : 'het';
        for (const a of anns) {
          const mine =
            a.altIndex === v.altIndex || (a.altIndex === undefined && split.length === 1);
          if (!mine || a.gene === null || a.impact === null || a.consequences.length === 0)
            continue;
          let af = recordAf;
          for (const f of Object.values(a.frequencies)) af = Math.max(af ?? 0, f);
          variants.push({
            gene: a.gene,
            chrom: record.chrom,
            pos: v.pos,
            ref: v.ref,
            alt: v.alt,
            consequence: a.consequences.join('&'),
            impact: a.impact satisfies Impact,
            populationAf: af === null ? null : Math.min(1, Math.max(0, af)),
            zygosity,
            ...(a.hgvsc === null ? {} : { hgvsc: a.hgvsc }),
            ...(a.hgvsp === null ? {} : { hgvsp: decodeURIComponent(a.hgvsp) }),
          });
        }
      }
    },
  });
  return {
    variants,
    inferredSex: haploidX > hetX ? 'male' : hetX > 0 ? 'female' : 'unknown',
    sample: header?.samples[column] ?? '',
    records: summary.records,
    problems: refusal === undefined ? summary.problems : [],
    ...(refusal === undefined
      ? header === undefined && summary.problems.length === 0
        ? { refusal: `${opts.file ?? path} has no VCF header (#CHROM line).` }
        : header !== undefined && summary.records === 0 && summary.problems.length === 0
          ? { refusal: noRecordsRefusal(opts.file ?? path, header) }
          : {}
      : { refusal }),
  };
}

/**
 * A VCF that ends after its #CHROM line (decision 0088's vcf-no-records, applied here by 0095):
 * ranked "by variants" it would rank the phenotype alone and say nothing of the missing calls.
 */
function noRecordsRefusal(name: string, h: VcfHeader): string {
  return `${name} holds no variant records: the file ends after its #CHROM line (line ${String(h.headerLine)}). The ranking by variants needs the patient's variants; export the VCF again with its records, or rank the phenotype alone without --vcf.`;
}

function refusalOf(
  name: string,
  h: VcfHeader,
  column: number,
  sample: string | undefined,
): string | undefined {
  const a = detectAssembly(h);
  if (a.assembly === 'GRCh37')
    return `${name} is on GRCh37 (${a.evidence}); the ranking's gene tables are GRCh38. Lift the file over to GRCh38 (e.g. with bcftools +liftover) and rank it again.`;
  if (h.samples.length === 0)
    return `${name} has no sample columns (a sites-only VCF): the ranking needs the patient's genotypes.`;
  if (column < 0)
    return `${name} has no sample "${sample ?? ''}"; its samples are ${h.samples.join(', ')}.`;
  return undefined;
}
