import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { toBgzf } from '../main/vcf/bgzfWriter';
import { EXIT } from './exitCodes';
import { cliHarness, offlineEnv } from './testing/cliHarness';

// `npm run cli -- case rank` in process, over the real router, shared/ranking's committed tables
// and the app's one VCF reader (issue 17). No vault: nothing is stored.
const dir = mkdtempSync(join(tmpdir(), 'cli-rank-'));
const env = offlineEnv(dir);
const h = cliHarness({ env, cwd: dir });
afterAll(() => {
  h.close();
  rmSync(dir, { recursive: true, force: true });
});

// Marfan syndrome's hallmarks (FBN1): arachnodactyly, ectopia lentis, aortic root aneurysm, tall
// stature; excluded: intellectual disability.
const packet = (sex: string) =>
  JSON.stringify({
    id: 'case-1',
    subject: { id: 'case-1', sex },
    phenotypicFeatures: [
      { type: { id: 'HP:0001166' } },
      { type: { id: 'HP:0001083' } },
      { type: { id: 'HP:0002616' } },
      { type: { id: 'HP:0000098' } },
      { type: { id: 'HP:0001249' }, excluded: true },
    ],
  });
const CSQ = 'Allele|Consequence|IMPACT|SYMBOL|Gene|Feature|HGVSc|HGVSp|gnomADe_AF';
const header = (contig = '##contig=<ID=chr15,length=101991189>') =>
  [
    '##fileformat=VCFv4.2',
    contig,
    '##contig=<ID=chr2,length=242193529>',
    '##contig=<ID=chrX,length=156040895>',
    '##INFO=<ID=CSQ,Number=.,Type=String,Description="Consequence annotations from Ensembl VEP. Format: ' +
      CSQ +
      '">',
    '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
    '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tP1',
  ].join('\n');
const rec = (chrom: string, pos: number, ref: string, alt: string, csq: string, gt: string) =>
  `${chrom}\t${String(pos)}\t.\t${ref}\t${alt}\t50\tPASS\tCSQ=${csq}\tGT\t${gt}`;
const VCF = [
  header(),
  // A common missense in TTN (5% in gnomAD: filtered by rarity), a rare one in FBN1's neighbour.
  rec(
    'chr2',
    178527000,
    'C',
    'T',
    'T|missense_variant|MODERATE|TTN|ENSG1|ENST1|c.1C>T|p.(Arg1Cys)|0.05',
    '0/1',
  ),
  rec(
    'chr15',
    48410000,
    'AG',
    'A',
    '-|frameshift_variant|HIGH|FBN1|ENSG2|ENST2|c.100del|p.(Gly34fs)|',
    '0/1',
  ),
  rec(
    'chr15',
    48900000,
    'G',
    'A',
    'A|missense_variant|MODERATE|SHC4|ENSG3|ENST3|c.5G>A|p.(Gly2Asp)|0.0001',
    '0/1',
  ),
  '',
].join('\n');
// Decision 0080: FBN1's het frameshift, three more genes with one rare damaging allele (SHC4's
// annotated on two transcripts: still one allele), a homozygous stop-gained in a gene without a
// known disease. Genes with one damaging allele: 4; with two: 1.
const HOM_VCF = [
  header(),
  rec('chr15', 48410000, 'AG', 'A', '-|frameshift_variant|HIGH|FBN1|ENSG2|ENST2|c.100del||', '0/1'),
  rec(
    'chr15',
    48900000,
    'G',
    'A',
    'A|missense_variant|MODERATE|SHC4|ENSG3|ENST3|c.5G>A||0.0001,A|missense_variant|MODERATE|SHC4|ENSG3|ENST4|c.8G>A||0.0001',
    '0/1',
  ),
  rec(
    'chr15',
    49000000,
    'C',
    'T',
    'T|missense_variant|MODERATE|GENEQ1|ENSG4|ENST5|c.9C>T||',
    '0/1',
  ),
  rec(
    'chr15',
    49100000,
    'C',
    'T',
    'T|missense_variant|MODERATE|GENEQ2|ENSG5|ENST6|c.9C>T||',
    '0/1',
  ),
  rec('chr15', 49200000, 'C', 'T', 'T|stop_gained|HIGH|GENEQ3|ENSG6|ENST7|c.9C>T||', '1/1'),
  '',
].join('\n');
writeFileSync(join(dir, 'hom.vcf.gz'), toBgzf(HOM_VCF));
writeFileSync(join(dir, 'p.json'), packet('FEMALE'));
writeFileSync(join(dir, 'unknown-sex.json'), packet('UNKNOWN_SEX'));
writeFileSync(join(dir, 'p.vcf.gz'), toBgzf(VCF));
writeFileSync(join(dir, 'cut.vcf.gz'), gzipSync(VCF).subarray(0, 300));
writeFileSync(
  join(dir, 'grch37.vcf'),
  VCF.replace('##contig=<ID=chr15,length=101991189>', '##contig=<ID=chr15,length=102531392>'),
);
writeFileSync(
  join(dir, 'broken.json'),
  '{\n  "subject": {"sex": "MALE"},\n  "phenotypicFeatures": [\n}\n',
);
// Decision 0095: a header-only VCF (CRLF line ends, as a Windows export writes it) ranks nothing.
writeFileSync(join(dir, 'header-only.vcf'), `${header()}\n`.replace(/\n/g, '\r\n'));
writeFileSync(
  join(dir, 'two-ids.json'),
  '{\n  "id": "case-1",\n  "id": "case-2",\n  "phenotypicFeatures": [{"type": {"id": "HP:0001166"}}]\n}\n',
);
writeFileSync(join(dir, 'notpacket.json'), '{"phenotypicFeatures": [{"type": "HP:0001166"}]}');
mkdirSync(join(dir, 'cases'));
writeFileSync(join(dir, 'cases', 'a.json'), packet('FEMALE'));
writeFileSync(join(dir, 'cases', 'a.vcf.gz'), toBgzf(VCF));
writeFileSync(
  join(dir, 'cases', 'manifest.tsv'),
  'case_id\tphenopacket\tvcf\ncase-a\ta.json\ta.vcf.gz\ncase-b\t../unknown-sex.json\t../cut.vcf.gz\n',
);

const cli = (...argv: string[]) => h.cli(...argv);
interface Genes {
  genes: {
    symbol: string;
    score: number;
    diseases: { id: string }[];
    genotype?: { fit: string; twoAlleleCredit?: number };
  }[];
}

describe('npm run cli -- case rank (issue 17)', () => {
  it('phenotype only: every gene with a known disease, best first, the Marfan gene on top', async () => {
    const r = await cli('case', 'rank', '--phenopacket', 'p.json', '--json');
    expect(r.err).toEqual([]);
    expect(r.code).toBe(EXIT.ok);
    const { genes } = JSON.parse(r.out[0] ?? '{}') as Genes;
    expect(genes[0]?.symbol).toBe('FBN1');
    expect(genes[0]?.diseases.map((d) => d.id)).toContain('OMIM:154700');
    expect(genes.length).toBeGreaterThanOrEqual(100);
    for (let i = 1; i < genes.length; i++)
      expect(genes[i]?.score).toBeLessThanOrEqual(genes[i - 1]?.score ?? Infinity);
  }, 60_000);

  it('with the VCF: only genes carrying a variant, the damaging FBN1 allele first with its fit', async () => {
    const r = await cli('case', 'rank', '--phenopacket', 'p.json', '--vcf', 'p.vcf.gz', '--json');
    expect(r.code).toBe(EXIT.ok);
    const v = JSON.parse(r.out[0] ?? '{}') as Genes & { sex: string };
    expect(v.genes.map((g) => g.symbol)).toEqual(['FBN1', 'SHC4', 'TTN'].slice(0, v.genes.length));
    expect(v.genes[0]?.genotype?.fit).toBe('one allele');
    expect(v.sex).toBe('female');
  }, 60_000);

  it("decision 0080: a homozygous damaging allele earns the exome's two-allele credit; one allele on two transcripts is one", async () => {
    const r = await cli('case', 'rank', '--phenopacket', 'p.json', '--vcf', 'hom.vcf.gz', '--json');
    expect(r.code).toBe(EXIT.ok);
    const byGene = new Map((JSON.parse(r.out[0] ?? '{}') as Genes).genes.map((g) => [g.symbol, g]));
    expect(byGene.get('GENEQ3')?.genotype).toMatchObject({ fit: 'homozygous' });
    // (4 one-allele genes + 1) / (1 two-allele gene + 1) = 2.5 times rarer by chance.
    expect(byGene.get('GENEQ3')?.genotype?.twoAlleleCredit).toBeCloseTo(Math.log10(2.5), 5);
    expect(byGene.get('SHC4')?.genotype?.fit).not.toBe('two alleles (phase unknown)');
    expect(byGene.get('SHC4')?.genotype?.twoAlleleCredit).toBeUndefined();
    expect(byGene.get('FBN1')?.genotype?.twoAlleleCredit).toBeUndefined();
  }, 60_000);

  it('a manifest: one JSON line per case with its id, paths relative to the manifest; a bad VCF is located and its case listed empty (exit 1)', async () => {
    const r = await cli(
      'case',
      'rank',
      '--manifest',
      'cases/manifest.tsv',
      '--mode',
      'vcf',
      '--jsonl',
    );
    expect(r.code).toBe(EXIT.invalid);
    const lines = r.out.map((l) => JSON.parse(l) as Genes & { case: string });
    expect(lines.map((l) => l.case)).toEqual(['case-a', 'case-b']);
    expect(lines[0]?.genes[0]).toEqual({ symbol: 'FBN1', score: expect.any(Number) as number });
    expect(lines[1]?.genes).toEqual([]);
    expect(r.err.join('\n')).toMatch(/^\.\.\/cut\.vcf\.gz:\d+: .*(truncated|end of file)/im);
    const pheno = await cli(
      'case',
      'rank',
      '--manifest',
      'cases/manifest.tsv',
      '--mode',
      'pheno',
      '--jsonl',
    );
    expect(pheno.code).toBe(EXIT.ok);
    expect(pheno.out).toHaveLength(2);
  }, 60_000);

  it('names what is wrong: a truncated VCF, a GRCh37 VCF, a Phenopacket that is not JSON or not a Phenopacket (exit 1)', async () => {
    const cut = await cli(
      'case',
      'rank',
      '--phenopacket',
      'p.json',
      '--vcf',
      'cut.vcf.gz',
      '--json',
    );
    expect(cut.code).toBe(EXIT.invalid);
    expect(cut.out).toEqual([]);
    expect(cut.err[0]).toMatch(/^cut\.vcf\.gz:\d+: /);
    const old = await cli('case', 'rank', '--phenopacket', 'p.json', '--vcf', 'grch37.vcf');
    expect(old.code).toBe(EXIT.invalid);
    expect(old.err.join('\n')).toMatch(
      /grch37\.vcf is on GRCh37 \(##contig=<ID=chr15,length=102531392> \(line 2\)/,
    );
    const json = await cli('case', 'rank', '--phenopacket', 'broken.json', '--json');
    expect(json.code).toBe(EXIT.invalid);
    expect(json.err[0]).toMatch(/^broken\.json:4: not JSON/);
    const shape = await cli('case', 'rank', '--phenopacket', 'notpacket.json', '--json');
    expect(shape.code).toBe(EXIT.invalid);
    expect(shape.err[0]).toMatch(/^notpacket\.json: phenotypicFeatures\.0\.type: /);
  }, 60_000);

  it('decision 0095: a VCF that ends after its #CHROM line is refused, located (vcf-no-records as the import), not ranked by phenotype alone', async () => {
    const r = await cli('case', 'rank', '--phenopacket', 'p.json', '--vcf', 'header-only.vcf');
    expect(r.code).toBe(EXIT.invalid);
    expect(r.out).toEqual([]);
    expect(r.err.join('\n')).toMatch(
      /header-only\.vcf holds no variant records: the file ends after its #CHROM line \(line 7\)/,
    );
  }, 60_000);

  it('decision 0095: a Phenopacket naming a key twice in one object is refused at its line (exit 1)', async () => {
    const r = await cli('case', 'rank', '--phenopacket', 'two-ids.json', '--json');
    expect(r.code).toBe(EXIT.invalid);
    expect(r.err[0]).toBe(
      'two-ids.json:3: id: the key "id" is named twice in one object (column 3); JSON readers keep only one of them. Remove the repeat',
    );
  }, 60_000);

  it('usage errors exit 2: no input, both inputs, a missing file, --json with --manifest', async () => {
    expect((await cli('case', 'rank', '--json')).code).toBe(EXIT.usage);
    expect((await cli('case', 'rank', '--phenopacket', 'p.json', '--manifest', 'm.tsv')).code).toBe(
      EXIT.usage,
    );
    expect((await cli('case', 'rank', '--manifest', 'cases/manifest.tsv', '--json')).code).toBe(
      EXIT.usage,
    );
    const missing = await cli('case', 'rank', '--phenopacket', 'nope.json');
    expect(missing).toMatchObject({ code: EXIT.usage, err: ['nope.json: no such file'] });
  }, 60_000);
});
