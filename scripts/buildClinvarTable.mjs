#!/usr/bin/env node
// Derives the app's compact ClinVar table (resources/knowledge/clinvar.grch38.tsv.gz) from the ClinVar
// GRCh38 extract in ../shared/data/knowledge/clinvar (NCBI ClinVar VCF fileDate 2026-02-26, cut to a
// few hereditary-cancer gene regions; public data, no restrictions; cite ClinVar and its release).
// Kept: records with a germline classification; columns: allele (VCF-style, normalised by the app
// when it loads), VariationID, gene, classification, review status, stars, first condition, and
// whether the record is a null variant (for the gene's loss-of-function evidence, PVS1).
// Run: node scripts/buildClinvarTable.mjs [dataDir] [outFile]
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const data = process.argv[2] ?? join(root, '..', 'shared', 'data');
const outFile = process.argv[3] ?? join(root, 'resources', 'knowledge', 'clinvar.grch38.tsv.gz');
const RELEASE = '2026-02-26';
const source = join(
  data,
  'knowledge',
  'clinvar',
  `clinvar_${RELEASE.replaceAll('-', '')}.grch38.hereditary-cancer-subset.tsv.gz`,
);

const NULL_TERMS = [
  'nonsense',
  'frameshift_variant',
  'splice_donor_variant',
  'splice_acceptor_variant',
  'initiator_codon_variant',
  'SO:0001587',
  'SO:0001589',
  'SO:0001574',
  'SO:0001575',
  'SO:0001582',
];
const clean = (s) => s.replace(/[\t\n\r]/g, ' ').trim();

const [header, ...lines] = gunzipSync(readFileSync(source)).toString('utf8').split('\n');
const cols = header.split('\t');
const at = (name) => {
  const i = cols.indexOf(name);
  if (i < 0) throw new Error(`${source}: no column ${name}`);
  return i;
};
const ix = Object.fromEntries(
  [
    'chrom',
    'pos',
    'ref',
    'alt',
    'variation_id',
    'gene',
    'clinical_significance',
    'review_status',
    'stars',
    'conditions',
    'molecular_consequence',
  ].map((n) => [n, at(n)]),
);
const out = [
  `# ClinVar GRCh38 release ${RELEASE} (NCBI ClinVar; hereditary-cancer subset in ../shared/data/knowledge/clinvar; built by scripts/buildClinvarTable.mjs)`,
  'chrom\tpos\tref\talt\tvariation_id\tgene\tsignificance\treview_status\tstars\tcondition\tnull_variant',
];
let kept = 0;
for (const line of lines) {
  if (line === '') continue;
  const f = line.split('\t');
  const stars = f[ix.stars];
  const sig = f[ix.clinical_significance];
  if (stars === '' || sig === '' || sig === 'other' || sig === 'not provided') continue;
  const gene = f[ix.gene].split('|').find((g) => !g.startsWith('LOC')) ?? f[ix.gene].split('|')[0];
  const condition = clean(f[ix.conditions].split('|')[0] ?? '').slice(0, 80);
  const isNull = NULL_TERMS.some((t) => f[ix.molecular_consequence].includes(t)) ? '1' : '0';
  out.push(
    [
      f[ix.chrom],
      f[ix.pos],
      f[ix.ref],
      f[ix.alt],
      f[ix.variation_id],
      gene,
      sig,
      f[ix.review_status],
      stars,
      condition,
      isNull,
    ].join('\t'),
  );
  kept++;
}
writeFileSync(outFile, gzipSync(Buffer.from(`${out.join('\n')}\n`), { level: 9 }));
console.log(`${outFile}: ${kept} records`);
