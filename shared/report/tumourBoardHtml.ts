import { z } from 'zod';
import type { CancerRecord, TierReview } from '../cancer/cancerCase';
import type { SomaticRow } from '../cancer/channels';
import { tumourType } from '../cancer/tumourTypes';
import { formatCount } from '../search/aggregate';
import type { SeenAnswer } from '../seen/channels';
import { esc } from './reportHtml';

/**
 * The tumour-board part of a cancer case's report (issue 19): tiered somatic findings with the
 * evidence behind each proposal and the oncologist's confirmed tier, the knowledge they came from
 * with its version, the federated carriers per node dataset and tumour type with provenance, the
 * germline findings, and the limitations. Appended to the case report (same export and audit).
 */

export interface TumourBoardData {
  readonly cancer: CancerRecord;
  readonly rows: readonly SomaticRow[];
  /** The federation's stored answers for the case (seen-before store). */
  readonly answers: readonly SeenAnswer[];
  readonly knowledge: {
    readonly hotspots: string;
    readonly civic: string;
    readonly clinvar: string;
  };
}

const TierJson = z.object({
  evidence: z
    .array(z.object({ kind: z.string(), text: z.string(), ref: z.string().optional() }))
    .catch([]),
  missing: z.array(z.string()).catch([]),
});

const TIER_ORDER = ['I', 'II', 'III', 'IV'];
const pct = (x: number | null): string => (x === null ? '–' : `${(x * 100).toFixed(1)}%`);
const tierText = (tier: string, level: string | null): string =>
  `Tier ${tier}${level === null ? '' : ` (level ${level})`}`;
const variantName = (r: SomaticRow): string =>
  `${r.gene ?? ''} ${r.protein_change ?? r.hgvs_p ?? r.variant_key}`.trim();

/** The allele key the seen-before store uses (candidateKey), from a somatic row. */
const alleleKey = (r: SomaticRow): string =>
  `${r.chrom.replace(/^chr/i, '')}-${String(r.pos)}-${r.ref}-${r.alt}`;

function evidenceList(r: SomaticRow): string {
  const parsed = TierJson.safeParse(JSON.parse(r.tier_json || '{}'));
  const j = parsed.success ? parsed.data : { evidence: [], missing: [] };
  const items = [
    ...j.evidence.map(
      (e) =>
        `<li>${esc(e.text)}${e.ref === undefined ? '' : ` [${esc(e.kind)} ${esc(e.ref)}]`}</li>`,
    ),
    ...j.missing.map((m) => `<li><em>Not known: ${esc(m)}</em></li>`),
  ];
  return items.length === 0 ? 'No evidence in the knowledge tables.' : `<ul>${items.join('')}</ul>`;
}

function confirmed(review: TierReview | undefined): string {
  if (review === undefined) return '<span class="draft">Not confirmed</span>';
  const note = review.note === '' ? '' : `: ${esc(review.note)}`;
  const what = `${review.tier}${review.level ?? ''}` === review.proposed ? 'confirmed' : 'changed';
  return `${tierText(review.tier, review.level)}, ${what} ${esc(review.at)}${note}`;
}

function datasetText(d: NonNullable<SeenAnswer['datasets']>[number]): string {
  if (!d.exists) return 'none';
  return d.count === undefined ? 'yes (no count for this access)' : formatCount(d.count);
}

/** One variant's federated evidence: per node dataset, all carriers and per tumour type. */
function federated(r: SomaticRow, answers: readonly SeenAnswer[]): string {
  const key = alleleKey(r);
  const mine = answers.filter((a) => a.key === key || a.key.startsWith(`${key}@`));
  if (mine.length === 0) return '<p>Not looked up in the federation.</p>';
  const lines: string[] = [];
  for (const a of mine.filter((x) => x.key === key)) {
    const node = `${esc(a.nodeName)} (${esc(a.country)}), as of ${esc(a.at)}`;
    if (a.status !== 'ok') {
      lines.push(
        `<li>${node}: ${esc(a.status)}${a.message === undefined ? '' : `: ${esc(a.message)}`}</li>`,
      );
      continue;
    }
    const typed = mine.filter((x) => x.nodeId === a.nodeId && x.key !== key);
    const offeredNot = typed
      .filter((x) => x.notOffered === true)
      .map((x) => x.key.slice(key.length + 1));
    const datasets = (a.datasets ?? []).map((d) => {
      const byType = typed.flatMap((x) => {
        const t = x.datasets?.find((y) => y.id === d.id);
        return t?.exists === true ? [`${x.key.slice(key.length + 1)} ${datasetText(t)}`] : [];
      });
      return `${esc(d.id)} (${d.granularity}): ${esc(datasetText(d))}${
        byType.length === 0 ? '' : `; by tumour type: ${esc(byType.join(', '))}`
      }`;
    });
    lines.push(
      `<li>${node}: ${datasets.length === 0 ? (a.exists === true ? 'yes, in a dataset not listed to you' : 'none') : datasets.join('; ')}${
        offeredNot.length === 0
          ? ''
          : `. Tumour types the node does not offer: ${esc(offeredNot.join(', '))}`
      }</li>`,
    );
  }
  return `<ul>${lines.join('')}</ul>`;
}

/** The tumour-board section (HTML fragment) of a cancer case's report. */
export function tumourBoardHtml(d: TumourBoardData): string {
  const c = d.cancer;
  const type = c.tumourType === null ? undefined : tumourType(c.tumourType);
  const reviews = new Map((c.reviews ?? []).map((x) => [x.variantKey, x]));
  const somatic = d.rows
    .filter((r) => !r.germline_leak)
    .sort((a, b) => TIER_ORDER.indexOf(a.tier) - TIER_ORDER.indexOf(b.tier));
  const leaks = d.rows.filter((r) => r.germline_leak);
  const somaticRows = somatic.map(
    (r) => `<tr class="variant" data-variant="${esc(r.variant_key)}">
<td>${esc(variantName(r))}<br><small>${esc(r.variant_key)}</small></td>
<td>${pct(r.t_vaf)} (${String(r.t_dp ?? '–')} reads)</td><td>${pct(r.n_vaf)}</td>
<td>${tierText(r.tier, r.tier_level)}${evidenceList(r)}</td>
<td>${confirmed(reviews.get(r.variant_key))}</td>
<td>${r.hotspot_label === null ? '–' : `Hotspot ${esc(r.hotspot_label)} (${String(r.hotspot_tumours ?? 0)} tumours, cancerhotspots)`}${
      r.civic_level === null ? '' : `<br>CIViC best level ${esc(r.civic_level)}`
    }</td></tr>`,
  );
  const fed = somatic.map((r) => `<h4>${esc(variantName(r))}</h4>${federated(r, d.answers)}`);
  return `<section class="tumour-board" id="tumour-board">
<h2>Tumour board: somatic findings</h2>
<p>Tumour type: ${type === undefined ? 'not given' : `${esc(type.name)} (OncoTree ${esc(type.code)})`}; purity: ${
    c.purity === null ? 'not known' : pct(c.purity)
  }; caller: ${esc(c.caller)}; tumour sample ${esc(c.tumour)}, ${c.normal === null ? 'tumour-only' : `normal sample ${esc(c.normal)}`}.</p>
<table><thead><tr><th>Variant</th><th>Tumour VAF</th><th>Normal VAF</th><th>Proposed AMP/ASCO/CAP 2017 tier and evidence</th><th>Oncologist's tier</th><th>Hotspot / CIViC</th></tr></thead>
<tbody>${somaticRows.join('') || '<tr><td colspan="6">No somatic calls.</td></tr>'}</tbody></table>
<h3>Knowledge used</h3>
<ul><li>Cancer hotspots: ${esc(d.knowledge.hotspots)}</li><li>CIViC: ${esc(d.knowledge.civic)}</li><li>ClinVar (oncogenicity, somatic impact): ${esc(d.knowledge.clinvar)}</li></ul>
<h3>Federated carriers per node dataset and tumour type</h3>
${fed.join('')}
<h3>Germline findings</h3>
${
  leaks.length === 0
    ? '<p>No call with a normal VAF of 10% or more on at least 2 reads.</p>'
    : `<p>Calls whose normal sample carries the allele (normal VAF ≥ 10% on ≥ 2 reads): probably germline, to confirm in a germline test.</p><ul>${leaks
        .map(
          (r) =>
            `<li>${esc(variantName(r))} (${esc(r.variant_key)}): normal VAF ${pct(r.n_vaf)}${r.predisposition_gene ? ', in a cancer-predisposition gene (CPSR superpanel)' : ''}</li>`,
        )
        .join('')}</ul>`
}
<p>A germline VCF and the CPSR-style predisposition sheet are not part of this case.</p>
<h3>Limitations</h3>
<ul><li>Tiers are proposals from the knowledge tables above; the oncologist's tier is the decision.</li>
<li>CIViC is a 2018 release on GRCh37, reached on GRCh38 through hotspot alleles and protein changes; newer evidence is missing.</li>
<li>Federated counts are as each node allows (yes/no, rounded, "&lt;N", records) and never made exact; a tumour type a node does not offer was not asked.</li></ul>
</section>`;
}
