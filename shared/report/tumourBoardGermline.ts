import { criterionLabel } from '../acmg/criteria';
import type { GermlineResult } from '../cancer/germline';
import type { SomaticRow } from '../cancer/channels';
import type { VariantWork } from '../cases/workChannels';
import { authorText } from '../cases/author';
import type { DocumentT } from '../i18n/documents';
import { termText } from '../i18n/documents';
import { formatDateTime } from '../i18n/format';
import type { Language } from '../i18n/languages';
import { zygosity } from './reportData';
import { esc } from './reportHtml';

/**
 * The tumour board's germline findings (issue 19): the calls whose normal carries the allele (the
 * somatic caller's germline leaks), and the CPSR-style predisposition view: the superpanel applied
 * to the germline sample, with each variant the oncologist took into the ACMG/AMP review and the
 * class confirmed on its evidence sheet (issue 18).
 */

export interface GermlineFindings {
  readonly result: GermlineResult;
  /** The case's reviewed variants (case work); those among `result.rows` are germline findings. */
  readonly reviewed: readonly VariantWork[];
}

interface Ctx {
  readonly t: DocumentT;
  readonly lang: Language;
  readonly pct: (x: number | null) => string;
}

const nameOf = (s: VariantWork['variant']): string =>
  `${s.gene ?? ''} ${s.hgvs_p ?? s.hgvs_c ?? s.variantKey}`.trim();

function reviewLine(c: Ctx, v: VariantWork): string {
  const s = v.variant;
  const codes = v.sheet.criteria
    .filter((x) => x.status === 'accepted')
    .map((x) => criterionLabel(x.code, x.strength));
  const base = {
    variant: nameOf(s),
    key: s.variantKey,
    zygosity: termText(c.t, 'zygosity', zygosity(s.gt)),
  };
  const k = v.sheet.confirmed;
  const head =
    k === null
      ? c.t('tumourBoard.germline.unclassified', base)
      : c.t('tumourBoard.germline.classified', {
          ...base,
          cls: termText(c.t, 'acmgClass', k.cls),
          by: authorText(c.t, k),
          at: formatDateTime(k.at, c.lang),
        });
  const criteria =
    codes.length === 0
      ? c.t('tumourBoard.germline.noCriteria')
      : c.t('tumourBoard.germline.criteria', { codes: codes.join(', ') });
  return `<li data-germline="${esc(s.variantKey)}" data-class="${k === null ? 'unconfirmed' : esc(k.cls)}">${esc(head)}; ${esc(criteria)}</li>`;
}

function predisposition(c: Ctx, g: GermlineFindings | undefined): string {
  const heading = `<h4>${esc(c.t('tumourBoard.germline.predisposition'))}</h4>`;
  if (g === undefined || g.result.sample === null)
    return `${heading}<p data-predisposition="not-assessed">${esc(c.t('tumourBoard.germline.noSource'))}</p>`;
  const r = g.result;
  const keys = new Set(r.rows.map((x) => x.variant_key));
  const reviewed = g.reviewed.filter((v) => keys.has(v.variant.variantKey));
  const panel = c.t('tumourBoard.germline.panel', {
    panel: r.panel.version,
    source:
      r.file === null
        ? c.t('tumourBoard.germline.sourceNormal', { sample: r.sample ?? '' })
        : c.t('tumourBoard.germline.sourceGermlineVcf', { sample: r.sample ?? '', file: r.file }),
    carried: c.t('tumourBoard.germline.carried', { count: r.total }),
  });
  return `${heading}<p data-predisposition="${String(r.total)}">${esc(panel)}</p>${
    reviewed.length === 0
      ? `<p>${esc(c.t('tumourBoard.germline.notReviewed'))}</p>`
      : `<p>${esc(c.t('tumourBoard.germline.reviewed'))}</p><ul>${reviewed.map((v) => reviewLine(c, v)).join('')}</ul>`
  }`;
}

/** The "Germline findings" part of the tumour-board section. */
export function germlineSection(
  c: Ctx,
  leaks: readonly SomaticRow[],
  g: GermlineFindings | undefined,
): string {
  const name = (r: SomaticRow): string =>
    `${r.gene ?? ''} ${r.protein_change ?? r.hgvs_p ?? r.variant_key}`.trim();
  const leakList =
    leaks.length === 0
      ? `<p>${esc(c.t('tumourBoard.germline.noLeak'))}</p>`
      : `<p>${esc(c.t('tumourBoard.germline.leaks'))}</p><ul>${leaks
          .map(
            (r) =>
              `<li>${esc(c.t('tumourBoard.germline.leak', { variant: name(r), key: r.variant_key, vaf: c.pct(r.n_vaf) }))}${
                r.predisposition_gene ? `, ${esc(c.t('tumourBoard.germline.inPanel'))}` : ''
              }</li>`,
          )
          .join('')}</ul>`;
  return `<h3>${esc(c.t('tumourBoard.germline.heading'))}</h3>
${leakList}
${predisposition(c, g)}`;
}
