/**
 * Writes one dataset as a BGZF-compressed VCF 4.3 (sorted by chromosome then position, GT for every
 * individual of the dataset) and its tabix index, in a single streaming pass: each row's genotypes are patched
 * into one pre-filled "0/0" buffer so cost stays linear in samples x variants.
 */
import { writeFileSync } from 'node:fs';
import { CHROM_LENGTHS } from '../../reference';
import type { DatasetData } from '../model';
import { GENERATOR_VERSION } from '../version';
import { BgzfWriter } from './bgzf';
import { TabixIndexBuilder } from './tabixIndex';

/** Percent-encodes the characters VCF 4.3 reserves in INFO values (§1.2). */
export function encodeInfoValue(v: string): string {
  return v.replace(
    /[%:;=,\s]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

function formatAf(af: number): string {
  return String(Number(af.toPrecision(6)));
}

function header(data: DatasetData): string {
  const contigs = [...new Set(data.variants.map((v) => v.variant.chrom))];
  return [
    '##fileformat=VCFv4.3',
    `##source=cohort-desk-demo-generator-v${GENERATOR_VERSION}`,
    '##reference=GRCh38',
    ...contigs.map((c) => `##contig=<ID=${c},length=${CHROM_LENGTHS[c] ?? 0},assembly=GRCh38>`),
    '##FILTER=<ID=PASS,Description="All filters passed">',
    '##INFO=<ID=AC,Number=A,Type=Integer,Description="Alternate allele count in the dataset">',
    '##INFO=<ID=AN,Number=1,Type=Integer,Description="Total number of alleles in called genotypes">',
    '##INFO=<ID=AF,Number=A,Type=Float,Description="Alternate allele frequency in the dataset">',
    '##INFO=<ID=NHOM,Number=A,Type=Integer,Description="Number of homozygous alternate individuals">',
    '##INFO=<ID=GENE,Number=1,Type=String,Description="HGNC gene symbol">',
    '##INFO=<ID=CSQ,Number=.,Type=String,Description="Consequence annotations. Format: Consequence|SO_id|HGVSc|HGVSp|Amino_acid_change|ClinSig">',
    '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
    [
      '#CHROM',
      'POS',
      'ID',
      'REF',
      'ALT',
      'QUAL',
      'FILTER',
      'INFO',
      'FORMAT',
      ...data.individuals.map((i) => i.id),
    ].join('\t'),
    '',
  ].join('\n');
}

/** Writes `${path}` (BGZF VCF) and `${path}.tbi`; records stay in the dataset's chromosome/position order. */
export function writeDatasetVcf(path: string, data: DatasetData): void {
  const out = new BgzfWriter(path);
  const index = new TabixIndexBuilder();
  out.write(Buffer.from(header(data), 'utf8'));
  out.flush();
  const n = data.individuals.length;
  const gts = Buffer.from('0/0\t'.repeat(n), 'latin1');
  if (n > 0) gts[gts.length - 1] = 0x0a;
  for (const dv of data.variants) {
    const v = dv.variant;
    const csq = [
      v.consequence,
      v.consequenceId,
      v.hgvsC,
      v.hgvsP ?? '',
      v.aaChange ?? '',
      v.clinSig,
    ]
      .map(encodeInfoValue)
      .join('|');
    const info = `AC=${dv.ac};AN=${dv.an};AF=${formatAf(dv.ac / dv.an)};NHOM=${dv.hom};GENE=${encodeInfoValue(v.gene)};CSQ=${csq}`;
    const fixed = Buffer.from(
      `${v.chrom}\t${v.pos}\t.\t${v.ref}\t${v.alt}\t.\tPASS\t${info}\tGT\t`,
      'latin1',
    );
    // One reusable GT buffer: patch the carriers, write, then restore "0/0" (no per-row allocation).
    for (let k = 0; k < dv.carriers.length; k++) {
      const at = 4 * (dv.carriers[k] as number);
      gts[at] = dv.alleles[k] === 2 ? 0x31 : 0x30;
      gts[at + 2] = 0x31;
    }
    const vstart = out.virtualOffset;
    out.write(fixed);
    out.write(gts);
    for (const c of dv.carriers) {
      gts[4 * c] = 0x30;
      gts[4 * c + 2] = 0x30;
    }
    index.add(v.chrom, v.pos - 1, v.pos - 1 + v.ref.length, vstart, out.virtualOffset);
  }
  out.close();
  writeFileSync(`${path}.tbi`, index.build());
}
