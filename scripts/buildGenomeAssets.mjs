#!/usr/bin/env node
// Derives the Browser page's offline GRCh38 assets (resources/genome/) from the reference data in
// ../shared/data: compact factual tables, not copies.
// Run: node scripts/buildGenomeAssets.mjs [dataDir] [--gtf annotation.gtf[.gz]] [--out DIR]
// (--out defaults to resources/genome; the conformance test rebuilds into a temporary folder).
// With --gtf (a GENCODE/Ensembl GRCh38 GTF, or a GENCODE GFF3), exons.tsv gets one transcript per
// gene of genes.tsv (MANE Select first); without it exons.tsv is header-only and the gene track draws
// spans. Node >= 22.18 (the repo's node_modules/.bin/node): the GTF parser is imported as .ts.
// The app never fetches genome data from the internet; these files are served by its own origin.
import { createHash } from 'node:crypto';
import { createReadStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createGunzip, gunzipSync } from 'node:zlib';
import {
  EXON_TABLE_HEADER,
  createGtfCollector,
  exonTableRow,
  pickTranscripts,
} from '../shared/genome/gtfExons.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  if (at >= 0 && args[at + 1] === undefined) throw new Error(`${name} needs a path`);
  return at < 0 ? undefined : { at, value: args[at + 1] };
};
const gtf = option('--gtf');
const outOption = option('--out');
const gtfPath = gtf?.value;
const valueAt = new Set([gtf?.at, outOption?.at].filter((i) => i !== undefined).map((i) => i + 1));
const positional = args.filter((a, i) => !a.startsWith('--') && !valueAt.has(i));
const data = positional[0] ?? join(root, '..', 'shared', 'data');
const out = resolve(outOption?.value ?? join(root, 'resources', 'genome'));
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

// Exons: streamed from the GTF (a whole GENCODE file does not fit in one string), every gene of the
// gene table (a case's variant can fall in any protein-coding gene; about 3 MB as BED12-style rows),
// on the chromosome the gene table puts them (PAR copies and patches are left out).
const igvChrom = (c) => (c.startsWith('chr') ? c : c === 'MT' ? 'chrM' : `chr${c}`);
let exonSummary = 'none: no GTF given (node scripts/buildGenomeAssets.mjs [dataDir] --gtf FILE)';
let exonRows = [];
if (gtfPath !== undefined) {
  const file = resolve(gtfPath);
  const hash = createHash('sha256');
  const raw = createReadStream(file);
  raw.on('data', (chunk) => hash.update(chunk));
  const lines = createInterface({ input: file.endsWith('.gz') ? raw.pipe(createGunzip()) : raw });
  const collector = createGtfCollector((symbol) => bySymbol.has(symbol));
  for await (const line of lines) collector.add(line);
  const onGeneChrom = collector
    .transcripts()
    .map((t) => ({ ...t, chrom: igvChrom(t.chrom) }))
    .filter((t) => primary.has(t.chrom) && bySymbol.get(t.symbol)?.chrom === t.chrom);
  exonRows = pickTranscripts(onGeneChrom).sort(
    (a, b) =>
      PRIMARY.indexOf(a.chrom) - PRIMARY.indexOf(b.chrom) ||
      (a.exons[0]?.start0 ?? 0) - (b.exons[0]?.start0 ?? 0),
  );
  exonSummary = {
    source: basename(file),
    sha256: hash.digest('hex'),
    transcripts: exonRows.length,
    rule: 'genes of genes.tsv; one transcript each: MANE_Select, Ensembl_canonical, appris_principal_1, CCDS, basic, then longest CDS',
  };
}
writeFileSync(
  join(out, 'exons.tsv'),
  `# Exon structure of protein-coding and panel genes, one transcript each; see manifest.json "exons"\n${EXON_TABLE_HEADER}` +
    exonRows.map(exonTableRow).join(''),
);

const manifest = {
  assembly: 'GRCh38',
  builtBy: 'scripts/buildGenomeAssets.mjs',
  exons: exonSummary,
  sources: Object.fromEntries(Object.entries(sources).map(([f, sha]) => [f, { sha256: sha }])),
  geneSource:
    'Bioconductor org.Hs.eg.db 3.16.0 (Artistic-2.0): protein-coding genes plus panel genes',
  cytobandSource: 'UCSC cytoBandIdeo via igv.js test data (MIT)',
  genes: kept.length,
  panels: panelSummary,
};
writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
process.stdout.write(
  `genes ${kept.length}; exons ${exonRows.length} transcripts; ${panelSummary.map((p) => `${p.id} ${p.genes} (missing ${p.missing.length})`).join('; ')}\n`,
);
