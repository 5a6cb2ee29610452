// Which human assembly a VCF is on, from its header: ##contig lengths (decisive: every GRCh37 and
// GRCh38 chromosome differs in length, except chrM/MT) and ##reference / ##contig assembly names.
import type { CodedParams } from '../i18n/coded';
import { cohortChrom } from './normalize';
import type { VcfHeader } from './types';

// Chromosome lengths. GRCh38: UCSC hg38.chrom.sizes (../shared/data/grch38). GRCh37: the GRC's
// GRCh37.p13 assembly report (hs37d5 and b37 use the same lengths); UCSC hg19's chrM is 16571
// (the old Yoruba mitochondrion), GRCh37's MT is rCRS (16569, as GRCh38).
const GRCH38: Readonly<Record<string, number>> = {
  '1': 248956422,
  '2': 242193529,
  '3': 198295559,
  '4': 190214555,
  '5': 181538259,
  '6': 170805979,
  '7': 159345973,
  '8': 145138636,
  '9': 138394717,
  '10': 133797422,
  '11': 135086622,
  '12': 133275309,
  '13': 114364328,
  '14': 107043718,
  '15': 101991189,
  '16': 90338345,
  '17': 83257441,
  '18': 80373285,
  '19': 58617616,
  '20': 64444167,
  '21': 46709983,
  '22': 50818468,
  X: 156040895,
  Y: 57227415,
  MT: 16569,
};
const GRCH37: Readonly<Record<string, number>> = {
  '1': 249250621,
  '2': 243199373,
  '3': 198022430,
  '4': 191154276,
  '5': 180915260,
  '6': 171115067,
  '7': 159138663,
  '8': 146364022,
  '9': 141213431,
  '10': 135534747,
  '11': 135006516,
  '12': 133851895,
  '13': 115169878,
  '14': 107349540,
  '15': 102531392,
  '16': 90354753,
  '17': 81195210,
  '18': 78077248,
  '19': 59128983,
  '20': 63025520,
  '21': 48129895,
  '22': 51304566,
  X: 155270560,
  Y: 59373566,
  MT: 16569,
};
const HG19_CHRM = 16571;

const NAMES_37 =
  /\b(GRCh37|hg19|b37|hs37d5|human_g1k_v37|NCBI37|GCA_000001405\.(?:[1-9]|1[0-4])\b)/i;
const NAMES_38 = /\b(GRCh38|hg38|GCA_000001405\.(?:15|2\d)\b|Homo_sapiens_assembly38)/i;

export type AssemblyName = 'GRCh38' | 'GRCh37' | 'unknown';

/** What the header says about the assembly, and why (for the message a person reads). */
export interface AssemblyGuess {
  readonly assembly: AssemblyName;
  /** E.g. `##contig=<ID=1,length=249250621> (line 12) is GRCh37's chromosome 1`. */
  readonly evidence: string;
  /** The header line of the evidence (0 when there is none). */
  readonly line: number;
  /** `evidence` as a code the renderer words from `coded.assemblyEvidence` (issue 22). */
  readonly said: { readonly code: AssemblyEvidenceCode; readonly params?: CodedParams };
}

export const ASSEMBLY_EVIDENCE_CODES = [
  'contig-length',
  'contig-hg19-chrm',
  'named',
  'contig-assembly',
  'none',
] as const;
export type AssemblyEvidenceCode = (typeof ASSEMBLY_EVIDENCE_CODES)[number];

/** The GRCh38 length of a chromosome in any common naming (chr17, 17, chrM, MT), if primary. */
export function grch38Length(chrom: string): number | undefined {
  return GRCH38[cohortChrom(chrom)];
}

/**
 * Recognises the assembly from the header. Contig lengths win over names (a file may carry a stale
 * ##reference); a GRCh37 length anywhere means GRCh37, since GRCh38 never has one.
 */
export function detectAssembly(header: VcfHeader): AssemblyGuess {
  let match38: { line: number; text: string; params: CodedParams } | undefined;
  for (const c of header.contigs) {
    if (c.length === undefined) continue;
    const name = cohortChrom(c.id);
    const line = `##contig=<ID=${c.id},length=${String(c.length)}> (line ${String(c.line)})`;
    const params = {
      contig: c.id,
      length: String(c.length),
      line: String(c.line),
      chrom: name,
    };
    if (GRCH37[name] === c.length && GRCH38[name] !== c.length) {
      return {
        assembly: 'GRCh37',
        evidence: `${line} is GRCh37's chromosome ${name}`,
        line: c.line,
        said: { code: 'contig-length', params: { ...params, assembly: 'GRCh37' } },
      };
    }
    if (name === 'MT' && /^chrM$/i.test(c.id) && c.length === HG19_CHRM) {
      return {
        assembly: 'GRCh37',
        evidence: `${line} is hg19's chrM`,
        line: c.line,
        said: { code: 'contig-hg19-chrm', params },
      };
    }
    if (GRCH38[name] === c.length && name !== 'MT')
      match38 ??= { line: c.line, text: `${line} is GRCh38's chromosome ${name}`, params };
  }
  if (match38 !== undefined)
    return {
      assembly: 'GRCh38',
      evidence: match38.text,
      line: match38.line,
      said: { code: 'contig-length', params: { ...match38.params, assembly: 'GRCh38' } },
    };
  for (const m of header.meta) {
    const value = m.fields === undefined ? m.value : [...m.fields.values()].join(' ');
    if (m.key !== 'reference' && m.key !== 'assembly' && m.key !== 'contig') continue;
    for (const [assembly, names] of [
      ['GRCh37', NAMES_37],
      ['GRCh38', NAMES_38],
    ] as const) {
      if (!names.test(value)) continue;
      const name = names.exec(value)?.[1] ?? assembly;
      return {
        assembly,
        evidence: `##${m.key} (line ${String(m.line)}) names ${name}`,
        line: m.line,
        said: { code: 'named', params: { key: m.key, line: String(m.line), name } },
      };
    }
  }
  for (const c of header.contigs) {
    const value = c.fields.get('assembly') ?? '';
    const assembly = NAMES_37.test(value) ? 'GRCh37' : NAMES_38.test(value) ? 'GRCh38' : undefined;
    if (assembly !== undefined)
      return {
        assembly,
        evidence: `##contig ${c.id} (line ${String(c.line)}) has assembly=${value}`,
        line: c.line,
        said: {
          code: 'contig-assembly',
          params: { contig: c.id, line: String(c.line), value: value.slice(0, 200) },
        },
      };
  }
  return {
    assembly: 'unknown',
    evidence: 'the header has no ##contig lengths and no ##reference naming an assembly',
    line: 0,
    said: { code: 'none' },
  };
}
