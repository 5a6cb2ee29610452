import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packagedResource } from '../platform/resources';
import { gunzipSync } from 'node:zlib';
import type { ClinvarAssertion, ClinvarGene, ClinvarLookup } from '../../../shared/acmg/clinvar';
import { isPathogenicAssertion } from '../../../shared/acmg/clinvar';
import { variantKey } from '../../../shared/vcf';

/**
 * The app's compact ClinVar table (resources/knowledge/clinvar.grch38.tsv.gz, built from the GRCh38
 * extract in ../shared/data/knowledge by scripts/buildClinvarTable.mjs), read once in main and
 * matched on the case's minimal-representation key (decision 0021).
 */

const FILE = 'clinvar.grch38.tsv.gz';

function knowledgeDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [
    process.env.COHORT_DESK_KNOWLEDGE_DIR,
    packagedResource('knowledge'),
    join(here, '..', '..', '..', 'resources', 'knowledge'),
    join(here, '..', '..', 'resources', 'knowledge'),
    join(process.cwd(), 'resources', 'knowledge'),
  ];
  const dir = candidates.find((d) => d !== undefined && existsSync(join(d, FILE)));
  if (dir === undefined)
    throw new Error(`resources/knowledge/${FILE} is missing (run scripts/buildClinvarTable.mjs)`);
  return dir;
}

export interface ClinvarTable {
  readonly release: string;
  readonly source: string;
  lookup(variantKeys: readonly string[], genes: readonly string[]): ClinvarLookup;
}

/** Parses the table's text (its first line names the release). */
export function parseClinvarTable(text: string): ClinvarTable {
  const lines = text.split('\n');
  const release = /release (\d{4}-\d{2}-\d{2})/.exec(lines[0] ?? '')?.[1] ?? 'unknown';
  const source = `ClinVar GRCh38 ${release} (hereditary-cancer subset)`;
  const byKey = new Map<string, ClinvarAssertion>();
  const genes = new Map<string, { pathogenic: number; pathogenicNull: number }>();
  for (const line of lines.slice(2)) {
    if (line === '') continue;
    const [chrom, pos, ref, alt, id, gene, sig, review, stars, condition, isNull] =
      line.split('\t');
    if (chrom === undefined || pos === undefined || ref === undefined || alt === undefined)
      continue;
    const key = variantKey(chrom, Number(pos), ref, alt);
    const g = gene ?? '';
    byKey.set(key, {
      variantKey: key,
      variationId: id ?? '',
      gene: g,
      significance: sig ?? '',
      reviewStatus: review ?? '',
      stars: Number(stars ?? 0),
      condition: condition ?? '',
      source,
      date: release,
    });
    const s = genes.get(g) ?? { pathogenic: 0, pathogenicNull: 0 };
    if (isPathogenicAssertion(sig ?? '') && Number(stars ?? 0) >= 1) {
      s.pathogenic++;
      if (isNull === '1') s.pathogenicNull++;
    }
    genes.set(g, s);
  }
  const covered = [...genes.keys()].sort();
  return {
    release,
    source,
    lookup(keys, names) {
      const variants = keys.flatMap((k) => {
        const a = byKey.get(k);
        return a === undefined ? [] : [a];
      });
      const out: ClinvarGene[] = names.flatMap((gene) => {
        const s = genes.get(gene);
        return s === undefined ? [] : [{ gene, ...s }];
      });
      return { release, source, coveredGenes: covered, variants, genes: out };
    },
  };
}

let table: ClinvarTable | undefined;

/** The table, read on first use. */
export function clinvarTable(): ClinvarTable {
  table ??= parseClinvarTable(
    gunzipSync(readFileSync(join(knowledgeDir(), FILE))).toString('utf8'),
  );
  return table;
}
