import type { CancerRecord, TierReview } from '../cancer/cancerCase';
import type { SomaticRow } from '../cancer/channels';
import { tumourType } from '../cancer/tumourTypes';
import { formatCount } from '../search/aggregate';
import type { DocumentT } from '../i18n/documents';
import { documentTranslator } from '../i18n/documents';
import { formatDateTime, formatPercent } from '../i18n/format';
import type { Language } from '../i18n/languages';
import type { SeenAnswer } from '../seen/channels';
import { esc } from './reportHtml';
import { tierLines } from '../cancer/tierJson';
import type { GermlineFindings } from './tumourBoardGermline';
import { germlineSection } from './tumourBoardGermline';

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
  /** The predisposition superpanel on the germline sample and its ACMG reviews (issue 19). */
  readonly germline?: GermlineFindings;
  /** The case's somatic calls in all, when `rows` lists fewer: the report says so (issue 19). */
  readonly calls?: number;
}

const TIER_ORDER = ['I', 'II', 'III', 'IV'];

interface Ctx {
  readonly t: DocumentT;
  readonly lang: Language;
  readonly pct: (x: number | null) => string;
}

const tierText = (c: Ctx, tier: string, level: string | null): string =>
  level === null
    ? c.t('tumourBoard.tier', { tier })
    : c.t('tumourBoard.tierLevel', { tier, level });
export const variantName = (r: {
  gene: string | null;
  protein_change?: string | null;
  hgvs_p: string | null;
  variant_key: string;
}): string => `${r.gene ?? ''} ${r.protein_change ?? r.hgvs_p ?? r.variant_key}`.trim();

/** The allele key the seen-before store uses (candidateKey), from a somatic row. */
const alleleKey = (r: SomaticRow): string =>
  `${r.chrom.replace(/^chr/i, '')}-${String(r.pos)}-${r.ref}-${r.alt}`;

function evidenceList(c: Ctx, r: SomaticRow): string {
  const j = tierLines(c.t, r.tier_json);
  const items = [
    ...j.evidence.map(
      (e) =>
        `<li>${esc(e.text)}${e.ref === undefined ? '' : ` [${esc(e.kind)} ${esc(e.ref)}]`}</li>`,
    ),
    ...j.missing.map((m) => `<li><em>${esc(c.t('tumourBoard.notKnown', { what: m }))}</em></li>`),
  ];
  return items.length === 0 ? esc(c.t('tumourBoard.noEvidence')) : `<ul>${items.join('')}</ul>`;
}

function confirmed(c: Ctx, review: TierReview | undefined): string {
  if (review === undefined)
    return `<span class="draft">${esc(c.t('tumourBoard.notConfirmed'))}</span>`;
  const note = review.note === '' ? '' : `: ${esc(review.note)}`;
  const what = `${review.tier}${review.level ?? ''}` === review.proposed ? 'confirmed' : 'changed';
  return `${esc(
    c.t(`tumourBoard.${what}`, {
      tier: tierText(c, review.tier, review.level),
      at: formatDateTime(review.at, c.lang),
    }),
  )}${note}`;
}

function datasetText(c: Ctx, d: NonNullable<SeenAnswer['datasets']>[number]): string {
  if (!d.exists) return c.t('tumourBoard.federation.none');
  return d.count === undefined ? c.t('tumourBoard.federation.noCount') : formatCount(d.count);
}

/** One variant's federated evidence: per node dataset, all carriers and per tumour type. */
function federated(c: Ctx, r: SomaticRow, answers: readonly SeenAnswer[]): string {
  const key = alleleKey(r);
  const mine = answers.filter((a) => a.key === key || a.key.startsWith(`${key}@`));
  if (mine.length === 0) return `<p>${esc(c.t('tumourBoard.federation.notLookedUp'))}</p>`;
  const lines: string[] = [];
  for (const a of mine.filter((x) => x.key === key)) {
    const node = esc(
      c.t('tumourBoard.federation.node', {
        node: a.nodeName,
        country: a.country,
        at: formatDateTime(a.at, c.lang),
      }),
    );
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
        return t?.exists === true ? [`${x.key.slice(key.length + 1)} ${datasetText(c, t)}`] : [];
      });
      return `${esc(d.id)} (${esc(d.granularity)}): ${esc(datasetText(c, d))}${
        byType.length === 0
          ? ''
          : `; ${esc(c.t('tumourBoard.federation.byType', { types: byType.join(', ') }))}`
      }`;
    });
    const none =
      a.exists === true
        ? c.t('tumourBoard.federation.unlisted')
        : c.t('tumourBoard.federation.none');
    lines.push(
      `<li>${node}: ${datasets.length === 0 ? esc(none) : datasets.join('; ')}${
        offeredNot.length === 0
          ? ''
          : `. ${esc(c.t('tumourBoard.federation.notOffered', { types: offeredNot.join(', ') }))}`
      }</li>`,
    );
  }
  return `<ul>${lines.join('')}</ul>`;
}

function facts(c: Ctx, d: TumourBoardData): string {
  const k = d.cancer;
  const type = k.tumourType === null ? undefined : tumourType(k.tumourType);
  return c.t('tumourBoard.facts', {
    type:
      type === undefined
        ? c.t('tumourBoard.typeNotGiven')
        : c.t('tumourBoard.typeValue', { name: type.name, code: type.code }),
    purity: k.purity === null ? c.t('tumourBoard.purityUnknown') : c.pct(k.purity),
    caller: k.caller,
    tumour: k.tumour,
    normal:
      k.normal === null
        ? c.t('tumourBoard.tumourOnly')
        : c.t('tumourBoard.normalSample', { sample: k.normal }),
  });
}

function somaticRow(c: Ctx, r: SomaticRow, review: TierReview | undefined): string {
  const hotspot =
    r.hotspot_label === null
      ? '–'
      : esc(c.t('tumourBoard.hotspot', { label: r.hotspot_label, count: r.hotspot_tumours ?? 0 }));
  const civic =
    r.civic_level === null
      ? ''
      : `<br>${esc(c.t('tumourBoard.civicLevel', { level: r.civic_level }))}`;
  return `<tr class="variant" data-variant="${esc(r.variant_key)}">
<td>${esc(variantName(r))}<br><small>${esc(r.variant_key)}</small></td>
<td>${r.t_dp === null ? c.pct(r.t_vaf) : esc(c.t('tumourBoard.reads', { vaf: c.pct(r.t_vaf), count: r.t_dp }))}</td><td>${c.pct(r.n_vaf)}</td>
<td data-tier="${esc(r.tier)}">${esc(tierText(c, r.tier, r.tier_level))}${evidenceList(c, r)}</td>
<td>${confirmed(c, review)}</td>
<td>${hotspot}${civic}</td></tr>`;
}

/**
 * Where the germline findings come from, as the case has it (issue 19): the separate germline VCF
 * (decision 0059) for predisposition, the tumour-normal VCF's normal for the germline leaks, or
 * neither for a tumour-only case without a germline VCF.
 */
function germlineLimitations(t: DocumentT, k: CancerRecord): string[] {
  const file = k.germline;
  if (file === undefined)
    return [t(`tumourBoard.limitation.${k.normal === null ? 'germlineNone' : 'germline'}`)];
  return [
    t('tumourBoard.limitation.germlineVcf', { sample: file.sample, file: file.name }),
    ...(k.normal === null ? [] : [t('tumourBoard.limitation.germlineLeaks')]),
  ];
}

/** The tumour-board section (HTML fragment) of a cancer case's report, in `lang` (decision 0048). */
export function tumourBoardHtml(d: TumourBoardData, lang: Language = 'en'): string {
  const t = documentTranslator(lang);
  const c: Ctx = {
    t,
    lang,
    pct: (x) => (x === null ? '–' : formatPercent(x, lang, 1)),
  };
  const reviews = new Map((d.cancer.reviews ?? []).map((x) => [x.variantKey, x]));
  const somatic = d.rows
    .filter((r) => !r.germline_leak)
    .sort((a, b) => TIER_ORDER.indexOf(a.tier) - TIER_ORDER.indexOf(b.tier));
  const rows = somatic.map((r) => somaticRow(c, r, reviews.get(r.variant_key)));
  const fed = somatic.map((r) => `<h4>${esc(variantName(r))}</h4>${federated(c, r, d.answers)}`);
  const col = (k: string): string => `<th>${esc(t(`tumourBoard.column.${k}`))}</th>`;
  const limitations = [
    ...['tiers', 'civic', 'federation'].map((k) => t(`tumourBoard.limitation.${k}`)),
    ...germlineLimitations(t, d.cancer),
  ].map((x) => `<li>${esc(x)}</li>`);
  return `<section class="tumour-board" id="tumour-board">
<h2>${esc(t('tumourBoard.heading'))}</h2>
<p>${esc(facts(c, d))}</p>${
    d.calls !== undefined && d.calls > d.rows.length
      ? `\n<p class="listed" data-listed="${String(d.rows.length)}" data-calls="${String(d.calls)}">${esc(t('tumourBoard.listed', { shown: d.rows.length, total: d.calls }))}</p>`
      : ''
  }
<table><thead><tr>${['variant', 'tumourVaf', 'normalVaf', 'proposed', 'oncologist', 'hotspot'].map(col).join('')}</tr></thead>
<tbody>${rows.join('') || `<tr><td colspan="6">${esc(t('tumourBoard.noCalls'))}</td></tr>`}</tbody></table>
<h3>${esc(t('tumourBoard.knowledge'))}</h3>
<ul><li>${esc(t('tumourBoard.knowledgeHotspots'))}: ${esc(d.knowledge.hotspots)}</li><li>${esc(t('tumourBoard.knowledgeCivic'))}: ${esc(d.knowledge.civic)}</li><li>${esc(t('tumourBoard.knowledgeClinvar'))}: ${esc(d.knowledge.clinvar)}</li></ul>
<h3>${esc(t('tumourBoard.federated'))}</h3>
${fed.join('')}
${germlineSection(
  { t, lang, pct: c.pct },
  d.rows.filter((r) => r.germline_leak),
  d.germline,
)}
<h3>${esc(t('tumourBoard.limitations'))}</h3>
<ul>${limitations.join('')}</ul>
</section>`;
}
