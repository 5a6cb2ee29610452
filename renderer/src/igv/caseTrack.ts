import { familyCallsSql } from '../../../shared/cases/reviewSql';
import { cacheChrom } from './cohortReader';
import type { CaseSource } from './dataSources';
import type { IgvFeature, IgvTrackConfig } from './igvTypes';
import type { TrackSpec } from './session';

/*
 * The patient's own track from a case (issues 16, 8): igv's variant track over the case database
 * attached in duckdb-wasm, one genotype row per family member (the proband first), read for the
 * region in view. The Browser page hands the open case in (dataSources.ts, issue 14).
 */

/** The popup marker a click on this track carries (igvEvents reads clicks as the patient's own). */
export const CASE_SOURCE = 'patient case';
const MAX_VARIANTS = 1000;

type Popup = { name: string; value: string }[];
type Row = Record<string, unknown>;
const str = (v: unknown): string =>
  typeof v === 'string'
    ? v
    : typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean'
      ? String(v)
      : v == null
        ? ''
        : JSON.stringify(v);
const num = (v: unknown): number | null =>
  typeof v === 'number' ? v : v == null ? null : Number(v);

/** One member's call as igv draws it: alleles 0/1 per copy, '.' for a missing call. */
function call(r: Row, sample: string, variant: Popup) {
  const alt = num(r.alt_count);
  const ploidy = num(r.ploidy) ?? 2;
  const genotype: (0 | 1 | '.')[] =
    alt === null
      ? ['.', '.']
      : ploidy === 1
        ? [alt >= 1 ? 1 : 0]
        : [alt >= 2 ? 1 : 0, alt >= 1 ? 1 : 0];
  const zygosity =
    alt === null ? 'nocall' : alt === 0 ? 'homref' : alt >= 2 || ploidy === 1 ? 'homvar' : 'hetvar';
  const score = { homvar: 4, hetvar: 3, homref: 2, nocall: 1 }[zygosity];
  const details: Popup = [
    { name: 'Member', value: sample },
    { name: 'Genotype', value: str(r.gt) },
    ...(['gq', 'dp', 'ab'] as const)
      .filter((k) => r[k] != null)
      .map((k) => ({
        name: k.toUpperCase(),
        value: str(k === 'ab' ? Number(r[k]).toFixed(2) : r[k]),
      })),
  ];
  return {
    sample,
    genotype,
    zygosity,
    zygosityScore: () => score,
    popupData: () => [...variant, ...details],
  };
}

/** Names a member's row: "P (proband, affected)". */
const memberName = (r: Row): string =>
  `${str(r.member_id)} (${str(r.role)}${r.affected === true ? ', affected' : r.affected === false ? ', unaffected' : ''})`;

/** igv variant features with a call per member, from familyCallsSql rows (ordered by variant, member). */
export function caseVariants(rows: readonly Row[], chr: string): IgvFeature[] {
  const out: IgvFeature[] = [];
  let current: { key: string; calls: ReturnType<typeof call>[]; popup: Popup } | undefined;
  for (const r of rows) {
    const key = str(r.variant_key);
    if (current?.key !== key) {
      const pos = num(r.pos) ?? 0;
      const ref = str(r.ref);
      const alt = str(r.alt);
      const popup: Popup = [
        { name: 'Chr', value: chr },
        { name: 'Pos', value: String(pos) },
        { name: 'Ref', value: ref },
        { name: 'Alt', value: alt },
        { name: 'Gene', value: str(r.gene) },
        { name: 'Consequence', value: str(r.consequence) },
        {
          name: 'HGVS',
          value: [r.hgvs_c, r.hgvs_p]
            .filter((x) => x != null)
            .map(str)
            .join(' '),
        },
        { name: 'Population AF', value: r.pop_af == null ? '—' : str(r.pop_af) },
        { name: 'FILTER', value: r.filters == null ? '.' : str(r.filters) },
        { name: 'Source', value: CASE_SOURCE },
      ];
      current = { key, calls: [], popup };
      const calls = current.calls;
      out.push({
        chr,
        start: pos - 1,
        end: pos - 1 + Math.max(1, ref.length),
        pos,
        variantKey: key,
        referenceBases: ref,
        alternateBases: alt,
        type: ref.length === 1 && alt.length === 1 ? 'SNP' : 'INDEL',
        calls,
        alleleFreq: () => num(r.pop_af) ?? 0,
        isFiltered: () => r.filters != null && r.filters !== 'PASS',
        getAttributeValue: () => undefined,
        popupData: () => popup,
      } as IgvFeature);
    }
    current.calls.push(call(r, memberName(r), current.popup));
  }
  return out;
}

/** The track's config for the open case, or why it cannot be shown now (another case or none is open). */
export function caseTrackConfig(
  spec: TrackSpec,
  source: CaseSource | undefined,
): IgvTrackConfig | { missing: string } {
  if (source === undefined || source.caseId !== spec.source)
    return { missing: `open case ${spec.source ?? ''} on Case review` };
  let header: Promise<{ sampleNameMap: Map<string, number> }> | undefined;
  const readHeader = (): Promise<{ sampleNameMap: Map<string, number> }> => {
    header ??= source
      .query(
        `SELECT member_id, role, affected FROM ${source.alias}.main.samples ORDER BY sample_idx`,
        [],
      )
      .then((rows) => ({ sampleNameMap: new Map(rows.map((r, i) => [memberName(r), i])) }));
    return header;
  };
  return {
    name: spec.name,
    id: spec.id,
    removable: false,
    type: 'variant',
    reader: {
      readHeader,
      async readFeatures(chr, start, end) {
        if (chr.toLowerCase() === 'all') return [];
        await readHeader();
        const rows = await source.query(
          familyCallsSql(
            source.alias,
            { chrom: cacheChrom(chr), start: start + 1, end },
            MAX_VARIANTS,
          ),
          [],
        );
        return caseVariants(rows, chr);
      },
    },
    showGenotypes: true,
    displayMode: 'EXPANDED',
    visibilityWindow: 1_000_000,
    color: '#b2182b',
    order: 3.2,
  };
}
