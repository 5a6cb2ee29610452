/**
 * Writes the golden-rank fixture of issue 17 (shared/ranking/testing/goldenCases.json) from built
 * casegen dev cases: the first cases by id of a phenotype-only and of a VCF build, each reduced to
 * what the ranking reads (HP ids, sex; for VCF cases only the variants of the five top genes and
 * of the causal gene, which leaves those genes' scores unchanged, as every gene is scored on its
 * own variants; the causal rank is then its rank among them). Re-run it only when a ranking
 * change is meant to move the goldens.
 * Run: npx tsx bench/rank-golden.ts --pheno DIR --vcf DIR
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readCasegenVcf } from './casegenVcf';
import type { RankRequest } from '../shared/ranking/input';
import { phenotypeOfPhenopacket } from '../shared/ranking/phenopacketTerms';
import { rankCase } from '../shared/ranking/rank';
import { referenceCorpus } from '../shared/ranking/reference';

const { values: args } = parseArgs({
  options: { pheno: { type: 'string' }, vcf: { type: 'string' }, n: { type: 'string' } },
});
if (args.pheno === undefined || args.vcf === undefined) {
  console.error('usage: rank-golden.ts --pheno DIR --vcf DIR');
  process.exit(2);
}
const corpus = referenceCorpus();
const truthOf = (dir: string) =>
  readFileSync(join(dir, 'truth.tsv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split('\t'))
    .sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''));

function golden(dir: string, row: string[], withVcf: boolean) {
  const [id = '', genes = ''] = row;
  const phenotype = phenotypeOfPhenopacket(
    JSON.parse(readFileSync(join(dir, `${id}.phenopacket.json`), 'utf8')),
  );
  let request: RankRequest = phenotype;
  if (withVcf) {
    const read = readCasegenVcf(join(dir, `${id}.vcf.gz`));
    const sex = phenotype.sex === 'unknown' ? read.inferredSex : phenotype.sex;
    const full = rankCase(corpus, { ...phenotype, sex, variants: read.variants });
    const keep = new Set(
      [...full.genes.slice(0, 5).map((g) => g.symbol), ...genes.split('|')].map((s) =>
        s.toUpperCase(),
      ),
    );
    request = {
      ...phenotype,
      sex,
      variants: read.variants.filter((v) => keep.has(v.gene.toUpperCase())),
    };
  }
  const result = rankCase(corpus, request);
  const causal = new Set(genes.split('|').map((s) => s.toUpperCase()));
  const rank = result.genes.findIndex((g) => causal.has(g.symbol.toUpperCase())) + 1;
  return {
    case: id,
    causal: genes,
    request,
    top: result.genes
      .slice(0, 5)
      .map((g) => ({ symbol: g.symbol, score: Number(g.score.toFixed(4)) })),
    causalRank: rank === 0 ? null : rank,
  };
}

const n = Number(args.n ?? 6);
const pheno = truthOf(args.pheno)
  .slice(0, n)
  .map((r) => golden(args.pheno ?? '', r, false));
const vcf = truthOf(args.vcf)
  .slice(0, Math.ceil(n / 2))
  .map((r) => golden(args.vcf ?? '', r, true));
const out = join(import.meta.dirname, '..', 'shared', 'ranking', 'testing', 'goldenCases.json');
writeFileSync(
  out,
  `${JSON.stringify({ source: 'casegen dev split, seed 1 (phenopacket-store, BSD-3)', pheno, vcf })}\n`,
);
console.log(`${out}: ${String(pheno.length)} phenotype-only and ${String(vcf.length)} VCF cases`);
