/**
 * HGVS-style labels for background variants. No transcript models are available offline, so the
 * c. position is derived from the variant's relative place in the gene (strand-aware) and the amino
 * acids are drawn from the seeded stream: the labels look and parse like HGVS but are synthetic.
 */
import type { Gene } from '../reference';
import type { Rng } from './rng';

const AA: readonly (readonly [string, string])[] = [
  ['Ala', 'A'],
  ['Arg', 'R'],
  ['Asn', 'N'],
  ['Asp', 'D'],
  ['Cys', 'C'],
  ['Gln', 'Q'],
  ['Glu', 'E'],
  ['Gly', 'G'],
  ['His', 'H'],
  ['Ile', 'I'],
  ['Leu', 'L'],
  ['Lys', 'K'],
  ['Met', 'M'],
  ['Phe', 'F'],
  ['Pro', 'P'],
  ['Ser', 'S'],
  ['Thr', 'T'],
  ['Trp', 'W'],
  ['Tyr', 'Y'],
  ['Val', 'V'],
];
const COMPLEMENT: Readonly<Record<string, string>> = { A: 'T', C: 'G', G: 'C', T: 'A' };

export interface HgvsLabels {
  hgvsC: string;
  hgvsP: string | null;
  aaChange: string | null;
}

const coding = (allele: string, strand: string): string =>
  strand === '+'
    ? allele
    : Array.from(allele, (b) => COMPLEMENT[b] ?? 'N')
        .reverse()
        .join('');

/** Labels a variant of the given consequence at pos (ref/alt in VCF form). */
export function hgvsLabels(
  gene: Gene,
  pos: number,
  ref: string,
  alt: string,
  consequence: string,
  rng: Rng,
): HgvsLabels {
  const len = gene.end - gene.start + 1;
  const cdsLen = Math.max(600, Math.min(12000, Math.round(len / 20 / 3) * 3));
  const rel = gene.strand === '+' ? pos - gene.start : gene.end - pos;
  const cpos = 1 + Math.floor((rel * cdsLen) / len);
  const codon = Math.ceil(cpos / 3);
  const [from3, from1] = rng.pick(AA);
  const snv = `${coding(ref, gene.strand)}>${coding(alt, gene.strand)}`;
  const other = (): readonly [string, string] => {
    for (;;) {
      const aa = rng.pick(AA);
      if (aa[0] !== from3) return aa;
    }
  };
  switch (consequence) {
    case 'missense_variant': {
      const [to3, to1] = other();
      return {
        hgvsC: `c.${cpos}${snv}`,
        hgvsP: `p.${from3}${codon}${to3}`,
        aaChange: `${from1}${codon}${to1}`,
      };
    }
    case 'synonymous_variant':
      return { hgvsC: `c.${cpos}${snv}`, hgvsP: `p.${from3}${codon}=`, aaChange: null };
    case 'stop_gained':
      return {
        hgvsC: `c.${cpos}${snv}`,
        hgvsP: `p.${from3}${codon}Ter`,
        aaChange: `${from1}${codon}*`,
      };
    case 'start_lost': {
      const p = 1 + (cpos % 3);
      return { hgvsC: `c.${p}${snv}`, hgvsP: 'p.Met1?', aaChange: 'M1?' };
    }
    case 'frameshift_variant': {
      const [to3, to1] = other();
      const ter = rng.int(2, 60);
      const c =
        ref.length > alt.length
          ? ref.length === 2
            ? `c.${cpos}del`
            : `c.${cpos}_${cpos + ref.length - 2}del`
          : `c.${cpos}_${cpos + 1}ins${coding(alt.slice(1), gene.strand)}`;
      return {
        hgvsC: c,
        hgvsP: `p.${from3}${codon}${to3}fsTer${ter}`,
        aaChange: `${from1}${codon}${to1}fs*${ter}`,
      };
    }
    case 'inframe_deletion':
      return {
        hgvsC: `c.${cpos}_${cpos + 2}del`,
        hgvsP: `p.${from3}${codon}del`,
        aaChange: `${from1}${codon}del`,
      };
    case 'splice_donor_variant':
      return { hgvsC: `c.${cpos}+${rng.int(1, 2)}${snv}`, hgvsP: null, aaChange: null };
    case 'splice_acceptor_variant':
      return { hgvsC: `c.${cpos}-${rng.int(1, 2)}${snv}`, hgvsP: null, aaChange: null };
    case 'splice_region_variant':
      return { hgvsC: `c.${cpos}+${rng.int(3, 8)}${snv}`, hgvsP: null, aaChange: null };
    case '5_prime_UTR_variant':
      return { hgvsC: `c.-${rng.int(1, 200)}${snv}`, hgvsP: null, aaChange: null };
    case '3_prime_UTR_variant':
      return { hgvsC: `c.*${rng.int(1, 1500)}${snv}`, hgvsP: null, aaChange: null };
    default:
      return {
        hgvsC: `c.${cpos}${rng.chance(0.5) ? '+' : '-'}${rng.int(9, 2000)}${snv}`,
        hgvsP: null,
        aaChange: null,
      };
  }
}
