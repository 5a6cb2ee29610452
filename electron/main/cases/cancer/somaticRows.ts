import {
  civicOf,
  clinvarSomaticOf,
  geneRole,
  hotspotOf,
  mafKey,
} from '../../../../shared/cancer/knowledge';
import { parseProteinChange } from '../../../../shared/cancer/proteinChange';
import type { ReadCounts, SomaticCaller } from '../../../../shared/cancer/somaticCalls';
import { germlineLeak, readCounts, readValueProblem } from '../../../../shared/cancer/somaticCalls';
import { proposeTier } from '../../../../shared/cancer/tiering';
import { documentTranslator } from '../../../../shared/i18n/documents';
import { tumourType } from '../../../../shared/cancer/tumourTypes';
import type { ResolvedMember } from '../../../../shared/cases/members';
import type { RowSink } from '../import/caseRows';
import { ImportRefusal } from '../import/importRefusal';
import type { SomaticHook } from './somaticHook';

const LEVELS = ['A', 'B', 'C', 'D', 'E'];
const EN = documentTranslator('en');
const NO_PROTEIN = 'tierEvidence.missing.noProtein';
const NO_PROTEIN_TEXT = EN(NO_PROTEIN);

/**
 * A cancer case's somatic rows (issue 19): the caller's read counts for tumour (member 0) and
 * normal (member 1), the germline-leak flag, the knowledge flags of the allele and the tier
 * proposal with its evidence, in the `somatic` table (shared/cancer/somaticSchema.ts).
 */
export function somaticHook(
  caller: SomaticCaller,
  tumourCode: string | null,
  members: readonly ResolvedMember[],
  sink: RowSink,
  /** The VCF's name, for a refused record's place (issue 19). */
  file: string,
): SomaticHook {
  const type = tumourCode === null ? null : (tumourType(tumourCode) ?? null);
  const hasNormal = members.some((m) => m.role === 'normal');
  return {
    counts(v, column) {
      if (column < 0 || column >= v.record.header.samples.length)
        return { adRef: null, adAlt: null, dp: null, vaf: null };
      const format = v.sample(column);
      const problem = readValueProblem(caller, format);
      if (problem !== undefined) {
        // Issue 19: a count or fraction that cannot be one would make a VAF above 100 % or below 0.
        const sample = v.record.header.samples[column] ?? String(column + 1);
        const value = String(problem.value);
        const what =
          problem.rule === 'count'
            ? 'is negative (a read count cannot be)'
            : 'is not an allele fraction between 0 and 1';
        throw new ImportRefusal({
          text: `${file} line ${String(v.record.line)}, sample ${sample}: ${problem.field} "${value}" ${what}; nothing was imported.`,
          why: {
            code: problem.rule === 'count' ? 'somatic-count' : 'somatic-fraction',
            params: { file, line: v.record.line, sample, field: problem.field, value },
          },
        });
      }
      return readCounts(caller, format, v.ref, v.alt);
    },
    row(vid, v, counts, variant) {
      const t = counts[0] as ReadCounts;
      const n = hasNormal ? (counts[1] ?? null) : null;
      const chrom = v.key.slice(0, v.key.indexOf('-'));
      const maf = mafKey(chrom, v.pos, v.ref, v.alt);
      const protein = parseProteinChange(variant.hgvsp);
      const hotspot = hotspotOf(variant.gene, maf, protein);
      const civic = civicOf(variant.gene, maf, protein);
      const clinvar = clinvarSomaticOf(v.key);
      const role = geneRole(variant.gene);
      const proposal = proposeTier({
        tumourType: type,
        civic,
        hotspot,
        clinvar,
        role,
        popAf: variant.popAf,
      });
      const noProtein = protein === null && variant.gene !== null;
      const missingKeys: readonly string[] = noProtein
        ? [...proposal.missingKeys, NO_PROTEIN]
        : proposal.missingKeys;
      // The proposal's English notes are already worded (decision 0079: not again per call).
      const missing = noProtein ? [...proposal.missing, NO_PROTEIN_TEXT] : proposal.missing;
      let best: string | null = null;
      for (const h of civic)
        for (const e of h.evidence)
          if (best === null || LEVELS.indexOf(e.level) < LEVELS.indexOf(best)) best = e.level;
      sink.somatic?.([
        vid,
        caller,
        t.adRef,
        t.adAlt,
        t.dp,
        t.vaf,
        n?.adRef ?? null,
        n?.adAlt ?? null,
        n?.dp ?? null,
        n?.vaf ?? null,
        germlineLeak(n),
        protein?.short ?? null,
        protein?.position ?? null,
        hotspot?.level ?? null,
        hotspot?.label ?? null,
        hotspot?.tumourCount ?? null,
        best,
        clinvar?.oncogenicity || null,
        role === null
          ? null
          : role.oncogene && role.tumourSuppressor
            ? 'both'
            : role.oncogene
              ? 'oncogene'
              : role.tumourSuppressor
                ? 'tumour_suppressor'
                : null,
        role?.predisposition ?? false,
        proposal.tier,
        proposal.level,
        // English text beside each key, for readers without the catalogue (issue 19).
        JSON.stringify({
          evidence: proposal.evidence,
          missing,
          missingKeys,
        }),
      ]);
    },
  };
}
