#!/usr/bin/env node
// Derives the Browser page's offline GRCh38 assets (resources/genome/) from the reference data in
// ../shared/data: compact factual tables, not copies. Run: node scripts/buildGenomeAssets.mjs [dataDir]
// The app never fetches genome data from the internet; these files are served by its own origin.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const data = process.argv[2] ?? join(root, '..', 'shared', 'data');
const out = join(root, 'resources', 'genome');
mkdirSync(out, { recursive: true });

const read = (rel) => {
  const bytes = readFileSync(join(data, rel));
  const text = rel.endsWith('.gz') ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
  return { text, sha256: createHash('sha256').update(bytes).digest('hex') };
};
const rows = (text) =>
  text
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => l.split('\t'));

// Primary assembly only: alts, randoms and unplaced contigs have no genes or panels here.
const PRIMARY = [...Array.from({ length: 22 }, (_, i) => `chr${i + 1}`), 'chrX', 'chrY', 'chrM'];
const primary = new Set(PRIMARY);
const sources = {};

const sizes = read('grch38/hg38.chrom.sizes');
sources['grch38/hg38.chrom.sizes'] = sizes.sha256;
const sizeOf = new Map(rows(sizes.text).map(([c, n]) => [c, n]));
writeFileSync(
  join(out, 'chrom.sizes'),
  '# GRCh38 primary chromosome sizes (UCSC hg38.chrom.sizes); see manifest.json\n' +
    PRIMARY.map((c) => `${c}\t${sizeOf.get(c)}\n`).join(''),
);

// Cytobands (UCSC cytoBandIdeo columns: chrom, start, end, band, stain), primary chromosomes only.
const bands = read('grch38/cytoBandIdeo.txt');
sources['grch38/cytoBandIdeo.txt'] = bands.sha256;
const bandRows = rows(bands.text).filter(([c]) => primary.has(c));
writeFileSync(
  join(out, 'cytobands.txt'),
  '# GRCh38 cytobands (UCSC cytoBandIdeo: chrom start0 end band stain); see manifest.json\n' +
    bandRows.map((r) => r.slice(0, 5).join('\t') + '\n').join(''),
);

// Panels: gene symbols (and Ensembl ids as a fallback key) per panel.
const panelDefs = [
  {
    id: 'cancer',
    file: 'panels/cpsr-cancer-superpanel-2026-06-grch38.tsv',
    symbol: 'SYMBOL',
    ensembl: 'ENSEMBL_GENE_ID',
    version: 'CPSR superpanel v2026_05 (file 2026-06)',
  },
  {
    id: 'epilepsy',
    file: 'panels/genes4epilepsy-v2026-03.tsv',
    symbol: 'Gene',
    ensembl: 'Ensemble_ID',
    version: 'Genes4Epilepsy v2026-03 (reference use; cite Oliver et al.)',
  },
  {
    id: 'acmg-sf',
    file: 'panels/acmg-sf-v3.1.tsv',
    symbol: 'gene_symbol',
    ensembl: 'ensembl_gene_id',
    version: 'ACMG SF v3.1',
  },
];
const panels = panelDefs.map((p) => {
  const { text, sha256 } = read(p.file);
  sources[p.file] = sha256;
  const [header, ...body] = text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => l.split('\t'));
  const si = header.indexOf(p.symbol);
  const ei = header.indexOf(p.ensembl);
  const genes = body.map((r) => ({ symbol: r[si], ensembl: r[ei] }));
  return { ...p, genes };
});
const inPanel = new Set(panels.flatMap((p) => p.genes.map((g) => g.symbol)));

// Genes: protein-coding spans plus any panel gene (org.Hs.eg.db has spans, no exons).
const genes = read('grch38/hg38.genes.orgHsEgDb-3.16.0.tsv.gz');
sources['grch38/hg38.genes.orgHsEgDb-3.16.0.tsv.gz'] = genes.sha256;
const bySymbol = new Map();
const byEnsembl = new Map();
const kept = [];
for (const [chrom, start0, end, symbol, , strand, type, ensembl] of rows(genes.text)) {
  if (!primary.has(chrom) || bySymbol.has(symbol)) continue;
  if (type !== 'protein-coding' && !inPanel.has(symbol)) continue;
  const gene = { chrom, start0: Number(start0), end: Number(end), symbol, strand };
  bySymbol.set(symbol, gene);
  for (const id of (ensembl ?? '').split(/[;,|]/)) if (id !== '') byEnsembl.set(id, gene);
  kept.push(gene);
}
kept.sort((a, b) => PRIMARY.indexOf(a.chrom) - PRIMARY.indexOf(b.chrom) || a.start0 - b.start0);
writeFileSync(
  join(out, 'genes.tsv'),
  '#chrom\tstart0\tend\tsymbol\tstrand\n' +
    kept.map((g) => `${g.chrom}\t${g.start0}\t${g.end}\t${g.symbol}\t${g.strand}\n`).join(''),
);

const panelSummary = panels.map((p) => {
  const found = [];
  const missing = [];
  for (const g of p.genes) {
    const gene = bySymbol.get(g.symbol) ?? byEnsembl.get(g.ensembl);
    if (gene === undefined) missing.push(g.symbol);
    else found.push(gene);
  }
  found.sort((a, b) => PRIMARY.indexOf(a.chrom) - PRIMARY.indexOf(b.chrom) || a.start0 - b.start0);
  const uniq = [...new Map(found.map((g) => [g.symbol, g])).values()];
  writeFileSync(
    join(out, `panel-${p.id}.bed`),
    uniq.map((g) => `${g.chrom}\t${g.start0}\t${g.end}\t${g.symbol}\t0\t${g.strand}\n`).join(''),
  );
  return { id: p.id, source: p.file, version: p.version, genes: uniq.length, missing };
});

const manifest = {
  assembly: 'GRCh38',
  builtBy: 'scripts/buildGenomeAssets.mjs',
  exons: 'none: the source gene table has gene spans only',
  sources: Object.fromEntries(Object.entries(sources).map(([f, sha]) => [f, { sha256: sha }])),
  geneSource:
    'Bioconductor org.Hs.eg.db 3.16.0 (Artistic-2.0): protein-coding genes plus panel genes',
  cytobandSource: 'UCSC cytoBandIdeo via igv.js test data (MIT)',
  genes: kept.length,
  panels: panelSummary,
};
writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
process.stdout.write(
  `genes ${kept.length}; ${panelSummary.map((p) => `${p.id} ${p.genes} (missing ${p.missing.length})`).join('; ')}\n`,
);
