import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packagedResource } from '../platform/resources';
import type { Panel } from '../../../shared/cases/channels';
import type { PanelId } from '../../../shared/cases/filterNames';
import { PANEL_IDS } from '../../../shared/cases/filterNames';
import { cohortChrom } from '../../../shared/vcf';

/**
 * The offline GRCh38 tables the Browser already ships (resources/genome, scripts/buildGenomeAssets.mjs),
 * read in main for the case import (the genes an unannotated allele overlaps) and the panel filters.
 */

/** resources/genome from the source tree (tsx, tests) or beside the bundles (out/main, out/server). */
export function genomeAssetsDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [
    process.env.COHORT_DESK_GENOME_DIR,
    packagedResource('genome'),
    join(here, '..', '..', '..', 'resources', 'genome'),
    join(here, '..', '..', 'resources', 'genome'),
    join(process.cwd(), 'resources', 'genome'),
  ];
  const dir = candidates.find((d) => d !== undefined && existsSync(join(d, 'genes.tsv')));
  if (dir === undefined)
    throw new Error('resources/genome is missing (run scripts/buildGenomeAssets.mjs)');
  return dir;
}

/** Gene spans per chromosome, for "which genes does this allele overlap". */
export interface GeneIndex {
  genesAt(chrom: string, start: number, end: number): string[];
}

interface ChromGenes {
  start: Int32Array;
  end: Int32Array;
  /** Running maximum of `end`, so a search can stop early. */
  maxEnd: Int32Array;
  symbol: string[];
}

/** Builds the index from genes.tsv (0-based starts, exclusive ends). */
export function loadGeneIndex(dir = genomeAssetsDir()): GeneIndex {
  const rows = new Map<string, [number, number, string][]>();
  for (const line of readFileSync(join(dir, 'genes.tsv'), 'utf8').split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const [chrom = '', s = '', e = '', symbol = ''] = line.split('\t');
    const c = cohortChrom(chrom);
    const list = rows.get(c) ?? [];
    list.push([Number(s), Number(e), symbol]);
    rows.set(c, list);
  }
  const byChrom = new Map<string, ChromGenes>();
  for (const [c, list] of rows) {
    list.sort((a, b) => a[0] - b[0]);
    const maxEnd = new Int32Array(list.length);
    let m = 0;
    list.forEach((r, i) => {
      m = Math.max(m, r[1]);
      maxEnd[i] = m;
    });
    byChrom.set(c, {
      start: Int32Array.from(list.map((r) => r[0])),
      end: Int32Array.from(list.map((r) => r[1])),
      maxEnd,
      symbol: list.map((r) => r[2]),
    });
  }
  return {
    genesAt(chrom, start, end) {
      const g = byChrom.get(chrom);
      if (g === undefined) return [];
      // Last gene starting before the allele's end (1-based pos → 0-based start < end).
      let lo = 0;
      let hi = g.start.length - 1;
      let last = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if ((g.start[mid] ?? 0) < end) {
          last = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      const out: string[] = [];
      for (let i = last; i >= 0 && (g.maxEnd[i] ?? 0) > start; i--)
        if ((g.end[i] ?? 0) > start) out.push(g.symbol[i] ?? '');
      return out;
    },
  };
}

const LABELS: Record<PanelId, string> = {
  'acmg-sf': 'ACMG secondary findings',
  cancer: 'Cancer predisposition (CPSR superpanel)',
  epilepsy: 'Epilepsy (Genes4Epilepsy)',
};

/** The shipped panels with their versions (manifest.json) and gene symbols (panel-*.bed). */
export function loadPanels(dir = genomeAssetsDir()): Panel[] {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    panels?: { id: string; version: string }[];
  };
  return PANEL_IDS.map((id) => {
    const genes = new Set<string>();
    for (const line of readFileSync(join(dir, `panel-${id}.bed`), 'utf8').split('\n')) {
      const symbol = line.split('\t')[3];
      if (symbol !== undefined && symbol !== '') genes.add(symbol);
    }
    return {
      id,
      label: LABELS[id],
      version: manifest.panels?.find((p) => p.id === id)?.version ?? 'unknown',
      genes: [...genes].sort(),
    };
  });
}
