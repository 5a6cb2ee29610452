/**
 * A deterministic single-sample GRCh38 VCFv4.3 for the import's equality test (issue 16, decision
 * 0044): every kind of value the case tables hold. SNVs and indels (trimmed at import), two-ALT
 * records (split, GT 1/2 recoded), missing and phased calls with PS, `.` ID/QUAL/FILTER, VEP CSQ
 * with 0–3 entries, `&` lists and empty fields, an INFO population frequency (Number=A), ClinVar
 * INFO keys, records without CSQ inside and outside genes (chr17 around BRCA1), SnpEff ANN on some
 * records (beside CSQ or alone, with empty fields and an allele no ALT matches).
 */
import { rng } from '../../../../shared/cohorts/testing/sampleCache';

const CSQ =
  'Allele|Consequence|IMPACT|SYMBOL|Gene|Feature|BIOTYPE|HGVSc|HGVSp|CANONICAL|gnomADe_AF|MAX_AF|CLIN_SIG';
const TERMS = [
  'missense_variant',
  'intron_variant',
  'stop_gained&splice_region_variant',
  'synonymous_variant',
  'frameshift_variant',
];
const IMPACT: Record<string, string> = {
  missense_variant: 'MODERATE',
  intron_variant: 'MODIFIER',
  'stop_gained&splice_region_variant': 'HIGH',
  synonymous_variant: 'LOW',
  frameshift_variant: 'HIGH',
};
const BASES = ['A', 'C', 'G', 'T'];
const ANN_FIELDS =
  'Allele | Annotation | Annotation_Impact | Gene_Name | Gene_ID | Feature_Type | Feature_ID | Transcript_BioType | Rank | HGVS.c | HGVS.p | cDNA.pos / cDNA.length | CDS.pos / CDS.length | AA.pos / AA.length | Distance | ERRORS / WARNINGS / INFO';

/** The file's text with `records` data lines on chr17 (from 43,000,000, one every 7–13 bases). */
export function equalityVcf(records: number): string {
  const r = rng(44);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
  const lines = [
    '##fileformat=VCFv4.3',
    '##contig=<ID=chr17,length=83257441>',
    '##FILTER=<ID=LowQual,Description="Low quality">',
    '##INFO=<ID=DP,Number=1,Type=Integer,Description="Depth">',
    '##INFO=<ID=gnomAD_AF,Number=A,Type=Float,Description="gnomAD allele frequency">',
    '##INFO=<ID=CLNSIG,Number=.,Type=String,Description="ClinVar significance">',
    '##INFO=<ID=CLNREVSTAT,Number=.,Type=String,Description="ClinVar review status">',
    '##INFO=<ID=CLNDN,Number=.,Type=String,Description="ClinVar disease names">',
    `##INFO=<ID=CSQ,Number=.,Type=String,Description="Consequence annotations from Ensembl VEP. Format: ${CSQ}">`,
    `##INFO=<ID=ANN,Number=.,Type=String,Description="Functional annotations: '${ANN_FIELDS}' ">`,
    '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
    '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths">',
    '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Read depth">',
    '##FORMAT=<ID=GQ,Number=1,Type=Integer,Description="Genotype quality">',
    '##FORMAT=<ID=PS,Number=1,Type=Integer,Description="Phase set">',
    '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1',
  ];
  let pos = 43_000_000;
  for (let i = 0; i < records; i++) {
    pos += 7 + Math.floor(r() * 7);
    const ref = pick(BASES);
    const two = r() < 0.1;
    const indel = r() < 0.15;
    const alt1 = indel
      ? `${ref}${pick(BASES)}${pick(BASES)}`
      : pick(BASES.filter((b) => b !== ref));
    const alts = two ? [alt1, pick(BASES.filter((b) => b !== ref && b !== alt1))] : [alt1];
    const info = [`DP=${String(10 + Math.floor(r() * 50))}`];
    if (r() < 0.5) info.push(`gnomAD_AF=${alts.map(() => (r() * 0.01).toPrecision(3)).join(',')}`);
    if (r() < 0.05)
      info.push(
        'CLNSIG=Pathogenic',
        'CLNREVSTAT=criteria_provided',
        'CLNDN=Breast_cancer|not_provided',
      );
    const entries: string[] = [];
    const n = Math.floor(r() * 4);
    for (let e = 0; e < n; e++) {
      const term = pick(TERMS);
      const allele = pick(alts);
      const vep = allele.length > 1 ? allele.slice(1) : allele;
      const freq =
        r() < 0.3
          ? ''
          : r() < 0.5
            ? `${(r() * 0.1).toFixed(4)}&${(r() * 0.1).toFixed(4)}`
            : (r() * 0.1).toFixed(5);
      entries.push(
        [
          vep,
          term,
          IMPACT[term] ?? '',
          r() < 0.9 ? 'BRCA1' : '',
          'ENSG00000012048',
          `ENST0000035${String(e)}`,
          'protein_coding',
          term === 'intron_variant' ? '' : `c.${String(i)}A>G`,
          term === 'missense_variant' ? 'p.Arg1Gly' : '',
          e === 0 ? 'YES' : '',
          freq,
          freq === '' ? '' : (r() * 0.2).toFixed(4),
          r() < 0.1 ? 'benign&likely_benign' : '',
        ].join('|'),
      );
    }
    if (entries.length > 0) info.push(`CSQ=${entries.join(',')}`);
    if (r() < 0.25) {
      // SnpEff ANN: the full ALT as Allele (one entry matches no ALT), some fields empty.
      const ann = alts.map((a, k) => {
        const term = pick(TERMS);
        return [
          r() < 0.05 ? 'N' : a,
          term,
          IMPACT[term] ?? '',
          r() < 0.8 ? 'BRCA1' : '',
          'ENSG00000012048',
          'transcript',
          `ENST0000045${String(k)}`,
          r() < 0.5 ? 'protein_coding' : '',
          '2/23',
          term === 'intron_variant' ? '' : `c.${String(i)}del`,
          term === 'missense_variant' ? 'p.Gly2Arg' : '',
          '',
          '',
          '',
          '',
          r() < 0.1 ? 'WARNING_TRANSCRIPT_NO_START_CODON' : '',
        ].join('|');
      });
      info.push(`ANN=${ann.join(',')}`);
    }
    const g = r();
    const gt = two
      ? g < 0.5
        ? '1/2'
        : '0/2'
      : g < 0.1
        ? './.'
        : g < 0.3
          ? '0|1'
          : g < 0.6
            ? '1/1'
            : '0/1';
    const ad = [0, ...alts].map(() => String(Math.floor(r() * 30))).join(',');
    const sample = `${gt}:${ad}:${String(5 + Math.floor(r() * 60))}:${String(Math.floor(r() * 99))}:${gt.includes('|') ? String(pos - 100) : '.'}`;
    const id = r() < 0.4 ? `rs${String(100000 + i)}` : '.';
    const qual = r() < 0.05 ? '.' : (10 + r() * 500).toFixed(1);
    const filter = r() < 0.05 ? '.' : r() < 0.1 ? 'LowQual' : 'PASS';
    lines.push(
      [
        `chr17`,
        String(pos),
        id,
        ref,
        alts.join(','),
        qual,
        filter,
        info.join(';'),
        'GT:AD:DP:GQ:PS',
        sample,
      ].join('\t'),
    );
  }
  return `${lines.join('\n')}\n`;
}
