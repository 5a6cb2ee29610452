/**
 * A generated case database for the filter equality tests (issue 16, decisions 0045 and 0062):
 * deterministic hashes give `n` alleles over 30 genes (G0..G29, one in ten alleles in a second
 * gene), with every compound-het side mixed within genes, phase sets, and inheritance rows, so the
 * pairing rules are exercised far beyond the planted trio. The query layout is left to the test.
 */
import { consequenceMask } from '../consequences';
import { caseTableDdl } from '../dbSchema';
import { derivedColumnsSql } from '../inheritanceSql';

// h(k, m): a deterministic pseudo-random integer in 0..m-1 per allele and purpose.
const h = (k: number, m: number): string =>
  `(hash(i + ${String(k * 1_000_003)}) % ${String(m)})::INTEGER`;
const IMPACTS = `['HIGH', 'MODERATE', 'LOW', 'MODIFIER'][${h(2, 4)} + 1]`;
const SIDES = `['mother', 'father', 'not_mother', 'not_father', 'de_novo', 'unknown', 'hap1', 'hap2'][${h(6, 8)} + 1]`;

/** The statements that write the generated case into the database attached as `db` (empty). */
export function generatedCaseSql(db: string, n: number): string[] {
  const [N, DB] = [n, db];
  return [
    ...caseTableDdl(DB),
    `INSERT INTO ${DB}.main.variants
    SELECT i, CASE WHEN ${h(1, 10)} = 0 THEN 'X' ELSE CAST(1 + ${h(9, 22)} AS VARCHAR) END,
      1000 + i * 37, 1000 + i * 37 + ${h(10, 3)}, 'A', 'G', 'k' || i, 'bases', NULL, 50.0, NULL,
      ${h(11, 5)} <> 0, i + 10, false, 'G' || ${h(3, 30)}, 'missense_variant', ${consequenceMask(['missense_variant']).toString()}::BIGINT * ${h(12, 2)},
      ${IMPACTS}, 0, NULL, NULL, NULL,
      CASE WHEN ${h(4, 7)} = 0 THEN NULL ELSE ${h(4, 1000)} / 20000.0 END, NULL, NULL, NULL,
      1 + ${h(5, 2)}, '0/1', ${h(13, 60)}, ${h(14, 40)}, ${h(15, 100)} / 100.0, NULL, NULL
    FROM range(${String(N)}) t(i)`,
    `UPDATE ${DB}.main.variants SET impact_rank = CASE impact WHEN 'HIGH' THEN 4
    WHEN 'MODERATE' THEN 3 WHEN 'LOW' THEN 2 ELSE 1 END`,
    // Every allele in its gene, one in ten also in a second gene.
    `INSERT INTO ${DB}.main.variant_genes
    SELECT vid, gene FROM ${DB}.main.variants
    UNION ALL SELECT i, 'G' || ${h(7, 30)} FROM range(${String(N)}) t(i) WHERE ${h(8, 10)} = 0`,
    `INSERT INTO ${DB}.main.comphet_sides (vid, gene, side, ps)
    SELECT DISTINCT ON (vg.vid, vg.gene) vg.vid, vg.gene, ${SIDES.replaceAll('(i +', '(vg.vid +')},
      CASE WHEN ${h(16, 2).replaceAll('(i +', '(vg.vid +')} = 0 THEN 1 ELSE 2 END
    FROM ${DB}.main.variant_genes vg WHERE ${h(17, 3).replaceAll('(i +', '(vg.vid +')} = 0`,
    `UPDATE ${DB}.main.comphet_sides SET ps = NULL WHERE side NOT LIKE 'hap%'`,
    `INSERT INTO ${DB}.main.inheritance
    SELECT i, ['autosomal_dominant', 'de_novo', 'homozygous_recessive'][${h(18, 3)} + 1],
      CASE WHEN ${h(19, 2)} = 0 THEN 'confirmed' ELSE 'possible' END
    FROM range(${String(N)}) t(i) WHERE ${h(20, 4)} = 0`,
    derivedColumnsSql(DB),
  ];
}
