#!/usr/bin/env node
// Derives the case ranking's reference tables (shared/ranking/annotations.data.ts) from the HPO
// release in ../shared/data (issue 17): every disease of phenotype.hpoa with its label, annotated
// phenotype terms (with frequency where given), excluded (NOT) terms, mode-of-inheritance and
// clinical-course terms; the disease -> gene links of genes_to_phenotype; and the alternative /
// replaced HP ids of hp.json, so a patient term written with an old id still finds its current term.
// Gene symbols are the org.Hs.eg.db ones the case VCFs use (hg38.genes.orgHsEgDb), keyed by Entrez id.
// A compact factual table, not a copy of the sources. Run:
//   node scripts/buildRankingTables.mjs [dataDir] [outFile]
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const data = process.argv[2] ?? join(root, '..', 'shared', 'data');
const outFile = process.argv[3] ?? join(root, 'shared', 'ranking', 'annotations.data.ts');
const SRC = {
  hpo: 'hpo/hp.v2024-08-13.json.gz',
  hpoa: 'hpo/phenotype.hpoa.gz',
  g2p: 'hpo/genes_to_phenotype.txt.gz',
  genes: 'grch38/hg38.genes.orgHsEgDb-3.16.0.tsv.gz',
};
const PREFIX = 'http://purl.obolibrary.org/obo/HP_';
const raw = Object.fromEntries(
  Object.entries(SRC).map(([k, f]) => [k, readFileSync(join(data, f))]),
);
const text = (k) => gunzipSync(raw[k]).toString('utf8');
const sha = (k) => createHash('sha256').update(raw[k]).digest('hex');
const clean = (s) => s.replace(/[\t\r\n|]+/g, ' ').trim();
// HP ids are stored as their number without leading zeros ("HP:0001250" -> "1250").
const num = (curie) => String(Number(curie.slice(3)));

// --- the ontology: current terms, and old ids (alternative or replaced) -> current term
const graph = JSON.parse(text('hpo')).graphs[0];
const current = new Set();
const alt = new Map();
for (const n of graph.nodes) {
  if (!n.id.startsWith(PREFIX) || n.type !== 'CLASS') continue;
  const id = `HP:${n.id.slice(PREFIX.length)}`;
  const props = n.meta?.basicPropertyValues ?? [];
  if (n.meta?.deprecated === true) {
    const by = props.find((b) => b.pred.endsWith('IAO_0100001'))?.val;
    if (typeof by === 'string')
      alt.set(id, by.startsWith(PREFIX) ? `HP:${by.slice(PREFIX.length)}` : by);
    continue;
  }
  if (typeof n.lbl !== 'string') continue;
  current.add(id);
  for (const b of props) if (b.pred.endsWith('#hasAlternativeId')) alt.set(b.val, id);
}
const resolve = (id) => (current.has(id) ? id : current.has(alt.get(id)) ? alt.get(id) : null);
const hpoVersion = /releases\/(\d{4}-\d{2}-\d{2})\//.exec(graph.meta.version)?.[1];

// --- frequencies: HPO frequency terms (their stated ranges' midpoints), n/m and percentages
const FREQ_TERMS = {
  'HP:0040280': 100,
  'HP:0040281': 90,
  'HP:0040282': 55,
  'HP:0040283': 17,
  'HP:0040284': 2.5,
  'HP:0040285': 0,
};
function percent(f) {
  if (f === '') return null;
  if (f in FREQ_TERMS) return FREQ_TERMS[f];
  const frac = /^(\d+)\/(\d+)$/.exec(f);
  if (frac) return Number(frac[2]) === 0 ? null : (100 * Number(frac[1])) / Number(frac[2]);
  const pct = /^([\d.]+)%$/.exec(f);
  if (pct) return Number(pct[1]);
  throw new Error(`${SRC.hpoa}: unknown frequency '${f}'`);
}

// --- phenotype.hpoa: one record per disease
const hpoaText = text('hpoa');
const hpoaDate = /^#date: (\S+)/m.exec(hpoaText)?.[1];
const diseases = new Map();
let dropped = 0;
for (const line of hpoaText.split('\n')) {
  if (line === '' || line.startsWith('#')) continue;
  const [id, name, qualifier, term, , , , freq = '', , , aspect] = line.split('\t');
  let d = diseases.get(id);
  if (!d)
    diseases.set(
      id,
      (d = {
        id,
        label: clean(name),
        freq: new Map(),
        not: new Set(),
        inh: new Set(),
        course: new Set(),
      }),
    );
  const t = resolve(term);
  if (t === null) {
    dropped++;
    continue;
  }
  if (aspect === 'I') d.inh.add(t);
  else if (aspect === 'C') d.course.add(t);
  else if (aspect !== 'P') continue;
  else if (qualifier === 'NOT' || percent(freq) === 0) d.not.add(t);
  else {
    const list = d.freq.get(t) ?? [];
    const p = percent(freq);
    if (p !== null) list.push(p);
    d.freq.set(t, list);
  }
}

// --- genes: Entrez id -> org.Hs.eg.db symbol (the VCF's), and disease -> gene links
const egSymbol = new Map();
for (const line of text('genes').split('\n')) {
  const f = line.split('\t');
  if (f.length > 4 && /^\d+$/.test(f[4]) && !egSymbol.has(f[4])) egSymbol.set(f[4], f[3]);
}
const genes = new Map(); // entrez -> { symbol, alias }
const links = new Map(); // disease id -> Set(entrez)
const g2pText = text('g2p');
for (const line of g2pText.split('\n')) {
  const f = line.split('\t');
  if (!/^\d+$/.test(f[0] ?? '') || !f[8]) continue;
  const symbol = egSymbol.get(f[0]) ?? f[1];
  if (!genes.has(f[0])) genes.set(f[0], { symbol, alias: f[1] !== symbol ? f[1] : '' });
  if (!diseases.has(f[8])) continue;
  links.set(f[8], (links.get(f[8]) ?? new Set()).add(f[0]));
}
const geneList = [...genes.entries()].sort((a, b) => Number(a[0]) - Number(b[0]));
const geneIndex = new Map(geneList.map(([eg], i) => [eg, i]));

const byNum = (a, b) => Number(a.slice(3)) - Number(b.slice(3));
const nums = (set) => [...set].sort(byNum).map(num).join(',');
const mean = (xs) => xs.reduce((s, x) => s + x, 0) / xs.length;
const diseaseLines = [...diseases.values()]
  .sort((a, b) => a.id.localeCompare(b.id))
  .map((d) => {
    const terms = [...d.freq.entries()]
      .sort((a, b) => byNum(a[0], b[0]))
      .map(([t, ps]) =>
        ps.length === 0 ? num(t) : `${num(t)}:${Math.max(1, Math.round(mean(ps)))}`,
      )
      .join(',');
    const gs = [...(links.get(d.id) ?? [])].map((eg) => geneIndex.get(eg)).sort((a, b) => a - b);
    return [d.id, d.label, nums(d.inh), nums(d.course), gs.join(','), terms, nums(d.not)].join(
      '\t',
    );
  });
const geneLines = geneList.map(([eg, g]) => [eg, g.symbol, g.alias].join('\t'));
const altLines = [...alt.entries()]
  .filter(([, to]) => current.has(to))
  .sort((a, b) => byNum(a[0], b[0]))
  .map(([from, to]) => `${num(from)}:${num(to)}`);

const g2pHeader = g2pText.slice(0, g2pText.indexOf('\n'));
writeFileSync(
  outFile,
  `// Generated by scripts/buildRankingTables.mjs: do not edit by hand.
// Sources (../shared/data; HPO annotations and ontology: https://hpo.jax.org/app/license):
//   ${SRC.hpoa} (date ${hpoaDate}) sha256 ${sha('hpoa')}
//   ${SRC.g2p} (${g2pHeader.startsWith('#Format') ? '2023 format' : 'current format'}) sha256 ${sha('g2p')}
//   ${SRC.hpo} (release ${hpoVersion}) sha256 ${sha('hpo')}
//   ${SRC.genes} (gene symbols as the case VCFs write them) sha256 ${sha('genes')}
// ${String(diseases.size)} diseases, ${String(geneList.length)} genes, ${String(altLines.length)} old HP ids; ${String(dropped)} annotation rows dropped (term not in HPO ${hpoVersion}).
// HP ids are numbers without leading zeros (1250 = HP:0001250).
// DISEASES: id, label, inheritance terms, clinical-course terms, gene indices (into GENES),
//   phenotype terms ('term' or 'term:percent' where a frequency is given), excluded (NOT) terms.
// GENES: Entrez id, symbol (org.Hs.eg.db), symbol in genes_to_phenotype when it differs.
// HPO_ALT: old id:current id (alternative ids and replaced obsolete terms).
export const ANNOTATIONS_VERSION = { hpoa: '${hpoaDate}', hpo: '${hpoVersion}' } as const;
export const DISEASES_TSV: string = ${JSON.stringify(diseaseLines.join('\n'))};
export const GENES_TSV: string = ${JSON.stringify(geneLines.join('\n'))};
export const HPO_ALT: string = ${JSON.stringify(altLines.join(','))};
`,
);
process.stdout.write(
  `${outFile}: ${String(diseases.size)} diseases, ${String(geneList.length)} genes, ${String(altLines.length)} alt ids, ${String(dropped)} rows dropped\n`,
);
