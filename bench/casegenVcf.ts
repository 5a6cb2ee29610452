// TEMPORARY (issue 17): a minimal reader for the casegen kit's VCFs so the ranking benchmark can
// run before the app's single VCF reader exists (issue 16). It reads only what the kit writes
// (VCFv4.2, BGZF, one sample, VEP-style CSQ) and validates nothing. Replace it with the shared
// VCF reader when that lands; do not use it anywhere else.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { Impact, Sex, VariantRecord } from '../shared/ranking/input';

const IMPACTS = new Set(['HIGH', 'MODERATE', 'LOW', 'MODIFIER']);
// chrX pseudo-autosomal regions on GRCh38: diploid in males.
const PAR = [
  [10_001, 2_781_479],
  [155_701_383, 156_030_895],
];

export interface CaseVariants {
  readonly variants: VariantRecord[];
  /** From haploid chrX calls outside the PARs (male) or heterozygous ones (female). */
  readonly inferredSex: Sex;
}

/** Reads a kit VCF into variant records, one per CSQ entry and alternate allele carried. */
export function readCasegenVcf(file: string): CaseVariants {
  const text = gunzipSync(readFileSync(file)).toString('utf8');
  let fields: string[] = [];
  const variants: VariantRecord[] = [];
  let haploidX = 0;
  let hetX = 0;
  for (const line of text.split('\n')) {
    if (line.startsWith('##INFO=<ID=CSQ')) {
      fields = (/Format: ([^">]+)/.exec(line)?.[1] ?? '').split('|');
      continue;
    }
    if (line === '' || line.startsWith('#')) continue;
    const [chrom = '', pos = '', , ref = '', alts = '', , , info = '', , sample = ''] =
      line.split('\t');
    const gt = (sample.split(':')[0] ?? '').split(/[/|]/);
    const nonPar =
      chrom === 'chrX' && !PAR.some(([a = 0, b = 0]) => Number(pos) >= a && Number(pos) <= b);
    if (nonPar && gt.length === 1) haploidX++;
    if (nonPar && gt.length === 2 && gt[0] !== gt[1]) hetX++;
    const csq = /(?:^|;)CSQ=([^;]*)/.exec(info)?.[1] ?? '';
    alts.split(',').forEach((alt, i) => {
      const copies = gt.filter((a) => a === String(i + 1)).length;
      if (copies === 0) return;
      const zygosity = gt.length === 1 ? 'hemi' : copies === 2 ? 'hom' : 'het';
      for (const entry of csq.split(',')) {
        const v = entry.split('|');
        const get = (name: string): string => v[fields.indexOf(name)] ?? '';
        const [symbol, impact, afText] = [get('SYMBOL'), get('IMPACT'), get('gnomADe_AF')];
        if (symbol === '' || !IMPACTS.has(impact)) continue;
        const [hgvsc, hgvsp] = [get('HGVSc'), get('HGVSp')];
        variants.push({
          gene: symbol,
          chrom,
          pos: Number(pos),
          ref,
          alt,
          consequence: get('Consequence'),
          impact: impact as Impact,
          populationAf: afText === '' ? null : Number(afText),
          zygosity,
          ...(hgvsc === '' ? {} : { hgvsc }),
          ...(hgvsp === '' ? {} : { hgvsp: decodeURIComponent(hgvsp) }),
        });
      }
    });
  }
  const inferredSex = haploidX > hetX ? 'male' : hetX > 0 ? 'female' : 'unknown';
  return { variants, inferredSex };
}
