import { z } from 'zod';

/** The human reference assemblies Cohort Desk can tell apart and convert between (issue 15 item 2). */
export const AssemblySchema = z.enum(['GRCh37', 'GRCh38']);
export type Assembly = z.infer<typeof AssemblySchema>;

/** The assembly the app, its cache, its gene tables and its browser use. */
export const APP_ASSEMBLY: Assembly = 'GRCh38';

const CHROMS: readonly string[] = [
  ...Array.from({ length: 22 }, (_, i) => String(i + 1)),
  'X',
  'Y',
];

/** RefSeq accession versions of the primary chromosomes per assembly (NCBI assembly reports GRCh37.p13, GRCh38.p14). */
const REFSEQ_VERSION: Readonly<Record<Assembly, readonly number[]>> = {
  GRCh37: [10, 11, 11, 11, 9, 11, 13, 10, 11, 10, 9, 11, 10, 8, 9, 9, 10, 9, 9, 10, 8, 10, 10, 9],
  GRCh38: [
    11, 12, 12, 12, 10, 12, 14, 11, 12, 11, 10, 12, 11, 9, 10, 10, 11, 10, 10, 11, 9, 11, 11, 10,
  ],
};

/** The RefSeq accession of a chromosome ('17' → 'NC_000017.11' on GRCh38), or undefined (MT, contigs). */
export function refseqAccession(chrom: string, assembly: Assembly): string | undefined {
  const i = CHROMS.indexOf(normaliseChrom(chrom));
  const version = REFSEQ_VERSION[assembly][i];
  return version === undefined
    ? undefined
    : `NC_${String(i + 1).padStart(6, '0')}.${String(version)}`;
}

const REFSEQ = /^(?:refseq:)?NC_0000(\d\d)\.(\d+)$/i;

/** What a RefSeq chromosome accession says: its chromosome and the assembly its version belongs to. */
export function readRefseq(
  accession: string,
): { chrom: string; assembly: Assembly | undefined } | undefined {
  const m = REFSEQ.exec(accession.trim());
  if (m?.[1] === undefined || m[2] === undefined) return undefined;
  const i = Number(m[1]) - 1;
  const chrom = CHROMS[i];
  if (chrom === undefined) return undefined;
  const version = Number(m[2]);
  const assembly = AssemblySchema.options.find((a) => REFSEQ_VERSION[a][i] === version);
  return { chrom, assembly };
}

/** '17', 'chr17', 'NC_000017.11', 'chrM' → '17', '17', '17', 'MT'; anything else unchanged. */
export function normaliseChrom(name: string): string {
  const refseq = readRefseq(name);
  if (refseq !== undefined) return refseq.chrom;
  const c = name.trim().replace(/^chr/i, '').toUpperCase();
  return c === 'M' ? 'MT' : c;
}

// GRCh37.p0-p13 are GCF_000001405.13-.25; GRCh38 and its patches are .26 onwards.
const GCF = /^GCF_000001405\.(\d+)$/i;

/**
 * An assembly name as servers write it ('GRCh37', 'GRCh37.p13', 'hg19', 'b37', 'GRCh38.p14', 'hg38',
 * 'GCF_000001405.39') → the assembly, or undefined when it names neither (never guessed).
 */
export function parseAssembly(text: string): Assembly | undefined {
  const s = text.trim();
  const gcf = GCF.exec(s);
  if (gcf?.[1] !== undefined) {
    const v = Number(gcf[1]);
    return v >= 13 && v <= 25 ? 'GRCh37' : v >= 26 ? 'GRCh38' : undefined;
  }
  if (/^(GRCh37(\.p\d+)?|hg19|b37|hs37d5)$/i.test(s)) return 'GRCh37';
  if (/^(GRCh38(\.p\d+)?|hg38|b38)$/i.test(s)) return 'GRCh38';
  return undefined;
}
